"""Hand-written plugin models that refine the generated ones; they win on lookup.

Each override subclasses the generated model of its SeaTunnel version, keeps every option,
and adds clearer documentation, precise types and validated examples. `OVERRIDES` maps
(version, kind, plugin name) to `module:class`.
"""

from __future__ import annotations

OVERRIDES: dict[tuple[str, str, str], str] = {
    (
        "2.3.8",
        "source",
        "FakeSource",
    ): "stconfig.catalog.overrides.v2_3_8.source.fake_source:FakeSource",
    (
        "2.3.8",
        "source",
        "MySQL-CDC",
    ): "stconfig.catalog.overrides.v2_3_8.source.mysql_cdc:MySQLCDCSource",
    ("2.3.8", "sink", "Console"): "stconfig.catalog.overrides.v2_3_8.sink.console:ConsoleSink",
    (
        "2.3.8",
        "transform",
        "FieldMapper",
    ): "stconfig.catalog.overrides.v2_3_8.transform.field_mapper:FieldMapperTransform",
    (
        "2.3.8",
        "transform",
        "Filter",
    ): "stconfig.catalog.overrides.v2_3_8.transform.filter:FilterTransform",
    ("2.3.8", "source", "Jdbc"): "stconfig.catalog.overrides.v2_3_8.source.jdbc:JdbcSource",
    ("2.3.8", "sink", "Jdbc"): "stconfig.catalog.overrides.v2_3_8.sink.jdbc:JdbcSink",
    ("2.3.8", "source", "Kafka"): "stconfig.catalog.overrides.v2_3_8.source.kafka:KafkaSource",
    ("2.3.8", "sink", "Kafka"): "stconfig.catalog.overrides.v2_3_8.sink.kafka:KafkaSink",
    ("2.3.8", "transform", "Sql"): "stconfig.catalog.overrides.v2_3_8.transform.sql:SqlTransform",
    (
        "2.3.8",
        "source",
        "LocalFile",
    ): "stconfig.catalog.overrides.v2_3_8.source.local_file:LocalFileSource",
    (
        "2.3.8",
        "sink",
        "LocalFile",
    ): "stconfig.catalog.overrides.v2_3_8.sink.local_file:LocalFileSink",
    ("2.3.8", "source", "S3File"): "stconfig.catalog.overrides.v2_3_8.source.s3_file:S3FileSource",
    ("2.3.8", "sink", "S3File"): "stconfig.catalog.overrides.v2_3_8.sink.s3_file:S3FileSink",
    (
        "2.3.8",
        "source",
        "HdfsFile",
    ): "stconfig.catalog.overrides.v2_3_8.source.hdfs_file:HdfsFileSource",
    ("2.3.8", "sink", "HdfsFile"): "stconfig.catalog.overrides.v2_3_8.sink.hdfs_file:HdfsFileSink",
    ("2.3.8", "source", "Hive"): "stconfig.catalog.overrides.v2_3_8.source.hive:HiveSource",
    ("2.3.8", "sink", "Hive"): "stconfig.catalog.overrides.v2_3_8.sink.hive:HiveSink",
    ("2.3.8", "source", "Doris"): "stconfig.catalog.overrides.v2_3_8.source.doris:DorisSource",
    ("2.3.8", "sink", "Doris"): "stconfig.catalog.overrides.v2_3_8.sink.doris:DorisSink",
    (
        "2.3.8",
        "source",
        "StarRocks",
    ): "stconfig.catalog.overrides.v2_3_8.source.star_rocks:StarRocksSource",
    (
        "2.3.8",
        "sink",
        "StarRocks",
    ): "stconfig.catalog.overrides.v2_3_8.sink.star_rocks:StarRocksSink",
    (
        "2.3.8",
        "source",
        "Clickhouse",
    ): "stconfig.catalog.overrides.v2_3_8.source.clickhouse:ClickhouseSource",
    (
        "2.3.8",
        "sink",
        "Clickhouse",
    ): "stconfig.catalog.overrides.v2_3_8.sink.clickhouse:ClickhouseSink",
    (
        "2.3.8",
        "source",
        "Elasticsearch",
    ): "stconfig.catalog.overrides.v2_3_8.source.elasticsearch:ElasticsearchSource",
    (
        "2.3.8",
        "sink",
        "Elasticsearch",
    ): "stconfig.catalog.overrides.v2_3_8.sink.elasticsearch:ElasticsearchSink",
    ("2.3.8", "source", "Paimon"): "stconfig.catalog.overrides.v2_3_8.source.paimon:PaimonSource",
    ("2.3.8", "sink", "Paimon"): "stconfig.catalog.overrides.v2_3_8.sink.paimon:PaimonSink",
    (
        "2.3.8",
        "source",
        "Iceberg",
    ): "stconfig.catalog.overrides.v2_3_8.source.iceberg:IcebergSource",
    ("2.3.8", "sink", "Iceberg"): "stconfig.catalog.overrides.v2_3_8.sink.iceberg:IcebergSink",
    ("2.3.8", "source", "Http"): "stconfig.catalog.overrides.v2_3_8.source.http:HttpSource",
    ("2.3.8", "sink", "Http"): "stconfig.catalog.overrides.v2_3_8.sink.http:HttpSink",
    ("2.3.8", "sink", "Assert"): "stconfig.catalog.overrides.v2_3_8.sink.assert_:AssertSink",
}

__all__ = ["OVERRIDES"]
