"""The 661 loadable jobs of the SeaTunnel 2.3.8 corpus: no error-severity finding except the
reviewed true ones in corpus_baseline.txt (and that baseline has no stale entries)."""

from __future__ import annotations

from pathlib import Path

from stconfig.lint.diagnostic import Severity
from stconfig.lint.engine import lint_path
from stconfig.lint.settings import LintSettings

BASELINE = Path(__file__).parent / "corpus_baseline.txt"


def corpus_jobs(conformance_dir: Path) -> tuple[Path, list[Path]]:
    cases = conformance_dir / "seatunnel-2.3.8" / "cases"
    jobs = [p for p in sorted(cases.rglob("*.conf")) if not p.with_suffix(".unresolved").exists()]
    return cases, jobs


def baseline() -> set[str]:
    entries = set()
    for line in BASELINE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            location, _, reason = line.partition("  # ")
            assert reason.startswith("true: "), f"baseline entry without a reason: {line}"
            entries.add(location.strip())
    return entries


def test_corpus_has_no_unexpected_errors(conformance_dir: Path) -> None:
    cases, jobs = corpus_jobs(conformance_dir)
    assert len(jobs) == 661
    settings = LintSettings(target_version="2.3.8", environ={})
    found = set()
    for job in jobs:
        for d in lint_path(str(job), settings):
            if d.severity is Severity.ERROR:
                found.add(
                    f"{Path(d.path).relative_to(cases).as_posix()}:{d.line}:{d.column}: {d.code}"
                )
    expected = baseline()
    assert sorted(found - expected) == [], "new error findings (fix the rule or review them)"
    assert sorted(expected - found) == [], "stale baseline entries"
