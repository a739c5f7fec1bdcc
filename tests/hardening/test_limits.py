"""Every input is bounded in time and memory: each limit of docs/limits.md is one clear error.

Hostile inputs run in a child process with a 1 GiB address-space limit and a timeout, so a
regression fails the test instead of swapping the machine or hanging the suite.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

import stconfig
from stconfig import limits
from stconfig.errors import FileReadError, ParseError
from stconfig.lint.engine import lint_source
from stconfig.lint.settings import LintSettings
from stconfig.source import SourceFile

MEMORY_LIMIT = 1024 * 1024 * 1024
TIMEOUT = 60
ONE_ERROR = re.compile(r"^(error: )?\S+:\d+:\d+: ")


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_bounded(
    *args: str, cwd: Path, stdin: int | None = subprocess.DEVNULL, code: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m stconfig ARGS` (or `python -c CODE`) under 1 GiB and a timeout."""
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "stconfig", *args]
    return subprocess.run(
        command,
        cwd=cwd,
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        preexec_fn=_cap_memory,
        env={**os.environ, "NO_COLOR": "1"},
    )


def assert_one_error(result: subprocess.CompletedProcess[str], needle: str) -> str:
    """Exit 2, no traceback, and a first line `file:line:col: message` holding `needle`."""
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "MemoryError" not in result.stderr and "RecursionError" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert ONE_ERROR.match(first), first
    assert needle in first, first
    return first


def doubling(first: str, step: str, levels: int) -> str:
    """`a0 = FIRST`, then each `aN` built from two copies of `aN-1`."""
    lines = [f"a0 = {first}"]
    lines += [f"a{n} = " + step.format(p=f"${{a{n - 1}}}") for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


# -- substitution blow-up ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("shape", "first", "step"),
    [
        ("string", '"x"', "{p}{p}"),
        ("object", "{x = 1}", "{{l = {p}, r = {p}}}"),
        ("list", "[1]", "{p} {p}"),
        ("merged object", "{x = 1}", "{{l = {p}}} {{r = {p}}}"),
    ],
)
def test_substitution_blow_up_fails_fast_at_its_line(
    tmp_path: Path, shape: str, first: str, step: str
) -> None:
    (tmp_path / "bomb.conf").write_text(doubling(first, step, 59))
    first_line = assert_one_error(run_bounded("convert", "bomb.conf", cwd=tmp_path), "resolves to")
    assert first_line.startswith("error: bomb.conf:") or first_line.startswith("bomb.conf:")


def test_substitution_blow_up_in_lint_is_a_finding(tmp_path: Path) -> None:
    (tmp_path / "bomb.conf").write_text(doubling('"x"', "{p}{p}", 59))
    result = run_bounded("lint", "--output-format", "concise", "bomb.conf", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert re.search(r"bomb\.conf:\d+:\d+: ST001 .*resolves to", result.stdout), result.stdout


def test_reuse_below_the_limit_still_reads() -> None:
    text = doubling('"xy"', "{p}{p}", 12)
    job = stconfig.loads(text)
    assert job.root.to_python()["a12"] == "xy" * 4096


def test_resolved_values_limit_counts_every_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_RESOLVED_VALUES", 1000)
    stconfig.loads(doubling("[1]", "{p} {p}", 8))  # 521 values in all
    with pytest.raises(ParseError, match="resolves to 1,025 values") as raised:
        stconfig.loads(doubling("[1]", "{p} {p}", 10))
    assert (raised.value.line, raised.value.column) == (11, 7)


# -- includes ------------------------------------------------------------------------------


def test_include_blow_up_stops_at_the_include_count(tmp_path: Path) -> None:
    levels = 18
    for n in range(levels):
        (tmp_path / f"f{n}.conf").write_text(
            f'include "f{n + 1}.conf"\ninclude "f{n + 1}.conf"\nk{n} = {n}\n'
        )
    (tmp_path / f"f{levels}.conf").write_text("leaf = 1\n")
    result = run_bounded("convert", "f0.conf", cwd=tmp_path)
    assert_one_error(result, f"more than {limits.MAX_INCLUDES} includes")


def test_included_text_is_counted_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT_CHARS", 2000)
    (tmp_path / "part.conf").write_text("x = " + "a" * 800 + "\n")
    main = tmp_path / "main.conf"
    main.write_text('a { include "part.conf" }\nb { include "part.conf" }\n')
    assert stconfig.load(main).root.to_python()["b"] == {"x": "a" * 800}
    main.write_text(
        'a { include "part.conf" }\nb { include "part.conf" }\nc { include "part.conf" }\n'
    )
    with pytest.raises(ParseError, match="more than 2,000") as raised:
        stconfig.load(main)
    assert (raised.value.line, raised.value.column) == (3, 5)


def test_tokens_of_included_files_share_one_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_TOKENS", 300)
    (tmp_path / "part.conf").write_text("".join(f"k{n} = {n}\n" for n in range(30)))
    main = tmp_path / "main.conf"
    main.write_text("".join(f'p{n} {{ include "part.conf" }}\n' for n in range(4)))
    with pytest.raises(ParseError, match="more than 300 tokens"):
        stconfig.load(main)


# -- tokens ------------------------------------------------------------------------------


def test_long_unquoted_token_costs_memory_linear_in_its_length(tmp_path: Path) -> None:
    """Three million characters took 1.5 GB in the lexer; the limit is lifted to show it."""
    code = (
        "from stconfig import limits; limits.MAX_TOKEN_CHARS = 10**8\n"
        "import stconfig\n"
        "job = stconfig.loads('a = ' + 'x/' * 1_500_000 + 'y')\n"
        "assert len(job.root.to_python()['a']) == 3_000_001\n"
    )
    result = run_bounded(cwd=tmp_path, code=code)
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize(
    "token", ["x" * 2000, '"' + "x" * 2000 + '"', "# " + "x" * 2000, "1" * 2000, "-" + "2" * 2000]
)
def test_token_longer_than_the_limit_is_refused_at_its_start(
    monkeypatch: pytest.MonkeyPatch, token: str
) -> None:
    monkeypatch.setattr(limits, "MAX_TOKEN_CHARS", 1000)
    with pytest.raises(ParseError, match="longer than 1,000 characters") as raised:
        stconfig.loads(f"a = 1\nb = {token}\n")
    assert (raised.value.line, raised.value.column) == (2, 5)


def test_a_huge_line_is_cut_in_the_error_snippet(tmp_path: Path) -> None:
    (tmp_path / "long.conf").write_text("a = " + "x" * 3_000_000 + "\n")
    result = run_bounded("convert", "long.conf", cwd=tmp_path)
    assert_one_error(result, "a token of 3,000,000 characters")
    assert len(result.stderr) < 1000


def test_token_count_is_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_TOKENS", 100)
    with pytest.raises(ParseError, match="more than 100 tokens") as raised:
        stconfig.loads("a = [" + "1," * 100 + "]\n")
    assert raised.value.line == 1


# -- file size and standard input ---------------------------------------------------------


def test_file_size_message_gives_the_real_size(tmp_path: Path) -> None:
    big = tmp_path / "big.conf"
    with big.open("wb") as handle:
        handle.truncate(52 * limits.MIB)  # sparse: nothing is written
    with pytest.raises(FileReadError, match=r"file is 52\.0 MiB; job files larger than 16\.0"):
        stconfig.load(big)


@pytest.mark.parametrize(
    "command",
    [["convert", "-"], ["lint", "-"], ["submit", "-"], ["import", "-"]],
    ids=lambda command: command[0],
)
def test_endless_stdin_stops_at_the_limit(tmp_path: Path, command: list[str]) -> None:
    with open("/dev/zero", "rb") as zeros:
        result = run_bounded(*command, cwd=tmp_path, stdin=zeros.fileno())
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "standard input is larger than 16.0 MiB" in lines[0]


def test_stdin_below_the_limit_still_reads(tmp_path: Path) -> None:
    (tmp_path / "job.conf").write_text("env { job.mode = BATCH }\n")
    with open(tmp_path / "job.conf", "rb") as job:
        result = run_bounded("convert", "-", cwd=tmp_path, stdin=job.fileno())
    assert result.returncode == 0, result.stderr
    assert '"job.mode" : "BATCH"' in result.stdout or '"job.mode": "BATCH"' in result.stdout


# -- special files in a linted folder -----------------------------------------------------


def test_lint_folder_skips_a_fifo_without_opening_it(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.conf")
    (tmp_path / "good.conf").write_text(
        "env { job.mode = BATCH }\nsource { FakeSource { plugin_output = t } }\n"
        "sink { Console { plugin_input = t } }\n"
    )
    result = run_bounded("lint", "--output-format", "concise", str(tmp_path), cwd=tmp_path)
    assert "skipped" in result.stderr and "x.conf: not a regular file" in result.stderr
    assert "good.conf" not in result.stderr
    assert result.returncode in (0, 1), result.stderr


# -- numbers beyond a double, recursive DSL files ------------------------------------------


def test_infinite_number_convert_names_its_position(tmp_path: Path) -> None:
    (tmp_path / "inf.conf").write_text("env {\n  a = 1e400\n}\n")
    assert_one_error(run_bounded("convert", "inf.conf", cwd=tmp_path), "inf.conf:2:7: env.a: 1e400")


def test_infinite_number_import_is_refused_not_a_name_error(tmp_path: Path) -> None:
    (tmp_path / "inf.conf").write_text("env {\n  a = -1e400\n}\n")
    result = run_bounded("import", "inf.conf", cwd=tmp_path)
    assert "NameError" not in result.stderr
    assert_one_error(result, "inf.conf:2:7: env.a: -1e400")


def test_infinite_number_is_a_lint_finding() -> None:
    text = "env {\n  a = 1e400\n  b = [1, -2e308]\n  c = 1e400 rows\n}\n"
    found = [
        (d.code, d.line, d.column)
        for d in lint_source(SourceFile("inf.conf", text), LintSettings(select=("ST910",)))
    ]
    assert found == [("ST910", 2, 7), ("ST910", 3, 11)]


def test_recursive_dsl_file_prints_one_line(tmp_path: Path) -> None:
    (tmp_path / "rec.py").write_text("def make(n):\n    return make(n + 1)\n\n\njob = make(0)\n")
    result = run_bounded("build", "rec.py", "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "error: rec.py:2:12: RecursionError: maximum recursion depth exceeded "
        "(make calls itself without end)"
    ]


def test_deep_but_finite_dsl_error_folds_repeated_callers(tmp_path: Path) -> None:
    (tmp_path / "deep.py").write_text(
        "def a(n):\n    if n > 200:\n        raise ValueError('deep')\n    return b(n + 1)\n\n\n"
        "def b(n):\n    return a(n + 1)\n\n\njob = a(0)\n"
    )
    result = run_bounded("build", "deep.py", "-o", str(tmp_path / "out"), cwd=tmp_path)
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "error: deep.py:3:9: ValueError: deep"
    assert "  ... the 2 lines above 100 more times" in lines
    assert len(lines) < 10
