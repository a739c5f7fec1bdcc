"""Benchmark: what the real-engine tests cost.

Prints the assembly time (Maven; cold only when the local Maven repository and
STCONFIG_ENGINE_CACHE are empty), the engine's start time until `/overview` answers, a
FakeSource -> Console batch job's submit-to-FINISHED time and the stop time (median of
`--runs` engines), and the time SeaTunnel's loader takes to convert the whole conformance
corpus in one JVM, per release.

    python bench/engine.py [CORPUS_DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Literal

from stconfig.testing.engine import (
    ENGINE_VERSION,
    LOADER_VERSIONS,
    Engine,
    assemble,
    convert_with_seatunnel,
    submit,
    wait_for_job,
)

REPOSITORY = Path(__file__).resolve().parent.parent

JOB = {
    "env": {"job.mode": "BATCH", "parallelism": 1},
    "source": [
        {
            "plugin_name": "FakeSource",
            "result_table_name": "fake",
            "row.num": 100,
            "schema": {"fields": {"name": "string", "age": "int"}},
        }
    ],
    "sink": [{"plugin_name": "Console", "source_table_name": "fake"}],
}


def timed_engine() -> tuple[float, float, float]:
    """Start, one batch job, stop: seconds for each."""
    engine = Engine().start()
    try:
        started = time.monotonic()
        info = wait_for_job(engine.url, submit(engine.url, JOB, name="bench"))
        job = time.monotonic() - started
        if info["jobStatus"] != "FINISHED":
            raise SystemExit(f"the batch job ended {info['jobStatus']}: {info.get('errorMsg')}")
    finally:
        stopping = time.monotonic()
        engine.stop()
    return engine.startup_seconds, job, time.monotonic() - stopping


def assemble_timed(version: str, part: Literal["engine", "loader"]) -> None:
    started = time.monotonic()
    assemble(version, part)
    print(f"assemble {version} {part}: {time.monotonic() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus", nargs="?", type=Path, default=REPOSITORY.parent / "shared" / "conformance"
    )
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()

    assemble_timed(ENGINE_VERSION, "engine")
    for version in LOADER_VERSIONS:
        assemble_timed(version, "loader")

    runs = [timed_engine() for _ in range(options.runs)]
    for index, label in enumerate(("start to /overview", "batch job to FINISHED", "stop")):
        values = [run[index] for run in runs]
        print(f"{label}: median {statistics.median(values):.1f} s, max {max(values):.1f} s")

    files = sorted((options.corpus / "seatunnel-2.3.8" / "cases").rglob("*.conf"))
    for version in LOADER_VERSIONS:
        started = time.monotonic()
        convert_with_seatunnel(files, version)
        print(f"SeaTunnel {version} loader, {len(files)} files: {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
