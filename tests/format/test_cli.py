"""`stconfig format` through click: in place, --check, --diff, stdin, bad files, settings."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

import stconfig.format
from stconfig import format_text
from tests.conftest import run_cli
from tests.lint.test_precommit_hook import hook_field

MESSY = 'env {\n\tjob.mode : "BATCH", parallelism=2   # two\n}\nsink { Console {} }\n'
TIDY = format_text(MESSY)


@pytest.fixture
def job(tmp_path: Path) -> Path:
    path = tmp_path / "job.conf"
    path.write_text(MESSY, encoding="utf-8")
    return path


def test_rewrites_in_place_and_reports(job: Path) -> None:
    job.chmod(0o640)
    result = run_cli("format", str(job))
    assert result.exit_code == 0, result.stderr
    assert job.read_text(encoding="utf-8") == TIDY
    assert (
        TIDY
        == 'env {\n  job.mode = "BATCH"\n  parallelism = 2  # two\n}\nsink {\n  Console {}\n}\n'
    )
    assert result.stderr == "1 file reformatted.\n"
    assert stat.S_IMODE(job.stat().st_mode) == 0o640
    assert sorted(os.listdir(job.parent)) == ["job.conf"]  # no temporary file left behind
    again = run_cli("format", str(job))
    assert again.exit_code == 0
    assert again.stderr == "1 file left unchanged.\n"


def test_an_unchanged_file_is_not_rewritten(job: Path) -> None:
    job.write_text(TIDY, encoding="utf-8")
    os.utime(job, (1_000_000, 1_000_000))
    assert run_cli("format", str(job)).exit_code == 0
    assert job.stat().st_mtime == 1_000_000


def test_check_lists_files_and_exits_1(job: Path, tmp_path: Path) -> None:
    tidy = tmp_path / "tidy.conf"
    tidy.write_text(TIDY, encoding="utf-8")
    result = run_cli("format", "--check", str(job), str(tidy))
    assert result.exit_code == 1
    assert result.stdout == f"would reformat {job}\n"
    assert "1 file would be reformatted, 1 file already formatted." in result.stderr
    assert job.read_text(encoding="utf-8") == MESSY
    assert run_cli("format", "--check", str(tidy)).exit_code == 0


def test_diff_prints_a_unified_diff_and_changes_nothing(job: Path) -> None:
    result = run_cli("format", "--diff", str(job))
    assert result.exit_code == 1
    assert f"--- a/{job}\n+++ b/{job}\n" in result.stdout
    assert '-\tjob.mode : "BATCH", parallelism=2   # two\n' in result.stdout
    assert '+  job.mode = "BATCH"\n' in result.stdout
    assert job.read_text(encoding="utf-8") == MESSY


def test_stdin_to_stdout() -> None:
    result = run_cli("format", "-", input=MESSY)
    assert result.exit_code == 0
    assert result.stdout == TIDY
    check = run_cli("format", "--check", "-", input=MESSY)
    assert (check.exit_code, check.stdout) == (1, "would reformat -\n")
    assert run_cli("format", "--check", "-", input=TIDY).exit_code == 0


def test_stdin_filename_picks_json() -> None:
    result = run_cli("format", "--stdin-filename", "job.json", "-", input='{"env":{"a":1}}')
    assert result.exit_code == 0, result.stderr
    assert result.stdout == '{\n  "env": {\n    "a": 1\n  }\n}\n'


def test_unparsable_file_is_reported_with_its_position_and_left_alone(
    job: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.conf"
    broken.write_text("env {\n  job.mode = \n", encoding="utf-8")
    result = run_cli("format", str(broken), str(job))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{broken}:3:1: expected a value")
    assert "Traceback" not in result.stderr
    assert broken.read_text(encoding="utf-8") == "env {\n  job.mode = \n"
    assert job.read_text(encoding="utf-8") == TIDY  # the other file is still formatted
    assert "1 file reformatted, 1 file could not be formatted." in result.stderr


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bad.json", b'{"a": 1, // no\n}', "comments are not allowed in JSON"),
        ("dup.json", b'{"a": 1, "a": 2}', "JSON does not allow duplicate keys"),
        ("latin1.conf", b"a = \xe9\n", "invalid UTF-8"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run_cli("format", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:1:")
    assert message in result.stderr
    assert path.read_bytes() == data


def test_missing_file_and_stdin_mixed_with_files(tmp_path: Path) -> None:
    missing = run_cli("format", str(tmp_path / "nope.conf"))
    assert missing.exit_code == 2
    assert "nope.conf: no such file" in missing.stderr
    mixed = run_cli("format", "-", str(tmp_path / "a.conf"), input="a = 1")
    assert mixed.exit_code == 2
    assert "formatted alone" in mixed.stderr


def test_folders_are_searched_for_job_files(tmp_path: Path) -> None:
    (tmp_path / "jobs" / ".hidden").mkdir(parents=True)
    (tmp_path / "jobs" / "a.conf").write_text("a=1", encoding="utf-8")
    (tmp_path / "jobs" / "b.json").write_text('{"a":1}', encoding="utf-8")
    (tmp_path / "jobs" / "notes.txt").write_text("a=1", encoding="utf-8")
    (tmp_path / "jobs" / ".hidden" / "c.conf").write_text("a=1", encoding="utf-8")
    result = run_cli("format", str(tmp_path / "jobs"))
    assert result.exit_code == 0
    assert (tmp_path / "jobs" / "a.conf").read_text(encoding="utf-8") == "a = 1\n"
    assert (tmp_path / "jobs" / "b.json").read_text(encoding="utf-8") == '{\n  "a": 1\n}\n'
    assert (tmp_path / "jobs" / "notes.txt").read_text(encoding="utf-8") == "a=1"
    assert (tmp_path / "jobs" / ".hidden" / "c.conf").read_text(encoding="utf-8") == "a=1"
    assert result.stderr == "2 files reformatted.\n"


def test_python_files_are_refused_and_symbolic_links_followed(job: Path, tmp_path: Path) -> None:
    dsl = tmp_path / "jobs.py"
    dsl.write_text("x = 1\n", encoding="utf-8")
    refused = run_cli("format", str(dsl))
    assert refused.exit_code == 2
    assert f"{dsl}: a Python DSL file" in refused.stderr
    link = tmp_path / "link.conf"
    link.symlink_to(job)
    assert run_cli("format", str(link)).exit_code == 0
    assert link.is_symlink()
    assert job.read_text(encoding="utf-8") == TIDY


def test_a_change_of_meaning_is_refused(job: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the printer ever produced a different job, the file is left alone with exit 2."""
    monkeypatch.setattr(
        stconfig.format,
        "print_document",
        lambda *_: (
            'env {\n  job.mode = "STREAMING"\n  parallelism = 2\n}\nsink {\n  Console {}\n}\n'
        ),
    )
    result = run_cli("format", str(job))
    assert result.exit_code == 2
    assert "not formatted, the result would change the job" in result.stderr
    assert "$.env.job.mode: 'BATCH' became 'STREAMING'" in result.stderr
    assert job.read_text(encoding="utf-8") == MESSY


def test_settings_from_pyproject_and_flags(
    job: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.stconfig.format]\nindent = 4\nseparator = ":"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert run_cli("format", "job.conf").exit_code == 0
    assert '    job.mode: "BATCH"\n' in job.read_text(encoding="utf-8")
    assert run_cli("format", "--indent", "2", "--separator", "=", "job.conf").exit_code == 0
    assert job.read_text(encoding="utf-8") == TIDY


def test_unknown_setting_is_an_error_with_its_line(
    job: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.stconfig]\nselect = ["ST1"]\n\n[tool.stconfig.format]\nindnet = 4\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = run_cli("format", "job.conf")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path / 'pyproject.toml'}:5:1: unknown key 'indnet' in "
        "[tool.stconfig.format] (did you mean 'indent'?)\n"
    )
    assert job.read_text(encoding="utf-8") == MESSY


def test_help_lists_the_exit_codes() -> None:
    result = run_cli("format", "--help")
    assert result.exit_code == 0
    words = " ".join(result.stdout.split())
    assert "Exit codes: 0 done" in words
    assert "1 with --check or --diff, some file would change" in words
    assert "2 usage error, or a file that could not be read, parsed or formatted safely" in words
    assert "format" in run_cli("--help").stdout


def test_the_pre_commit_hook_runs_its_entry(job: Path) -> None:
    program, *arguments = hook_field("entry", "stconfig-format").split()
    assert program == "stconfig"
    assert hook_field("language", "stconfig-format") == "python"
    pattern = hook_field("files", "stconfig-format")
    assert re.search(pattern, "jobs/a.conf") and re.search(pattern, "etl/job_x.json")
    assert not re.search(pattern, "package.json")
    assert run_cli(*arguments, str(job)).exit_code == 0
    assert job.read_text(encoding="utf-8") == TIDY
    assert run_cli(*arguments, "--check", str(job)).exit_code == 0
