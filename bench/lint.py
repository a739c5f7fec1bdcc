"""Lint benchmark: the whole conformance corpus in one process, and cold single-file runs.

Usage: python bench/lint.py [--corpus DIR] [--runs N]
Prints the corpus wall time (all rules; the first in-process run, then best and median of
N more) and the median wall time of a cold `stconfig lint` process on one typical job.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPICAL = (
    "seatunnel-e2e/seatunnel-connector-v2-e2e/connector-jdbc-e2e/connector-jdbc-e2e-part-1/"
    "src/test/resources/jdbc_mysql_source_and_sink.conf"
)


def corpus_folder(given: str | None) -> Path:
    folder = Path(
        given or os.environ.get("STCONFIG_CONFORMANCE") or ROOT.parent / "shared" / "conformance"
    )
    cases = folder / "seatunnel-2.3.8" / "cases"
    if not cases.is_dir():
        sys.exit(f"bench/lint.py: no corpus at {folder} (use --corpus DIR)")
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cases = corpus_folder(args.corpus)
    sys.path.insert(0, str(ROOT))
    from stconfig.lint.engine import lint_path
    from stconfig.lint.settings import LintSettings

    files = [str(p) for p in sorted(cases.rglob("*.conf"))]
    settings = LintSettings(target_version="2.3.8", environ={})
    times = []
    findings = 0
    for _ in range(args.runs + 1):
        start = time.perf_counter()
        findings = sum(len(lint_path(f, settings)) for f in files)
        times.append(time.perf_counter() - start)
    first, warm = times[0], times[1:]
    print(
        f"corpus: {len(files)} files, {findings} findings, all rules, in-process (target < 1500 ms)"
    )
    print(
        f"  first run (imports and catalog reads included) {first * 1000:.0f} ms; then "
        f"best {min(warm) * 1000:.0f} ms, median {statistics.median(warm) * 1000:.0f} ms"
    )

    typical = cases / TYPICAL
    if not typical.is_file():
        typical = Path(files[len(files) // 2])
    executable = shutil.which("stconfig")
    command = [executable] if executable else [sys.executable, "-m", "stconfig"]
    command += ["lint", "--output-format", "concise", str(typical)]
    size = typical.stat().st_size
    runs = max(args.runs, 11)
    print(
        f"cold `stconfig lint` of one typical job ({typical.name}, {size} bytes), "
        f"median of {runs} runs (target < 150 ms):"
    )
    with tempfile.TemporaryDirectory() as cache:
        # As after `pip install`: bytecode compiled once, then reused (kept out of the tree).
        cached = dict(os.environ, PYTHONPYCACHEPREFIX=cache)
        cached.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(command, capture_output=True, check=False, env=cached)
        print(f"  with bytecode cache: {cold_median(command, runs, cached):.0f} ms")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print(
            f"  without bytecode cache (PYTHONDONTWRITEBYTECODE is set here): "
            f"{cold_median(command, runs, dict(os.environ)):.0f} ms"
        )
    baseline = [sys.executable, "-c", "pass"]
    print(f"  (python -c pass alone: {cold_median(baseline, runs, dict(os.environ)):.0f} ms)")


def cold_median(command: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


if __name__ == "__main__":
    main()
