"""Benchmark: what the real-engine tests cost.

Prints, for each engine (REST v1: 2.3.8 from Central; REST v2: 15431c9 built from the shared
source tarball), the assembly time (Maven; cold only when the local Maven repository and
STCONFIG_ENGINE_CACHE are empty), the engine's start time until `/overview` answers, a
FakeSource -> Console batch job's submit-to-FINISHED time and the stop time (median of
`--runs` engines), and the time SeaTunnel's loader takes to convert the whole conformance
corpus in one JVM, per release. `--rebuild-v2` deletes the cached v2 home first, so its build
is measured from the tarball (Maven's `~/.m2` stays warm), then once more from the cache.

    python bench/engine.py [CORPUS_DIR] [--runs N] [--api v1|v2|both] [--rebuild-v2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import time
from pathlib import Path
from typing import Literal

from stconfig.testing.engine import (
    API_VERSIONS,
    ENGINE_VERSION,
    LOADER_VERSIONS,
    REST_V2_VERSION,
    Engine,
    assemble,
    assemble_rest_v2,
    cache_dir,
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


def timed_engine(version: str) -> tuple[float, float, float]:
    """Start, one batch job, stop: seconds for each."""
    engine = Engine(version).start()
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


def build_v2_timed(rebuild: bool) -> None:
    """The v2 home from the tarball (when `rebuild`), then from the cache."""
    if rebuild:
        shutil.rmtree(cache_dir() / REST_V2_VERSION / "engine", ignore_errors=True)
    for label in ("from the tarball", "from the cache") if rebuild else ("",):
        started = time.monotonic()
        home = assemble_rest_v2()
        where = f" {label}" if label else ""
        print(f"build {REST_V2_VERSION} engine{where}: {time.monotonic() - started:.1f} s")
    print(f"  last build record: {(home / 'assembly.json').read_text(encoding='utf-8').strip()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=Path(
            os.environ.get("STCONFIG_CONFORMANCE") or REPOSITORY.parent / "shared" / "conformance"
        ),
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--api", choices=("v1", "v2", "both"), default="both")
    parser.add_argument("--rebuild-v2", action="store_true")
    options = parser.parse_args()
    apis = ["v1", "v2"] if options.api == "both" else [options.api]

    if "v1" in apis:
        assemble_timed(ENGINE_VERSION, "engine")
        for version in LOADER_VERSIONS:
            assemble_timed(version, "loader")
    if "v2" in apis:
        build_v2_timed(options.rebuild_v2)

    for api in apis:
        version = API_VERSIONS[api]
        runs = [timed_engine(version) for _ in range(options.runs)]
        for index, label in enumerate(("start to /overview", "batch job to FINISHED", "stop")):
            values = [run[index] for run in runs]
            print(
                f"{version} (REST {api}) {label}: median {statistics.median(values):.1f} s, "
                f"max {max(values):.1f} s"
            )
    if "v1" not in apis:
        return

    files = sorted((options.corpus / "seatunnel-2.3.8" / "cases").rglob("*.conf"))
    if not files:
        raise SystemExit(f"no corpus files under {options.corpus}: give CORPUS_DIR")
    for version in LOADER_VERSIONS:
        started = time.monotonic()
        convert_with_seatunnel(files, version)
        print(f"SeaTunnel {version} loader, {len(files)} files: {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
