"""Time and memory of reading hostile input, growing up to each limit of docs/limits.md.

Usage: python bench/limits.py [--quick] [--family NAME]
Prints, per family (long token, substitution blow-up, includes, big file, many tokens, big
standard input), one row per input size: the CPU time and peak RSS of a fresh
`python -m stconfig convert` reading it (from os.wait4, so only that process counts), what
it printed, and the ratio of time and of memory above the idle baseline against the row
before. Sizes double from row to row, so a ratio near 2 means linear growth; the last row
of each family is past the limit and shows what refusing costs. `--quick` stops each
family at a quarter of its limit; `--family` runs one family (`"big file"`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stconfig import limits  # noqa: E402


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    said: str


# The child reports its own peak from /proc (VmHWM): getrusage's ru_maxrss would also count
# the memory of the parent it was forked from.
_CHILD = """
import os, runpy, sys
sys.argv = ["stconfig", *sys.argv[2:]]
code = 0
try:
    runpy.run_module("stconfig", run_name="__main__")
except SystemExit as error:
    code = error.code if isinstance(error.code, int) else 1
finally:
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    times = os.times()
    with open(os.environ["BENCH_REPORT"], "w") as report:
        report.write(f"{times.user + times.system} {int(peak) / 1024} {code}")
"""


def measure(arguments: list[str], folder: Path, stdin: Path | None = None) -> Run:
    """CPU seconds, peak RSS and the first stderr line of one `python -m stconfig` run."""
    report = folder.parent / "report.txt"
    with open(stdin or os.devnull, "rb") as given:
        finished = subprocess.run(
            [sys.executable, "-c", _CHILD, "stconfig", *arguments],
            cwd=folder,
            stdin=given,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, "BENCH_REPORT": str(report)},
            check=False,
        )
    seconds, peak, code = report.read_text().split()
    lines = finished.stderr.decode("utf-8", "replace").strip().splitlines()
    said = f"exit {code}" + (f": {lines[0][:90]}" if lines else "")
    return Run(float(seconds), float(peak), said)


Maker = Callable[[Path, int], list[str]]
"""Writes the input of a given size into a folder and returns the stconfig arguments."""


def long_token(folder: Path, size: int) -> list[str]:
    (folder / "job.conf").write_text("a = " + "x/" * (size // 2) + "\n")
    return ["convert", "job.conf"]


def string_blow_up(folder: Path, size: int) -> list[str]:
    """Levels that double a string: all of them together hold about `size` characters."""
    levels = size.bit_length() - 2
    lines = ['a0 = "x"'] + [f"a{n} = ${{a{n - 1}}}${{a{n - 1}}}" for n in range(1, levels + 1)]
    (folder / "job.conf").write_text("\n".join(lines) + "\n")
    return ["convert", "job.conf"]


def object_blow_up(folder: Path, size: int) -> list[str]:
    """Levels that double an object: all of them together hold about `size` values."""
    levels = size.bit_length() - 3
    lines = ["a0 = 1"] + [
        f"a{n} = {{l = ${{a{n - 1}}}, r = ${{a{n - 1}}}}}" for n in range(1, levels + 1)
    ]
    (folder / "job.conf").write_text("\n".join(lines) + "\n")
    return ["convert", "job.conf"]


def includes(folder: Path, size: int) -> list[str]:
    """`size` files of 100 fields included once each; past the limit, a doubling chain."""
    if size <= limits.MAX_INCLUDES:
        fields = "".join(f"k{n} = {n}\n" for n in range(100))
        for n in range(size):
            (folder / f"part{n}.conf").write_text(fields)
        lines = [f'p{n} {{ include "part{n}.conf" }}' for n in range(size)]
        (folder / "f0.conf").write_text("\n".join(lines) + "\n")
        return ["convert", "f0.conf"]
    levels = size.bit_length() - 2  # each file includes the next twice
    for n in range(levels):
        (folder / f"f{n}.conf").write_text(
            f'include "f{n + 1}.conf"\ninclude "f{n + 1}.conf"\nk{n} = {n}\n'
        )
    (folder / f"f{levels}.conf").write_text("leaf = 1\n")
    return ["convert", "f0.conf"]


def big_file(folder: Path, size: int) -> list[str]:
    """`key = "value"` lines of 91 bytes, no more than `size` bytes in all."""
    count = size // 91
    lines = (f'k{n:08d} = "' + "v" * 76 + '"\n' for n in range(count))
    (folder / "job.conf").write_text("".join(lines))
    return ["convert", "job.conf"]


def many_tokens(folder: Path, size: int) -> list[str]:
    """One concatenated string of words: two tokens per word, one value in the end."""
    (folder / "job.conf").write_text("a = x" + " x" * (size // 2 - 4) + "\n")
    return ["convert", "job.conf"]


def big_stdin(folder: Path, size: int) -> list[str]:
    line = "# " + "c" * 97 + "\n"
    (folder / "stdin.conf").write_text(line * (size // len(line)) + "a = 1\n")
    return ["convert", "-"]


FAMILIES: list[tuple[str, str, Maker, int, int, int]] = [
    # name, unit, maker, first size, limit, size past the limit
    ("long token", "chars", long_token, 32 * 1024, limits.MAX_TOKEN_CHARS, 3_000_000),
    ("string blow-up", "chars", string_blow_up, 2**19, limits.MAX_RESOLVED_CHARS, 2**59),
    ("object blow-up", "values", object_blow_up, 2**15, limits.MAX_RESOLVED_VALUES, 2**59),
    ("includes", "files", includes, 4, limits.MAX_INCLUDES, 2**19),
    ("big file", "bytes", big_file, 512 * 1024, limits.MAX_FILE_BYTES, 52 * limits.MIB),
    ("many tokens", "tokens", many_tokens, 32 * 1024, limits.MAX_TOKENS, 4 * limits.MAX_TOKENS),
    ("big stdin", "bytes", big_stdin, 512 * 1024, limits.MAX_FILE_BYTES, 0),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="stop at a quarter of each limit")
    parser.add_argument("--family", choices=[family[0] for family in FAMILIES])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "inputs"
        folder.mkdir()
        baseline = measure(["--version"], folder)
        print(
            f"idle baseline (python -m stconfig --version): {baseline.seconds:.2f} s CPU, "
            f"{baseline.peak_mib:.0f} MiB peak"
        )
        for family, unit, make, first, limit, past in FAMILIES:
            if args.family not in (None, family):
                continue
            print(f"\n{family} (limit {limit:,} {unit})")
            print(f"  {'size':>12} {'CPU s':>7} {'peak MiB':>9} {'x time':>7} {'x mem':>6}  result")
            top = limit // 4 if args.quick else limit
            sizes = []
            size = first
            while size <= top:
                sizes.append(size)
                size *= 2
            exact = family not in ("string blow-up", "object blow-up")
            if not args.quick and sizes[-1] != limit and exact:
                sizes.append(limit)
            previous: Run | None = None
            for size in [*sizes, past] if past else sizes:
                for stale in folder.iterdir():
                    stale.unlink()
                arguments = make(folder, size)
                stdin = folder / "stdin.conf" if arguments[-1] == "-" else None
                run = measure(arguments, folder, stdin)
                ratio_time = ratio_memory = ""
                if previous is not None and size <= limit:
                    ratio_time = f"{run.seconds / max(previous.seconds, 0.01):.2f}"
                    above = run.peak_mib - baseline.peak_mib
                    before = max(previous.peak_mib - baseline.peak_mib, 1.0)
                    ratio_memory = f"{above / before:.2f}"
                label = f"{size:,}" if size <= limit else f"{size:.2e}"
                print(
                    f"  {label:>12} {run.seconds:7.2f} {run.peak_mib:9.0f} "
                    f"{ratio_time:>7} {ratio_memory:>6}  {run.said}"
                )
                previous = run
        if not args.quick and args.family in (None, "big stdin"):
            print("\nendless standard input (/dev/zero)")
            run = measure(["convert", "-"], folder, Path("/dev/zero"))
            print(f"  {run.seconds:.2f} s CPU, {run.peak_mib:.0f} MiB peak, {run.said}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
