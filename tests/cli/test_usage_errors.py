"""Every usage error is one line, `error: ... (see 'stconfig CMD --help')`, with exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPOSITORY, run_cli

EXAMPLE = str(REPOSITORY / "examples" / "conf" / "fake_to_console.conf")


def one_line(args: list[str]) -> str:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["lint", "--output-format", "bogus", EXAMPLE],
            "error: Invalid value for '--output-format': 'bogus' is not one of 'full', "
            "'concise', 'json', 'sarif', 'github'. (see 'stconfig lint --help')",
        ),
        (
            ["convert", "--to", "yaml", EXAMPLE],
            "error: Invalid value for '--to': 'yaml' is not one of 'json', 'hocon'. "
            "(see 'stconfig convert --help')",
        ),
        (["nosuch"], "error: No such command 'nosuch'. (see 'stconfig --help')"),
        (["--bogus"], "error: No such option '--bogus'. (see 'stconfig --help')"),
        (
            ["lint", "--bogus", EXAMPLE],
            "error: No such option '--bogus'. (see 'stconfig lint --help')",
        ),
        (["convert"], "error: Missing argument 'PATH...|-'. (see 'stconfig convert --help')"),
        (["status"], "error: Missing argument 'JOBID'. (see 'stconfig status --help')"),
        (
            ["submit", "--timeout", "abc", EXAMPLE],
            "error: Invalid value for '--timeout': 'abc' is not a number of seconds "
            "(see 'stconfig submit --help')",
        ),
        (
            ["plugins", "nosuch"],
            "error: No such command 'nosuch'. (see 'stconfig plugins --help')",
        ),
    ],
)
def test_click_usage_errors_are_one_line(args: list[str], expected: str) -> None:
    assert one_line(args) == expected


def test_a_usage_error_raised_inside_a_command_names_that_command() -> None:
    assert one_line(["schema", "--kind", "source"]) == (
        "error: --kind needs --plugin (see 'stconfig schema --help')"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"2.5"', "target-version: unknown target version '2.5'"),
        ("3", 'target-version must be a string such as "2.3.8"'),
    ],
)
@pytest.mark.parametrize("command", [["graph", EXAMPLE], ["import", EXAMPLE], ["schema"]])
def test_a_bad_pyproject_target_version_is_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    value: str,
    message: str,
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(f"[tool.stconfig]\ntarget-version = {value}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    line = one_line(command)
    assert line.startswith(f"error: {pyproject}: [tool.stconfig] {message}")
    assert line.endswith(f"(see 'stconfig {command[0]} --help')")


def test_no_arguments_still_shows_the_help() -> None:
    result = run_cli()
    assert result.exit_code == 2
    assert "Commands:" in result.output


@pytest.mark.parametrize("launcher", ["script", "module"])
def test_the_installed_entry_points_print_one_line(launcher: str) -> None:
    script = Path(sys.executable).with_name("stconfig")
    if launcher == "script" and not script.exists():
        pytest.skip(f"no stconfig script beside {sys.executable}; install the package")
    command = [str(script)] if launcher == "script" else [sys.executable, "-m", "stconfig"]
    completed = subprocess.run(
        [*command, "convert", "--to", "yaml", EXAMPLE], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    [line] = completed.stderr.splitlines()
    assert line.startswith("error: Invalid value for '--to': 'yaml' is not one of 'json', 'hocon'.")
    assert line.endswith(" convert --help')")
