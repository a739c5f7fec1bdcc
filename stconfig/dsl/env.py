"""The `env` block as a typed pydantic model, so a bad value fails where the job is written.

Field names are the Python spellings; aliases are SeaTunnel's flat keys (seatunnel-job-files.md
§4.1). Values are strict: SeaTunnel reads `checkpoint.interval` with `Long.parseLong` and the
mode's case matters on Flink and Spark, so `"10s"` or `"batch"` are refused here rather than
at run time. Any other key goes through `Job(env={...})` unchanged.

A `Job` imports this module only for values that are not plainly valid
(stconfig.dsl._plain_env): plain ones need neither pydantic nor this model.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PositiveInt

from stconfig.dsl._plain_env import ENV_KEYS, RESTORE_KEYS, Mode
from stconfig.dsl.variables import Var


class Env(BaseModel):
    """SeaTunnel 2.3.8's env options, written flat and in this order."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=True,
        populate_by_name=True,
        arbitrary_types_allowed=True,
    )

    name: str | Var | None = Field(None, alias="job.name", description="The job's name.")
    mode: Mode | Var | None = Field(
        None, alias="job.mode", description="BATCH (the engine's default) or STREAMING."
    )
    parallelism: PositiveInt | Var | None = Field(
        None, description="Parallelism of the sources (transforms and sinks follow them)."
    )
    checkpoint_interval: PositiveInt | Var | None = Field(
        None,
        alias="checkpoint.interval",
        description="Milliseconds between checkpoints; unset in BATCH means no checkpoints.",
    )
    checkpoint_timeout: PositiveInt | Var | None = Field(
        None, alias="checkpoint.timeout", description="Milliseconds before a checkpoint fails."
    )
    read_limit_rows_per_second: PositiveInt | Var | None = Field(
        None, alias="read_limit.rows_per_second", description="Rows per second per source task."
    )
    read_limit_bytes_per_second: PositiveInt | Var | None = Field(
        None, alias="read_limit.bytes_per_second", description="Bytes per second per source task."
    )
    savemode_execute_location: Literal["CLUSTER", "CLIENT"] | None = Field(
        None, alias="savemode.execute.location", description="Where save modes run."
    )
    jars: str | None = Field(None, description="Extra jars: `;`-separated `file:///...jar` URIs.")
    custom_parameters: dict[str, Any] | None = Field(
        None, alias="custom_parameters", description="Free parameters passed to the engine."
    )
    tag_filter: dict[str, str] | None = Field(
        None, description="Run only on workers with these tags."
    )
    retry_times: int | Var | None = Field(
        None, alias="job.retry.times", ge=0, description="Restarts before the job fails (Zeta)."
    )
    retry_interval_seconds: int | Var | None = Field(
        None, alias="job.retry.interval.seconds", ge=0, description="Seconds between restarts."
    )
    shade_identifier: str | None = Field(
        None, alias="shade.identifier", description="How encrypted options are decoded."
    )

    def flat(self) -> dict[str, object]:
        """The set options under their SeaTunnel keys, in field order."""
        values: dict[str, object] = {}
        for field_name, info in type(self).model_fields.items():
            value = getattr(self, field_name)
            if value is not None:
                values[info.alias or field_name] = value
        return values


__all__ = ["ENV_KEYS", "RESTORE_KEYS", "Env", "Mode"]
