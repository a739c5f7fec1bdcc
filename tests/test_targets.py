"""One target version across every command: build, convert, lint, graph, import, plugins, schema.

For each target (2.3.8, the 15431c9 snapshot, 2.3.12) every example DSL job is built, converted
and linted with no refusal and with the table keys that version writes; the catalog's views
(`plugins show`, `schema`) spell keys as lint and build do; and every command accepts exactly
the same versions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pytest

from stconfig.cli import main
from stconfig.testing.fake_checks import refusal
from stconfig.versions import VERSION_CHOICES, has, known, table_keys
from tests.conftest import REPOSITORY, run_cli

EXAMPLES = sorted((REPOSITORY / "examples" / "dsl").glob("*.py"))
TARGETS = ["2.3.8", "15431c9", "2.3.12"]
TABLE_KEYS = {"plugin_output", "plugin_input", "result_table_name", "source_table_name"}


def _table_keys_used(job: dict[str, Any]) -> set[str]:
    return {
        key
        for kind in ("source", "transform", "sink")
        for plugin in job.get(kind, [])
        for key in plugin
        if key in TABLE_KEYS
    }


def _wiring(job: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Each plugin's name and table keys (convert fills placeholders; the wiring it keeps)."""
    return [
        (plugin["plugin_name"], {k: v for k, v in plugin.items() if k in TABLE_KEYS})
        for kind in ("source", "transform", "sink")
        for plugin in job.get(kind, [])
    ]


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_every_example_builds_converts_and_lints_for_the_target(
    example: Path, target: str, tmp_path: Path
) -> None:
    # GIVEN an example DSL file and a target version
    wanted = set(table_keys(target))
    # WHEN it is built for the target, in both formats
    built = run_cli(
        "build",
        str(example),
        "--target-version",
        target,
        "--format",
        "json",
        "--format",
        "hocon",
        "-o",
        f"{tmp_path}/",
    )
    assert built.exit_code == 0, built.output
    assert f"for SeaTunnel {known(target)} (--target-version)" in built.stderr
    outputs = sorted(tmp_path.glob("*.json"))
    assert outputs
    for output in outputs:
        job = json.loads(output.read_text(encoding="utf-8"))
        conf = output.with_suffix(".conf")
        # THEN the table keys are the ones the target writes, and the header says which
        assert _table_keys_used(job) <= wanted
        assert conf.read_text(encoding="utf-8").startswith(
            f"# Built by stconfig for SeaTunnel {known(target)}.\n"
        )
        # AND convert keeps what the files say, whatever the target
        for path in (output, conf):
            converted = run_cli("convert", str(path), "--target-version", target)
            assert converted.exit_code == 0, converted.output
            assert _wiring(json.loads(converted.stdout)) == _wiring(job)
        # AND lint finds no error for that target
        linted = run_cli(
            "lint",
            str(output),
            str(conf),
            "--target-version",
            target,
            "--output-format",
            "json",
            "--var",
            "MYSQL_PASSWORD=x",
            "--var",
            "DORIS_PASSWORD=x",
        )
        errors = [f for f in json.loads(linted.stdout) if f["severity"] == "error"]
        assert errors == []
        # AND the engine checks of that version (as the fake engine runs them) accept it
        assert refusal(job, new_table_keys=has(target, "plugin_output_keys")) is None


@pytest.mark.parametrize("target", TARGETS)
def test_convert_of_a_dsl_file_writes_the_target_keys(target: str) -> None:
    example = REPOSITORY / "examples" / "dsl" / "sql_union.py"
    result = run_cli("convert", str(example), "--target-version", target)
    assert result.exit_code == 0, result.output
    assert _table_keys_used(json.loads(result.stdout)) == set(table_keys(target))


def test_lint_fix_rewrites_the_keys_for_the_target(tmp_path: Path) -> None:
    # GIVEN a 2.3.8 file (the default build)
    assert (
        run_cli("build", str(EXAMPLES[-1]), "--format", "hocon", "-o", f"{tmp_path}/").exit_code
        == 0
    )
    [conf] = tmp_path.glob("*.conf")
    # WHEN it is fixed for 2.3.12 THEN the deprecated keys become the new ones
    assert run_cli("lint", "--fix", "--target-version", "2.3.12", str(conf)).exit_code == 0
    converted = json.loads(run_cli("convert", str(conf)).stdout)
    assert _table_keys_used(converted) == {"plugin_output", "plugin_input"}
    # AND fixed back for 2.3.8 they are the old ones again
    assert run_cli("lint", "--fix", "--target-version", "2.3.8", str(conf)).exit_code == 0
    converted = json.loads(run_cli("convert", str(conf)).stdout)
    assert _table_keys_used(converted) == {"result_table_name", "source_table_name"}


# ---------------------------------------------------------------------------------------------
# plugins show, schema, lint and build agree on every key name
# ---------------------------------------------------------------------------------------------


def _show_keys(target: str, kind: str, name: str) -> tuple[set[str], set[str]]:
    result = run_cli(
        "plugins", "show", f"{kind}/{name}", "--target-version", target, "--output-format", "json"
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["options"]
    return {row["key"] for row in rows}, {old for row in rows for old in row["fallback_keys"]}


def _schema_keys(target: str, kind: str, name: str) -> tuple[set[str], set[str]]:
    result = run_cli("schema", "--plugin", f"{kind}/{name}", "--target-version", target)
    assert result.exit_code == 0, result.output
    properties = json.loads(result.stdout)["properties"]
    plain = {k for k, v in properties.items() if not v.get("deprecated")}
    return plain, {k for k, v in properties.items() if v.get("deprecated")}


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize(
    ("kind", "name"),
    [("source", "FakeSource"), ("transform", "Sql"), ("sink", "Console"), ("source", "MySQL-CDC")],
)
def test_plugins_show_schema_lint_and_build_agree_on_key_names(
    target: str, kind: str, name: str
) -> None:
    output, input_ = table_keys(target)
    show_keys, show_aliases = _show_keys(target, kind, name)
    schema_keys, schema_aliases = _schema_keys(target, kind, name)
    # the table keys the target writes are listed by both, the others only as aliases that
    # the target really reads (none before 2.3.9)
    expected = (
        {output} if kind == "source" else {output, input_} if kind == "transform" else {input_}
    )
    assert expected <= show_keys & schema_keys
    other = TABLE_KEYS - {output, input_}
    assert not other & (show_keys | schema_keys)
    reads_old = has(target, "plugin_output_keys")
    assert bool(other & show_aliases) is reads_old
    assert (other & show_aliases) == (other & schema_aliases)
    # and the option names are the same in both views
    assert show_keys - TABLE_KEYS <= schema_keys | {k for k in schema_keys}
    # the title of each says the version it was made for
    assert (
        known(target)
        in json.loads(
            run_cli("schema", "--plugin", f"{kind}/{name}", "--target-version", target).stdout
        )["title"]
    )


@pytest.mark.parametrize("target", TARGETS)
def test_every_catalog_plugin_spells_table_keys_as_the_target(target: str) -> None:
    from stconfig.catalog import plugin_names, plugin_spec
    from stconfig.catalog.jsonschema import plugin_schema
    from stconfig.catalog.versioned import catalog_version, spelled_spec

    output, input_ = table_keys(target)
    catalog = catalog_version(known(target))
    for kind, name in plugin_names(version=catalog):
        spec = spelled_spec(plugin_spec(kind, name, version=catalog), known(target))
        keys = {option.key for option in spec.options}
        assert {output, input_} <= keys, (kind, name)
        properties = plugin_schema(kind, name, target=target)["properties"]
        plain = {k for k, v in properties.items() if not v.get("deprecated")}
        assert keys & TABLE_KEYS == plain & TABLE_KEYS, (kind, name)


# ---------------------------------------------------------------------------------------------
# The same choices everywhere
# ---------------------------------------------------------------------------------------------


def _commands(group: click.Command, path: str = "") -> list[tuple[str, click.Command]]:
    """Every command under `group`, with its full name (`plugins show`)."""
    found = [(path, group)] if path else []
    if isinstance(group, click.Group):
        context = click.Context(group)
        for name in group.list_commands(context):
            command = group.get_command(context, name)
            assert command is not None
            found += _commands(command, f"{path} {name}".strip())
    return found


def _version_choices(command: click.Command) -> dict[str, tuple[str, ...]]:
    return {
        option.name or "": tuple(option.type.choices)
        for option in command.params
        if isinstance(option, click.Option)
        and isinstance(option.type, click.Choice)
        and {"--target-version", "--seatunnel"} & set(option.opts)
    }


def test_every_command_accepts_exactly_the_same_versions() -> None:
    commands = dict(_commands(main))
    must = [
        *("build", "convert", "diff", "lint", "graph", "import", "plugins", "plugins show"),
        "schema",
    ]
    for name in must:
        assert "--target-version" in {o for p in commands[name].params for o in p.opts}, name
    every = {
        (name, option): choices
        for name, command in commands.items()
        for option, choices in _version_choices(command).items()
    }
    assert {name for name, _ in every} >= set(must)
    assert set(every.values()) == {VERSION_CHOICES}


@pytest.mark.parametrize(
    "command",
    [
        ["plugins"],
        ["schema"],
        ["lint", "x.conf"],
        ["graph", "x"],
        ["convert", "x"],
        ["diff", "x", "y"],
        ["import", "x"],
        ["build", "x.py"],
    ],
)
def test_a_version_no_command_knows_is_refused_by_every_command(command: list[str]) -> None:
    result = run_cli(*command, "--target-version", "2.4.0")
    assert result.exit_code == 2
    assert "'2.4.0' is not one of" in result.output


def test_pyproject_target_version_is_read_by_the_catalog_commands_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.stconfig]\ntarget-version = "2.3.12"\n')
    monkeypatch.chdir(tmp_path)
    shown = run_cli("plugins", "show", "Console").stdout.splitlines()
    assert f"SeaTunnel 2.3.12 (target-version in {tmp_path / 'pyproject.toml'})" in shown[0]
    assert any(line.startswith("plugin_input (old: source_table_name)") for line in shown)
    example = REPOSITORY / "examples" / "dsl" / "sql_union.py"
    assert '"plugin_output"' in run_cli("convert", str(example)).stdout
    (tmp_path / "pyproject.toml").write_text('[tool.stconfig]\ntarget-version = "2.5"\n')
    result = run_cli("plugins")
    assert result.exit_code == 2
    assert "target-version: unknown target version '2.5'" in result.output


# ---------------------------------------------------------------------------------------------
# The DSL and import
# ---------------------------------------------------------------------------------------------


def test_a_job_that_names_its_version_and_a_different_flag_is_an_error(tmp_path: Path) -> None:
    source = tmp_path / "pinned.py"
    source.write_text(
        "from stconfig.dsl import Console, FakeSource, Job\n\n"
        'with Job("pinned", target_version="2.3.12") as job:\n'
        '    FakeSource(schema_={"fields": {"id": "int"}}) >> Console()\n',
        encoding="utf-8",
    )
    built = run_cli("build", str(source), "-o", f"{tmp_path}/")
    assert built.exit_code == 0
    assert "for SeaTunnel 2.3.12 (its target_version=)" in built.stderr
    refused = run_cli("build", str(source), "--target-version", "2.3.8", "-o", f"{tmp_path}/")
    assert refused.exit_code == 2
    assert (
        "pinned.py:3:" in refused.output
        and "but 2.3.8 was asked for (--target-version or target_version=)" in refused.output
    )


def test_the_dsl_refuses_keys_its_target_does_not_read() -> None:
    from stconfig.dsl import Job
    from stconfig.dsl.errors import DslError

    with pytest.raises(DslError, match=r"unknown target version '2\.4'"):
        Job("x", target_version="2.4")
    with pytest.raises(DslError, match=r"table_keys='plugin_output' is for SeaTunnel 2\.3\.9"):
        Job("x", target_version="15431c9", table_keys="plugin_output")


@pytest.mark.parametrize(
    ("written", "target", "expected"),
    [
        ("result_table_name", "2.3.12", "plugin_output"),
        ("plugin_output", None, "result_table_name"),
        ("plugin_output", "2.3.9", "plugin_output"),
        ("result_table_name", "15431c9", "result_table_name"),
    ],
)
def test_import_writes_the_target_keys(
    written: str, target: str | None, expected: str, tmp_path: Path
) -> None:
    input_key = "source_table_name" if written == "result_table_name" else "plugin_input"
    conf = tmp_path / "job.conf"
    conf.write_text(
        "env { job.mode = BATCH }\n"
        f'source {{ FakeSource {{ {written} = "t", schema {{ fields {{ id = int }} }} }} }}\n'
        f'sink {{ Console {{ {input_key} = "t" }} }}\n',
        encoding="utf-8",
    )
    flags = [] if target is None else ["--target-version", target]
    code = run_cli("import", str(conf), *flags)
    assert code.exit_code == 0, code.output
    assert ("target_version=" in code.stdout) is (target is not None)
    if target is not None:
        assert f'target_version="{known(target)}"' in code.stdout
    module = tmp_path / "job.py"
    module.write_text(code.stdout, encoding="utf-8")
    built = json.loads(run_cli("convert", str(module)).stdout)
    assert built["source"][0][expected] == "t"


def test_lint_and_graph_of_a_dsl_job_with_its_own_version_say_so(tmp_path: Path) -> None:
    source = tmp_path / "pinned.py"
    source.write_text(
        "from stconfig.dsl import Console, FakeSource, Job\n\n"
        'with Job("pinned", target_version="2.3.12") as job:\n'
        '    FakeSource(schema_={"fields": {"id": "int"}}) >> Console()\n',
        encoding="utf-8",
    )
    linted = run_cli("lint", str(source))
    assert linted.stdout.endswith("checked as SeaTunnel 2.3.12 (its target_version=).\n")
    drawn = run_cli("graph", str(source))
    assert drawn.stdout.startswith("%% table keys of SeaTunnel 2.3.12 (its target_version=)\n")
    assert drawn.stderr == ""
    refused = run_cli("lint", str(source), "--target-version", "2.3.8")
    assert refused.exit_code == 2
    assert "but 2.3.8 was asked for (--target-version or target_version=)" in refused.output


def test_seatunnel_stays_a_hidden_alias_of_target_version() -> None:
    shown = run_cli("plugins", "show", "Console", "--seatunnel", "2.3.12")
    assert "SeaTunnel 2.3.12 (--target-version)" in shown.stdout.splitlines()[0]
    assert "--seatunnel" not in run_cli("plugins", "show", "--help").stdout
    both = run_cli("schema", "--seatunnel", "2.3.8", "--target-version", "2.3.12")
    assert both.exit_code == 2
    assert "--seatunnel is the old name of --target-version" in both.output


def test_env_options_newer_than_the_target_are_refused_by_the_dsl_and_reported_by_lint(
    tmp_path: Path,
) -> None:
    from stconfig.dsl import Console, FakeSource, Job
    from stconfig.dsl.errors import DslError

    with Job("retries", retry_times=3) as job:
        FakeSource(schema_={"fields": {"id": "int"}}) >> Console()
    assert job.build(target_version="2.3.5").to_dict()["env"]["job.retry.times"] == 3
    with pytest.raises(DslError, match=r"'job\.retry\.times', which exists from SeaTunnel 2\.3\.5"):
        job.build(target_version="2.3.4")
    conf = tmp_path / "job.conf"
    conf.write_text(
        "env { job.mode = BATCH, tag_filter { zone = a } }\n"
        "source { FakeSource { schema { fields { id = int } } } }\nsink { Console {} }\n",
        encoding="utf-8",
    )
    old = run_cli("lint", str(conf), "--target-version", "2.3.5", "--output-format", "concise")
    assert "env key 'tag_filter' exists from SeaTunnel 2.3.6 on; 2.3.5 ignores it" in old.stdout
    new = run_cli("lint", str(conf), "--target-version", "2.3.6", "--output-format", "concise")
    assert "tag_filter" not in new.stdout


def test_convert_of_a_dsl_file_to_hocon_names_the_version() -> None:
    example = REPOSITORY / "examples" / "dsl" / "sql_union.py"
    hocon = run_cli("convert", str(example), "--to", "hocon", "--target-version", "15431c9")
    assert hocon.stdout.startswith("# Built by stconfig for SeaTunnel 2.3.9-SNAPSHOT.\nenv {")
    plain = run_cli("convert", str(example.with_suffix(".conf")), "--to", "hocon")
    assert plain.stdout.startswith("env {")
