"""The pydantic base of every plugin model: SeaTunnel's common options and rule checking.

Generated models (`stconfig.catalog._generated`) subclass `SourceOptions`, `SinkOptions` or
`TransformOptions` and set `spec`. Field aliases are SeaTunnel keys; fallback (old) keys are
accepted through `AliasChoices`. Unknown keys are refused (`extra="forbid"`), because SeaTunnel
2.3.x would silently ignore them.

Plugin models defer building their validators (`defer_build=True` on `PluginOptions`,
inherited) to their first use: a plugin's class exists three times (generated, override, DSL
typed class) and only the one a job instantiates needs a validator, so `stconfig build` of a
two-plugin job builds 8 schemas instead of 17.

No `from __future__ import annotations` here (nor in the generated models): pydantic reads the
base fields' annotations again for every plugin class built on them, and compiles a string
annotation each time; evaluated once at import, they cost nothing more.
"""

from typing import Annotated, Any, ClassVar, Self

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from stconfig.catalog.rules import check_rules
from stconfig.catalog.schema_types import is_type
from stconfig.catalog.spec import PluginSpec
from stconfig.catalog.types import PLACEHOLDER, AtLeast, SeaTunnelType


def check_field_type(text: str) -> str:
    """Accept a SeaTunnel type string (`int`, `decimal(10, 2)`, `array<int>`, `map<K, V>`)."""
    if is_type(text) or PLACEHOLDER.search(text):
        return text
    raise ValueError(f"{text!r} is not a SeaTunnel type (such as int, array<int>, decimal(10, 2))")


def _check_fields(value: dict[str, Any]) -> dict[str, Any]:
    for name, kind in value.items():
        if isinstance(kind, dict):
            _check_fields(kind)
        elif isinstance(kind, str):
            check_field_type(kind)
        else:
            raise ValueError(f"field {name!r}: a type string or a nested row object is expected")
    return value


class _Block(BaseModel):
    """The `schema` block's models are built at once: every plugin with a `schema` option
    reuses their validators, where deferred ones would be rebuilt inside each plugin's."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, serialize_by_alias=True)


class Column(_Block):
    """One entry of `schema.columns`."""

    name: str
    type: str
    nullable: Annotated[bool | None, SeaTunnelType("boolean")] = None
    column_length: Annotated[int | None, SeaTunnelType("long")] = Field(None, alias="columnLength")
    column_scale: Annotated[int | None, SeaTunnelType("int")] = Field(None, alias="columnScale")
    default_value: Any = Field(None, alias="defaultValue")
    comment: str | None = None

    @field_validator("type")
    @classmethod
    def _type(cls, value: str) -> str:
        return check_field_type(value)


class PrimaryKey(_Block):
    """`schema.primaryKey`."""

    name: str
    column_names: list[str] = Field(alias="columnNames")


class ConstraintColumn(_Block):
    """A column of a constraint key, with its sort order."""

    column_name: str = Field(alias="columnName")
    sort_type: str | None = Field(None, alias="sortType")


class ConstraintKey(_Block):
    """One entry of `schema.constraintKeys`."""

    constraint_name: str = Field(alias="constraintName")
    constraint_type: str | None = Field(None, alias="constraintType")
    constraint_columns: list[ConstraintColumn] = Field(alias="constraintColumns")


class SchemaBlock(_Block):
    """SeaTunnel's `schema` block: `fields` (name to type, or nested row) or `columns`."""

    fields: dict[str, Any] | None = None
    columns: list[Column] | None = None
    primary_key: PrimaryKey | None = Field(None, alias="primaryKey")
    constraint_keys: list[ConstraintKey] | None = Field(None, alias="constraintKeys")
    table: str | None = None
    schema_first: Annotated[bool | None, SeaTunnelType("boolean")] = None
    comment: str | None = None

    @field_validator("fields")
    @classmethod
    def _fields(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        return None if value is None else _check_fields(value)


class PluginOptions(BaseModel):
    """Options every plugin accepts, whatever its kind."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        serialize_by_alias=True,
        frozen=False,
        defer_build=True,
    )
    spec: ClassVar[PluginSpec]

    plugin_name: str | None = None
    plugin_output: Annotated[str | None, SeaTunnelType("string")] = Field(
        None,
        alias="plugin_output",
        validation_alias=AliasChoices("plugin_output", "result_table_name"),
    )
    plugin_input: Annotated[list[str] | None, SeaTunnelType("list<string>")] = Field(
        None,
        alias="plugin_input",
        validation_alias=AliasChoices("plugin_input", "source_table_name"),
    )
    parallelism: Annotated[int | None, SeaTunnelType("int"), AtLeast(1)] = 1

    def seatunnel_options(self) -> dict[str, Any]:
        """The options that were set, keyed by SeaTunnel key (what a job file would hold)."""
        dumped: dict[str, Any] = self.model_dump(by_alias=True, exclude_unset=True)
        return dumped

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> Self:
        if info.context and info.context.get("skip_rules"):
            return self
        problems = check_rules(self.spec, self.seatunnel_options())
        if problems:
            raise ValueError("; ".join(str(p) for p in problems))
        return self


class SourceOptions(PluginOptions):
    """Options every source accepts."""

    dag_parsing_mode: Annotated[
        str | None, SeaTunnelType("enum", ("SINGLENESS", "SHARDING", "MULTIPLEX"))
    ] = Field("SINGLENESS", alias="dag-parsing.mode")


class TransformOptions(PluginOptions):
    """Options every transform accepts."""


class SinkOptions(PluginOptions):
    """Options every sink accepts."""

    multi_table_sink_replica: Annotated[int | None, SeaTunnelType("int")] = 1


__all__ = [
    "Column",
    "PluginOptions",
    "SchemaBlock",
    "SinkOptions",
    "SourceOptions",
    "TransformOptions",
    "check_field_type",
]
