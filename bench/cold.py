"""Cold-process benchmark: what a pre-commit hook or a CI step waits for, one process per call.

Usage: python bench/cold.py [--corpus DIR] [--runs N] [--only NAME,...]
Each round runs every command once, in an order that rotates from round to round, so the
machine's load hits all of them alike; the figures are medians over the rounds (at least 15).
Ratios (lint and convert against `pyhocon -i FILE -f json`) come from the same run. Bytecode
is compiled once into a temporary cache first, as after `pip install`. The load average is
printed with the figures: on a shared machine, trust the ratios more than the milliseconds.
Every run is checked: an exit code other than the one expected for that command, or a
traceback on standard error, stops the bench instead of timing a crash as if it worked.

`--instructions` also runs each command once under valgrind (callgrind) and prints the
instructions it executed, with the same ratios: a figure the machine's load does not move.
"""

from __future__ import annotations

import argparse
import os
import re
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
EXAMPLES = ROOT / "examples" / "dsl"


def executable(name: str) -> list[str]:
    """The console script beside this interpreter (no pyenv shim in the timing)."""
    for folder in (Path(sys.executable).parent, Path(sys.base_prefix) / "bin"):
        if (folder / name).is_file():
            return [str(folder / name)]
    found = shutil.which(name)
    if found is None:
        sys.exit(f"bench/cold.py: {name} is not installed")
    return [found]


def typical_job(given: str | None) -> Path:
    from stconfig.testing.corpus import corpus_cases

    job = corpus_cases(given) / TYPICAL
    return job if job.is_file() else ROOT / "examples" / "conf" / "fake_to_console.conf"


def commands(job: Path, out: Path) -> dict[str, tuple[list[str], int]]:
    """Each timed command, with the exit code a working run gives (lint: 0, warnings only)."""
    stconfig = executable("stconfig")
    examples = sorted(str(p) for p in EXAMPLES.glob("*.py"))
    return {
        "python -c pass": ([sys.executable, "-c", "pass"], 0),
        "pyhocon -f json": ([*executable("pyhocon"), "-i", str(job), "-f", "json"], 0),
        "stconfig --version": ([*stconfig, "--version"], 0),
        "lint (all rules)": ([*stconfig, "lint", "--select", "ALL", str(job)], 0),
        "convert": ([*stconfig, "convert", str(job)], 0),
        "build one --format json": ([
            *stconfig, "build", str(EXAMPLES / "jdbc_to_hive.py"), "--format", "json",
            "-o", str(out / "one.json"),
        ], 0),
        "build --check all examples": ([*stconfig, "build", "--check", *examples], 0),
        "import one job": ([*stconfig, "import", str(job), "-o", str(out / "job.py")], 0),
    }  # fmt: skip


def run_checked(name: str, command: list[str], expected: int, env: dict[str, str]) -> None:
    """Run once; stop the bench when the run crashed or failed instead of timing it."""
    done = subprocess.run(command, capture_output=True, check=False, env=env)
    stderr = done.stderr.decode(errors="replace")
    if done.returncode != expected or "Traceback (most recent call last)" in stderr:
        sys.exit(
            f"bench: {name} exited {done.returncode} (expected {expected}); not timed:\n"
            f"{stderr[-1500:]}"
        )


def instructions(name: str, command: list[str], expected: int, env: dict[str, str]) -> int:
    """Instructions the command executes, counted by valgrind's callgrind."""
    if shutil.which("valgrind") is None:
        sys.exit("bench/cold.py: --instructions needs valgrind")
    counted = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command]
    done = subprocess.run(counted, capture_output=True, check=False, env=env)
    total = re.search(rb"Collected : (\d+)", done.stderr)
    if done.returncode != expected or total is None:
        sys.exit(f"bench: {name} under valgrind exited {done.returncode}; not counted")
    return int(total[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--only", default="", help="comma-separated command names to time")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions with valgrind"
    )
    args = parser.parse_args()
    job = typical_job(args.corpus)
    with tempfile.TemporaryDirectory() as temporary:
        out = Path(temporary)
        env = dict(os.environ, PYTHONPYCACHEPREFIX=str(out / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        chosen = commands(job, out)
        if args.only:
            wanted = {"python -c pass", "pyhocon -f json", *args.only.split(",")}
            chosen = {name: command for name, command in chosen.items() if name in wanted}
        for name, (command, expected) in chosen.items():
            run_checked(name, command, expected, env)  # also compiles the bytecode
        times: dict[str, list[float]] = {name: [] for name in chosen}
        names = list(chosen)
        runs = max(args.runs, 15)
        load_before = os.getloadavg()[0]
        for round_ in range(runs):
            shift = round_ % len(names)
            for name in names[shift:] + names[:shift]:
                command, expected = chosen[name]
                start = time.perf_counter()
                run_checked(name, command, expected, env)
                times[name].append((time.perf_counter() - start) * 1000)
        load_after = os.getloadavg()[0]
        counts = {
            name: instructions(name, *chosen[name], env) for name in names if args.instructions
        }
    median = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"cold processes, median of {runs} alternating rounds; load average "
        f"{load_before:.1f} before, {load_after:.1f} after ({os.cpu_count()} cores)"
    )
    print(f"job: {job.name} ({job.stat().st_size} bytes)")
    pyhocon = median["pyhocon -f json"]
    targets = {
        "lint (all rules)": "target <= 0.5x pyhocon, <= 90 ms quiet",
        "convert": "target <= 0.4x pyhocon",
        "build one --format json": "target <= 300 ms",
        "build --check all examples": "target <= 1000 ms",
        "import one job": "target <= 250 ms",
    }
    for name, value in median.items():
        ratio = f"{value / pyhocon:5.2f}x pyhocon" if name != "pyhocon -f json" else " " * 15
        print(f"  {name:<28} {value:7.1f} ms  {ratio}  {targets.get(name, '')}")
    if counts:
        print("instructions executed (valgrind), one run each:")
        for name, count in counts.items():
            share = count / counts["pyhocon -f json"]
            print(f"  {name:<28} {count / 1e6:7.1f} M   {share:5.2f}x pyhocon")


if __name__ == "__main__":
    main()
