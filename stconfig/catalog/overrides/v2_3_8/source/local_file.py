"""LocalFile source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.source.local_file import LocalFileSource as _Generated


class LocalFileSource(_Generated):
    """Reads files from the engine's local file system (text, csv, json, xml, parquet, orc, excel).

    Text formats need a `schema`; `file_format_type = "text"` also `field_delimiter` (default
    `\u0001`).
    """

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "path": "/data/in",
            "file_format_type": "json",
            "schema": {"fields": {"id": "bigint", "name": "string"}},
        },
        {"path": "/data/in", "file_format_type": "parquet"},
    )


__all__ = ["LocalFileSource"]
