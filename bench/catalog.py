"""Catalog benchmark: import cost, loading models, validating the corpus.

Usage: python bench/catalog.py [--runs N] [--corpus DIR]
Prints: the median wall time a bare interpreter takes and what `import stconfig` and
`import stconfig.catalog` add to it (target: under 60 ms; pydantic must not be imported);
loading one model and all models in a fresh process; reading every plugin's option facts
(no pydantic); and validating every plugin block of the conformance corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_run(code: str, runs: int) -> float:
    """Median wall time (ms) of `python -c code` in a fresh interpreter."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def import_time(module: str, runs: int) -> float:
    """Median cumulative import time (ms) of `module` as `python -X importtime` reports it."""
    found = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
        for line in result.stderr.splitlines():
            parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
            if len(parts) == 3 and parts[2] == module:
                found.append(int(parts[1]) / 1000)
    return statistics.median(found)


def in_fresh_process(code: str) -> float:
    """Milliseconds `code` takes inside a fresh interpreter (after its own imports)."""
    timed = (
        "import time; t = time.perf_counter()\n"
        + code
        + "\nprint((time.perf_counter() - t) * 1000)"
    )
    result = subprocess.run(
        [sys.executable, "-c", timed], check=True, capture_output=True, text=True, cwd=ROOT
    )
    return float(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--corpus", help="conformance folder (default: ../shared/conformance)")
    args = parser.parse_args(argv)

    bare = median_run("pass", args.runs)
    package = median_run("import stconfig", args.runs)
    catalog = median_run("import stconfig.catalog", args.runs)
    leaked = subprocess.run(
        [sys.executable, "-c", "import sys, stconfig.catalog; print('pydantic' in sys.modules)"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout.strip()
    print(f"bare interpreter             {bare:8.1f} ms (median of {args.runs})")
    for module in ("stconfig", "stconfig.catalog"):
        print(f"-X importtime {module:<15}{import_time(module, args.runs):8.1f} ms (cumulative)")
    print(f"import stconfig              +{package - bare:7.1f} ms")
    print(f"import stconfig.catalog      +{catalog - bare:7.1f} ms (pydantic imported: {leaked})")

    one = in_fresh_process("from stconfig import catalog\ncatalog.lookup('source', 'FakeSource')")
    every = in_fresh_process(
        "from stconfig import catalog\n"
        "for kind, name in catalog.plugin_names():\n"
        "    catalog.lookup(kind, name)"
    )
    specs = in_fresh_process(
        "from stconfig import catalog\n"
        "for kind, name in catalog.plugin_names():\n"
        "    catalog.plugin_spec(kind, name)"
    )
    job = in_fresh_process(
        "from stconfig import catalog\n"
        "catalog.validate_options('source', 'FakeSource', {'row.num': 5})\n"
        "catalog.validate_options('sink', 'Console', {})"
    )
    print(f"first model (FakeSource)     {one:8.1f} ms (pydantic import included)")
    print(f"check a FakeSource->Console  {job:8.1f} ms (2 models built, fresh process)")
    print(f"all 129 models               {every:8.1f} ms")
    print(f"all option facts (no models) {specs:8.1f} ms")

    folder = Path(
        args.corpus
        or os.environ.get("STCONFIG_CONFORMANCE")
        or ROOT.parent / "shared" / "conformance"
    )
    cases = sorted((folder / "seatunnel-2.3.8" / "cases").rglob("*.expected.json"))
    if not cases:
        print(f"corpus not found at {folder}: validation not measured")
        return 0
    sys.path.insert(0, str(ROOT))
    from stconfig import catalog as api

    blocks = []
    for path in cases:
        job = json.loads(path.read_text(encoding="utf-8"))
        for kind in ("source", "transform", "sink"):
            for block in job.get(kind) or []:
                name = str(block.get("plugin_name", "")) if isinstance(block, dict) else ""
                if name and api.canonical_name(kind, name):
                    blocks.append((kind, name, block))
    for kind, name, _ in blocks:
        api.lookup(kind, name)
    start = time.perf_counter()
    for kind, name, block in blocks:
        api.validate_options(kind, name, block)
    elapsed = (time.perf_counter() - start) * 1000
    print(
        f"validate {len(blocks)} corpus blocks   {elapsed:8.1f} ms "
        f"({elapsed / len(blocks) * 1000:.0f} µs each, models already built)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
