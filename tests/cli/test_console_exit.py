"""The console script ends without the interpreter's teardown (stconfig.cli.run).

What it prints and the status it ends with must be exactly those of the same command line
run inside a process that ends normally (`dispatch`, then `sys.exit`): through a pipe, into
a file, for every status, on the fast path and through click.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
JOB = ROOT / "examples" / "conf" / "fake_to_console.conf"

BUFFERED = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
"""The environment of the runs: output block-buffered into files and pipes, as users have it."""
CONSOLE_SCRIPT = """
import sys
sys.argv[0] = "stconfig"
from stconfig.cli import run
run()
"""
NORMAL_EXIT = """
import sys
sys.argv[0] = "stconfig"
from stconfig.cli import dispatch
dispatch(sys.argv[1:])
"""


def console(args: list[str], stdout: Any = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    """`stconfig ARGS` as the console script runs it."""
    command = [sys.executable, "-c", CONSOLE_SCRIPT, *args]
    return subprocess.run(
        command, stdout=stdout, stderr=subprocess.PIPE, text=True, check=False, env=BUFFERED
    )


def normal(args: list[str], stdout: Any = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    """The same command line in a process that ends the usual way."""
    command = [sys.executable, "-c", NORMAL_EXIT, *args]
    return subprocess.run(
        command, stdout=stdout, stderr=subprocess.PIPE, text=True, check=False, env=BUFFERED
    )


@pytest.fixture
def many_findings(tmp_path: Path) -> Path:
    """A job whose lint prints far more than a pipe buffer holds."""
    keys = "".join(f"  unknown_key_{i} = {i}\n" for i in range(2000))
    job = tmp_path / "many.conf"
    job.write_text(JOB.read_text().replace("env {\n", "env {\n" + keys, 1))
    return job


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "--select", "ALL", "--output-format", "json", "{many}"],  # fast path, exit 0
        ["lint", "--select", "ALL", "{bad}"],  # fast path, findings that fail: exit 1
        ["lint", "--bogus", "{many}"],  # click: usage error, exit 2
        ["convert", "{many}"],  # fast path
        ["rules", "ST103"],  # click
        ["convert", "{missing}"],  # an error line, exit 2
    ],
)
def test_output_and_status_are_those_of_a_normal_exit(
    args: list[str], many_findings: Path, tmp_path: Path
) -> None:
    bad = ROOT / "tests" / "lint" / "fixtures" / "ST102" / "bad.conf"
    paths = {"many": str(many_findings), "bad": str(bad), "missing": str(tmp_path / "no.conf")}
    argv = [arg.format(**paths) for arg in args]
    fast, slow = console(argv), normal(argv)
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        slow.returncode,
        slow.stdout,
        slow.stderr,
    )
    assert fast.stdout or fast.stderr


def test_output_into_a_file_is_complete(many_findings: Path, tmp_path: Path) -> None:
    """A file is block-buffered: what is still in the buffer at the end must be written."""
    argv = ["lint", "--select", "ALL", "--output-format", "json", str(many_findings)]
    written = []
    for run in (console, normal):
        out = tmp_path / f"{run.__name__}.json"
        with out.open("w") as handle:
            done = run(argv, stdout=handle)
        assert done.returncode == 0, done.stderr
        written.append(out.read_text())
    assert written[0] == written[1]
    assert len(written[0]) > 100_000


@pytest.mark.parametrize(
    ("code", "status", "stderr"),
    [("None", 0, ""), ("3", 3, ""), ("'stopped here'", 1, "stopped here\n")],
)
def test_the_hard_exit_flushes_and_keeps_sys_exits_meaning(
    code: str, status: int, stderr: str, tmp_path: Path
) -> None:
    script = (
        "import sys\n"
        "from stconfig.cli import _exit_now\n"
        "for _ in range(1000):\n    sys.stdout.write('unflushed ')\n"
        f"_exit_now({code})\n"
    )
    out = tmp_path / "out.txt"
    with out.open("w") as handle:
        done = subprocess.run(
            [sys.executable, "-c", script],
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            env=BUFFERED,
        )
    assert (done.returncode, done.stderr) == (status, stderr)
    assert out.read_text() == "unflushed " * 1000
