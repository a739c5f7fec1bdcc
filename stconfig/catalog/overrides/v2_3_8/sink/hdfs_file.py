"""HdfsFile sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.hdfs_file import HdfsFileSink as _Generated


class HdfsFileSink(_Generated):
    """Writes files to HDFS; `fs.defaultFS` and `path` are required."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "fs.defaultFS": "hdfs://namenode:9000",
            "path": "/warehouse/out",
            "file_format_type": "text",
            "field_delimiter": "\t",
        },
    )


__all__ = ["HdfsFileSink"]
