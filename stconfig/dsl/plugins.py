"""Plugin builders and their `>>` wiring.

`Wired` holds what every plugin needs to be wired: its kind, where it was created, what it
reads. The state lives in `_st_*` attributes and methods so that typed plugins, which are the
catalog's pydantic models (`stconfig.dsl.connectors`), can carry it beside their options.

`Source`, `Transform` and `Sink` are the generic plugins: a SeaTunnel plugin name and free
options, for any plugin (the escape hatch for plugins the catalog does not know; the linter
warns about unknown ones). `a >> b` makes `b` read the table `a` produces; the table name is
the user's `plugin_output` when given, otherwise one the job generates when it is built.

`Produces` (sources, transforms) and `Reads` (transforms, sinks) carry the typed `>>`, so a
type checker flags `sink >> x` and `x >> source` where they are written; the run time refuses
them with a `WiringError` all the same.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar, TypeAlias, TypeVar, cast, overload

from stconfig.dsl import _context
from stconfig.dsl._location import Location, caller
from stconfig.dsl.errors import DslError, WiringError
from stconfig.model.job import Kind

if TYPE_CHECKING:
    from stconfig.dsl.job import Job

OUTPUT_KEYS = ("plugin_output", "result_table_name")
INPUT_KEYS = ("plugin_input", "source_table_name")

Input: TypeAlias = "Wired | str"
"""A plugin whose table is read, or a table name produced by some plugin of the job."""

_R = TypeVar("_R", bound="Reads")
_WIRES = itertools.count()


class Wired:
    """The wiring every plugin shares: `a >> b`, `a >> [b, c]`, `[a, b] >> c`."""

    _st_kind: ClassVar[Kind]
    _st_location: Location | None
    _st_job: Job | None
    _inputs: list[tuple[Input, Location | None, int]]
    """What this plugin reads, where the wire was written, and when (a global count)."""
    _input_as_list: bool

    def _st_setup(self, location: Location | None) -> None:
        self._st_location = location
        self._st_job = _context.current()
        self._inputs = []
        self._input_as_list = False

    def _st_register(self) -> None:
        if self._st_job is not None:
            self._st_job.add(self)

    def _st_name(self) -> str:
        """The SeaTunnel plugin name."""
        raise NotImplementedError

    def _st_options(self) -> dict[str, object]:
        """The options to write, table keys excepted unless the user wrote them raw."""
        raise NotImplementedError

    def _st_output(self) -> str | None:
        """The output table name the user gave, if any."""
        raise NotImplementedError

    def _st_given(self) -> list[object]:
        """The option values as the user passed them (variables and secrets intact)."""
        return list(self._st_options().values())

    def _st_inputs(self) -> list[Input]:
        """What this plugin reads, in the order the wiring was written."""
        return [upstream for upstream, _, _ in self._inputs]

    def _st_set_inputs(self, given: Input | Sequence[Input]) -> None:
        if isinstance(given, str | Wired):
            items: list[Input] = [given]
        else:
            items = list(given)
            self._input_as_list = True
        for item in items:
            self._st_connect(item, self._st_location)

    def _st_connect(self, upstream: Input, location: Location | None) -> None:
        name = self._st_name()
        if self._st_kind == "source":
            raise WiringError(f"a source takes no input ({name} reads nothing)", location)
        raw = [key for key in INPUT_KEYS if key in self._st_options()]
        if raw:
            raise WiringError(f"{name} already names its input in options[{raw[0]!r}]", location)
        if isinstance(upstream, Wired):
            if upstream._st_kind == "sink":
                raise WiringError(
                    f"a sink produces no table ({upstream._st_name()} >> ...)", location
                )
            if upstream is self:
                raise WiringError(f"{name} cannot read its own table", location)
            theirs, ours = upstream._st_job, self._st_job
            if theirs is not None and ours is not None and theirs is not ours:
                raise WiringError(
                    f"{upstream._st_name()} and {name} belong to different jobs", location
                )
        elif not isinstance(upstream, str) or not upstream.strip():
            raise WiringError(f"an input is a plugin or a table name, not {upstream!r}", location)
        self._inputs.append((upstream, location, next(_WIRES)))

    def _st_wire_into(self, other: object) -> object:
        """`self >> other`: `other` (a plugin or a list of them) reads this plugin's table."""
        location = caller()
        if isinstance(other, Wired):
            other._st_connect(self, location)
            return other
        if isinstance(other, str) or not isinstance(other, Sequence):
            raise TypeError(f"cannot wire a plugin into {other!r}")
        targets = list(other)
        for target in targets:
            if not isinstance(target, Wired):
                raise TypeError(f"cannot wire a plugin into {target!r}")
        for target in targets:
            target._st_connect(self, location)
        return targets

    def _st_read_all(self, other: object) -> None:
        """`[a, b] >> self`: this plugin reads every table on the left, in that order."""
        location = caller()
        if isinstance(other, str) or not isinstance(other, Sequence):
            raise TypeError(f"cannot wire {other!r} into a plugin")
        upstreams = list(other)
        for upstream in upstreams:
            if not isinstance(upstream, Wired):
                raise TypeError(f"cannot wire {upstream!r} into a plugin")
        for upstream in upstreams:
            self._st_connect(upstream, location)

    if not TYPE_CHECKING:
        # Untyped at this level, so that type checkers flag `sink >> x` and `[a] >> source`;
        # the run time still answers them with a WiringError naming the plugins.

        def __rshift__(self, other):
            return self._st_wire_into(other)

        def __rrshift__(self, other):
            self._st_read_all(other)
            return self


class Produces(Wired):
    """A plugin whose table others read: a source or a transform."""

    @overload
    def __rshift__(self, other: _R) -> _R: ...

    @overload
    def __rshift__(self, other: Sequence[Reads]) -> list[Reads]: ...

    def __rshift__(self, other: _R | Sequence[Reads]) -> _R | list[Reads]:
        """`a >> b` or `a >> [b, c]`: the right side reads this plugin's table."""
        return cast("_R | list[Reads]", self._st_wire_into(other))


class Reads(Wired):
    """A plugin that reads tables: a transform or a sink."""

    def __rrshift__(self: _R, other: Sequence[Produces]) -> _R:
        """`[a, b] >> c`: this plugin reads every table on the left, in that order."""
        self._st_read_all(other)
        return self


class Plugin(Wired):
    """A generic plugin: any SeaTunnel plugin by name, with free options."""

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
        self._st_setup(caller())
        if not isinstance(name, str) or not name.strip():
            raise DslError(f"a {self.kind} needs a plugin name, got {name!r}", self._st_location)
        self.name = name
        self.options: dict[str, object] = dict(options or {})
        self.plugin_output = plugin_output
        if plugin_output is not None:
            check_output(self, plugin_output)
        if plugin_input is not None:
            self._st_set_inputs(plugin_input)
        self._st_register()

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls._st_kind = cls.kind

    def _st_name(self) -> str:
        return self.name

    def _st_options(self) -> dict[str, object]:
        return self.options

    def _st_output(self) -> str | None:
        return self.plugin_output

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"


def check_output(plugin: Wired, name: object) -> None:
    """Refuse an output name the engine could not use, or one given twice."""
    location = plugin._st_location
    if plugin._st_kind == "sink":
        raise WiringError("a sink produces no table; plugin_output is not allowed", location)
    if not isinstance(name, str) or not name.strip():
        raise WiringError(f"plugin_output must be a non-empty string, got {name!r}", location)
    raw = [key for key in OUTPUT_KEYS if key in plugin._st_options()]
    if raw:
        raise DslError(
            f"plugin_output={name!r} and options[{raw[0]!r}] both name the output table",
            location,
        )


class Source(Plugin, Produces):
    """Any source plugin by name: `Source("FakeSource", {"row.num": 10})`."""

    kind = "source"


class Transform(Plugin, Produces, Reads):
    """Any transform plugin by name: `Transform("Sql", {"query": "select * from t"})`."""

    kind = "transform"


class Sink(Plugin, Reads):
    """Any sink plugin by name: `Sink("Console")`."""

    kind = "sink"


__all__ = [
    "INPUT_KEYS",
    "OUTPUT_KEYS",
    "Input",
    "Plugin",
    "Produces",
    "Reads",
    "Sink",
    "Source",
    "Transform",
    "Wired",
    "check_output",
]
