"""Scaling benchmark: lint time of one large job (many plugins) at 1k, 10k and 50k lines.

Usage: python bench/scale.py [--sizes 1000,2000,10000,50000] [--runs N] [--max-seconds S]
The job repeats a FakeSource -> SQL transform -> Console chain with its own table names, so
every rule (table graph, options, secrets, variables) sees a job that grows with the file.
Linear time means the time per line stays flat: the ratios against the smallest size are
printed from the same run, with the load average. A size whose run is projected (from the
growth measured between the two previous sizes) to take longer than --max-seconds is
skipped, with the projection printed: a superlinear lint would otherwise run for hours.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SOURCE = """  FakeSource {{
    plugin_output = "fake_{i}"
    row.num = {i}
    password = "${{DB_PASSWORD}}"
    schema = {{
      fields {{
        id = "bigint"
        name = "string"
      }}
    }}
  }}
"""
TRANSFORM = """  Sql {{
    plugin_input = "fake_{i}"
    plugin_output = "sql_{i}"
    query = "select id, name from fake_{i} where id > {i}"
  }}
"""
SINK = """  Console {{
    plugin_input = "sql_{i}"
  }}
"""


def job_text(lines: int) -> str:
    """A job of about `lines` lines: env, then as many plugin chains as fit."""
    per_chain = sum(part.count("\n") for part in (SOURCE, TRANSFORM, SINK))
    chains = max(1, (lines - 14) // per_chain)
    parts = ['env {\n  job.mode = "BATCH"\n  parallelism = 2\n}\n']
    for block, template in (("source", SOURCE), ("transform", TRANSFORM), ("sink", SINK)):
        parts.append(block + " {\n")
        parts.extend(template.format(i=i) for i in range(chains))
        parts.append("}\n")
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,2000,10000,50000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-seconds", type=float, default=120.0)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from stconfig.lint.engine import lint_source
    from stconfig.lint.settings import LintSettings
    from stconfig.source import SourceFile

    settings = LintSettings(target_version="2.3.8", environ={"DB_PASSWORD": "x"})
    lint_source(SourceFile("warm.conf", job_text(100)), settings)  # imports and catalog reads
    print(f"lint of one job, all rules, best of {args.runs}; load {os.getloadavg()[0]:.1f}")
    smallest: float | None = None
    measured: list[tuple[int, float]] = []
    for size in (int(s) for s in args.sizes.split(",")):
        text = job_text(size)
        lines = text.count("\n")
        if len(measured) >= 2:
            (n1, t1), (n2, t2) = measured[-2:]
            exponent = max(1.0, math.log(t2 / t1) / math.log(n2 / n1))
            projected = t2 * (lines / n2) ** exponent
            if projected > args.max_seconds:
                print(
                    f"  {lines:>6} lines: skipped, projected {projected:,.0f} s "
                    f"(time grows as lines^{exponent:.1f}; --max-seconds {args.max_seconds:.0f})"
                )
                continue
        times = []
        findings = 0
        for _ in range(args.runs):
            start = time.perf_counter()
            findings = len(lint_source(SourceFile(f"job_{size}.conf", text), settings))
            times.append(time.perf_counter() - start)
        measured.append((lines, min(times)))
        per_line = min(times) / lines * 1e6
        smallest = smallest or per_line
        print(
            f"  {lines:>6} lines: best {min(times) * 1000:8.1f} ms, median "
            f"{statistics.median(times) * 1000:8.1f} ms, {per_line:6.1f} us/line "
            f"({per_line / smallest:4.2f}x the smallest per line), {findings} findings"
        )
    print(f"load {os.getloadavg()[0]:.1f} at the end (1.00x per line means linear)")


if __name__ == "__main__":
    main()
