"""The catalog holds every plugin of SeaTunnel's mapping and every option of every rule."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from stconfig import catalog
from tests.conftest import REPOSITORY

DATA = REPOSITORY / "stconfig" / "catalog" / "data" / "seatunnel-2.3.8.json"
# An apache/seatunnel git directory: re-extracting takes ~15 s, so the check is opt-in.
MIRROR = Path(os.environ.get("STCONFIG_SEATUNNEL_GIT", "/nonexistent"))


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return loaded


def test_version_and_source_are_recorded(data: dict[str, Any]) -> None:
    assert data["seatunnel_version"] == "2.3.8"
    assert data["source"]["release_mapping"] == "2.3.8"
    assert len(data["source"]["commit"]) == 40
    assert catalog.versions() == ["2.3.8"]


def test_counts_match_the_plugin_mapping(data: dict[str, Any]) -> None:
    # GIVEN the plugin names the catalog serves, per kind
    served = catalog.plugin_names()
    by_kind = {
        k: sum(1 for kind, _ in served if kind == k) for k in ("source", "sink", "transform")
    }
    released = [p for p in data["plugins"] if p["in_release_mapping"]]
    # THEN they are the tree's mapping (61/56/12); the 2.3.8 tag's mapping has 61/55/11
    assert by_kind == {"source": 61, "sink": 56, "transform": 12}
    assert {k: sum(p["kind"] == k for p in released) for k in by_kind} == {
        "source": 61,
        "sink": 55,
        "transform": 11,
    }


# The plugin names of SeaTunnel 2.3.8's plugin-mapping.properties (at the release tag).
MAPPING_2_3_8 = {
    "source": """FakeSource Kafka Http Socket Hive Clickhouse Jdbc Kudu HdfsFile LocalFile OssFile
        OssJindoFile CosFile Pulsar Elasticsearch IoTDB Neo4j FtpFile SftpFile Redis MongoDB
        Iceberg InfluxDB S3File AmazonDynamodb Cassandra MyHours GoogleSheets Tablestore Lemlist
        Klaviyo OneSignal Jira Gitlab Github Notion RabbitMQ OpenMldb SqlServer-CDC Doris
        Maxcompute MySQL-CDC MongoDB-CDC TiDB-CDC Web3j TDengine Persistiq Hbase StarRocks
        Rocketmq AmazonSqs Paimon Easysearch Postgres-CDC Oracle-CDC ObsFile Milvus Qdrant Sls
        Typesense Opengauss-CDC""",
    "sink": """Console Assert Kafka Http Feishu Hive Clickhouse ClickhouseFile Jdbc Kudu EmailSink
        HdfsFile LocalFile OssFile OssJindoFile CosFile DingTalk Elasticsearch IoTDB Neo4j FtpFile
        SftpFile Socket Redis DataHub Sentry MongoDB Iceberg S3File AmazonDynamodb Cassandra
        StarRocks InfluxDB GoogleFirestore Tablestore Slack RabbitMQ Doris Maxcompute S3Redshift
        TDengine SelectDBCloud Hbase Rocketmq AmazonSqs Paimon hudi Druid Easysearch Pulsar
        ObsFile Milvus ActiveMQ Qdrant Typesense""",
    "transform": """Sql FieldMapper Filter FilterRowKind JsonPath Replace Split Copy DynamicCompile
        LLM Embedding""",
}


def test_every_plugin_of_the_2_3_8_mapping_is_served_with_its_kind() -> None:
    served = set(catalog.plugin_names())
    for kind, names in MAPPING_2_3_8.items():
        for name in names.split():
            assert (kind, name) in served, (kind, name)
    assert sum(len(n.split()) for n in MAPPING_2_3_8.values()) == 127


def test_every_rule_option_has_its_type_and_required_flag(data: dict[str, Any]) -> None:
    for plugin in data["plugins"]:
        spec = catalog.plugin_spec(plugin["kind"], plugin["name"])
        assert spec.kind == plugin["kind"]
        required = {k for group in plugin["rules"]["required"] for k in group}
        named = set(required) | set(plugin["rules"]["optional"])
        named |= {k for g in plugin["rules"]["exclusive"] + plugin["rules"]["bundled"] for k in g}
        for rule in plugin["rules"]["conditional"]:
            named |= {rule["option"], *rule["required"]}
        facts = {o["key"]: o for o in plugin["options"]}
        for key in named:
            option = spec.option(key)
            assert option is not None, (plugin["name"], key)
            if key not in ("schema", "parallelism", "plugin_name"):
                assert option.type == facts[key]["type"], (plugin["name"], key)
            assert ("required" in spec.rule_of(key).split(", ")) == (key in required)


def test_every_option_outside_the_rule_is_known(data: dict[str, Any]) -> None:
    for plugin in data["plugins"]:
        spec = catalog.plugin_spec(plugin["kind"], plugin["name"])
        for option in plugin["options"]:
            assert spec.option(option["key"]) is not None, (plugin["name"], option["key"])


@pytest.mark.skipif(
    not MIRROR.is_dir() or shutil.which("git") is None,
    reason="no apache/seatunnel git directory (set STCONFIG_SEATUNNEL_GIT)",
)
def test_data_file_is_what_the_extractor_reads_from_seatunnel(tmp_path: Path) -> None:
    # GIVEN the apache/seatunnel mirror at the commit the data file records
    recorded = json.loads(DATA.read_text(encoding="utf-8"))
    output = tmp_path / "fresh.json"
    # WHEN the extractor runs again
    command = [
        sys.executable,
        str(REPOSITORY / "scripts" / "extract_catalog.py"),
        "--git",
        str(MIRROR),
        "--ref",
        recorded["source"]["ref"],
        "--release-ref",
        "2.3.8",
        "--version",
        "2.3.8",
        "--output",
        str(output),
    ]
    subprocess.run(command, check=True, capture_output=True)
    # THEN it writes the committed facts
    assert json.loads(output.read_text(encoding="utf-8")) == recorded


def test_generated_code_and_schemas_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(REPOSITORY / "scripts" / "codegen.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr


def test_hand_written_common_fields_match_the_extracted_facts() -> None:
    # GIVEN the common options as extracted, and the base models that declare them by hand
    for kind in ("source", "transform", "sink"):
        model = catalog.lookup(kind, catalog.plugin_names(kind)[0][1])
        spec = model.spec
        for attr, field in model.model_fields.items():
            option = spec.option(field.alias or attr)
            if option is None or option.declared_in.startswith("org.apache.seatunnel.connectors"):
                continue
            # THEN the default and the enum values agree
            if option.has_default:
                assert field.default == option.default, (kind, option.key)
            metadata = [m for m in field.metadata if hasattr(m, "enum")]
            if option.enum is not None:
                assert metadata and tuple(metadata[0].enum) == option.enum, (kind, option.key)


def test_env_options_are_known() -> None:
    env = {o.key: o for o in catalog.env_options()}
    assert env["job.mode"].enum == ("BATCH", "STREAMING")
    assert env["savemode.execute.location"].enum == ("CLIENT", "CLUSTER")
    assert env["checkpoint.interval"].type == "long"


def test_every_model_builds_without_warnings() -> None:
    for kind, name in catalog.plugin_names():
        model = catalog.lookup(kind, name)
        assert model.spec.name == name


def test_nothing_the_rules_name_was_left_unresolved(data: dict[str, Any]) -> None:
    # every option constant an optionRule() names was evaluated; only factory-less plugins
    # carry a note (their options come from their config classes, and they have no rule)
    assert data["unresolved"] == []
    notes = {(p["kind"], p["name"]): p["unresolved"] for p in data["plugins"] if p["unresolved"]}
    assert sorted(notes) == [
        ("sink", "SelectDBCloud"),
        ("sink", "TDengine"),
        ("source", "TDengine"),
    ]
    assert all(p["factory"] is None for p in data["plugins"] if (p["kind"], p["name"]) in notes)


def test_versions_are_generated_side_by_side(
    tmp_path: Path, data: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a second data file, as the extractor would write for a newer SeaTunnel
    monkeypatch.syspath_prepend(str(REPOSITORY / "scripts"))
    import gen_catalog

    newer = {**data, "seatunnel_version": "2.3.9"}
    (tmp_path / "seatunnel-2.3.8.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "seatunnel-2.3.9.json").write_text(json.dumps(newer), encoding="utf-8")
    # WHEN the models are generated
    files = gen_catalog.render(tmp_path, tmp_path / "out")
    # THEN each version has its package, and the index names the newest as the default
    written = {p.relative_to(tmp_path / "out").as_posix() for p in files}
    assert {"v2_3_8/source/fake_source.py", "v2_3_9/source/fake_source.py"} <= written
    index = files[tmp_path / "out" / "__init__.py"]
    assert "VERSIONS: dict[str, str] = {'2.3.8': 'v2_3_8', '2.3.9': 'v2_3_9'}" in index
    assert "LATEST = '2.3.9'" in index


def test_run_time_requirements_name_known_plugins_and_options(data: dict[str, Any]) -> None:
    # GIVEN the hand-kept run-time requirements, as the extractor copied them into the data
    kept = json.loads((DATA.parent.parent / "overrides" / "run_time.json").read_text())["checks"]
    copied = {(p["kind"], p["name"]): p["rules"]["run_time"] for p in data["plugins"] if p["rules"]}
    # THEN each is in its plugin's rules, and names options the plugin has
    for check in kept:
        facts = copied[(check["kind"], check["plugin"])]
        fact = {k: v for k, v in check.items() if k not in ("kind", "plugin", "code")}
        assert fact in facts
        spec = catalog.plugin_spec(check["kind"], check["plugin"])
        keys = [check["inside"]] if "inside" in check else check["one_of"]
        keys += check.get("when_set", [])
        assert all(spec.option(key) is not None for key in keys), check
    assert sum(len(facts) for facts in copied.values()) == len(kept) == 74


def test_json_schema_asserts_a_requirement_that_another_option_being_set_brings() -> None:
    # GIVEN the Elasticsearch source's schema (EsRestClient reads `password` with
    # Optional.get() once `username` is present)
    import jsonschema

    from stconfig.catalog.jsonschema import plugin_schema

    schema = plugin_schema("source", "Elasticsearch")
    validator = jsonschema.validators.validator_for(schema)(schema)
    block = {"plugin_name": "Elasticsearch", "hosts": ["http://es:9200"], "index": "i"}
    # THEN a username without a password is invalid, and nothing else is required of it
    assert not validator.is_valid({**block, "username": "elastic"})
    assert validator.is_valid({**block, "username": "elastic", "password": "p"})
    assert validator.is_valid(block)
    # AND one of index / index_list is required
    assert not validator.is_valid({"plugin_name": "Elasticsearch", "hosts": ["http://es:9200"]})


def test_json_schema_asserts_the_run_time_requirement() -> None:
    # GIVEN FakeSource's schema, a FakeSource with neither schema nor tables_configs
    import jsonschema

    from stconfig.catalog.jsonschema import plugin_schema

    schema = plugin_schema("source", "FakeSource")
    validator = jsonschema.validators.validator_for(schema)(schema)
    # THEN only the bare one is invalid
    assert not validator.is_valid({"plugin_name": "FakeSource", "row.num": 5})
    assert validator.is_valid({"plugin_name": "FakeSource", "schema": {"fields": {"id": "int"}}})
    assert validator.is_valid({"plugin_name": "FakeSource", "tables_configs": [{"schema": {}}]})
    # AND every tables_configs entry needs its own schema
    assert not validator.is_valid({"plugin_name": "FakeSource", "tables_configs": [{"a": 1}]})
