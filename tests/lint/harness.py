"""Running one rule on a fixture file, the way the fixture tests and the golden update do."""

from __future__ import annotations

import shlex
from pathlib import Path

from stconfig.lint.diagnostic import Diagnostic
from stconfig.lint.engine import lint_path
from stconfig.lint.settings import LintSettings

FIXTURES = Path(__file__).parent / "fixtures"
SUFFIXES = (".conf", ".json", ".hocon")


def fixture_settings(code: str, path: Path) -> LintSettings:
    """Only `code`, plus what a first-line `# stconfig-test: ARGS` comment asks for."""
    select = [code]
    # Fixtures are written with the 2.3.9 key names unless their header says otherwise.
    options: dict[str, str] = {"target_version": "2.3.9"}
    variables: dict[str, str] = {}
    first = path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
    if first.startswith("# stconfig-test:"):
        words = shlex.split(first.removeprefix("# stconfig-test:"))
        for flag, value in zip(words[::2], words[1::2], strict=True):
            if flag == "--select":
                select += value.split(",")
            elif flag == "--target-version":
                options["target_version"] = value
            elif flag == "--var":
                name, _, text = value.partition("=")
                variables[name] = text
            else:
                raise ValueError(f"{path}: unknown fixture option {flag}")
    return LintSettings(select=tuple(select), variables=variables, environ={}, **options)


def run_fixture(code: str, path: Path) -> list[Diagnostic]:
    return lint_path(str(path), fixture_settings(code, path))


def concise_lines(diagnostics: list[Diagnostic], folder: Path) -> list[str]:
    """Concise lines with paths relative to the fixture folder."""
    prefix = f"{folder}/"
    return [str(d).removeprefix(prefix) for d in diagnostics]


def cases(kind: str) -> list[tuple[str, Path]]:
    """(code, file) for every `bad*` or `ok*` fixture."""
    found = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        for path in sorted(folder.iterdir()):
            if path.name.startswith(kind) and path.suffix in SUFFIXES:
                found.append((folder.name, path))
    return found
