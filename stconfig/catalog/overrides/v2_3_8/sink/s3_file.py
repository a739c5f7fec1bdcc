"""S3File sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.s3_file import S3FileSink as _Generated


class S3FileSink(_Generated):
    """Writes files to S3 (or S3-compatible storage) through hadoop-aws."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "bucket": "s3a://lake",
            "path": "/orders",
            "fs.s3a.endpoint": "s3.eu-west-1.amazonaws.com",
            "access_key": "AK",
            "secret_key": "SK",
            "file_format_type": "orc",
            "compress_codec": "zlib",
        },
    )


__all__ = ["S3FileSink"]
