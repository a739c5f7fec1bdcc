"""Batch convert benchmark: the whole 672-file corpus in one `stconfig convert` call.

Usage: python bench/convert.py [--corpus DIR] [--runs N] [--peer-every K] [--sample S]
                               [--baseline OTHER_CHECKOUT]

Copies the corpus's .conf files (all 672, the 11 that need `-i` variables included: their
names are given with --var, or in the environment for SeaTunnel's reserved sink
placeholders) into a temporary folder. Bytecode is compiled once into a temporary cache
first, as after `pip install` (with PYTHONDONTWRITEBYTECODE set and no cache, every run
would compile stconfig's modules again). Then each of N rounds runs, in this order, cold
processes of:

- `stconfig convert TREE -o OUT/` into a new OUT (the first run);
- the same again, OUT holding those outputs (a re-run: up-to-date files are left alone);
- the same with `--check`;
- the peer: pyhocon parsing and rendering as JSON every K-th of the same files in one
  process (pyhocon needs about 30 ms a file, so the whole corpus each round would take
  minutes); its CPU time times K estimates the whole corpus.

Wall time and CPU time (user, system) are printed for each, with the load average: on this
shared 2-core machine the wall time mostly measures the other load and the disk, so compare
CPU times and the ratio to the peer measured in the same rounds. Goal: the batch call under
1.5 s. `--baseline DIR` times another checkout's stconfig (say, the main branch) in the same
rounds, alternating, and prints this checkout's ratio to it. Finally, the median cold time
of one single-file `stconfig convert`, times 672, for what one process per file would cost.
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

from stconfig.testing.corpus import corpus_cases

ROOT = Path(__file__).resolve().parent.parent

PEER = """
import sys
from pyhocon import ConfigFactory, HOCONConverter
for path in sys.argv[1:]:
    try:
        HOCONConverter.to_json(ConfigFactory.parse_file(path))
    except Exception:
        pass  # a few corpus files use syntax or variables pyhocon refuses; it still parsed
"""


def corpus_folder(given: str | None) -> Path:
    cases = corpus_cases(given)
    if not cases.is_dir():
        sys.exit(f"bench/convert.py: no corpus at {cases} (use --corpus DIR)")
    return cases


class Timing:
    """Wall, user and system seconds of the cold processes of one command, run by run."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.runs: list[tuple[float, float, float]] = []

    def run(self, command: list[str], env: dict[str, str], cwd: str) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            command,
            env=env,
            cwd=cwd,
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0 or b"Traceback" in done.stderr:
            sys.exit(f"bench/convert.py: {self.label} failed: {done.stderr.decode()[-800:]}")
        self.runs.append((wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime))

    def cpu(self) -> float:
        return statistics.median(user + system for _, user, system in self.runs)

    def wall(self) -> float:
        return statistics.median(wall for wall, _, _ in self.runs)

    def line(self, scale: int = 1) -> str:
        cpus = sorted(user + system for _, user, system in self.runs)
        user = statistics.median(user for _, user, _ in self.runs)
        system = statistics.median(system for _, _, system in self.runs)
        text = (
            f"  {self.label:<34} wall {self.wall():5.2f} s  CPU {self.cpu():5.2f} s "
            f"(user {user:.2f} + sys {system:.2f}; runs {cpus[0]:.2f}..{cpus[-1]:.2f})"
        )
        if scale != 1:
            text += f"; x{scale} = {self.cpu() * scale:.1f} s for the corpus"
        return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--peer-every", type=int, default=8, help="pyhocon parses every K-th file")
    parser.add_argument("--sample", type=int, default=9, help="single-file processes to time")
    parser.add_argument(
        "--baseline",
        metavar="DIR",
        help="another checkout (e.g. the main branch) timed in the same rounds, for a ratio",
    )
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
    var_args = [part for value in variables for part in ("--var", value)]

    with tempfile.TemporaryDirectory() as temporary:
        # Every process runs in this folder: `python -m` puts the working folder first on
        # sys.path, so from inside a checkout it would time that checkout whatever PYTHONPATH is.
        tree = Path(temporary) / "in"
        env = {
            **os.environ,
            **{name: f"bench-{name}" for name in needed & RESERVED_PLACEHOLDERS},
            "PYTHONPATH": str(ROOT),
            "PYTHONPYCACHEPREFIX": str(Path(temporary) / "pycache"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        trees = {"this checkout": env}
        if args.baseline:
            trees["baseline"] = dict(env, PYTHONPATH=str(Path(args.baseline).resolve()))
        for path in files:
            copy = tree / path.relative_to(cases)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
        copies = sorted(str(path) for path in tree.rglob("*.conf"))
        cli = [sys.executable, "-m", "stconfig", "convert"]

        def batch(out: Path) -> list[str]:
            return [*cli, str(tree), "-o", f"{out}/", *var_args]

        peer_files = copies[:: args.peer_every]
        peer = [sys.executable, "-c", PEER, *peer_files]

        timings = {
            name: (
                Timing(f"{name}: convert TREE -o OUT/, OUT new"),
                Timing("  again, OUT up to date"),
                Timing("  --check against OUT"),
            )
            for name in trees
        }
        pyhocon = Timing(f"pyhocon, {len(peer_files)} files")
        compile_once = [*batch(Path(temporary) / "none"), "--check"]
        for tree_env in trees.values():  # compile once, as after pip install
            subprocess.run(
                compile_once, env=tree_env, cwd=temporary, capture_output=True, check=False
            )
        load_before = os.getloadavg()
        for round_ in range(args.runs):
            order = list(trees)[round_ % len(trees) :] + list(trees)[: round_ % len(trees)]
            for name in order:
                # A new folder each round: deleting the last one would make the file system
                # free (and discard) its blocks during the next timed run.
                out = Path(temporary) / f"out-{name.split()[0]}-{round_}"
                fresh, again, check = timings[name]
                fresh.run(batch(out), trees[name], temporary)
                again.run(batch(out), trees[name], temporary)
                check.run([*batch(out), "--check"], trees[name], temporary)
            pyhocon.run(peer, env, temporary)
        load_after = os.getloadavg()
        written = len(list(out.rglob("*.json")))
        single = Timing("one file per process")
        for sampled in copies[:: max(1, len(copies) // args.sample)]:
            single.run([*cli, sampled, *var_args], env, temporary)

    print(
        f"corpus: {len(files)} files, {len(needed)} variables given; {written} outputs; "
        f"{args.runs} rounds; load average {load_before[0]:.1f} before, {load_after[0]:.1f} "
        f"after ({os.cpu_count()} cores)"
    )
    for fresh, again, check in timings.values():
        for timing in (fresh, again, check):
            print(timing.line())
    print(pyhocon.line(scale=args.peer_every))
    print(single.line(scale=len(files)))
    fresh, again, check = timings["this checkout"]
    peer_corpus = pyhocon.cpu() * args.peer_every
    print(
        f"ratios (CPU): batch / pyhocon estimate {fresh.cpu() / peer_corpus:.3f}; "
        f"re-run {again.cpu() / peer_corpus:.3f}; --check {check.cpu() / peer_corpus:.3f}; "
        f"one process per file / batch {single.cpu() * len(files) / fresh.cpu():.0f}x"
    )
    if "baseline" in timings:
        pairs = zip(timings["this checkout"], timings["baseline"], strict=True)
        print(
            "this checkout / baseline: "
            + "; ".join(
                f"{ours.label.split(':')[-1].strip()} CPU {ours.cpu() / theirs.cpu():.2f}, "
                f"wall {ours.wall() / theirs.wall():.2f}"
                for ours, theirs in pairs
            )
        )
    verdict = "met" if max(fresh.wall(), fresh.cpu()) < 1.5 else "not met"
    print(
        f"goal, batch under 1.5 s: CPU {fresh.cpu():.2f} s, wall {fresh.wall():.2f} s ({verdict} "
        f"at load {load_after[0]:.1f}; wall includes waiting for the disk and other processes)"
    )


if __name__ == "__main__":
    main()
