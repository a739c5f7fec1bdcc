"""HdfsFile source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.source.hdfs_file import HdfsFileSource as _Generated


class HdfsFileSource(_Generated):
    """Reads files from HDFS; `fs.defaultFS`, `path` and `file_format_type` are required."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "fs.defaultFS": "hdfs://namenode:9000",
            "path": "/warehouse/orders",
            "file_format_type": "orc",
        },
    )


__all__ = ["HdfsFileSource"]
