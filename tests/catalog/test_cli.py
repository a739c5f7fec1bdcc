"""`stconfig plugins` and `stconfig schema` through click."""

from __future__ import annotations

import json

from tests.conftest import run_cli


def test_plugins_lists_one_kind() -> None:
    result = run_cli("plugins", "--kind", "transform")
    assert result.exit_code == 0
    names = [line.split()[1] for line in result.stdout.splitlines()]
    assert "Sql" in names and "FieldMapper" in names and len(names) == 12
    assert result.stderr == "plugins for SeaTunnel 2.3.8 (default)\n"


def test_plugins_json() -> None:
    result = run_cli("plugins", "--output-format", "json")
    data = json.loads(result.stdout)
    assert {"kind": "source", "name": "MySQL-CDC"} in data


def test_show_prints_the_option_table() -> None:
    result = run_cli("plugins", "show", "fakesource")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "FakeSource (source, connector-fake, SeaTunnel 2.3.8 (default))"
    row = next(line for line in lines if line.startswith("row.num "))
    assert row.split()[:4] == ["row.num", "int", "5", "no"]
    # 2.3.8 has only the old table keys: no plugin_output, and no alias
    assert any(line.split()[0] == "result_table_name" for line in lines)
    assert not any("plugin_output" in line for line in lines)


def test_show_json_names_rules() -> None:
    result = run_cli("plugins", "show", "source/MySQL-CDC", "--output-format", "json")
    rows = {row["key"]: row for row in json.loads(result.output)["options"]}
    assert rows["base-url"]["required"] == "yes"
    assert rows["table-names"]["rule"] == "exclusive"


def test_show_unknown_plugin_is_one_line_with_suggestions() -> None:
    result = run_cli("plugins", "show", "MySQL")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "error: 'MySQL' is not a SeaTunnel plugin (did you mean 'MySQL-CDC' or 'Jdbc'?)"
    )


def test_show_ambiguous_name_asks_for_the_kind() -> None:
    result = run_cli("plugins", "show", "Kafka")
    assert result.exit_code == 2
    assert "source/Kafka, sink/Kafka" in result.output


def test_schema_of_a_plugin() -> None:
    result = run_cli("schema", "--plugin", "Console", "--kind", "sink")
    document = json.loads(result.output)
    assert document["title"] == "Console sink (SeaTunnel 2.3.8)"
    assert document["additionalProperties"] is False


def test_schema_of_the_job_dispatches_on_plugin_name() -> None:
    document = json.loads(run_cli("schema").output)
    refs = [rule["then"]["$ref"] for rule in document["properties"]["sink"]["items"]["allOf"]]
    assert "#/$defs/sink.Console" in refs  # bundled: the output is the whole schema
    assert document["$defs"]["sink.Console"]["title"].startswith("Console sink")


def test_schema_kind_without_plugin_is_a_usage_error() -> None:
    result = run_cli("schema", "--kind", "sink")
    assert result.exit_code == 2


def test_show_works_for_every_plugin() -> None:
    from stconfig import catalog

    for kind, name in catalog.plugin_names():
        result = run_cli("plugins", "show", f"{kind}/{name}", "--output-format", "json")
        rows = json.loads(result.output)["options"]
        assert rows[0]["key"] == "plugin_name", (kind, name)


def test_unknown_version_is_a_usage_error() -> None:
    result = run_cli("plugins", "--seatunnel", "9.9")
    assert result.exit_code == 2
    assert "'9.9' is not one of '2.3.0'" in result.output


def test_show_for_a_newer_target_spells_its_keys_and_says_which_catalog() -> None:
    result = run_cli("plugins", "show", "fakesource", "--target-version", "2.3.12")
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "FakeSource (source, connector-fake, SeaTunnel 2.3.12 (--target-version); plugins and "
        "options of the 2.3.8 catalog (the plugin catalog ends at SeaTunnel 2.3.8; 2.3.12 may "
        "have more))"
    )
    assert any(line.startswith("plugin_output (old: result_table_name)") for line in lines)
