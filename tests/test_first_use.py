"""What a new user tripped over on first use (issue 13): each case failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPOSITORY, run_cli

EXAMPLE = REPOSITORY / "examples" / "conf" / "fake_to_console.conf"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder, the working directory, with no ambient client settings."""
    for name in ("STCONFIG_MASTER", "STCONFIG_USER", "STCONFIG_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# 3. project settings never fail silently ----------------------------------------------------


@pytest.mark.parametrize("command", [["jobs"], ["lint", str(EXAMPLE)], ["format", str(EXAMPLE)]])
def test_a_malformed_pyproject_is_an_error_with_its_line(project: Path, command: list[str]) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.stconfig]\nmaster = "http://engine:5801\n',
        encoding="utf-8",
    )
    result = run_cli(*command)
    assert result.exit_code == 2
    assert f"{project / 'pyproject.toml'}:5:" in result.stderr
    assert "not valid TOML" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("text", "line", "near"),
    [
        ('[tool.stconfig]\nmaster = "http://engine:5801"\nselct = ["ST1"]\n', 3, "select"),
        ("[tool.stconfig]\n\n[tool.stconfig.fromat]\nindent = 4\n", 3, "format"),
        ('[tool.stconfig]\n  "target_version" = "2.3.8"\n', 2, "target-version"),
    ],
)
def test_a_misspelled_settings_key_says_did_you_mean(
    project: Path, text: str, line: int, near: str
) -> None:
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    for command in (["lint", str(EXAMPLE)], ["jobs"], ["format", "--check", str(EXAMPLE)]):
        result = run_cli(*command)
        assert result.exit_code == 2, (command, result.output)
        assert f"pyproject.toml:{line}:" in result.stderr
        assert f"(did you mean {near!r}?)" in result.stderr


def test_a_pyproject_that_does_not_mention_stconfig_is_passed_over(project: Path) -> None:
    (project / "pyproject.toml").write_text("[project\nname = 'other tool'\n", encoding="utf-8")
    result = run_cli("lint", str(EXAMPLE))
    assert result.exit_code == 0, result.output


# 5. JSON piped to convert / import -----------------------------------------------------------

JSON_JOB = REPOSITORY / "examples" / "dsl" / "fake_to_console.json"


@pytest.mark.parametrize("command", ["convert", "import"])
def test_a_json_job_on_standard_input_is_read_as_json(command: str) -> None:
    text = JSON_JOB.read_text(encoding="utf-8")
    result = run_cli(command, "-", input=text)
    assert result.exit_code == 0, result.output
    assert "standard input is a JSON document: read as JSON" in result.stderr
    if command == "convert":
        assert result.stdout == run_cli("convert", str(JSON_JOB)).stdout
    else:
        assert "FakeSource(" in result.stdout


def test_hocon_on_standard_input_is_still_hocon() -> None:
    result = run_cli("convert", "-", input=EXAMPLE.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout == run_cli("convert", str(EXAMPLE)).stdout
    assert "note:" not in result.stderr


def test_from_hocon_keeps_the_old_reading() -> None:
    result = run_cli("convert", "-", "--from", "hocon", input=JSON_JOB.read_text())
    assert "note:" not in result.stderr


# 10. small ones -------------------------------------------------------------------------------


def test_convert_of_a_job_without_env_warns() -> None:
    result = run_cli("convert", "-", input="source { FakeSource {} }\nsink { Console {} }\n")
    assert result.exit_code == 0
    assert "warning: -: the job has no 'env' block" in result.stderr
    fragment = run_cli("convert", "-", input="a = 1\n")
    assert "warning" not in fragment.stderr


# 2. a variable named like a key of the file --------------------------------------------------

SHADOWED = """\
env {
  job.mode = "BATCH"
  job.name = ${env}
}
source { FakeSource { plugin_output = "load-"${env} } }
sink { Console {} }
"""


def test_a_variable_hidden_by_the_env_block_is_reported_at_the_reference(tmp_path: Path) -> None:
    job = tmp_path / "job.conf"
    job.write_text(SHADOWED, encoding="utf-8")
    inside = run_cli("convert", str(job), "--var", "env=prod")
    assert inside.exit_code == 2
    first = inside.stderr.splitlines()[0]
    assert first.startswith(f"{job}:3:14: substitution cycle: ${{env}}")
    assert "hides a --var or environment variable 'env'" in first
    assert "give the variable a name the file does not use" in first

    job.write_text(SHADOWED.replace("job.name = ${env}", 'job.name = "x"'), encoding="utf-8")
    elsewhere = run_cli("convert", str(job), "--var", "env=prod")
    assert elsewhere.exit_code == 2
    first = elsewhere.stderr.splitlines()[0]
    assert first.startswith(f"{job}:5:46: cannot concatenate an object with a string")
    assert "hides a --var or environment variable 'env'" in first


def test_the_readme_variable_example_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.conf").write_text(
        SHADOWED.replace("${env}", "${stage}").replace('"load-"', ""), encoding="utf-8"
    )
    result = run_cli("convert", "job.conf", "-o", "job.json", "--var", "stage=prod")
    assert result.exit_code == 0, result.output
    assert '"plugin_output": "prod"' in (tmp_path / "job.json").read_text()
    assert "--var stage=prod" in (REPOSITORY / "README.md").read_text()


def test_a_cycle_between_two_keys_names_both() -> None:
    result = run_cli("convert", "-", input="a = ${b}\nb = ${a}\n")
    assert result.exit_code == 2
    assert result.stderr.startswith("-:1:5: substitution cycle: ${b} -> ${a} -> ${b}")
    reached = run_cli("convert", "-", input="x = ${a}\na = ${b}\nb = ${a}\n")
    assert reached.stderr.startswith("-:2:5: substitution cycle: ${b} -> ${a} -> ${b}\n")


# 8. one tool: one snippet style; 10. long lines cut around the caret -------------------------


def _snippet(output: str) -> list[str]:
    lines = output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("2 |"))
    return lines[at - 1 : at + 2]


def test_lint_and_convert_show_source_the_same_way(tmp_path: Path) -> None:
    job = tmp_path / "job.conf"
    job.write_text('env { job.mode = "BATCH" }\na = {\n', encoding="utf-8")
    converted = run_cli("convert", str(job))
    linted = run_cli("lint", str(job))
    assert converted.exit_code == 2 and linted.exit_code == 1
    shown = _snippet(converted.stderr)
    assert shown == _snippet(linted.stdout)
    assert shown[0] == "   |" and shown[1].startswith(" 2 | ") and "^" in shown[2]
    assert "~" not in shown[2]


def test_a_lint_finding_on_a_huge_line_is_cut_around_the_caret(tmp_path: Path) -> None:
    job = tmp_path / "long.conf"
    filler = "a = 1, " * 300
    job.write_text(
        'env { job.mode = "BATCH" }\n'
        f"source {{ FakeSource {{ {filler}row.num = many, "
        "schema { fields { id = int } } } }\n"
        "sink { Console {} }\n",
        encoding="utf-8",
    )
    result = run_cli("lint", str(job))
    assert result.exit_code == 1
    assert max(len(line) for line in result.stdout.splitlines()) < 300
    lines = result.stdout.splitlines()
    finding = next(
        i for i, line in enumerate(lines) if "many" in line and line.startswith(str(job))
    )
    assert lines[finding + 2].startswith(" 2 | ... ")
    caret = lines[finding + 3].index("^")
    assert lines[finding + 2][caret:].startswith("many")


# 8. one tool: one prefix, one option name, exit codes in every --help ------------------------


def _commands() -> list[list[str]]:
    import click

    from stconfig.cli import main

    context = click.Context(main)
    found: list[list[str]] = []
    for name in main.list_commands(context):
        command = main.get_command(context, name)
        found.append([name])
        found += [[name, sub] for sub in sorted(getattr(command, "commands", {}))]
    return found


def test_every_help_gives_the_exit_codes() -> None:
    commands = _commands()
    assert len(commands) >= 15
    missing = [c for c in commands if "Exit codes" not in run_cli(*c, "--help").output]
    assert missing == []


@pytest.mark.parametrize(
    "command",
    [
        ["lint", "--select", "XX1", str(EXAMPLE)],
        ["rules", "ST9999"],
        ["graph", "missing.conf"],
        ["graph", str(EXAMPLE), "--var", "novalue"],
        ["format", "missing.conf"],
        ["build", "missing.py"],
        ["convert", "missing.conf"],
        ["plugins", "show", "Nope"],
        ["schema", "--plugin", "Nope"],
    ],
)
def test_every_error_has_the_same_prefix(project: Path, command: list[str]) -> None:
    result = run_cli(*command)
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith("error: "), first
    assert not first.startswith("stconfig ")
    assert "[Errno" not in result.stderr


def test_a_missing_dsl_file_is_one_line(project: Path) -> None:
    result = run_cli("build", "missing.py")
    assert result.stderr == "error: missing.py: no such file\n"


def test_lifecycle_commands_say_output_format_and_keep_output_hidden() -> None:
    for name in ("jobs", "status", "submit", "stop", "restore", "logs"):
        shown = run_cli(name, "--help").output
        assert "--output-format [text|json]" in shown, name
        assert "--output " not in shown and "--output," not in shown, name
    graph = run_cli("graph", "--help").output
    assert "--output-format [mermaid|dot]" in graph and "--format" not in graph


def test_the_old_spellings_still_work(project: Path) -> None:
    from stconfig.testing import FakeEngine

    with FakeEngine() as engine:
        new = run_cli("jobs", "--master", engine.url, "--output-format", "json")
        old = run_cli("jobs", "--master", engine.url, "--output", "json")
    assert new.exit_code == old.exit_code == 0
    assert new.stdout == old.stdout and new.stdout.lstrip().startswith("{")
    dot = run_cli("graph", str(EXAMPLE), "--format", "dot").stdout
    assert dot.startswith("// table keys of") and dot.split("\n")[1].startswith("digraph")


def test_folder_lint_finds_the_config_files_submit_takes(project: Path) -> None:
    (project / "jobs").mkdir()
    (project / "jobs" / "nightly.config").write_text("env {}\nsink { Console {} }\n")
    result = run_cli("lint", "jobs")
    assert result.exit_code == 1
    assert "nightly.config" in result.stdout


# 10. an empty folder is not a pass -----------------------------------------------------------


def test_lint_of_a_folder_without_jobs_is_exit_2(project: Path) -> None:
    (project / "empty").mkdir()
    result = run_cli("lint", "empty")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no job files (*.conf, *.config, *.hocon, *.json)")
    allowed = run_cli("lint", "empty", "--allow-empty")
    assert allowed.exit_code == 0


def test_a_condition_is_shown_as_the_job_spells_it(tmp_path: Path) -> None:
    job = tmp_path / "job.conf"
    job.write_text(
        'env { job.mode = "BATCH" }\n'
        "source { FakeSource { schema { fields { s = string } } } }\n"
        "transform { Replace { replace_field = s, pattern = a, replacement = b,\n"
        "  is_regex = true } }\n"
        "sink { Console {} }\n",
        encoding="utf-8",
    )
    result = run_cli("lint", str(job), "--select", "ST308")
    assert result.exit_code == 1, result.output
    assert "because is_regex = true" in result.stdout
    assert "True" not in result.stdout


def test_the_corpus_skip_says_where_it_looked() -> None:
    from tests.conftest import corpus_not_found

    message = corpus_not_found(None)
    assert "looked at nothing" not in message
    assert "--conformance, $STCONFIG_CONFORMANCE and " in message
    assert str(REPOSITORY.parent / "shared" / "conformance") in message
    assert "(looked at /x/y);" in corpus_not_found(Path("/x/y"))


def test_a_reference_to_a_key_of_the_same_block_says_paths_are_absolute() -> None:
    job = 'env { job.mode = "BATCH" }\nsource { FakeSource { a = ${b}, b = ${a} } }\n'
    result = run_cli("convert", "-", input=job)
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith("-:2:27: unresolved variable 'b'")
    assert "'b' is a key inside a block, but ${b} is looked up from the root" in first
    plain = run_cli("convert", "-", input='env { job.mode = "BATCH" }\na = ${nowhere}\n')
    assert "inside a block" not in plain.stderr
