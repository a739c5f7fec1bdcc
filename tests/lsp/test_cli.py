"""`stconfig lsp --check`, and that the other commands do not pay for the server."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import run_cli


def test_check_prints_what_the_server_publishes(tmp_path: Path) -> None:
    job = tmp_path / "job.conf"
    job.write_text('env { job.mode = "batch" }\nsource { FakeSource { row.nu = 1 } }\n')
    result = run_cli("lsp", "--check", str(job))
    assert result.exit_code == 0
    published = json.loads(result.output)
    assert published["uri"] == job.resolve().as_uri()
    by_code = {d["code"]: d for d in published["diagnostics"]}
    assert {"ST103", "ST301"} <= set(by_code)
    typo = by_code["ST301"]
    assert typo["range"]["start"] == {"line": 1, "character": 22}
    assert typo["severity"] == 2 and typo["source"] == "stconfig"
    assert typo["codeDescription"]["href"].endswith("docs/rules.md#st301-unknown-option")


def test_check_reads_the_nearest_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.stconfig]\nselect = ["ST103"]\n')
    job = tmp_path / "job.conf"
    job.write_text('env { job.mode = "batch" }\nsource { FakeSource { row.nu = 1 } }\n')
    published = json.loads(run_cli("lsp", "--check", str(job)).output)
    assert {d["code"] for d in published["diagnostics"]} == {"ST103"}


def test_check_a_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "stconfig", "lsp", "--check", str(tmp_path / "nope.conf")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"error: {tmp_path / 'nope.conf'}: no such file"]
    assert result.stdout == ""


def test_other_commands_do_not_import_the_server() -> None:
    code = (
        "import sys\n"
        "from stconfig.cli import main\n"
        "try:\n"
        "    main(['lint', 'examples/conf/fake_to_console.conf'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pygls', 'lsprotocol'))))\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_lsp_is_listed() -> None:
    assert "lsp" in run_cli("--help").output


def test_check_with_the_editor_settings(tmp_path: Path) -> None:
    job = tmp_path / "job.conf"
    job.write_text('env { job.mode = "batch" }\nsource { FakeSource { row.nu = 1 } }\n')
    result = run_cli(
        "lsp", "--check", str(job), "--settings", '{"stconfig": {"select": ["ST301"]}}'
    )
    assert {d["code"] for d in json.loads(result.output)["diagnostics"]} == {"ST301"}


def test_check_refuses_bad_settings(tmp_path: Path) -> None:
    job = tmp_path / "job.conf"
    job.write_text("env {}\n")
    not_json = run_cli("lsp", "--check", str(job), "--settings", "{select")
    assert not_json.exit_code == 2 and "--settings is not JSON" in not_json.output
    unknown = run_cli("lsp", "--check", str(job), "--settings", '{"select": ["XX1"]}')
    assert unknown.exit_code == 2 and "unknown rule code or prefix: XX1" in unknown.output
    alone = run_cli("lsp", "--settings", "{}")
    assert alone.exit_code == 2 and "--settings goes with --check" in alone.output
