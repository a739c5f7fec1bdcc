"""Filter transform (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.transform.filter import FilterTransform as _Generated


class FilterTransform(_Generated):
    """Keeps some fields (`include_fields`) or drops some (`exclude_fields`): one of the two."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {"include_fields": ["id", "name"]},
        {"exclude_fields": ["password"]},
    )


__all__ = ["FilterTransform"]
