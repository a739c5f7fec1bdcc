"""`stconfig lint`, `rules` and `graph` through the CLI: formats, exit codes, fixes, config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

GOOD = """env { job.mode = "BATCH" }
source { FakeSource { result_table_name = "fake", schema { fields { id = bigint } } } }
sink { Console { source_table_name = "fake" } }
"""
BAD = """env {
  job.mode = "batch"   # lower case
  checkpoint.interval = 10s
}
source { FakeSource { result_table_name = "fake", schema { fields { id = bigint } } } }
sink { Console { source_table_name = "fake,other" } }
"""


@pytest.fixture
def jobs(tmp_path: Path) -> Path:
    (tmp_path / "good.conf").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.conf").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_clean_file_exits_zero(jobs: Path) -> None:
    result = run_cli("lint", str(jobs / "good.conf"))
    assert result.exit_code == 0
    assert "All checks passed" in result.output


def test_error_exits_one_with_full_output(jobs: Path) -> None:
    result = run_cli("lint", str(jobs / "bad.conf"))
    assert result.exit_code == 1
    assert f"{jobs / 'bad.conf'}:3:25: ST104 " in result.output
    assert "   3 |" not in result.output and " 3 |   checkpoint.interval = 10s" in result.output
    assert "^^^" in result.output and "= help:" in result.output


def test_warnings_exit_zero_unless_warnings_as_errors(jobs: Path) -> None:
    path = str(jobs / "bad.conf")
    assert run_cli("lint", "--ignore", "ST104", path).exit_code == 0
    assert run_cli("lint", "--ignore", "ST104", "--warnings-as-errors", path).exit_code == 1


def test_json_output_has_exactly_the_documented_keys(jobs: Path) -> None:
    result = run_cli("lint", "--output-format", "json", str(jobs / "bad.conf"))
    data = json.loads(result.output)
    assert data and all(
        set(item)
        == {
            "code",
            "name",
            "severity",
            "message",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "help",
            "fix",
            "related",
        }
        for item in data
    )
    first = data[0]
    assert (first["code"], first["line"], first["column"]) == ("ST103", 2, 14)
    assert (first["end_line"], first["end_column"]) == (2, 21)
    assert first["fix"]["edits"][0]["content"] == '"BATCH"'


def test_sarif_output_is_sarif_2_1_0(jobs: Path) -> None:
    import jsonschema

    result = run_cli("lint", "--output-format", "sarif", str(jobs / "bad.conf"))
    document = json.loads(result.output)
    assert document["version"] == "2.1.0"
    run = document["runs"][0]
    assert run["tool"]["driver"]["name"] == "stconfig"
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for item in run["results"]:
        assert ids[item["ruleIndex"]] == item["ruleId"]
        region = item["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    schema = {  # the parts of the SARIF 2.1.0 schema every consumer relies on
        "type": "object",
        "required": ["version", "runs"],
        "properties": {
            "runs": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["tool", "results"],
                    "properties": {
                        "results": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["message", "ruleId", "level", "locations"],
                                "properties": {
                                    "level": {"enum": ["none", "note", "warning", "error"]}
                                },
                            },
                        }
                    },
                },
            }
        },
    }
    jsonschema.validate(document, schema)


def test_github_and_concise_formats(jobs: Path) -> None:
    path = str(jobs / "bad.conf")
    github = run_cli("lint", "--output-format", "github", path).output.splitlines()
    assert github[0].startswith(f"::warning file={path},line=2,col=14,")
    assert any(line.startswith("::error ") and "ST104" in line for line in github)
    concise = run_cli("lint", "--output-format", "concise", path).output.splitlines()
    assert concise[0] == (
        f"{path}:2:14: ST103 job.mode 'batch' works on Zeta only; Flink and Spark need "
        "'BATCH' [job-mode-case]"
    )


def test_fix_rewrites_minimally_and_keeps_comments(jobs: Path) -> None:
    path = jobs / "bad.conf"
    result = run_cli("lint", "--fix", "--output-format", "concise", str(path))
    assert result.exit_code == 1  # the duration is not fixable
    assert path.read_text(encoding="utf-8") == BAD.replace('"batch"', '"BATCH"').replace(
        '"fake,other"', '["fake", "other"]'
    )
    assert "ST103" not in result.output and "ST104" in result.output


def test_diff_shows_fixes_without_writing(jobs: Path) -> None:
    path = jobs / "bad.conf"
    result = run_cli("lint", "--diff", str(path))
    assert '-  job.mode = "batch"   # lower case' in result.output
    assert '+  job.mode = "BATCH"   # lower case' in result.output
    assert path.read_text(encoding="utf-8") == BAD


def test_folders_are_walked_for_job_files(jobs: Path) -> None:
    (jobs / "notes.txt").write_text("not a job", encoding="utf-8")
    (jobs / ".hidden").mkdir()
    (jobs / ".hidden" / "x.conf").write_text("{", encoding="utf-8")
    result = run_cli("lint", "--output-format", "concise", str(jobs))
    assert "bad.conf" in result.output and "x.conf" not in result.output
    assert "in 2 files" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "ST9999"], "unknown rule code"),
        (["--var", "novalue"], "--var expects KEY=VALUE"),
        (["--fix", "--diff"], "cannot be used together"),
    ],
)
def test_usage_errors_exit_two(jobs: Path, args: list[str], message: str) -> None:
    result = run_cli("lint", *args, str(jobs / "good.conf"))
    assert result.exit_code == 2
    assert message in result.output


def test_missing_file_exits_two_without_traceback(tmp_path: Path) -> None:
    result = run_cli("lint", str(tmp_path / "absent.conf"))
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {tmp_path / 'absent.conf'}: no such file"


DSL_JOBS = """\
from stconfig.dsl import Console, Job, Sink, Source

SCHEMA = {"fields": {"id": "bigint"}}

with Job("typo", mode="BATCH") as job:
    fake = Source("FakeSource", {"row.nums": 5, "schema": SCHEMA})
    fake >> Console()
"""


def test_a_python_dsl_file_is_linted_at_its_own_lines(tmp_path: Path) -> None:
    dsl = tmp_path / "jobs.py"
    dsl.write_text(DSL_JOBS, encoding="utf-8")
    result = run_cli("lint", "--output-format", "concise", str(dsl))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"{dsl}:6:5: ST301 'row.nums' is not an option of FakeSource; SeaTunnel ignores it "
        "[unknown-option]"
    )


def test_a_dsl_wiring_finding_points_at_the_wire(tmp_path: Path) -> None:
    dsl = tmp_path / "loop.py"
    dsl.write_text(
        "from stconfig.dsl import Console, FieldMapper, Job, Source\n"
        'with Job("loop", mode="BATCH", check_wiring=False) as job:\n'
        '    fake = Source("FakeSource", {"schema": {"fields": {"id": "bigint"}}})\n'
        '    a = FieldMapper(field_mapper={"id": "id"})\n'
        '    b = FieldMapper(field_mapper={"id": "id"})\n'
        "    [fake, b] >> a\n"
        "    a >> b\n"
        "    b >> Console()\n",
        encoding="utf-8",
    )
    result = run_cli("lint", "--output-format", "concise", str(dsl))
    assert result.exit_code == 1
    assert result.output.startswith(f"{dsl}:6:5: ST202 table cycle")


def test_python_comments_suppress_dsl_findings(tmp_path: Path) -> None:
    dsl = tmp_path / "jobs.py"
    text = DSL_JOBS.replace(
        "    fake = Source(", "    # stconfig: ignore[ST301]\n    fake = Source("
    ).replace("    fake >> Console()", "    fake >> Console()  # stconfig: ignore[ST702]")
    dsl.write_text(text, encoding="utf-8")
    result = run_cli("lint", "--output-format", "concise", str(dsl))
    assert result.output.splitlines() == [
        f"{dsl}:8:24: ST002 unused suppression for ST702 [unused-suppression]",
        "Found 1 warning in 1 file; checked as SeaTunnel 2.3.8 (default).",
    ]


def test_fix_refuses_python_dsl_files(tmp_path: Path) -> None:
    dsl = tmp_path / "jobs.py"
    dsl.write_text(DSL_JOBS, encoding="utf-8")
    result = run_cli("lint", "--fix", str(dsl))
    assert result.exit_code == 2
    assert "not Python DSL files" in result.output


def test_a_raising_dsl_file_exits_two_with_one_line(tmp_path: Path) -> None:
    dsl = tmp_path / "jobs.py"
    dsl.write_text("import nothing_such\n", encoding="utf-8")
    result = run_cli("lint", str(dsl))
    assert result.exit_code == 2
    assert result.output == (
        f"error: {dsl}:1:1: ModuleNotFoundError: No module named 'nothing_such'\n"
    )


NEW_KEYS_JOB = """\
env { job.mode = "BATCH" }
source {
  FakeSource { plugin_output = "fake", schema { fields { id = bigint } } }
  FakeSourse { plugin_output = "typo", schema { fields { id = bigint } } }
}
sink { Console { plugin_input = ["fake", "typo"] } }
"""


def test_one_default_version_and_the_summary_says_which_was_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a job written with the 2.3.9 keys, with a misspelt plugin name
    job = tmp_path / "job.conf"
    job.write_text(NEW_KEYS_JOB, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def codes(*args: str) -> list[str]:
        result = run_cli("lint", "--output-format", "json", *args, "job.conf")
        return sorted({finding["code"] for finding in json.loads(result.output)})

    def summary(*args: str) -> str:
        return run_cli("lint", "--output-format", "concise", *args, "job.conf").stdout.splitlines()[
            -1
        ]

    # WHEN no version is chosen THEN it is checked as the default 2.3.8, and says so
    assert "ST402" in codes() and "ST306" in codes()
    assert summary().endswith("; checked as SeaTunnel 2.3.8 (default).")
    # WHEN 2.3.9 is chosen, by flag or by pyproject THEN the keys are right
    assert codes("--target-version", "2.3.9") == ["ST306"]
    assert "; checked as SeaTunnel 2.3.9 (--target-version)." in summary(
        "--target-version", "2.3.9"
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.stconfig]\ntarget-version = "2.3.9"\n', encoding="utf-8"
    )
    assert codes() == ["ST306"]
    assert f"checked as SeaTunnel 2.3.9 (target-version in {tmp_path / 'pyproject.toml'})" in (
        summary()
    )
    # WHEN a version newer than the catalog is chosen THEN the unknown name is a warning
    result = run_cli("lint", "--output-format", "json", "--target-version", "2.3.10", "job.conf")
    [finding] = json.loads(result.output)
    assert (finding["code"], finding["severity"], result.exit_code) == ("ST306", "warning", 0)
    # WHEN pyproject names a version stconfig does not know THEN it is a usage error
    (tmp_path / "pyproject.toml").write_text(
        '[tool.stconfig]\ntarget-version = "2.4.0"\n', encoding="utf-8"
    )
    result = run_cli("lint", "job.conf")
    assert result.exit_code == 2
    assert "target-version: unknown target version '2.4.0'" in result.output


def test_pyproject_settings_and_flag_override(jobs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (jobs / "pyproject.toml").write_text(
        '[tool.stconfig]\nignore = ["ST104"]\ntarget-version = "2.3.8"\n'
        '[tool.stconfig.per-file-ignores]\n"bad.conf" = ["ST103"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(jobs)
    result = run_cli("lint", "--output-format", "concise", "bad.conf")
    assert "ST104" not in result.output and "ST103" not in result.output
    assert "ST401" not in result.output  # the old key names are right for 2.3.8
    result = run_cli("lint", "--output-format", "concise", "--target-version", "2.3.9", "bad.conf")
    assert "ST401" in result.output


def test_bad_pyproject_is_a_usage_error(jobs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (jobs / "pyproject.toml").write_text('[tool.stconfig]\nselect = "x" \nignore = 3\n')
    monkeypatch.chdir(jobs)
    result = run_cli("lint", "good.conf")
    assert result.exit_code == 2
    assert "ignore must be a list of rule codes" in result.output


def test_rules_lists_and_documents(jobs: Path) -> None:
    listing = run_cli("rules").output
    assert "ST201  unknown-plugin-input" in listing
    page = run_cli("rules", "ST601").output
    assert page.startswith("# ST601 restore-key-in-env") and "## Why is this bad?" in page
    assert run_cli("rules", "table-cycle").output.startswith("# ST202")
    assert run_cli("rules", "ST999").exit_code == 2


def test_graph_marks_problems(tmp_path: Path) -> None:
    path = tmp_path / "g.conf"
    path.write_text(
        'env {}\nsource {\n  FakeSource { plugin_output = "a" }\n'
        '  FakeSource { plugin_output = "b" }\n}\n'
        'sink { Console { plugin_input = ["a", "zz"] } }\n',
        encoding="utf-8",
    )
    # GIVEN no version THEN the default 2.3.8 reads no plugin_output keys, and a note says so
    default = run_cli("graph", str(path))
    assert default.stdout.startswith("%% table keys of SeaTunnel 2.3.8 (default)\nflowchart LR")
    assert "note: the job writes plugin_output / plugin_input" in default.stderr
    mermaid = run_cli("graph", "--target-version", "2.3.9", str(path)).stdout
    assert mermaid.startswith("%% table keys of SeaTunnel 2.3.9 (--target-version)\nflowchart LR")
    assert 'n0 -->|"a"| n2' in mermaid
    assert "missing table 'zz'" in mermaid and "never read" in mermaid
    dot = run_cli("graph", "--format", "dot", "--target-version", "2.3.9", str(path)).output
    assert dot.startswith("// table keys of SeaTunnel 2.3.9 (--target-version)\ndigraph job {")
    assert 'n0 -> n2 [label="a"];' in dot
    assert "style=dashed" in dot


def test_fix_renames_keys_and_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "old.conf"
    original = (
        "env {\n  job.mode = BATCH\n  execution.parallelism = 2  # was Flink's name\n}\n"
        'source { FakeSource { result_table_name = "fake", "row.num " = 5\n'
        "  schema { fields { id = bigint } } } }\n"
        'sink { Console { "source_table_name" = "fake" } }\n'
    )
    path.write_text(original, encoding="utf-8")
    first = run_cli("lint", "--fix", "--target-version", "2.3.9", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert fixed == (
        "env {\n  job.mode = BATCH\n  parallelism = 2  # was Flink's name\n}\n"
        'source { FakeSource { plugin_output = "fake", "row.num" = 5\n'
        "  schema { fields { id = bigint } } } }\n"
        'sink { Console { "plugin_input" = "fake" } }\n'
    )
    assert first.exit_code == 0 and "All checks passed" in first.output
    second = run_cli("lint", "--fix", "--target-version", "2.3.9", str(path))
    assert second.exit_code == 0
    assert path.read_text(encoding="utf-8") == fixed


def test_secrets_never_appear_in_any_output(tmp_path: Path) -> None:
    path = tmp_path / "secret.conf"
    path.write_text(
        'env { job.mode = "BATCH" }\n'
        'source { Jdbc { password = "hunter2", query = "select 1" } }\nsink { Console {} }\n',
        encoding="utf-8",
    )
    for form in ("full", "concise", "json", "sarif", "github"):
        result = run_cli("lint", "--output-format", form, str(path))
        assert "ST801" in result.output
        assert "hunter2" not in result.output, form
    assert 'password = "******", query' in run_cli("lint", str(path)).output


def test_stdin_is_linted_under_the_given_name() -> None:
    result = run_cli(
        "lint",
        "--output-format",
        "concise",
        "--stdin-filename",
        "job.conf",
        "-",
        input='env { job.mode = "stream" }\nsource { FakeSource {} }\nsink { Console {} }\n',
    )
    assert result.exit_code == 1
    assert result.output.startswith("job.conf:1:18: ST102 ")
    assert run_cli("lint", "--fix", "-", input="").exit_code == 2


def test_stdin_that_is_not_utf8_is_a_syntax_finding() -> None:
    result = run_cli("lint", "-", input=b'a = "\xff"\n')
    assert result.exit_code == 1
    assert result.stdout.startswith("-:1:6: ST001 invalid UTF-8")
