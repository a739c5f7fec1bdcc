"""Plugin builders and their `>>` wiring.

`Source`, `Transform` and `Sink` are the generic plugins: a SeaTunnel plugin name and free
options, for any plugin (the escape hatch for plugins the catalog does not know; the linter
warns about unknown ones). `a >> b` makes `b` read the table `a` produces; the table name is
the user's `plugin_output` when given, otherwise one the job generates when it is built.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import ClassVar, TypeAlias, TypeVar, overload

from stconfig.dsl import _context
from stconfig.dsl._location import Location, caller
from stconfig.dsl.errors import DslError, WiringError
from stconfig.model.job import Kind

OUTPUT_KEYS = ("plugin_output", "result_table_name")
INPUT_KEYS = ("plugin_input", "source_table_name")

Input: TypeAlias = "Plugin | str"
"""A plugin whose table is read, or a table name produced by some plugin of the job."""

_P = TypeVar("_P", bound="Plugin")
_WIRES = itertools.count()


class Plugin:
    """One plugin block of a job: its kind, SeaTunnel name, options and table wiring."""

    kind: ClassVar[Kind]

    def __init__(
        self,
        name: str,
        options: Mapping[str, object] | None = None,
        /,
        *,
        plugin_output: str | None = None,
        plugin_input: Input | Sequence[Input] | None = None,
    ) -> None:
        self.location: Location | None = caller()
        if not isinstance(name, str) or not name.strip():
            raise DslError(f"a {self.kind} needs a plugin name, got {name!r}", self.location)
        self.name = name
        self.options: dict[str, object] = dict(options or {})
        self._inputs: list[tuple[Input, Location | None, int]] = []
        """What this plugin reads, where the wire was written, and when (a global count)."""
        self._input_as_list = False
        self.job = _context.current()
        self.plugin_output = plugin_output
        if plugin_output is not None:
            self._check_output(plugin_output)
        if plugin_input is not None:
            self._set_inputs(plugin_input)
        if self.job is not None:
            self.job.add(self)

    # table names ---------------------------------------------------------------------

    def _check_output(self, name: object) -> None:
        if self.kind == "sink":
            raise WiringError(
                "a sink produces no table; plugin_output is not allowed", self.location
            )
        if not isinstance(name, str) or not name.strip():
            raise WiringError(
                f"plugin_output must be a non-empty string, got {name!r}", self.location
            )
        raw = [key for key in OUTPUT_KEYS if key in self.options]
        if raw:
            raise DslError(
                f"plugin_output={name!r} and options[{raw[0]!r}] both name the output table",
                self.location,
            )

    def _set_inputs(self, given: Input | Sequence[Input]) -> None:
        if isinstance(given, str | Plugin):
            items: list[Input] = [given]
        else:
            items = list(given)
            self._input_as_list = True
        for item in items:
            self._connect(item, self.location)

    def _connect(self, upstream: Input, location: Location | None) -> None:
        if self.kind == "source":
            raise WiringError(f"a source takes no input ({self.name} reads nothing)", location)
        raw = [key for key in INPUT_KEYS if key in self.options]
        if raw:
            raise WiringError(
                f"{self.name} already names its input in options[{raw[0]!r}]", location
            )
        if isinstance(upstream, Plugin):
            if upstream.kind == "sink":
                raise WiringError(f"a sink produces no table ({upstream.name} >> ...)", location)
            if upstream is self:
                raise WiringError(f"{self.name} cannot read its own table", location)
            if upstream.job is not None and self.job is not None and upstream.job is not self.job:
                raise WiringError(
                    f"{upstream.name} and {self.name} belong to different jobs", location
                )
        elif not isinstance(upstream, str) or not upstream.strip():
            raise WiringError(f"an input is a plugin or a table name, not {upstream!r}", location)
        self._inputs.append((upstream, location, next(_WIRES)))

    @property
    def inputs(self) -> list[Input]:
        """What this plugin reads, in the order the wiring was written."""
        return [upstream for upstream, _, _ in self._inputs]

    # wiring ------------------------------------------------------------------------------

    @overload
    def __rshift__(self, other: _P) -> _P: ...

    @overload
    def __rshift__(self, other: Sequence[_P]) -> list[_P]: ...

    def __rshift__(self, other: _P | Sequence[_P]) -> _P | list[_P]:
        """`a >> b` or `a >> [b, c]`: the right side reads this plugin's table."""
        location = caller()
        if isinstance(other, Plugin):
            other._connect(self, location)
            return other
        targets = list(other)
        for target in targets:
            if not isinstance(target, Plugin):
                return NotImplemented
        for target in targets:
            target._connect(self, location)
        return targets

    def __rrshift__(self: _P, other: Sequence[Plugin]) -> _P:
        """`[a, b] >> c`: this plugin reads every table on the left, in that order."""
        location = caller()
        upstreams = list(other)
        for upstream in upstreams:
            if not isinstance(upstream, Plugin):
                return NotImplemented
        for upstream in upstreams:
            self._connect(upstream, location)
        return self

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"


class Source(Plugin):
    """Any source plugin by name: `Source("FakeSource", {"row.num": 10})`."""

    kind = "source"


class Transform(Plugin):
    """Any transform plugin by name: `Transform("Sql", {"query": "select * from t"})`."""

    kind = "transform"


class Sink(Plugin):
    """Any sink plugin by name: `Sink("Console")`."""

    kind = "sink"


__all__ = ["INPUT_KEYS", "OUTPUT_KEYS", "Input", "Plugin", "Sink", "Source", "Transform"]
