"""The env options a `Job` takes, without pydantic: their keys, and the values that need no judge.

Importing pydantic and building `stconfig.dsl.env.Env` is about 500M of the 800M
instructions a cold `stconfig import` of a generic-plugin job took, yet nearly every `Job`
gets only plain values (`mode="BATCH"`, `parallelism=4`, a name). `plain_env` returns what
`Env.model_validate(values).flat()` would return when every value is plainly one the model
accepts as it is (an exact `str` or `int`, a `Var`, a known literal), and None otherwise, so
anything else still goes to `Env` and fails with its `ValidationError`, word for word.
tests/dsl/test_plain_env.py checks with hypothesis that the two agree wherever this answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from stconfig.dsl.variables import Var

Mode = Literal["BATCH", "STREAMING"]

ENV_FIELDS: dict[str, str] = {
    "name": "job.name",
    "mode": "job.mode",
    "parallelism": "parallelism",
    "checkpoint_interval": "checkpoint.interval",
    "checkpoint_timeout": "checkpoint.timeout",
    "read_limit_rows_per_second": "read_limit.rows_per_second",
    "read_limit_bytes_per_second": "read_limit.bytes_per_second",
    "savemode_execute_location": "savemode.execute.location",
    "jars": "jars",
    "custom_parameters": "custom_parameters",
    "tag_filter": "tag_filter",
    "retry_times": "job.retry.times",
    "retry_interval_seconds": "job.retry.interval.seconds",
    "shade_identifier": "shade.identifier",
}
"""`Env`'s fields, in its order -> the SeaTunnel key each writes."""

ENV_KEYS: dict[str, str] = {key: field for field, key in ENV_FIELDS.items()}
"""SeaTunnel env key -> the `Job(...)` keyword that sets it."""

RESTORE_KEYS = ("job.id", "restore.mode", "savepoint.path")

_POSITIVE = (
    "parallelism",
    "checkpoint_interval",
    "checkpoint_timeout",
    "read_limit_rows_per_second",
    "read_limit_bytes_per_second",
)
_NOT_NEGATIVE = ("retry_times", "retry_interval_seconds")
_CHOICES: dict[str, tuple[str, ...]] = {
    "mode": ("BATCH", "STREAMING"),
    "savemode_execute_location": ("CLUSTER", "CLIENT"),
}


def _plain(field: str, value: object) -> bool:
    """`value` is one `Env` keeps as it is for `field` (strict mode: no bool for an int)."""
    if value is None:
        return field in ENV_FIELDS
    if isinstance(value, Var):  # the retry counts refuse one: `ge=0` cannot compare it
        return field in ("name", "mode", *_POSITIVE)
    if type(value) is int:
        return (field in _POSITIVE and value > 0) or (field in _NOT_NEGATIVE and value >= 0)
    if type(value) is str:
        choices = _CHOICES.get(field)
        return value in choices if choices else field in ("name", "jars", "shade_identifier")
    return False


def plain_env(values: Mapping[str, object]) -> dict[str, object] | None:
    """The set options under their SeaTunnel keys, in field order, as `Env(...).flat()` gives
    them; None when a value needs `Env` to judge it (or to refuse it)."""
    if not all(_plain(field, value) for field, value in values.items()):
        return None
    return {
        key: values[field] for field, key in ENV_FIELDS.items() if values.get(field) is not None
    }


__all__ = ["ENV_FIELDS", "ENV_KEYS", "RESTORE_KEYS", "Mode", "plain_env"]
