"""How the engine itself checks a plugin block, per SeaTunnel version (beside the catalog).

SeaTunnel 2.3.8's `MultipleTableJobConfigParser` validates a block against its factory's
`OptionRule` only when the factory implements `createSource` / `createSink` /
`createTransform`; for the others (`isFallback`) it calls the plugin's own `prepare(Config)`
and the `OptionRule` is never checked. `data/engine-checks-VERSION.json` records per plugin
`option_rule`, `prepare` (with the keys `prepare()` refuses to go without) or `none`; it is
written by `scripts/extract_engine_checks.py`, which asks the engine (the validation harness in
`stconfig.testing.validate`). Versions without a file return None: the linter then trusts the
`OptionRule` as before.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Literal

from stconfig._records import record

CheckKind = Literal["option_rule", "prepare", "none"]


@record(frozen=True)
class EngineCheck:
    """The engine's check of one plugin: its kind and, for `prepare`, what it requires."""

    check: CheckKind
    requires: tuple[str, ...] = ()
    """Keys `prepare()` refuses a block without."""
    one_of: tuple[tuple[str, ...], ...] = ()
    """Groups of keys of which `prepare()` needs at least one."""
    engine_message: str = ""
    """The engine's message when `prepare()` refuses an empty block."""
    strict_values: frozenset[str] | None = None
    """Typed options whose bad value the engine refuses while building the block, probed on
    one corpus block; None when not probed. A sample: the linter prefers the reads recorded
    from SeaTunnel's source (`build_values`), and ignores this for plugins recorded there as
    complete."""
    unless: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    """(key, option, values): `prepare()` requires `key` too, except when `option` is one of
    `values` (compared case-insensitively)."""
    together: tuple[tuple[tuple[str, ...], str], ...] = ()
    """(keys, engine message): `prepare()` requires all of `keys` once one of them is set (the
    Clickhouse sink's username and password), refusing with that message."""


@cache
def _table(version: str) -> dict[str, EngineCheck] | None:
    # Beside this module, not through importlib.resources (zipfile, tempfile...): the
    # package is installed as files, and a cold lint reads this table.
    resource = Path(__file__).parent / "data" / f"engine-checks-{version}.json"
    if not resource.is_file():
        return None
    raw = json.loads(resource.read_text("utf-8"))["plugins"]
    return {
        key.lower(): EngineCheck(
            entry["check"],
            tuple(entry.get("requires", ())),
            tuple(tuple(group) for group in entry.get("requires_one_of", ())),
            entry.get("engine_message", ""),
            None if "strict_values" not in entry else frozenset(entry["strict_values"]),
            tuple(
                (key, option, tuple(values))
                for key, (option, values) in entry.get("requires_unless", {}).items()
            ),
            tuple(
                (tuple(group["keys"]), group["engine_message"])
                for group in entry.get("requires_together", ())
            ),
        )
        for key, entry in raw.items()
    }


def engine_checks_known(version: str) -> bool:
    """Whether the engine of `version` was asked (its table lists every plugin it has)."""
    return _table(version) is not None


def engine_check(kind: str, name: str, *, version: str) -> EngineCheck | None:
    """How SeaTunnel `version` checks the `kind` plugin `name`; None when not recorded."""
    table = _table(version)
    if table is None:
        return None
    return table.get(f"{kind}.{name}".lower())


__all__ = ["CheckKind", "EngineCheck", "engine_check", "engine_checks_known"]
