"""`stconfig diff` on the command line: formats, exit codes, bad input, --textconv."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.diff.test_compare import JOB


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.conf", tmp_path / "new.conf"
    old.write_text(JOB)
    new.write_text(JOB.replace("parallelism = 1", "parallelism = 2").replace("hunter2", "pw|2"))
    return old, new


def test_same_job_exits_0(tmp_path: Path) -> None:
    old = tmp_path / "old.conf"
    old.write_text(JOB)
    new = tmp_path / "new.json"
    new.write_text(run_cli("convert", str(old)).stdout)
    result = run_cli("diff", str(old), str(new))
    assert result.exit_code == 0
    assert result.stdout == f"{old} -> {new}: same job\n"


def test_text_output_with_positions_and_masked_secrets(pair: tuple[Path, Path]) -> None:
    old, new = pair
    result = run_cli("diff", str(old), str(new))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{old} -> {new}: 2 changes",
        "env:",
        f"  ~ parallelism: 1 -> 2  [{old}:3:17 -> {new}:3:17]",
        "options:",
        f"  ~ source[0] FakeSource: password: ****** -> ******  [{old}:9:16 -> {new}:9:16]",
    ]
    assert "hunter2" not in result.output and "pw|2" not in result.output


def test_json_output(pair: tuple[Path, Path]) -> None:
    old, new = pair
    result = run_cli("diff", str(old), str(new), "--output-format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["same"] is False and (data["old"], data["new"]) == (str(old), str(new))
    first = data["changes"][0]
    assert first["section"] == "env" and first["key"] == ["parallelism"]
    assert first["old_at"] == {"path": str(old), "line": 3, "column": 17}
    assert (first["old"], first["new"]) == ("1", "2")


def test_markdown_output_is_a_table(pair: tuple[Path, Path]) -> None:
    old, new = pair
    result = run_cli("diff", str(old), str(new), "--output-format", "markdown")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"### SeaTunnel job: `{old}` -> `{new}`"
    assert "**2 changes** (env 1, options 1)" in lines
    rows = [line for line in lines if line.startswith("| env") or line.startswith("| options")]
    assert rows[0] == f"| env | parallelism: 1 -> 2 | `1` | `2` | {old}:3:17 -> {new}:3:17 |"
    assert all(row.count(" | ") == 4 for row in rows)
    same = run_cli("diff", str(old), str(old), "--output-format", "markdown")
    assert "Same job" in same.stdout and same.exit_code == 0


def test_markdown_escapes_pipes_and_backticks(tmp_path: Path) -> None:
    old, new = tmp_path / "old.conf", tmp_path / "new.conf"
    old.write_text('source { FakeSource { query = "a" } }\nsink { Console {} }\n')
    new.write_text('source { FakeSource { query = "a | `b`" } }\nsink { Console {} }\n')
    out = run_cli("diff", str(old), str(new), "--output-format", "markdown").stdout
    row = next(line for line in out.splitlines() if line.startswith("| options"))
    assert '`` "a \\| `b`" ``' in row
    assert row.replace("\\|", "").count("|") == 6


def test_variables_apply_to_both_sides(tmp_path: Path) -> None:
    old, new = tmp_path / "old.conf", tmp_path / "new.conf"
    old.write_text("source { FakeSource { row.num = ${rows} } }\nsink { Console {} }\n")
    new.write_text('source { FakeSource { row.num = "10" } }\nsink { Console {} }\n')
    assert run_cli("diff", str(old), str(new), "--var", "rows=10").exit_code == 0
    assert run_cli("diff", str(old), str(new), "--var", "rows=11").exit_code == 1


def test_dev_null_is_an_empty_job(pair: tuple[Path, Path]) -> None:
    old, _ = pair
    result = run_cli("diff", "/dev/null", str(old))
    assert result.exit_code == 1
    assert "+ source[0] FakeSource added" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "{old}"], "expected two files, OLD and NEW, got 1"),
        (["diff", "{old}", "{old}", "{old}"], "expected two files, OLD and NEW, got 3"),
        (["diff", "{old}", "{missing}"], "missing.conf: no such file"),
        (["diff", "{old}", "{broken}"], "broken.conf:2:16: "),
        (["diff", "-", "-"], "only one side can be '-'"),
        (["diff", "--textconv", "{old}", "{old}"], "expected one file with --textconv"),
        (["diff", "{old}", "{old}", "--var", "novalue"], "--var expects KEY=VALUE"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line(
    pair: tuple[Path, Path], tmp_path: Path, args: list[str], message: str
) -> None:
    old, _ = pair
    broken = tmp_path / "broken.conf"
    broken.write_text("source {\n  Fake { a = 1 ]\n}\n")
    names = {"old": str(old), "missing": str(tmp_path / "missing.conf"), "broken": str(broken)}
    result = run_cli(*[arg.format(**names) for arg in args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_textconv_prints_sorted_masked_json(pair: tuple[Path, Path], tmp_path: Path) -> None:
    old, _ = pair
    result = run_cli("diff", "--textconv", str(old))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["source"][0]["password"] == "******"
    assert list(data["env"]) == sorted(data["env"])
    reordered = tmp_path / "reordered.conf"
    reordered.write_text(
        JOB.replace(
            '  job.mode = "BATCH"\n  parallelism = 1\n', "  parallelism = 1\n  job.mode = BATCH\n"
        )
    )
    assert run_cli("diff", "--textconv", str(reordered)).stdout == result.stdout


def test_textconv_passes_a_broken_file_through(tmp_path: Path) -> None:
    broken = tmp_path / "broken.conf"
    broken.write_text("source {\n")
    result = run_cli("diff", "--textconv", str(broken))
    assert result.exit_code == 0
    assert result.stdout == "source {\n"
    assert "showing the file as it is" in result.stderr


def test_values_from_secret_variables_and_url_passwords_are_masked(tmp_path: Path) -> None:
    old, new = tmp_path / "old.conf", tmp_path / "new.conf"
    old.write_text(
        'source { Jdbc { url = "jdbc:mysql://app:Sup3rS3cret@db/x", note = ${db_password} } }\n'
        "sink { Console {} }\n"
    )
    new.write_text(
        'source { Jdbc { url = "jdbc:mysql://app:Oth3rS3cret@db/y", note = "plain" } }\n'
        "sink { Console {} }\n"
    )
    result = run_cli("diff", str(old), str(new), "--var", "db_password=VarS3cretValue")
    assert result.exit_code == 1
    for secret in ("Sup3rS3cret", "Oth3rS3cret", "VarS3cretValue"):
        assert secret not in result.output
    assert "db/x" in result.output and "db/y" in result.output
    conv = run_cli("diff", "--textconv", str(old), "--var", "db_password=VarS3cretValue")
    assert "Sup3rS3cret" not in conv.stdout and "VarS3cretValue" not in conv.stdout
