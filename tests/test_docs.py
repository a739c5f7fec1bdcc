"""The Python examples in README.md and docs/*.md run as printed.

Each ```python block runs in a fresh folder holding a `job.conf` (a streaming FakeSource →
Console job, so the lifecycle example can stop it with a savepoint), with `STCONFIG_MASTER`
pointing at a fake engine.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

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
