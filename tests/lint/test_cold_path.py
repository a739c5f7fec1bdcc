"""A cold `stconfig lint` (one process per pre-commit call) imports only what linting needs,
and the shortcuts that keep it cheap give the same answers as the long way round."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stconfig._pyproject import _MAY_HOLD_TOOL_STCONFIG, find_stconfig_table
from stconfig.secrets import MASK, SEARCHED_LENGTH, _names_a_secret, _occurrences, redact
from tests.conftest import REPOSITORY

NOT_FOR_LINT = (
    "click",  # the console script reads a plain lint command line itself
    "dataclasses",  # records (stconfig._records); with it inspect, ast, dis, tokenize
    "inspect",
    "pkgutil",  # the rule modules are listed (stconfig.lint.rules.MODULES)
    "tokenize",  # suppression comments of Python DSL files only
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
from stconfig.cli import dispatch
sys.argv = ["stconfig", "lint", "--select", "ALL", "--output-format", "concise", "bad.conf"]
try:
    dispatch(sys.argv[1:])
except SystemExit as done:
    print("exit", done.code)
print(sorted(m for m in sys.modules
             if m.split(".")[0] in ("click", "tomllib", "difflib", "pydantic", "dataclasses",
                                    "inspect", "pkgutil", "tokenize")
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
        '[ "tool" ]\nmatrix = [\n  ["a"],\n]\n"stconfig" . select = ["ST1"]\n',
        '[tool."stc\\u006Fnfig"]\nselect = ["ST1"]\n',
        '[project.scripts]\nstconfig = "stconfig.cli:main"\n[tool.stconfig]\nselect = ["ST1"]\n',
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


@pytest.mark.parametrize(
    "text",
    [
        '[project.scripts]\nstconfig = "stconfig.cli:main"\n',
        '[project.gui-scripts]\nstconfig = "x:y"\n[project.entry-points.x]\nstconfig = "z"\n',
        '[project]\ndependencies = ["stconfig>=1"]\n[tool.poetry.dependencies]\nstconfig = "^1"\n',
        '[tool.ruff]\nstconfig = 1\n[tools]\nstconfig = 2\n[[tool]]\nname = "x"\n',
        (REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"),
    ],
)
def test_a_pyproject_that_names_stconfig_elsewhere_is_not_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    def refuse(text: str) -> object:
        raise AssertionError("parsed a pyproject.toml without a tool.stconfig table")

    monkeypatch.setattr(tomllib, "loads", refuse)
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    assert find_stconfig_table(tmp_path) is None


TOOL_KEYS = st.sampled_from(["tool", '"tool"', "'tool'", '"\\u0074ool"'])
STCONFIG_KEYS = st.sampled_from(["stconfig", '"stconfig"', "'stconfig'", '"stc\\u006Fnfig"'])
GAPS = st.sampled_from(["", " ", "\t", "  "])
TABLES_BEFORE = st.sampled_from(
    ["", '[project.scripts]\nstconfig = "stconfig.cli:main"\n', "[tool.ruff]\nline-length = 1\n"]
)
TABLES_AFTER = st.sampled_from(
    ["", '[project.gui-scripts]\nstconfig = "a:b"\n', '[project]\ndependencies = ["stconfig"]\n']
)


@st.composite
def tool_stconfig_tables(draw: st.DrawFn) -> str:
    """A pyproject.toml whose `tool.stconfig` is a table, spelled one of the ways TOML allows."""
    tool, name = draw(TOOL_KEYS), draw(STCONFIG_KEYS)
    gap = [draw(GAPS) for _ in range(4)]
    dot = f"{gap[0]}.{gap[1]}"
    forms = [
        f"[{gap[2]}{tool}{dot}{name}{gap[3]}]\nselect = []\n",
        f"[{gap[2]}{tool}{dot}{name}{dot}variables{gap[3]}]\nA = '1'\n",
        f"[[{gap[2]}{tool}{dot}{name}{dot}select{gap[3]}]]\n",
        f"{tool}{dot}{name}{dot}select{gap[2]}={gap[3]}[]\n",
        f"{tool}{dot}{name}{gap[2]}={gap[3]}{{}}\n",
        f"[{gap[2]}{tool}{gap[3]}]\nx = [\n  ['a'],\n]\n{name}{gap[0]}={gap[1]}{{}}\n",
        f"[{gap[2]}{tool}{gap[3]}]\n{gap[0]}{name}{dot}select = []\n",
        f"{tool}{gap[2]}={gap[3]}{{ a = [\n1], {name}{gap[0]}={gap[1]}{{}} }}\n",
    ]
    before, after = draw(TABLES_BEFORE), draw(TABLES_AFTER)
    form = draw(st.sampled_from(forms))
    # Keys outside any table (`tool.stconfig.x = ...`) only come before the first header.
    return form + after if form[0] != "[" else before + form + after


@given(text=tool_stconfig_tables())
def test_every_spelling_of_a_tool_stconfig_table_is_parsed(text: str) -> None:
    assert isinstance(tomllib.loads(text)["tool"]["stconfig"], dict)
    assert _MAY_HOLD_TOOL_STCONFIG.search(text), text


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
