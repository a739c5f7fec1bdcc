"""Value errors where SeaTunnel 2.3.8 refuses the value while it builds the block, warnings
where it converts the value only when the job runs (facts read from its source; no engine)."""

from __future__ import annotations

from pathlib import Path

import pytest

from stconfig.catalog.registry import plugin_spec
from stconfig.catalog.rules import converted_by_rule
from stconfig.catalog.value_checks import endpoint_problem, jdbc_url_problem
from stconfig.lint.diagnostic import Diagnostic
from stconfig.lint.engine import lint_path
from stconfig.lint.settings import LintSettings

SOURCE = "FakeSource { schema { fields { id = int, name = string } } }"


def lint(tmp_path: Path, text: str, version: str = "2.3.8") -> list[Diagnostic]:
    path = tmp_path / "job.conf"
    path.write_text('env { job.mode = "BATCH" }\n' + text, encoding="utf-8")
    return lint_path(str(path), LintSettings(target_version=version, environ={}))


def found(diagnostics: list[Diagnostic], key: str) -> list[tuple[str, str, int]]:
    """(code, severity, line) of the findings about `key`."""
    return [(d.code, d.severity.value, d.line) for d in diagnostics if key in d.message]


def job(source: str = SOURCE, transform: str = "", sink: str = "Console {}") -> str:
    return f"source {{\n{source}\n}}\ntransform {{\n{transform}\n}}\nsink {{\n{sink}\n}}\n"


REPLACE = 'Replace { replace_field = "name", pattern = "a", replacement = "b", '


def test_replace_first_is_converted_only_when_is_regex_is_true(tmp_path: Path) -> None:
    regex = lint(tmp_path, job(transform=REPLACE + 'is_regex = true, replace_first = "maybe" }'))
    assert found(regex, "replace_first is 'maybe'") == [("ST303", "error", 6)]
    plain = lint(tmp_path, job(transform=REPLACE + 'is_regex = false, replace_first = "maybe" }'))
    [warning] = [d for d in plain if "replace_first is 'maybe'" in d.message]
    assert (warning.code, warning.severity.value) == ("ST312", "warning")
    assert "does not convert this value when it builds Replace" in warning.message


def test_replace_placeholder_follows_the_same_condition(tmp_path: Path) -> None:
    text = job(transform=REPLACE + 'is_regex = "TRUE", replace_first = "${unset_flag}" }')
    assert [c for c, _, _ in found(lint(tmp_path, text), "replace_first")] == ["ST303"]


ES = 'Elasticsearch { hosts = ["http://es:9200"], index = "i", tls_verify_hostname = "maybe"'


def test_elasticsearch_tls_flags_are_read_only_to_fetch_the_mapping(tmp_path: Path) -> None:
    mapping = lint(tmp_path, job(source=ES + ', source = ["id"] }'))
    assert found(mapping, "tls_verify_hostname is") == [("ST303", "error", 3)]
    schema = lint(tmp_path, job(source=ES + ", schema { fields { id = int } } }"))
    assert [c for c, _, _ in found(schema, "tls_verify_hostname is")] == ["ST312"]


KAFKA = 'Kafka { bootstrap.servers = "k:9092", topic = "t", format = json'


def test_kafka_start_mode_timestamp_is_converted_for_the_timestamp_mode(tmp_path: Path) -> None:
    timestamp = lint(
        tmp_path,
        job(source=KAFKA + ', start_mode = timestamp, start_mode.timestamp = "1.5x" }'),
    )
    assert [c for c, _, _ in found(timestamp, "start_mode.timestamp is")] == ["ST303"]
    latest = lint(tmp_path, job(source=KAFKA + ', start_mode.timestamp = "1.5x" }'))
    assert [c for c, _, _ in found(latest, "start_mode.timestamp is")] == ["ST312"]


ROCKETMQ = (
    'Rocketmq { name.srv.addr = "n:9876", topics = "t", schema { fields { id = int } }, '
    'start.mode.timestamp = "abc"'
)


def test_rocketmq_start_mode_timestamp_is_converted_only_for_the_timestamp_mode(
    tmp_path: Path,
) -> None:
    """RocketMqSource.prepare reads it with getLong only after `start.mode` (when set)
    names CONSUME_FROM_TIMESTAMP (`valueOf(s.toUpperCase())`)."""
    timestamp = job(source=ROCKETMQ + ", start.mode = consume_from_timestamp }")
    assert found(lint(tmp_path, timestamp), "start.mode.timestamp is") == [("ST303", "error", 3)]
    first = job(source=ROCKETMQ + ', start.mode = "CONSUME_FROM_FIRST_OFFSET" }')
    assert [c for c, _, _ in found(lint(tmp_path, first), "start.mode.timestamp is")] == ["ST312"]
    default = lint(tmp_path, job(source=ROCKETMQ + " }"))
    assert [c for c, _, _ in found(default, "start.mode.timestamp is")] == ["ST312"]


def test_kafka_debezium_flag_is_read_with_a_schema_for_debezium_json(tmp_path: Path) -> None:
    block = (
        'Kafka { bootstrap.servers = "k:9092", topic = "t", format = "{fmt}",'
        ' debezium_record_include_schema = "maybe" }'
    )
    read = lint(tmp_path, job(source=block.replace("{fmt}", "debezium_json")))
    assert [c for c, _, _ in found(read, "debezium_record_include_schema is")] == ["ST303"]
    unread = lint(tmp_path, job(source=block.replace("{fmt}", "json")))
    assert [c for c, _, _ in found(unread, "debezium_record_include_schema is")] == ["ST312"]


SFTP = (
    'SftpFile { host = "h", port = 22, user = "u", password = "p", path = "/in", '
    'xml_row_tag = "row", xml_use_attr_format = "maybe", file_format_type = '
)


def test_sftp_source_converts_xml_options_only_for_xml(tmp_path: Path) -> None:
    xml = lint(tmp_path, job(source=SFTP + "xml }"))
    assert [c for c, _, _ in found(xml, "xml_use_attr_format is")] == ["ST303"]
    json = lint(tmp_path, job(source=SFTP + "json }"))
    assert [c for c, _, _ in found(json, "xml_use_attr_format is")] == ["ST312"]


LOCAL = 'LocalFile { path = "/in", compress_codec = "zip", file_format_type = '


def test_local_file_source_compress_codec_depends_on_the_format(tmp_path: Path) -> None:
    json = lint(tmp_path, job(source=LOCAL + "json }"))
    assert [c for c, _, _ in found(json, "compress_codec is")] == ["ST307"]
    text = lint(tmp_path, job(source=LOCAL + "text, schema { fields { id = int } } }"))
    [finding] = [d for d in text if "compress_codec is" in d.message]
    assert finding.code == "ST307"
    assert "converts it after listing `path`" in finding.message
    parquet = lint(tmp_path, job(source=LOCAL + "parquet }"))
    assert [c for c, _, _ in found(parquet, "compress_codec is")] == ["ST312"]


def test_tables_configs_moves_the_reads_into_the_entries(tmp_path: Path) -> None:
    block = (
        'LocalFile { skip_header_row_number = "one", tables_configs = '
        '[{ path = "/a", file_format_type = json }] }'
    )
    assert [c for c, _, _ in found(lint(tmp_path, job(source=block)), "skip_header")] == ["ST312"]
    single = 'LocalFile { path = "/a", file_format_type = json, skip_header_row_number = "one" }'
    assert [c for c, _, _ in found(lint(tmp_path, job(source=single)), "skip_header")] == ["ST303"]


def test_console_delay_is_always_converted(tmp_path: Path) -> None:
    sink = 'Console { log.print.delay.ms = "soon" }'
    assert found(lint(tmp_path, job(sink=sink)), "log.print.delay.ms is") == [("ST303", "error", 9)]


S3 = (
    'S3File { bucket = "s3a://b", fs.s3a.endpoint = "s3.amazonaws.com", path = "/out", '
    'fs.s3a.aws.credentials.provider = "com.amazonaws.auth.InstanceProfileCredentialsProvider"'
)


def test_file_sink_compress_codec_is_the_choice_of_its_format(tmp_path: Path) -> None:
    orc = lint(tmp_path, job(sink=S3 + ', file_format_type = orc, compress_codec = "zlib" }'))
    assert found(orc, "compress_codec") == []
    misspelled = lint(
        tmp_path, job(sink=S3 + ', file_format_types = orc, compress_codec = "zlib" }')
    )
    [finding] = [d for d in misspelled if d.code == "ST307"]
    assert "file_format_type = CSV (its default)" in finding.message
    assert "allows only NONE, LZO" in finding.message
    csv = lint(tmp_path, job(sink=S3 + ', file_format_type = csv, compress_codec = "lzo" }'))
    assert found(csv, "compress_codec") == []


def test_file_sink_choices_are_not_checked_on_the_legacy_path(tmp_path: Path) -> None:
    hdfs = 'HdfsFile { fs.defaultFS = "hdfs://nn:9000", path = "/o", compress_codec = "zlib" }'
    assert [d for d in lint(tmp_path, job(sink=hdfs)) if d.code == "ST307"] == []


def test_config_validator_converts_rule_groups_and_condition_options() -> None:
    spec = plugin_spec("transform", "Replace", version="2.3.8")
    assert converted_by_rule(spec, {"is_regex": "true"}) >= {
        "replace_field",
        "pattern",
        "replacement",
        "is_regex",
        "replace_first",
    }
    assert "replace_first" not in converted_by_rule(spec, {"is_regex": False})
    assert "is_regex" in converted_by_rule(spec, {})


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("jdbc:opengauss://db:5432/app", True),
        ("jdbc:MySQL://db:3306/app", True),
        ("jdbc:mysql://db:3306/app", False),
        ("jdbc:postgresql://db/app", False),
        ("jdbc:IRIS://db:1972/USER", False),
        ("jdbc:oracle:thin:@db:1521/XE", False),
        ("jdbc:oracle:oci:@db", True),
        ("jdbc:sap://db:30015", False),
        ("", True),
    ],
)
def test_jdbc_dialects_of_2_3_8(url: str, refused: bool) -> None:
    assert (jdbc_url_problem(url) is not None) is refused


def test_jdbc_dialect_case_is_hinted() -> None:
    problem = jdbc_url_problem("jdbc:MySQL://db/app")
    assert problem is not None and "write 'jdbc:mysql:'" in problem


JDBC = 'Jdbc {{ url = "{url}", driver = "d", query = "select 1" }}'


def test_jdbc_source_and_sink_url_without_dialect_is_an_error(tmp_path: Path) -> None:
    source = JDBC.format(url="jdbc:opengauss://db:5432/app")
    sink = JDBC.format(url="jdbc:opengauss://db:5432/app").replace("query", "table")
    diagnostics = lint(tmp_path, job(source=source, sink=sink))
    assert [(c, s) for c, s, _ in found(diagnostics, "jdbc:opengauss")] == [
        ("ST314", "error"),
        ("ST314", "error"),
    ]
    finding = next(d for d in diagnostics if d.code == "ST314")
    assert (finding.line, finding.column) == (3, 14)  # at the value
    assert "JDBC-06" in finding.message


def test_jdbc_url_placeholder_is_left_to_submit_time(tmp_path: Path) -> None:
    source = JDBC.format(url="${JDBC_URL}")
    assert [d for d in lint(tmp_path, job(source=source)) if d.code == "ST314"] == []


@pytest.mark.parametrize(
    ("endpoint", "why"),
    [
        ("xxx", "Request URI(http or https) required."),
        ("<http://service.odps.aliyun.com/api>", "URISyntaxException"),
        ("http://service odps/api", "URISyntaxException"),
        ("ftp://service.odps.aliyun.com/api", "only http and https"),
    ],
)
def test_maxcompute_endpoint_problems(endpoint: str, why: str) -> None:
    problem = endpoint_problem(endpoint)
    assert problem is not None and why in problem


@pytest.mark.parametrize(
    "endpoint",
    ["http://service.odps.aliyun.com/api", "HTTPS://service.cn.maxcompute.aliyun.com/api"],
)
def test_maxcompute_endpoints_accepted(endpoint: str) -> None:
    assert endpoint_problem(endpoint) is None


MAXCOMPUTE = 'Maxcompute { accessId = "a", accesskey = "b", endpoint = "xxx", project = "p", '


def test_maxcompute_endpoint_error_where_prepare_calls_odps(tmp_path: Path) -> None:
    source = lint(tmp_path, job(source=MAXCOMPUTE + 'table_name = "t" }'))
    assert [(c, s) for c, s, _ in found(source, "endpoint 'xxx'")] == [("ST314", "error")]
    with_schema = MAXCOMPUTE + 'table_name = "t", schema { fields { id = int } } }'
    warned = lint(tmp_path, job(source=with_schema))
    assert [(c, s) for c, s, _ in found(warned, "endpoint 'xxx'")] == [("ST312", "warning")]
    sink = lint(tmp_path, job(sink=MAXCOMPUTE + 'table_name = "t" }'))
    assert [c for c, _, _ in found(sink, "endpoint 'xxx'")] == ["ST312"]
    overwrite = lint(tmp_path, job(sink=MAXCOMPUTE + 'table_name = "t", overwrite = true }'))
    assert [c for c, _, _ in found(overwrite, "endpoint 'xxx'")] == ["ST314"]


HTTP = 'Http {{ url = "http://api/x", method = "GET", format = "{fmt}"{schema} }}'


def test_http_sources_parse_only_json_rows_with_a_schema(tmp_path: Path) -> None:
    schema = ", schema { fields { id = int } }"
    text = lint(tmp_path, job(source=HTTP.format(fmt="text", schema=schema)))
    [finding] = [d for d in text if d.code == "ST314"]
    assert "COMMON-06" in finding.message and finding.column > 40  # at the value
    assert [
        d
        for d in lint(tmp_path, job(source=HTTP.format(fmt="text", schema="")))
        if d.code == "ST314"
    ] == []
    assert [
        d
        for d in lint(tmp_path, job(source=HTTP.format(fmt="JSON", schema=schema)))
        if d.code == "ST314"
    ] == []
    github = job(source=HTTP.format(fmt="text", schema=schema).replace("Http", "Github"))
    assert [d.code for d in lint(tmp_path, github) if d.code == "ST314"] == ["ST314"]
    wrong = lint(tmp_path, job(source=HTTP.format(fmt="xml", schema=schema)))
    assert [d.code for d in wrong if "format" in d.message] == ["ST307"]


def test_http_source_with_a_schema_and_no_format_reads_text(tmp_path: Path) -> None:
    block = 'Github { url = "http://api/x", access_token = "t", schema { fields { id = int } } }'
    [finding] = [d for d in lint(tmp_path, job(source=block)) if d.code == "ST314"]
    assert finding.message.startswith("Github: format is not set and its default applies")
    assert (finding.line, finding.column) == (3, 1)  # at the plugin


PAIMON = 'Paimon {{ warehouse = "hdfs:///tmp/paimon", database = "d", table = "t"{extra} }}'


def test_paimon_hdfs_warehouse_without_host_needs_fs_default_fs(tmp_path: Path) -> None:
    bare = lint(tmp_path, job(source=PAIMON.format(extra="")))
    assert [(d.code, d.column) for d in bare if "warehouse" in d.message] == [("ST314", 22)]
    nested = ', paimon.hadoop.conf = { fs.defaultFS = "hdfs://nameservice1" }'
    assert [
        d for d in lint(tmp_path, job(source=PAIMON.format(extra=nested))) if d.code == "ST314"
    ] == []
    flat = ', paimon.hadoop.conf = { "fs.defaultFS" = "hdfs://nn:8020" }'
    assert [
        d for d in lint(tmp_path, job(source=PAIMON.format(extra=flat))) if d.code == "ST314"
    ] == []
    sink = lint(tmp_path, job(sink=PAIMON.format(extra="")))
    assert [d.code for d in sink if "warehouse" in d.message] == ["ST312"]
    host = PAIMON.format(extra="").replace("hdfs:///", "hdfs://nn:8020/")
    assert [d for d in lint(tmp_path, job(source=host)) if "warehouse" in d.message] == []


def test_pulsar_source_with_a_schema_reads_json_or_canal_json(tmp_path: Path) -> None:
    block = (
        'Pulsar {{ topic = "t", client.service-url = "pulsar://p:6650", '
        'admin.service-url = "http://p:8080", subscription.name = "s", format = "{fmt}", '
        "schema {{ fields {{ id = int }} }} }}"
    )
    text = lint(tmp_path, job(source=block.format(fmt="text")))
    assert [d.code for d in text if "COMMON-07" in d.message] == ["ST314"]
    canal = lint(tmp_path, job(source=block.format(fmt="CANAL_JSON")))
    assert [d for d in canal if d.code == "ST314"] == []
