"""FakeSource source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import Field

from stconfig.catalog._generated.v2_3_8.source.fake_source import FakeSource as _Generated
from stconfig.catalog.types import AtLeast, SeaTunnelType


class FakeSource(_Generated):
    """Generates rows from a schema, for trying a pipeline without a real system.

    Set `schema.fields` (or `tables_configs` for several tables); `row.num` rows are generated per
    parallel reader, in `split.num` splits. Per-type `*.fake.mode = "template"` draws values from
    the matching `*.template` list, which is then required.
    """

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "plugin_output": "fake",
            "row.num": 16,
            "schema": {
                "fields": {
                    "id": "bigint",
                    "name": "string",
                    "price": "decimal(10, 2)",
                    "tags": "array<string>",
                }
            },
        },
        {
            "string.fake.mode": "template",
            "string.template": ["a", "b"],
            "schema": {"fields": {"s": "string"}},
        },
    )

    row_num: Annotated[int | None, SeaTunnelType("int"), AtLeast(0)] = Field(5, alias="row.num")
    split_num: Annotated[int | None, SeaTunnelType("int"), AtLeast(1)] = Field(1, alias="split.num")


__all__ = ["FakeSource"]
