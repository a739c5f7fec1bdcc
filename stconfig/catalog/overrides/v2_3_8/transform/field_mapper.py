"""FieldMapper transform (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.transform.field_mapper import (
    FieldMapperTransform as _Generated,
)


class FieldMapperTransform(_Generated):
    """Keeps, reorders and renames fields: `field_mapper` maps old names to new names."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "plugin_input": ["fake"],
            "plugin_output": "renamed",
            "field_mapper": {"id": "order_id", "name": "customer"},
        },
    )


__all__ = ["FieldMapperTransform"]
