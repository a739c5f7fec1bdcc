"""S3File source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.source.s3_file import S3FileSource as _Generated


class S3FileSource(_Generated):
    """Reads files from S3 (or S3-compatible storage) through hadoop-aws.

    `bucket` (`s3a://name`), `path`, `fs.s3a.endpoint` and `file_format_type` are required; the
    default credentials provider also needs `access_key` and `secret_key`.
    """

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "bucket": "s3a://lake",
            "path": "/orders",
            "fs.s3a.endpoint": "s3.eu-west-1.amazonaws.com",
            "access_key": "AK",
            "secret_key": "SK",
            "file_format_type": "parquet",
        },
    )


__all__ = ["S3FileSource"]
