"""Typed plugins: the catalog's pydantic models, made wireable.

`stconfig.dsl.connectors.FakeSource` is `TypedPlugin` + the catalog's `FakeSource` model, so
keyword options are the model's fields (IDE completion, mypy), an invalid value raises the
model's `ValidationError` (naming the option and the value) where the plugin is created,
and the object wires with `>>` like a generic plugin. `plugin_input` is wiring here: a plugin,
a table name, or a list of them.

What type checkers read is each class's generated stub (`_connectors/*.pyi`): keyword
parameters named as the model's fields, all optional, typed as the run time accepts them.
`SchemaDict` and its parts type the `schema` block written as a dict, keyed as in SeaTunnel.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypedDict, cast

from stconfig.dsl._location import caller
from stconfig.dsl.plugins import Input, Produces, Reads, Wired, check_output

if TYPE_CHECKING:
    from stconfig.catalog.base import PluginOptions

_TABLE_FIELDS = ("plugin_name", "plugin_output", "plugin_input")


class ColumnDict(TypedDict, total=False):
    """One entry of `schema.columns`; SeaTunnel requires `name` and `type`."""

    name: str
    type: str
    nullable: bool
    columnLength: int
    columnScale: int
    defaultValue: object
    comment: str


class PrimaryKeyDict(TypedDict):
    """`schema.primaryKey`."""

    name: str
    columnNames: Sequence[str]


class ConstraintColumnDict(TypedDict, total=False):
    """One column of a `schema.constraintKeys` entry."""

    columnName: str
    sortType: str


class ConstraintKeyDict(TypedDict, total=False):
    """One entry of `schema.constraintKeys`."""

    constraintName: str
    constraintType: str
    constraintColumns: Sequence[ConstraintColumnDict]


class SchemaDict(TypedDict, total=False):
    """SeaTunnel's `schema` block as a dict: `fields` (name to type, or a nested row of them)
    or `columns`, with keys spelled as in a job file."""

    fields: Mapping[str, str | Mapping[str, object]]
    columns: Sequence[ColumnDict]
    primaryKey: PrimaryKeyDict
    constraintKeys: Sequence[ConstraintKeyDict]
    table: str
    schema_first: bool
    comment: str


class TypedPlugin(Wired):
    """Mixed in before a catalog model: `class FakeSource(TypedPlugin, FakeSourceModel)`."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        spec = getattr(cls, "spec", None)
        if spec is not None:
            cls._st_kind = spec.kind

    def __init__(self, **data: Any) -> None:
        location = caller()
        given = list(data.values())
        order = list(data)
        wiring: Input | Sequence[Input] | None = data.pop("plugin_input", None)
        super().__init__(**data)
        self._st_setup(location)
        self._st_given_values = given
        fields = type(self)._st_model_fields()
        self._st_order = [fields[key].alias or key if key in fields else key for key in order]
        output = self._st_output()
        if output is not None:
            check_output(self, output)
        if wiring is not None:
            self._st_set_inputs(wiring)
        self._st_register()

    @classmethod
    def _st_model_fields(cls) -> dict[str, Any]:
        return dict(cast("type[PluginOptions]", cls).model_fields)

    def _st_model(self) -> PluginOptions:
        return cast("PluginOptions", self)

    def _st_name(self) -> str:
        return self._st_model().spec.name

    def _st_options(self) -> dict[str, object]:
        dumped = self._st_model().seatunnel_options()
        rank = {key: index for index, key in enumerate(self._st_order)}
        keys = sorted(
            (key for key in dumped if key not in _TABLE_FIELDS),
            key=lambda key: rank.get(key, len(rank)),
        )
        return {key: dumped[key] for key in keys}

    def _st_output(self) -> str | None:
        return self._st_model().plugin_output

    def _st_given(self) -> list[object]:
        return list(self._st_given_values)

    def __repr__(self) -> str:
        model = self._st_model()
        shown = ", ".join(f"{name}={getattr(model, name)!r}" for name in model.model_fields_set)
        return f"{type(self).__name__}({shown})"


class TypedSource(TypedPlugin, Produces):
    """A typed source: it produces a table and reads none."""


class TypedTransform(TypedPlugin, Produces, Reads):
    """A typed transform: it reads tables and produces one."""


class TypedSink(TypedPlugin, Reads):
    """A typed sink: it reads tables and produces none."""


__all__ = [
    "ColumnDict",
    "ConstraintColumnDict",
    "ConstraintKeyDict",
    "PrimaryKeyDict",
    "SchemaDict",
    "TypedPlugin",
    "TypedSink",
    "TypedSource",
    "TypedTransform",
]
