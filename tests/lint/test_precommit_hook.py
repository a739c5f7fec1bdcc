"""The pre-commit hook runs its own `entry` on good and bad files, as pre-commit would."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPOSITORY

HOOKS = REPOSITORY / ".pre-commit-hooks.yaml"


def hook_field(name: str) -> str:
    """A top-level field of the single hook (the file is kept flat for this reader)."""
    match = re.search(rf"^  {name}: (.+)$", HOOKS.read_text(encoding="utf-8"), re.MULTILINE)
    assert match is not None, f"{name} missing from {HOOKS}"
    value = match.group(1).strip()
    return value[1:-1] if value.startswith("'") else value


def test_hook_is_pure_python() -> None:
    text = HOOKS.read_text(encoding="utf-8")
    assert "- id: stconfig-lint" in text
    assert hook_field("language") == "python"


@pytest.mark.parametrize(
    ("name", "matched"),
    [
        ("jobs/a.conf", True),
        ("b.hocon", True),
        ("etl/job_orders.json", True),
        ("package.json", False),
        ("README.md", False),
    ],
)
def test_hook_file_pattern(name: str, matched: bool) -> None:
    assert (re.search(hook_field("files"), name) is not None) is matched


def test_hook_entry_on_good_and_bad_files(tmp_path: Path) -> None:
    executable = shutil.which(shlex.split(hook_field("entry"))[0])
    if executable is None:
        pytest.skip("the stconfig entry point is not installed (pip install -e .)")
    good = tmp_path / "good.conf"
    source = "source { FakeSource { schema { fields { id = bigint } } } }\nsink { Console {} }\n"
    good.write_text('env { job.mode = "BATCH" }\n' + source)
    bad = tmp_path / "bad.conf"
    bad.write_text('env { job.mode = "BATCH", job.id = "1" }\n' + source)
    command = shlex.split(hook_field("entry"))

    def run(*files: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *map(str, files)], capture_output=True, text=True, check=False, cwd=tmp_path
        )

    ok = run(good)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    failed = run(good, bad)
    assert failed.returncode == 1
    assert f"{bad}:1:27: ST601 env 'job.id' is not a SeaTunnel setting" in failed.stdout
    assert "Traceback" not in failed.stderr
