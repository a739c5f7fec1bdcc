"""Corpus lint benchmark: all 672 jobs of the conformance corpus linted in one process.

Usage: python bench/corpus_lint.py [--corpus DIR] [--runs N]
Each round runs, in alternating order, one `stconfig lint --select ALL` process over every
corpus job (what a CI step over a repository waits for: start, imports, catalog, all rules,
printing) and, as the peer, one Python process that parses the same files with pyhocon
(`ConfigFactory.parse_file`). The figures are medians over the rounds, with their ratio and
the load average; the goal is a lint under 1.0 s. A run whose exit code is not the expected
one, or whose standard error shows a traceback, stops the bench instead of being timed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from cold import executable, run_checked  # noqa: E402

PYHOCON_PARSE = """
import sys
from pyhocon import ConfigFactory
failed = 0
for path in sys.argv[1:]:
    try:
        ConfigFactory.parse_file(path, resolve=True)
    except Exception:
        failed += 1
print(failed)
"""


def corpus_jobs(given: str | None) -> list[str]:
    folder = Path(
        given or os.environ.get("STCONFIG_CONFORMANCE") or ROOT.parent / "shared" / "conformance"
    )
    cases = folder / "seatunnel-2.3.8" / "cases"
    if not cases.is_dir():
        sys.exit(f"bench/corpus_lint.py: no corpus at {folder} (use --corpus DIR)")
    return [str(path) for path in sorted(cases.rglob("*.conf"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    jobs = corpus_jobs(args.corpus)
    with tempfile.TemporaryDirectory() as temporary:
        env = dict(os.environ, PYTHONPYCACHEPREFIX=str(Path(temporary) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        lint = [*executable("stconfig"), "lint", "--select", "ALL", "--output-format", "json"]
        commands = {
            "stconfig lint --select ALL": ([*lint, *jobs], 1),
            "pyhocon parse, one process": ([sys.executable, "-c", PYHOCON_PARSE, *jobs], 0),
        }
        for name, (command, expected) in commands.items():
            run_checked(name, command, expected, env)  # also compiles the bytecode
        times: dict[str, list[float]] = {name: [] for name in commands}
        names = list(commands)
        runs = max(args.runs, 3)
        load_before = os.getloadavg()[0]
        for round_ in range(runs):
            for name in names if round_ % 2 == 0 else names[::-1]:
                command, expected = commands[name]
                start = time.perf_counter()
                run_checked(name, command, expected, env)
                times[name].append(time.perf_counter() - start)
        load_after = os.getloadavg()[0]
    median = {name: statistics.median(values) for name, values in times.items()}
    lint_seconds = median["stconfig lint --select ALL"]
    peer = median["pyhocon parse, one process"]
    print(
        f"corpus: {len(jobs)} jobs, median of {runs} alternating rounds; load average "
        f"{load_before:.1f} before, {load_after:.1f} after ({os.cpu_count()} cores)"
    )
    print(
        f"  stconfig lint --select ALL   {lint_seconds:6.2f} s  "
        f"{lint_seconds / peer:5.2f}x pyhocon's parse  (target <= 1.0 s)"
    )
    print(f"  pyhocon parse, one process   {peer:6.2f} s")


if __name__ == "__main__":
    main()
