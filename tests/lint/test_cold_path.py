"""A cold `stconfig lint` (one process per pre-commit call) imports only what linting needs,
and the shortcuts that keep it cheap give the same answers as the long way round."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from stconfig._pyproject import find_stconfig_table
from stconfig.secrets import MASK, SEARCHED_LENGTH, _names_a_secret, _occurrences, redact
from tests.conftest import REPOSITORY

NOT_FOR_LINT = (
    "click",  # the console script reads a plain lint command line itself
    "tomllib",  # no pyproject.toml with [tool.stconfig] around
    "difflib",  # nothing misspelt
    "stconfig.lint.fix",  # no finding with a fix
    "pydantic",
    "stconfig.client",
    "stconfig.dsl",
    "stconfig.lsp",
    "stconfig.format",
    "stconfig.emit",
)
LINT_IN_PROCESS = """
import sys
from stconfig.cli import run
sys.argv = ["stconfig", "lint", "--select", "ALL", "--output-format", "concise", "bad.conf"]
try:
    run()
except SystemExit as done:
    print("exit", done.code)
print(sorted(m for m in sys.modules
             if m.split(".")[0] in ("click", "tomllib", "difflib", "pydantic")
             or m.startswith(("stconfig.lint.fix", "stconfig.client", "stconfig.dsl",
                              "stconfig.lsp", "stconfig.format", "stconfig.emit"))))
"""


def test_cold_lint_imports_only_the_lint_path(tmp_path: Path) -> None:
    shutil.copy(REPOSITORY / "tests/lint/fixtures/ST801/bad.conf", tmp_path / "bad.conf")
    result = subprocess.run(
        [sys.executable, "-c", LINT_IN_PROCESS],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    *findings, exit_line, imported = result.stdout.splitlines()
    assert len([f for f in findings if " ST801 " in f]) == 4, result.stdout
    assert exit_line == "exit 1"  # missing required options are errors
    assert imported == "[]", f"imported for a plain lint: {imported} (not one of {NOT_FOR_LINT})"


def test_settings_are_found_however_the_table_is_written(tmp_path: Path) -> None:
    spellings = [
        '[tool.stconfig]\nselect = ["ST1"]\n',
        '[tool."stconfig"]\nselect = ["ST1"]\n',
        '[ tool . stconfig ]\nselect = ["ST1"]\n',
        '[tool.stconfig.variables]\nA = "1"\n',
        'tool.stconfig.select = ["ST1"]\n',
        '[tool]\nstconfig = { select = ["ST1"] }\n',
        "tool = { 'stconfig' = { select = [\"ST1\"] } }\n",
    ]
    for number, text in enumerate(spellings):
        folder = tmp_path / str(number)
        folder.mkdir()
        (folder / "pyproject.toml").write_text(text, encoding="utf-8")
        found = find_stconfig_table(folder)
        assert found is not None and found[0] == folder / "pyproject.toml", text


def test_a_pyproject_that_only_names_stconfig_as_a_dependency_is_passed_over(
    tmp_path: Path,
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.stconfig]\nselect = ["ST7"]\n')
    inner = tmp_path / "service"
    inner.mkdir()
    (inner / "pyproject.toml").write_text(
        '[project]\nname = "service"\ndependencies = ["stconfig>=1.0", "click"]\n'
        "[tool.ruff]\nline-length = 100\n"
    )
    assert find_stconfig_table(inner) == (tmp_path / "pyproject.toml", {"select": ["ST7"]})


def _redact_one_form_at_a_time(text: str, values: list[str]) -> str:
    """The plain reading of `redact`'s rule: every written form of every value, longest
    first, replaced by the mask (short values only as whole words)."""
    forms: set[str] = set()
    for value in values:
        if len(value.strip()) >= SEARCHED_LENGTH and not _names_a_secret(value):
            escaped = value.replace("\\", "\\\\").replace('"', '\\"')
            forms |= {value, repr(value)[1:-1], value.encode("unicode_escape").decode(), escaped}
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        text = _occurrences(form).sub(MASK, text)
    return text


SECRETISH = st.text(alphabet='ab"\\ \n-_x1', min_size=0, max_size=10)


@given(values=st.lists(SECRETISH, max_size=4, unique=True), filler=st.lists(SECRETISH))
def test_redact_matches_its_plain_reading(values: list[str], filler: list[str]) -> None:
    text = "message: " + " ".join(
        part for pair in zip(filler, values * 3, strict=False) for part in pair
    )
    assert redact(text, values) == _redact_one_form_at_a_time(text, values)
