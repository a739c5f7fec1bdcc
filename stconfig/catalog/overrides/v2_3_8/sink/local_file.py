"""LocalFile sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.local_file import LocalFileSink as _Generated


class LocalFileSink(_Generated):
    """Writes files to the engine's local file system; `path` is required."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "path": "/data/out",
            "file_format_type": "csv",
            "enable_header_write": True,
            "compress_codec": "none",
        },
        {"path": "/data/out", "file_format_type": "parquet", "compress_codec": "snappy"},
    )


__all__ = ["LocalFileSink"]
