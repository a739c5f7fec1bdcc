"""Corpus lint benchmark: all 672 jobs of the conformance corpus linted in one process.

Usage: python bench/corpus_lint.py [--corpus DIR] [--runs N] [--against REV [--there S]]
    [--no-pyhocon]
Each round runs, in alternating order, one `stconfig lint --select ALL` process over every
corpus job (what a CI step over a repository waits for: start, imports, catalog, all rules,
printing) and, as the peer, one Python process that parses the same files with pyhocon
(`ConfigFactory.parse_file`). The figures are medians over the rounds, with their ratio and
the load average; the goal is a lint under 1.0 s. A run whose exit code is not the expected
one, or whose standard error shows a traceback, stops the bench instead of being timed.

`--against REV` also times the tree at git revision REV (exported with `git archive`, run as
`python -P -m stconfig` on it): a before/after measured side by side. A figure taken on
another machine for REV (`--there 1.4`: issue 16 measured 1.3-1.4 s at dc7efe4) is scaled by
that same-run ratio into what this tree would take there.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
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


LINT = "stconfig lint --select ALL"
PYHOCON = "pyhocon parse, one process"


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
    parser.add_argument("--against", metavar="REV", help="also time the tree at this revision")
    parser.add_argument(
        "--there", type=float, metavar="S", help="REV's corpus lint seconds on another machine"
    )
    parser.add_argument("--no-pyhocon", action="store_true", help="leave out the pyhocon peer")
    args = parser.parse_args()
    if args.there is not None and args.against is None:
        parser.error("--there needs --against")
    if args.no_pyhocon and args.against is None:
        parser.error("--no-pyhocon needs --against (a peer measured in the same run)")
    jobs = corpus_jobs(args.corpus)
    with tempfile.TemporaryDirectory() as temporary:
        env = dict(os.environ, PYTHONPYCACHEPREFIX=str(Path(temporary) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        lint_arguments = ["lint", "--select", "ALL", "--output-format", "json", *jobs]
        commands = {LINT: ([*executable("stconfig"), *lint_arguments], 1)}
        if args.against:
            tree = export(args.against, Path(temporary) / "against")
            runner = ["env", f"PYTHONPATH={tree}", sys.executable, "-P", "-m", "stconfig"]
            commands[f"stconfig at {args.against}"] = ([*runner, *lint_arguments], 1)
        if not args.no_pyhocon:
            commands[PYHOCON] = ([sys.executable, "-c", PYHOCON_PARSE, *jobs], 0)
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
    lint_seconds = median[LINT]
    print(
        f"corpus: {len(jobs)} jobs, median of {runs} alternating rounds; load average "
        f"{load_before:.1f} before, {load_after:.1f} after ({os.cpu_count()} cores)"
    )
    for name, seconds in median.items():
        ratio = "" if name == LINT else f"  this tree = {lint_seconds / seconds:4.2f}x this"
        print(f"  {name:30} {seconds:6.2f} s{ratio}")
    if args.there is not None:
        scaled = lint_seconds / median[f"stconfig at {args.against}"] * args.there
        print(
            f"  {args.against} took {args.there:.2f} s there: this tree would take "
            f"{scaled:.2f} s there (target <= 1.0 s)"
        )


def export(revision: str, folder: Path) -> Path:
    """The files of `revision` in `folder`, through `git archive` (no checkout touched)."""
    folder.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision, "stconfig", "schemas"],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        sys.exit(f"bench/corpus_lint.py: {revision}: {archive.stderr.decode().strip()}")
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


if __name__ == "__main__":
    main()
