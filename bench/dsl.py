"""Benchmark: the cold-start time of `stconfig build` for each DSL example.

Each run is a fresh `python -m stconfig build EXAMPLE --format json --format hocon -o TMP`
process, so it pays for Python start-up, importing the DSL (pydantic included) and running
the example. Prints the median and the fastest of N runs per example, in milliseconds.

    python bench/dsl.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
EXAMPLES = REPOSITORY / "examples" / "dsl"


def cold_build(example: Path, folder: str) -> float:
    """Seconds for one fresh build process."""
    command = [sys.executable, "-m", "stconfig", "build", str(example)]
    command += ["--format", "json", "--format", "hocon", "-o", folder + "/"]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per example (default 5)")
    runs = parser.parse_args().runs
    print(f"{'example':<28} {'median ms':>10} {'best ms':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for example in sorted(EXAMPLES.glob("*.py")):
            times = [cold_build(example, folder) for _ in range(runs)]
            median, best = statistics.median(times) * 1000, min(times) * 1000
            print(f"{example.stem:<28} {median:>10.0f} {best:>8.0f}")


if __name__ == "__main__":
    main()
