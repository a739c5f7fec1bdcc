"""Batch convert benchmark: the whole 672-file corpus in one `stconfig convert` call.

Usage: python bench/convert.py [--corpus DIR] [--runs N] [--sample K]

Copies the corpus's .conf files (all 672, the 11 that need `-i` variables included: their
names are given with --var, or in the environment for SeaTunnel's reserved sink
placeholders) into a temporary folder, then prints, for N runs each, the wall time of:
`stconfig convert TREE -o OUT/` (a cold process: import, read, convert, write), the same with
`--check` against those outputs, and the peer measured in the same run: reading and
converting the same files inside this process (`stconfig.emit_json(stconfig.load(...))`, no
CLI, no writes). Then the median cold time of one single-file `stconfig convert` over K files, times
672, for what one process per file would cost. Wall and CPU (user + system) times are both
shown: on a shared machine the wall time mostly measures the other load. Goal: the batch
call under 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_folder(given: str | None) -> Path:
    folder = Path(
        given or os.environ.get("STCONFIG_CONFORMANCE") or ROOT.parent / "shared" / "conformance"
    )
    cases = folder / "seatunnel-2.3.8" / "cases"
    if not cases.is_dir():
        sys.exit(f"bench/convert.py: no corpus at {folder} (use --corpus DIR)")
    return cases


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one cold process."""
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run(
        command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start, children_cpu() - cpu


def describe(times: list[tuple[float, float]]) -> str:
    walls, cpus = [t[0] for t in times], [t[1] for t in times]
    return (
        f"wall best {min(walls) * 1000:.0f} ms, median {statistics.median(walls) * 1000:.0f} ms; "
        f"CPU median {statistics.median(cpus) * 1000:.0f} ms ({len(times)} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sample", type=int, default=15)
    args = parser.parse_args()
    cases = corpus_folder(args.corpus)
    sys.path.insert(0, str(ROOT))
    import stconfig
    from stconfig.errors import UnresolvedVariableError
    from stconfig.variables import RESERVED_PLACEHOLDERS

    files = sorted(cases.rglob("*.conf"))
    needed: set[str] = set()
    for path in files:
        try:
            stconfig.load(path, environ={})
        except UnresolvedVariableError as error:
            needed.update(error.names)
    variables = [f"{name}=bench-{name}" for name in sorted(needed - RESERVED_PLACEHOLDERS)]
    env = {**os.environ, **{name: f"bench-{name}" for name in needed & RESERVED_PLACEHOLDERS}}
    env["PYTHONPATH"] = str(ROOT)
    var_args = [part for value in variables for part in ("--var", value)]
    cli = [sys.executable, "-m", "stconfig", "convert"]

    with tempfile.TemporaryDirectory() as temporary:
        tree, out = Path(temporary) / "in", Path(temporary) / "out"
        for path in files:
            copy = tree / path.relative_to(cases)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
        batch = [*cli, str(tree), "-o", f"{out}/", *var_args]

        def in_process() -> tuple[float, float]:
            given = dict(value.split("=", 1) for value in variables)
            cpu, start = own_cpu(), time.perf_counter()
            for path in sorted(tree.rglob("*.conf")):
                stconfig.emit_json(stconfig.load(path, variables=given, environ=env))
            return time.perf_counter() - start, own_cpu() - cpu

        write_times, check_times, peer_times = [], [], []
        for _ in range(args.runs):
            shutil.rmtree(out, ignore_errors=True)
            write_times.append(timed(batch, env))
            check_times.append(timed([*batch, "--check"], env))
            peer_times.append(in_process())
        written = len(list(out.rglob("*.json")))
        single = [
            timed([*cli, str(path), *var_args], env)[1]
            for path in sorted(tree.rglob("*.conf"))[:: max(1, len(files) // args.sample)]
        ]

    print(f"corpus: {len(files)} files, {len(needed)} variables given; {written} outputs written")
    print(f"stconfig convert TREE -o OUT/ (one cold process): {describe(write_times)}")
    print(f"  ... --check against those outputs:             {describe(check_times)}")
    print(f"peer, load + to_json in this process (no CLI):   {describe(peer_times)}")
    per_file = statistics.median(single)
    print(
        f"one process per file: CPU median {per_file * 1000:.0f} ms x {len(files)} = "
        f"{per_file * len(files):.1f} s ({len(single)} files timed)"
    )
    batch_cpu = statistics.median(t[1] for t in write_times)
    batch_wall = statistics.median(t[0] for t in write_times)
    peer_cpu = statistics.median(t[1] for t in peer_times)
    print(
        f"ratios (CPU): batch / in-process peer = {batch_cpu / peer_cpu:.2f}; "
        f"per-file processes / batch = {per_file * len(files) / batch_cpu:.0f}x"
    )
    load = os.getloadavg()[0]
    print(
        f"goal, batch under 1.5 s: CPU {batch_cpu:.2f} s, wall {batch_wall:.2f} s "
        f"(load average {load:.1f} on {os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()
