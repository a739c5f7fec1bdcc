"""The typed DSL as editors see it: pyright (standard mode) and `mypy --strict`, with and
without the pydantic plugin, read correct DSL code without a single error and report each
seeded mistake once, on its line, naming the option.

One folder holds every case (the examples, every DSL snippet of README and docs, the
cookbook's jobs, a call of every typed class with every option, one file per mistake); each
checker runs once over it.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPOSITORY

CONNECTORS = REPOSITORY / "stconfig" / "dsl" / "_connectors"
HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Mistake:
    """A file with one mistake on line `line`; the error must mention `names`."""

    file: str
    code: str
    names: tuple[str, ...]

    @property
    def line(self) -> int:
        lines = self.code.splitlines()
        return next(i for i, text in enumerate(lines, 1) if "# mistake" in text)


_HEAD = (
    "from stconfig.dsl import Console, FakeSource, Filter, Job, MySQLCDC, Var\n\n"
    'with Job("mistake", mode="BATCH"):\n'
)
MISTAKES = [
    Mistake("misspelled", _HEAD + "    FakeSource(row_nums=100)  # mistake\n", ("row_nums",)),
    Mistake("wrong_type", _HEAD + '    FakeSource(row_num="many")  # mistake\n', ("row_num",)),
    Mistake(
        "wrong_enum",
        _HEAD + '    MySQLCDC(base_url="jdbc:x", startup_mode="sometimes")  # mistake\n',
        ("startup_mode",),
    ),
    Mistake(
        "wrong_nested",
        _HEAD + '    FakeSource(schema_={"field": {"id": "int"}})  # mistake\n',
        ("field", "schema_"),
    ),
    Mistake("sink_into_source", _HEAD + "    Console() >> FakeSource()  # mistake\n", (">>",)),
    Mistake(
        "sink_as_input",
        _HEAD + "    Filter(plugin_input=Console())  # mistake\n",
        ("plugin_input",),
    ),
    Mistake(
        "source_reads",
        _HEAD + '    FakeSource(plugin_input="t")  # mistake\n',
        ("plugin_input",),
    ),
    Mistake(
        "misspelled_beside_var",
        _HEAD + '    FakeSource(row_num=Var("n"), split_nm=2)  # mistake\n',
        ("split_nm",),
    ),
]


def _snippets() -> Iterator[tuple[str, str]]:
    """Every ```python block of README and docs that uses the DSL."""
    for doc in [REPOSITORY / "README.md", *sorted((REPOSITORY / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        for number, match in enumerate(re.finditer(r"```python\n(.*?)```", text, re.S), 1):
            code = match.group(1)
            if "stconfig.dsl" in code:
                yield f"doc_{doc.stem}_{number}".replace("-", "_"), code


def _split_top(text: str, separator: str) -> list[str]:
    parts, depth, current, quote = [], 0, "", ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += char
    parts.append(current.strip())
    return parts


def _sample(annotation: str) -> str:
    """A valid value, as source text, for a parameter annotated `annotation`."""
    first = _split_top(annotation, "|")[0]
    if first.startswith("Literal["):
        return _split_top(first[len("Literal[") : -1], ",")[0]
    if first.startswith("Sequence["):
        return f"[{_sample(first[len('Sequence[') : -1])}]"
    if first.startswith("Mapping["):
        return f'{{"k": {_sample(_split_top(first[len("Mapping[") : -1], ",")[1])}}}'
    if first == "SchemaBlock":
        return '{"fields": {"id": "int"}}'
    return {"int": "1", "float": "1.5", "bool": "True"}.get(first, '"x"')


def _every_option() -> str:
    """A call of every typed class with every parameter its stub declares."""
    lines = ["import stconfig.dsl as dsl", "", "", "def build() -> None:"]
    for stub in sorted(CONNECTORS.glob("*.pyi")):
        tree = ast.parse(stub.read_text(encoding="utf-8"))
        cls = next(node for node in tree.body if isinstance(node, ast.ClassDef))
        init = next(n for n in cls.body if isinstance(n, ast.FunctionDef))
        args = []
        for arg in init.args.kwonlyargs:
            assert arg.annotation is not None
            value = _sample(ast.unparse(arg.annotation))
            if arg.arg == "plugin_input":
                value = '"upstream"'
            args.append(f"{arg.arg}={value}")
        assert args, stub
        lines.append(f"    dsl.{cls.name}(")
        lines.extend(f"        {arg}," for arg in args)
        lines.append("    )")
    return "\n".join(lines) + "\n"


def _cases(folder: Path) -> None:
    for example in sorted((REPOSITORY / "examples" / "dsl").glob("*.py")):
        shutil.copy(example, folder / example.name)  # they import each other by name
    for name, code in _snippets():
        (folder / f"{name}.py").write_text(code, encoding="utf-8")
    shutil.copy(HERE / "typecheck" / "cookbook_jobs.py", folder / "cookbook_jobs.py")
    (folder / "every_option.py").write_text(_every_option(), encoding="utf-8")
    for mistake in MISTAKES:
        (folder / f"mistake_{mistake.file}.py").write_text(mistake.code, encoding="utf-8")


Found = dict[str, list[tuple[int, str]]]
"""file stem -> (line, message) of every error."""


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("typed_cases")
    _cases(folder)
    return folder


def _pyright_command() -> list[str]:
    command = [sys.executable, "-m", "pyright"]
    try:
        started = subprocess.run(
            [*command, "--version"], capture_output=True, text=True, timeout=300, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        pytest.skip(f"pyright cannot start: {error}")
    if started.returncode != 0 or "pyright" not in started.stdout:
        reason = (started.stderr or started.stdout).strip().splitlines()[-1:]
        pytest.skip(f"pyright cannot start (pip install pyright; it needs Node): {reason}")
    return command


@pytest.fixture(scope="module")
def pyright_errors(cases: Path) -> Found:
    command = _pyright_command()
    config = {"typeCheckingMode": "standard", "pythonVersion": "3.11"}
    (cases / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    done = subprocess.run(
        [*command, "--outputjson", "--pythonpath", sys.executable, "-p", str(cases)],
        capture_output=True,
        text=True,
        cwd=cases,
        check=False,
    )
    report = json.loads(done.stdout)
    found: Found = {}
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] == "error":
            line = diagnostic["range"]["start"]["line"] + 1
            stem = Path(diagnostic["file"]).stem
            found.setdefault(stem, []).append((line, diagnostic["message"]))
    return found


def _mypy(cases: Path, plugins: str) -> Found:
    config = cases / f"mypy{'_pydantic' if plugins else ''}.ini"
    config.write_text(f"[mypy]\nstrict = True\npython_version = 3.11\n{plugins}", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), "--no-incremental", "."],
        capture_output=True,
        text=True,
        cwd=cases,
        check=False,
    )
    found: Found = {}
    for line in done.stdout.splitlines():
        match = re.match(r"(.+?\.py):(\d+): error: (.*)", line)
        if match:
            stem = Path(match.group(1)).stem
            found.setdefault(stem, []).append((int(match.group(2)), match.group(3)))
    assert done.returncode in (0, 1), done.stdout + done.stderr
    return found


@pytest.fixture(scope="module")
def mypy_errors(cases: Path) -> Found:
    return _mypy(cases, "")


@pytest.fixture(scope="module")
def mypy_pydantic_errors(cases: Path) -> Found:
    return _mypy(cases, "plugins = pydantic.mypy\n")


CHECKERS = ["pyright_errors", "mypy_errors", "mypy_pydantic_errors"]


def _correct_files(cases: Path) -> list[str]:
    return sorted(p.stem for p in cases.glob("*.py") if not p.stem.startswith("mistake_"))


@pytest.mark.parametrize("checker", CHECKERS)
def test_correct_dsl_code_has_no_error(
    checker: str, cases: Path, request: pytest.FixtureRequest
) -> None:
    found: Found = request.getfixturevalue(checker)
    correct = _correct_files(cases)
    assert {"cookbook_jobs", "every_option", "fake_to_console", "sql_union"} <= set(correct)
    assert any(name.startswith("doc_") for name in correct)
    errors = {stem: errors for stem, errors in found.items() if stem in correct}
    assert errors == {}


@pytest.mark.parametrize("checker", CHECKERS)
@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.file for m in MISTAKES])
def test_each_mistake_is_one_error_on_its_line_naming_it(
    checker: str, mistake: Mistake, request: pytest.FixtureRequest
) -> None:
    found: Found = request.getfixturevalue(checker)
    errors = found.get(f"mistake_{mistake.file}", [])
    assert len(errors) == 1, errors
    line, message = errors[0]
    assert line == mistake.line
    assert any(name in message for name in mistake.names), message
