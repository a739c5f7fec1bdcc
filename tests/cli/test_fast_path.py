"""`lint`, `convert`, `build` and `import` read plain command lines without click, exactly as
click reads them.

stconfig.cli._parameters.Command.parse either returns the parameters click would pass to the
command or declines (None), and then click reads the line. The property test draws command
lines from every spelling the two commands accept and from the ones they refuse, and checks
that whatever `parse` accepts, click accepts with the same parameters.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stconfig.cli import build as build_module
from stconfig.cli import convert as convert_module
from stconfig.cli import import_ as import_module
from stconfig.cli import lint as lint_module
from stconfig.cli._clicked import click_command
from stconfig.cli._parameters import Command, UsageProblem

ROOT = Path(__file__).resolve().parents[2]
JOB = ROOT / "examples" / "conf" / "fake_to_console.conf"
DSL = ROOT / "examples" / "dsl" / "jdbc_to_hive.py"
COMMANDS = {
    "lint": lint_module,
    "convert": convert_module,
    "build": build_module,
    "import": import_module,
}


def click_params(name: str, argv: list[str]) -> dict[str, Any] | None:
    """The parameters click passes to the command for `argv`, or None when it refuses."""
    module = COMMANDS[name]
    function = getattr(module, name, None) or getattr(module, f"{name}_")
    command = click_command(name, function, module.PARAMETERS)
    try:
        with command.make_context(name, list(argv)) as context:
            return dict(context.params)
    except (click.exceptions.Exit, click.ClickException):
        return None


def click_refusal(name: str, argv: list[str]) -> str | None:
    """Click's message when it refuses `argv` as a usage error, else None."""
    module = COMMANDS[name]
    function = getattr(module, name, None) or getattr(module, f"{name}_")
    command = click_command(name, function, module.PARAMETERS)
    try:
        with command.make_context(name, list(argv)):
            return None
    except click.UsageError as error:
        return error.message


def tokens(parameters: Command, folder: Path) -> st.SearchStrategy[str]:
    """Option spellings, values and paths, good and bad."""
    flags = [flag for option in parameters.options for flag in option.flags]
    values = [
        "json",
        "hocon",
        "full",
        "sarif",
        "JSON",
        "2.3.8",
        "2.3.9-SNAPSHOT",
        "9.9",
        "ST2,ST3",
        "ALL",
        "stage=prod",
        "",
        str(JOB),
        str(DSL),
        str(folder),
        str(folder / "missing.conf"),
        str(folder / "unreadable.conf"),
        str(folder / "out") + "/",
    ]
    odd = ["-", "--", "-h", "--help", "-x", "--nope", "-oout.json", "-o=x", "--fix=1"]
    joined = st.builds(
        lambda flag, value: f"{flag}={value}", st.sampled_from(flags), st.sampled_from(values)
    )
    return st.one_of(st.sampled_from(flags), st.sampled_from(values), st.sampled_from(odd), joined)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = tmp_path_factory.mktemp("fast")
    unreadable = made / "unreadable.conf"
    unreadable.write_text("env {}\n")
    unreadable.chmod(0)
    return made


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_parse_accepts_only_what_click_reads_the_same_way(name: str, folder: Path) -> None:
    parameters: Command = COMMANDS[name].PARAMETERS
    answered = 0

    @settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(argv=st.lists(tokens(parameters, folder), max_size=6))
    def agree(argv: list[str]) -> None:
        nonlocal answered
        try:
            fast = parameters.parse(argv)
        except UsageProblem as problem:  # refused in click's words: click refuses alike
            assert str(problem) == click_refusal(name, argv), argv
            answered += 1
            return
        if fast is not None:
            answered += 1
            assert fast == click_params(name, argv), argv

    agree()
    assert answered > 50  # the property is about something: many lines take the fast path


@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("lint", ["--select", "ALL", "--ignore", "ST8", "--var", "a=1", "x.conf", "y.conf"]),
        ("lint", ["--output-format=json", "--fix", "--", "-odd.conf"]),
        ("convert", ["x.conf", "-o", "out.json", "--to", "hocon", "--var", "k=v"]),
        ("convert", ["--from", "json", "-", "--target-version", "2.3.8"]),
        ("build", ["x.py", "--format", "json", "--format", "hocon", "-o", "out/"]),
        ("build", ["--check", "a.py", "b.py", "--target-version", "2.3.12"]),
        ("import", ["job.conf", "-o", "job.py", "--var", "k=v", "--target-version", "2.3.12"]),
        ("import", ["--from", "json", "-"]),
    ],
)
def test_common_command_lines_take_the_fast_path(name: str, argv: list[str]) -> None:
    parameters: Command = COMMANDS[name].PARAMETERS
    fast = parameters.parse(argv)
    assert fast is not None
    assert fast == click_params(name, argv)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["x.conf", "-h"],
        ["--bogus", "x.conf"],
        ["--fix=yes", "x"],
        ["--output-format"],
    ],
)
def test_help_and_mistakes_are_left_to_click(argv: list[str]) -> None:
    assert lint_module.PARAMETERS.parse(argv) is None


def run_console(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`stconfig ARGS` as the console script runs it, reporting whether click was imported."""
    code = (
        "import sys\n"
        f"sys.argv = ['stconfig', *{list(args)!r}]\n"
        "from stconfig.cli import dispatch\n"
        "try:\n    dispatch(sys.argv[1:])\n"
        "finally:\n    print('click' in sys.modules, file=sys.stderr)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=cwd
    )


def test_a_plain_lint_and_convert_never_import_click() -> None:
    lint = run_console("lint", "--select", "ALL", str(JOB))
    convert = run_console("convert", str(JOB))
    assert (lint.returncode, convert.returncode) == (0, 0), lint.stderr + convert.stderr
    assert lint.stderr.splitlines()[-1] == convert.stderr.splitlines()[-1] == "False"
    assert '"env"' in convert.stdout and "All checks passed" in lint.stdout


def test_a_plain_build_and_import_never_import_click(tmp_path: Path) -> None:
    checked = run_console("build", "--check", str(DSL))
    built = run_console("build", str(DSL), "--format", "hocon", "-o", str(tmp_path) + "/")
    assert (checked.returncode, built.returncode) == (0, 0), checked.stderr + built.stderr
    assert checked.stderr.splitlines() == ["False"]
    assert built.stderr.splitlines() == [
        f"wrote {tmp_path / 'jdbc_to_hive.conf'} for SeaTunnel 2.3.8 (default)",
        "False",
    ]
    imported = run_console("import", str(JOB), "-o", str(tmp_path / "job.py"))
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr.splitlines() == ["False"]
    assert "FakeSource(" in (tmp_path / "job.py").read_text()


def test_import_refuses_a_second_path_as_click_did(tmp_path: Path) -> None:
    """The declared parameters take one or more paths; `import_` keeps click's one PATH."""
    fast = run_console("import", str(JOB), "b", "c")
    clicked = run_console("import", "-h", "x", cwd=tmp_path)
    assert fast.returncode == 2
    assert fast.stderr.splitlines() == [
        "error: Got unexpected extra arguments (b c) (see 'stconfig import --help')",
        "False",
    ]
    assert "Usage: stconfig import [OPTIONS] PATH|-" in clicked.stdout


def test_usage_errors_read_the_same_with_and_without_click(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.stconfig]\ntarget-version = "9.9"\n')
    dsl = ROOT / "examples" / "dsl" / "jdbc_to_hive.py"
    (tmp_path / "job.py").write_text(dsl.read_text())
    fast = run_console("convert", "job.py", cwd=tmp_path)
    clicked = run_console("convert", "job.py", "-oout.json", cwd=tmp_path)  # click reads -oX
    assert (fast.returncode, clicked.returncode) == (2, 2)
    assert [fast.stderr.splitlines()[-1], clicked.stderr.splitlines()[-1]] == ["False", "True"]
    line = fast.stderr.splitlines()[0]
    assert line == clicked.stderr.splitlines()[0]
    assert line.startswith(f"error: {tmp_path / 'pyproject.toml'}: [tool.stconfig] target-version")
    assert line.endswith("(see 'stconfig convert --help')")
    assert not (tmp_path / "out.json").exists()


def test_a_closed_pipe_ends_quietly_with_exit_1(tmp_path: Path) -> None:
    """As click's standalone mode: `stconfig lint ... | head` is not an error to report."""
    big = tmp_path / "big.conf"
    keys = "".join(f"  unknown_key_{i} = {i}\n" for i in range(3000))
    big.write_text(JOB.read_text().replace("env {\n", "env {\n" + keys, 1))
    assert run_console("lint", str(big)).returncode == 0  # warnings only: exit 0 unpiped
    reader = subprocess.Popen(
        ["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL
    )
    assert reader.stdin is not None
    done = subprocess.run(
        [sys.executable, "-m", "stconfig", "lint", "--output-format", "concise", str(big)],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    reader.stdin.close()
    reader.wait()
    assert (done.returncode, done.stderr) == (1, "")
