"""validate_options follows SeaTunnel's reading of options, and names the SeaTunnel key."""

from __future__ import annotations

import subprocess
import sys

import pytest

from stconfig import catalog

MYSQL = {"base-url": "jdbc:mysql://db:3306/a", "username": "u", "password": "p"}
# FakeSource needs a schema (or tables_configs) when the job starts: see run_time rules
SCHEMA = {"schema": {"fields": {"id": "bigint"}}}


def kinds_and_keys(problems: list[catalog.OptionProblem]) -> list[tuple[str, str]]:
    return [(p.kind, p.key) for p in problems]


def test_misspelled_key_is_unknown_with_a_suggestion() -> None:
    problems = catalog.validate_options("source", "FakeSource", {**SCHEMA, "row.nums": 5})
    assert kinds_and_keys(problems) == [("unknown", "row.nums")]
    assert problems[0].suggestion == "row.num"
    assert "SeaTunnel ignores it" in problems[0].message


def test_required_option_with_a_default_is_satisfied() -> None:
    # S3File requires fs.s3a.aws.credentials.provider, which has a default
    options = {"path": "/x", "file_format_type": "orc", "bucket": "s3a://b", "fs.s3a.endpoint": "e"}
    assert catalog.validate_options("source", "S3File", options) == []


def test_condition_is_evaluated_against_the_default() -> None:
    # Jdbc sink: generate_sink_sql defaults to false, and false requires a query
    options = {"url": "jdbc:mysql://db/a", "driver": "com.mysql.cj.jdbc.Driver"}
    problems = catalog.validate_options("sink", "Jdbc", options)
    assert kinds_and_keys(problems) == [("conditional", "query")]
    assert "(its default)" in problems[0].message


def test_condition_matches_an_enum_spelled_as_seatunnel_prints_it() -> None:
    provider = "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider"
    options = {
        "path": "/x",
        "file_format_type": "orc",
        "bucket": "s3a://b",
        "fs.s3a.endpoint": "e",
        "fs.s3a.aws.credentials.provider": provider,
    }
    problems = catalog.validate_options("source", "S3File", options)
    assert kinds_and_keys(problems) == [
        ("conditional", "access_key"),
        ("conditional", "secret_key"),
    ]


def test_condition_compares_enum_values_case_insensitively() -> None:
    options = {"bootstrap.servers": "k:9092", "topic": "t", "start_mode": "timestamp"}
    problems = catalog.validate_options("source", "Kafka", options)
    assert kinds_and_keys(problems) == [("conditional", "start_mode.timestamp")]
    assert "start_mode = 'timestamp'" in problems[0].message


def test_exclusive_needs_exactly_one() -> None:
    none_set = catalog.validate_options("source", "MySQL-CDC", MYSQL)
    assert kinds_and_keys(none_set) == [("exclusive", "table-names")]
    both = {**MYSQL, "table-names": ["a.t"], "table-pattern": "a.*"}
    assert kinds_and_keys(catalog.validate_options("source", "MySQL-CDC", both)) == [
        ("exclusive", "table-pattern")
    ]


def test_bundled_options_go_together() -> None:
    options = {"host": "ch:8123", "database": "d", "table": "t", "username": "u"}
    problems = catalog.validate_options("sink", "Clickhouse", options)
    assert kinds_and_keys(problems) == [("bundled", "password")]


def test_missing_required_names_the_key() -> None:
    problems = catalog.validate_options("source", "Jdbc", {"url": "jdbc:x"})
    assert kinds_and_keys(problems) == [("missing", "driver")]


def test_out_of_enum_value_is_reported_with_a_suggestion() -> None:
    options = {**SCHEMA, "string.fake.mode": "templat"}
    problems = catalog.validate_options("source", "FakeSource", options)
    assert kinds_and_keys(problems) == [("enum", "string.fake.mode")]
    assert problems[0].suggestion == "TEMPLATE"


def test_enum_aliases_and_case_are_accepted() -> None:
    options = {"path": "/x", "datetime_format": "yyyy-MM-dd'T'HH:mm:ss", "file_format_type": "Orc"}
    assert catalog.validate_options("source", "LocalFile", options) == []


def test_type_conversion_is_lenient_like_seatunnel() -> None:
    options = {**SCHEMA, "row.num": "10", "string.template": "a, b", "string.fake.mode": "template"}
    assert catalog.validate_options("source", "FakeSource", options) == []
    problems = catalog.validate_options("source", "FakeSource", {**SCHEMA, "row.num": "ten"})
    assert kinds_and_keys(problems) == [("type", "row.num")]


def test_placeholders_are_not_judged() -> None:
    options = {**SCHEMA, "row.num": "${rows}"}
    assert catalog.validate_options("source", "FakeSource", options) == []


def test_fallback_keys_and_table_names() -> None:
    old = {"result_table_name": "t", "source_table_name": "a,b"}
    assert catalog.validate_options("transform", "Sql", {**old, "query": "select 1"}) == []
    model = catalog.lookup("transform", "sql").model_validate({**old, "query": "select 1"})
    assert model.plugin_output == "t"
    assert model.plugin_input == ["a", "b"]


def test_nested_spelling_and_map_entries_are_known() -> None:
    nested = {**SCHEMA, "row": {"num": 3}, "split": {"num": 2}}
    assert catalog.validate_options("source", "FakeSource", nested) == []
    options = {"bootstrap.servers": "k:9092", "topic": "t", "kafka.config.acks": "all"}
    assert catalog.validate_options("sink", "Kafka", options) == []


def test_fake_source_needs_a_schema_when_the_job_starts() -> None:
    # the OptionRule leaves schema optional, but FakeConfig builds the table from it
    problems = catalog.validate_options("source", "FakeSource", {"row.num": 5})
    assert kinds_and_keys(problems) == [("run_time", "schema")]
    assert "Schema config need option [schema]" in problems[0].message
    tables = {"tables_configs": [{**SCHEMA, "row.num": 5}]}
    assert catalog.validate_options("source", "FakeSource", {"row.num": 5, **tables}) == []
    options = {**SCHEMA, "row.num": 5}
    assert catalog.validate_options("source", "FakeSource", options) == []


def test_schema_block_is_typed() -> None:
    good = {
        "schema": {"fields": {"a": "map<string, int>", "b": "decimal(10, 2)", "r": {"x": "int"}}}
    }
    assert catalog.validate_options("source", "FakeSource", good) == []
    bad = {"schema": {"fields": {"a": "array"}}}
    assert kinds_and_keys(catalog.validate_options("source", "FakeSource", bad)) == [
        ("type", "schema.fields")
    ]


def test_models_raise_on_rule_violations_when_built_directly() -> None:
    model = catalog.lookup("source", "Jdbc")
    with pytest.raises(ValueError, match="'driver' is required"):
        model.model_validate({"url": "jdbc:x"})


def test_plugin_lookup_is_case_insensitive_with_suggestions() -> None:
    assert catalog.canonical_name("transform", "SQL") == "Sql"
    assert catalog.suggest("source", "MySQL") == ["MySQL-CDC", "Jdbc"]
    assert catalog.suggest("source", "connector-fake") == ["FakeSource"]
    assert catalog.suggest("sink", "Consol") == ["Console"]
    with pytest.raises(catalog.UnknownPluginError, match="did you mean 'FakeSource'"):
        catalog.lookup("source", "connector-fake")


def test_importing_the_package_and_specs_does_not_import_pydantic() -> None:
    code = (
        "import sys, stconfig, stconfig.catalog as c; "
        "c.plugin_spec('source', 'FakeSource'); c.suggest('source', 'x'); "
        "print('pydantic' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


def test_checking_a_job_imports_only_the_models_it_uses() -> None:
    code = (
        "import sys\n"
        "from stconfig import catalog\n"
        "catalog.validate_options('source', 'FakeSource', {'row.num': 5})\n"
        "catalog.validate_options('sink', 'console', {})\n"
        "prefix = 'stconfig.catalog._generated.v2_3_8.'\n"
        "print(sorted(m[len(prefix):] for m in sys.modules if m.startswith(prefix)\n"
        "    and m.rsplit('.', 1)[1] not in ('source', 'sink', 'transform', 'specs')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == [
        "['sink.console',",
        "'source.fake_source',",
        "'specs.sink.console',",
        "'specs.source.fake_source']",
    ]


def test_unknown_version_is_a_clear_error() -> None:
    with pytest.raises(catalog.UnknownVersionError, match=r"for SeaTunnel '9\.9'"):
        catalog.plugin_names(version="9.9")


def test_run_time_condition_applies_only_to_the_values_it_names() -> None:
    # Rocketmq reads start.mode.timestamp (getLong) only when start.mode asks for a timestamp
    base = {"topics": "t", "name.srv.addr": "n:9876", **SCHEMA}
    timestamp = {**base, "start.mode": "consume_from_timestamp"}  # SeaTunnel upper-cases it
    problems = catalog.validate_options("source", "Rocketmq", timestamp)
    # the rule's conditional says so too; only the run-time fact holds on the legacy path
    assert kinds_and_keys(problems) == [
        ("conditional", "start.mode.timestamp"),
        ("run_time", "start.mode.timestamp"),
    ]
    assert "because start.mode = CONSUME_FROM_TIMESTAMP" in problems[1].message
    given = {**timestamp, "start.mode.timestamp": 1667179890315}
    assert catalog.validate_options("source", "Rocketmq", given) == []
    group = {**base, "start.mode": "CONSUME_FROM_GROUP_OFFSETS"}
    assert catalog.validate_options("source", "Rocketmq", group) == []


def test_run_time_condition_inside_list_entries_reads_each_entry() -> None:
    # every Hudi table_list entry needs table_name, and record_key_fields when it upserts
    entries = [
        {"table_name": "a", "op_type": "UPSERT", "record_key_fields": "id"},
        {"table_name": "b", "op_type": "upsert"},
        {"op_type": "insert"},
    ]
    problems = catalog.validate_options("sink", "Hudi", {"table_list": entries})
    assert sorted(p.message.split(":")[0] for p in problems) == [
        "table_list[1]",
        "table_list[2]",
    ]


def test_raw_config_reads_ignore_the_option_default() -> None:
    # FileSinkConfig calls config.getString("file_format_type"): the CSV default never applies
    problems = catalog.validate_options("sink", "LocalFile", {"path": "/tmp/out"})
    assert kinds_and_keys(problems) == [("run_time", "file_format_type")]
    options = {"path": "/tmp/out", "file_format_type": "json"}
    assert catalog.validate_options("sink", "LocalFile", options) == []


def test_json_schema_asserts_conditional_run_time_requirements() -> None:
    import jsonschema

    from stconfig.catalog.jsonschema import plugin_schema

    schema = plugin_schema("source", "Rocketmq")
    validator = jsonschema.validators.validator_for(schema)(schema)
    base = {"plugin_name": "Rocketmq", "topics": "t", "name.srv.addr": "n:9876", **SCHEMA}
    assert validator.is_valid(base)
    assert not validator.is_valid({**base, "start.mode": "Consume_From_Timestamp"})
    assert validator.is_valid(
        {**base, "start.mode": "CONSUME_FROM_TIMESTAMP", "start.mode.timestamp": 1}
    )
    sink = plugin_schema("sink", "LocalFile")
    validator = jsonschema.validators.validator_for(sink)(sink)
    assert not validator.is_valid({"plugin_name": "LocalFile", "path": "/tmp/out"})
