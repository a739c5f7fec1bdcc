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


def hook_field(name: str, hook: str = "stconfig-lint") -> str:
    """A field of one hook (the file is kept flat for this reader)."""
    text = HOOKS.read_text(encoding="utf-8")
    block = text.split(f"- id: {hook}\n", 1)[1].split("\n- id: ", 1)[0]
    match = re.search(rf"^  {name}: (.+)$", block, re.MULTILINE)
    assert match is not None, f"{name} missing from {hook} in {HOOKS}"
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


def test_dsl_hook_lints_python_job_files_at_their_lines(tmp_path: Path) -> None:
    command = shlex.split(hook_field("entry", "stconfig-lint-dsl"))
    if shutil.which(command[0]) is None:
        pytest.skip("the stconfig entry point is not installed (pip install -e .)")
    pattern = hook_field("files", "stconfig-lint-dsl")
    assert re.search(pattern, "jobs/orders.py") and not re.search(pattern, "src/app.py")
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    dsl = jobs / "orders.py"
    dsl.write_text(
        "from stconfig.dsl import Console, Job, Source\n"
        'with Job("orders", mode="BATCH") as job:\n'
        '    Source("FakeSource", {"row.num": 1}) >> Console()\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [*command, str(dsl)], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert result.returncode == 1
    assert f"{dsl}:3:5: ST311 FakeSource source: set 'schema' or 'tables_configs'" in result.stdout
