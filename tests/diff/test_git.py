"""`stconfig diff` inside git: the textconv driver and the difftool from docs/diff.md."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.diff.test_compare import JOB

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
STCONFIG = f"{shlex.quote(sys.executable)} -m stconfig"


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-c", "core.pager=cat", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with one committed HOCON job and one committed job.json."""
    root = tmp_path / "repo"
    root.mkdir()
    for args in (
        ("init", "-q"),
        ("config", "user.email", "dev@example.com"),
        ("config", "user.name", "dev"),
        ("config", "diff.seatunnel.textconv", f"{STCONFIG} diff --textconv"),
        ("config", "difftool.stconfig.cmd", f'{STCONFIG} diff "$LOCAL" "$REMOTE"'),
    ):
        assert git(root, *args).returncode == 0
    (root / ".gitattributes").write_text(
        "*.conf diff=seatunnel\n*.hocon diff=seatunnel\n*job*.json diff=seatunnel\n"
    )
    (root / "jobs").mkdir()
    (root / "jobs" / "fake.conf").write_text(JOB)
    converted = subprocess.run(
        [*shlex.split(STCONFIG), "convert", "jobs/fake.conf", "-o", "jobs/fake.job.json"],
        cwd=root,
        check=True,
    )
    assert converted.returncode == 0
    assert git(root, "add", ".").returncode == 0
    assert git(root, "commit", "-qm", "first").returncode == 0
    return root


def relaid(text: str) -> str:
    """The same job with other layout, key order and comments."""
    return "# reviewed\n" + text.replace(
        '  job.mode = "BATCH"\n  parallelism = 1\n', "  parallelism: 1 // one\n  job.mode: BATCH\n"
    )


def test_textconv_hides_layout_and_shows_values(repo: Path) -> None:
    job = repo / "jobs" / "fake.conf"
    job.write_text(relaid(JOB))
    assert git(repo, "diff", "--exit-code", "--", "jobs/fake.conf").stdout == ""
    job.write_text(relaid(JOB).replace("row.num = 5", "row.num = 6"))
    shown = git(repo, "diff", "--", "jobs/fake.conf").stdout
    changed = [
        line for line in shown.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == ['-      "row.num": 5', '+      "row.num": 6']
    assert "hunter2" not in shown


def test_textconv_on_a_json_job_and_a_broken_revision(repo: Path) -> None:
    target = repo / "jobs" / "fake.job.json"
    target.write_text(target.read_text().replace('"parallelism": 1', '"parallelism": 3'))
    shown = git(repo, "diff", "--", "jobs/fake.job.json").stdout
    assert '-    "parallelism": 1' in shown and '+    "parallelism": 3' in shown
    (repo / "jobs" / "fake.conf").write_text("source {\n")
    broken = git(repo, "diff", "--", "jobs/fake.conf")
    assert broken.returncode == 0
    assert "+source {" in broken.stdout


def test_difftool_reports_changes_between_commits(repo: Path) -> None:
    job = repo / "jobs" / "fake.conf"
    job.write_text(
        relaid(JOB).replace('Console { plugin_input = "t" }', 'Console { plugin_input = "fake" }')
    )
    assert git(repo, "commit", "-qam", "rewire").returncode == 0
    result = git(
        repo, "difftool", "--no-prompt", "--tool=stconfig", "HEAD~1", "HEAD", "--", "jobs/"
    )
    assert result.returncode == 0, result.stderr
    assert ": 1 change" in result.stdout
    assert (
        "~ sink[0] Console reads source[0] FakeSource (fake) (was transform[0] Sql (t))"
        in result.stdout
    )
    (repo / "jobs" / "fake.conf").write_text(relaid(JOB))
    same = git(repo, "difftool", "--no-prompt", "--tool=stconfig", "HEAD~1", "--", "jobs/fake.conf")
    assert "same job" in same.stdout


def test_difftool_on_an_added_file(repo: Path) -> None:
    (repo / "jobs" / "new.conf").write_text(JOB)
    assert git(repo, "add", "jobs/new.conf").returncode == 0
    result = git(
        repo, "difftool", "--no-prompt", "--tool=stconfig", "--cached", "--", "jobs/new.conf"
    )
    assert result.returncode == 0, result.stderr
    assert "+ source[0] FakeSource added" in result.stdout
