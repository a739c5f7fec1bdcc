"""README.md and docs/*.md are true: their examples run as printed, their links resolve.

Each ```python block runs in a fresh folder holding a `job.conf` (a streaming FakeSource →
Console job, so the lifecycle example can stop it with a savepoint), with `STCONFIG_MASTER`
pointing at a fake engine. Each shell block parses (bash -n); its stconfig and
check-jsonschema commands that need no engine run in a folder with the files they name, and
a console block's shown output must be printed. Every relative link, and every `page.md` the
text names, must exist.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import stconfig
from stconfig.emit import emit_json
from stconfig.testing import FakeEngine
from tests.conftest import REPOSITORY

PAGES = [REPOSITORY / "README.md", *sorted((REPOSITORY / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)
JOB = """\
env { job.mode = "STREAMING", checkpoint.interval = 5000 }
source { FakeSource { row.num = 10, schema { fields { id = bigint, name = string } } } }
sink { Console {} }
"""

EXAMPLES = [
    pytest.param(code, id=f"{page.name}#{number}")
    for page in PAGES
    for number, code in enumerate(BLOCK.findall(page.read_text(encoding="utf-8")))
]


def test_the_docs_have_python_examples() -> None:
    assert len(EXAMPLES) >= 6


@pytest.mark.parametrize("code", EXAMPLES)
def test_python_example_runs(
    code: str, fake_engine: FakeEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "job.conf").write_text(JOB, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STCONFIG_MASTER", fake_engine.url)
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "example", "exec"), {"__name__": "example"})


# Links: every relative link and every `name.md` the text names exists ------------------------

LINK = re.compile(r"(?<!\!)\[[^\]]*\]\(([^)\s]+)\)")
NAMED_PAGE = re.compile(r"`([\w./-]+\.md)(?:#[\w-]+)?`|(?<![\w/.-])([\w-]+\.md)\b")
HEADING = re.compile(r"^#+\s+(.*)$", re.M)


def _slug(heading: str) -> str:
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    return {_slug(h) for h in HEADING.findall(page.read_text(encoding="utf-8"))}


def _broken_links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    prose = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    broken = []
    for target in LINK.findall(prose):
        if re.match(r"[a-z]+:", target):
            continue  # http(s), mailto: not checked offline
        path, _, anchor = target.partition("#")
        resolved = (page.parent / path).resolve() if path else page
        missing_anchor = anchor and resolved.suffix == ".md" and anchor not in _anchors(resolved)
        if not resolved.exists() or missing_anchor:
            broken.append(target)
    for quoted, bare in NAMED_PAGE.findall(LINK.sub("", prose)):
        name = quoted or bare
        places = (page.parent / name, REPOSITORY / name, REPOSITORY / "docs" / name)
        if not any(place.exists() for place in places):
            broken.append(name)
    return broken


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_relative_link_resolves(page: Path) -> None:
    assert _broken_links(page) == []


def test_the_link_check_sees_a_missing_page(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("See [x](missing.md), `rest-api-v2.md` §8 and [y](#nowhere).\n# Here\n")
    assert _broken_links(page) == ["missing.md", "#nowhere", "rest-api-v2.md"]


# Shell examples: every block parses; the stconfig commands that need no engine run -------------

SHELL = re.compile(r"^```(sh|bash|console|shell)\n(.*?)^```", re.M | re.S)
NEEDS_ENGINE = {"submit", "stop", "restore", "status", "jobs", "logs"}


def _commands(block: str, language: str) -> list[tuple[str, list[str]]]:
    """The commands of a block, each with the output a console block shows under it."""
    commands: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if language != "console":
            if line.strip():
                commands.append((line, []))
        elif line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands and line.strip() and line.strip() != "...":
            commands[-1][1].append(line)
    return commands


SHELL_EXAMPLES = [
    pytest.param(page, _commands(body, language), id=f"{page.name}#{number}")
    for page in PAGES
    for number, (language, body) in enumerate(SHELL.findall(page.read_text(encoding="utf-8")))
]


def _runnable(command: str) -> bool:
    words = shlex.split(command, comments=True)
    if not words or words[0] in ("pip", "python", "cd") or "pip" in words:
        return False
    programs = [w for i, w in enumerate(words) if i == 0 or words[i - 1] in ("|", "&&")]
    if "stconfig" not in programs and "check-jsonschema" not in programs:
        return False
    after = words[words.index("stconfig") + 1 :] if "stconfig" in words else []
    if after and after[0] in NEEDS_ENGINE:
        return False
    return not (after[:1] == ["lsp"] and "--check" not in after)  # the server waits on stdin


def _sandbox(folder: Path) -> None:
    """What the examples assume: job.conf, job.json, jobs/, jobs.py, old.conf / new.conf /
    new.json, conf/ and the examples folder."""
    shutil.copytree(REPOSITORY / "examples", folder / "examples")
    (folder / "job.conf").write_text(JOB, encoding="utf-8")
    (folder / "job.json").write_text(
        (REPOSITORY / "examples" / "dsl" / "fake_to_console.json").read_text(), encoding="utf-8"
    )
    (folder / "jobs").mkdir()
    for conf in sorted((REPOSITORY / "examples" / "dsl").glob("*.conf"))[:3]:
        shutil.copy(conf, folder / "jobs" / conf.name)
    shutil.copy(REPOSITORY / "examples" / "dsl" / "fake_to_console.py", folder / "jobs.py")
    # `stconfig diff` compares two versions of a job; `convert conf/ -o rest/` takes a folder
    (folder / "old.conf").write_text(JOB, encoding="utf-8")
    newer = JOB.replace("row.num = 10", "row.num = 20")
    (folder / "new.conf").write_text(newer, encoding="utf-8")
    (folder / "new.json").write_text(emit_json(stconfig.loads(newer)), encoding="utf-8")
    shutil.copy(
        REPOSITORY / "examples" / "dsl" / "fake_to_console.py", folder / "jobs" / "orders.py"
    )
    shutil.copy(
        REPOSITORY / "examples" / "dsl" / "fake_to_console.conf", folder / "jobs" / "orders.conf"
    )
    (folder / "conf" / "a").mkdir(parents=True)
    (folder / "conf" / "a" / "x.conf").write_text(JOB, encoding="utf-8")


@pytest.mark.parametrize(("page", "commands"), SHELL_EXAMPLES)
def test_shell_example_parses_and_runs(
    page: Path, commands: list[tuple[str, list[str]]], tmp_path: Path
) -> None:
    script = "\n".join(command for command, _ in commands)
    checked = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    for command, _ in commands:
        shlex.split(command, comments=True)
    runnable = [(c, shown) for c, shown in commands if _runnable(c)]
    if not runnable:
        return
    _sandbox(tmp_path)
    bin_folder = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_folder + os.pathsep + os.environ.get("PATH", "")}
    env.pop("STCONFIG_MASTER", None)
    for command, shown in runnable:
        done = subprocess.run(
            ["bash", "-c", "set -o pipefail; " + command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        printed = done.stdout + done.stderr
        assert "Traceback" not in done.stderr, command
        for line in shown:  # what the page shows under the command is what it prints
            assert line.split("#")[0].strip() in printed, f"{command}\n{line}\n{printed[-2000:]}"
        if shown and shown[0].startswith("error: "):
            assert done.returncode == 2, command
            continue
        # 1 is a documented outcome of stconfig (lint findings, format --check), not of a
        # validator; 2 is a broken example
        allowed = (0,) if command.startswith("check-jsonschema") else (0, 1)
        assert done.returncode in allowed, f"{command}\n{printed[-2000:]}"


def test_the_docs_have_shell_examples_that_run() -> None:
    every = [c for p in SHELL_EXAMPLES for c, _ in p.values[1]]
    assert sum(_runnable(c) for c in every) >= 25
