"""Format benchmark: the whole corpus in one process, and a cold `format --check` next to a
cold `lint` of the same file.

Usage: python bench/format.py [--corpus DIR] [--runs N]

Prints the corpus wall time of `stconfig format` (read, lay out, and the safety check that
reads the result again), first run then best and median of N more, next to the plain
reading of the same files in the same process (`stconfig.load`, the peer: formatting costs
about two readings). Then the medians of at least 15 alternating cold runs of
`stconfig format --check FILE` and `stconfig lint FILE` on one typical job, and their ratio.
Goals: corpus under 1.5 s; cold format no slower than cold lint (ratio <= 1).
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
        sys.exit(f"bench/format.py: no corpus at {folder} (use --corpus DIR)")
    return cases


def timed(work: object, runs: int) -> list[float]:
    assert callable(work)
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


def describe(times: list[float]) -> str:
    first, warm = times[0], times[1:]
    return (
        f"first {first * 1000:.0f} ms, then best {min(warm) * 1000:.0f} ms, "
        f"median {statistics.median(warm) * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cases = corpus_folder(args.corpus)
    sys.path.insert(0, str(ROOT))
    import stconfig
    from stconfig.format import FormatOptions, format_source
    from stconfig.reader import read_source, syntax_for

    files = sorted(cases.rglob("*.conf"))
    options = FormatOptions()
    changed = 0

    def format_corpus() -> None:
        nonlocal changed
        changed = 0
        for path in files:
            source = read_source(path)
            changed += format_source(source, syntax_for(path), options) != source.text

    def read_corpus() -> None:
        for path in files:
            stconfig.load(path, environ={}, unresolved="keep")

    formatting = timed(format_corpus, args.runs)
    reading = timed(read_corpus, args.runs)
    ratio = statistics.median(formatting[1:]) / statistics.median(reading[1:])
    print(f"corpus: {len(files)} files, {changed} would change (target < 1500 ms)")
    print(f"  stconfig format (checked): {describe(formatting)}")
    print(f"  stconfig.load (peer):      {describe(reading)}")
    print(f"  format / load: {ratio:.2f}x")

    typical = cases / TYPICAL
    if not typical.is_file():
        typical = files[len(files) // 2]
    executable = shutil.which("stconfig", path=str(Path(sys.executable).parent)) or shutil.which(
        "stconfig"
    )
    base = [executable] if executable else [sys.executable, "-m", "stconfig"]
    commands = {
        "format --check": [*base, "format", "--check", str(typical)],
        "lint": [*base, "lint", "--output-format", "concise", str(typical)],
    }
    runs = max(args.runs, 15)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as cache:
        # As after `pip install`: bytecode compiled once, then reused (kept out of the tree).
        environment = dict(os.environ, PYTHONPYCACHEPREFIX=cache)
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        for command in commands.values():
            subprocess.run(command, capture_output=True, check=False, env=environment)
        for _ in range(runs):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, capture_output=True, check=False, env=environment)
                samples[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(times) for name, times in samples.items()}
    print(
        f"cold runs on one typical job ({typical.name}, {typical.stat().st_size} bytes), "
        f"median of {runs} alternating runs each:"
    )
    for name, median in medians.items():
        print(f"  stconfig {name}: {median * 1000:.0f} ms")
    print(
        f"  format --check / lint: {medians['format --check'] / medians['lint']:.2f}x (goal <= 1)"
    )


if __name__ == "__main__":
    main()
