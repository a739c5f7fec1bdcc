"""`stconfig convert` through click and through the installed entry points."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stconfig import __version__
from tests.conftest import REPOSITORY, run_cli

EXAMPLE = REPOSITORY / "examples" / "conf" / "fake_to_console.conf"


def test_convert_to_json_on_stdout() -> None:
    result = run_cli("convert", str(EXAMPLE))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [plugin["plugin_name"] for plugin in data["transform"]] == ["FieldMapper", "Filter"]
    assert data["env"]["job.mode"] == "BATCH"


def test_convert_to_hocon_reads_back_the_same(tmp_path: Path) -> None:
    out = tmp_path / "job.conf"
    assert run_cli("convert", str(EXAMPLE), "--to", "hocon", "-o", str(out)).exit_code == 0
    again = run_cli("convert", str(out))
    assert json.loads(again.stdout) == json.loads(run_cli("convert", str(EXAMPLE)).stdout)


def test_convert_json_input_by_extension(tmp_path: Path) -> None:
    source = tmp_path / "job.json"
    source.write_text(
        '{"env": {"job.mode": "BATCH"}, "source": [{"plugin_name": "FakeSource"}], "sink": []}'
    )
    result = run_cli("convert", str(source), "--to", "hocon")
    assert result.exit_code == 0
    assert (
        result.stdout
        == 'env {\n  job.mode = "BATCH"\n}\n\nsource {\n  FakeSource {}\n}\n\nsink {}\n'
    )


def test_stdin_and_from_option() -> None:
    assert json.loads(run_cli("convert", "-", input="a = 1").stdout) == {"a": 1}
    assert json.loads(run_cli("convert", "-", "--from", "json", input='{"a": [1]}').stdout) == {
        "a": [1]
    }


def test_vars_are_applied() -> None:
    text = 'env { a = "hello ${who}" }\nb = ${n}\nc = "${who}"'
    result = run_cli("convert", "-", "--var", "who=world", "--var", "n=3", input=text)
    # SeaTunnel's quoted-placeholder pass does not reach top-level scalars such as `c`.
    assert json.loads(result.stdout) == {"env": {"a": "hello world"}, "b": "3", "c": "${who}"}


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["convert", "-"], "a = {", "-:1:5: unbalanced '{'"),
        (["convert", "-"], "a = ${who}", "-:1:5: unresolved variable 'who'"),
        (
            ["convert", "-", "--var", "novalue"],
            "a = 1",
            "error: --var expects KEY=VALUE, got an argument without '='",
        ),
        (
            ["convert", "-", "--var", "table_name=x"],
            "a = 1",
            "error: 'table_name' is a reserved sink placeholder",
        ),
        (["convert", "missing.conf"], None, "error: missing.conf: no such file"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line(
    args: list[str], stdin: str | None, message: str
) -> None:
    result = run_cli(*args, input=stdin)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.stderr


def test_failed_convert_leaves_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "job.json"
    out.write_text("previous")
    result = run_cli("convert", "-", "-o", str(out), input="a = ${missing}")
    assert result.exit_code == 2
    assert out.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["job.json"]


def test_hocon_target_refuses_what_it_cannot_express() -> None:
    result = run_cli(
        "convert",
        "-",
        "--from",
        "json",
        "--to",
        "hocon",
        input='{"sink": [{"plugin_name": "Console", "source": {"a": 1}}]}',
    )
    assert result.exit_code == 2
    assert "an option named 'source' holding an object cannot be written in HOCON" in result.stderr


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("convert", str(EXAMPLE), "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_version_and_help() -> None:
    assert run_cli("--version").stdout.strip() == f"stconfig, version {__version__}"
    help_text = run_cli("--help").stdout
    assert "convert" in help_text and "Exit codes" in help_text
    assert "Exit codes: 0 converted, 2 bad input" in " ".join(
        run_cli("convert", "--help").stdout.split()
    )


def test_installed_entry_points() -> None:
    module = subprocess.run(
        [sys.executable, "-m", "stconfig", "convert", str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (
        module.returncode == 0 and json.loads(module.stdout)["sink"][0]["plugin_name"] == "Console"
    )
    script = Path(sys.executable).with_name("stconfig")
    if not script.exists():
        pytest.skip(f"no stconfig script beside {sys.executable}; install the package")
    bad = subprocess.run(
        [str(script), "convert", "-"], input="a = {", capture_output=True, text=True, check=False
    )
    assert bad.returncode == 2 and bad.stderr.startswith("-:1:5: unbalanced '{'")
