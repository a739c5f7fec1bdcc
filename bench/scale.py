"""Scaling benchmark: lint time of one large job (many plugins) at 1k, 10k and 50k lines.

Usage: python bench/scale.py [--sizes 1000,2000,10000,50000] [--runs N] [--max-seconds S]
                             [--clock cpu|wall]
The job repeats a FakeSource -> SQL transform -> Console chain with its own table names, so
every rule (table graph, options, secrets, variables) sees a job that grows with the file.
Linear time means the time per line stays flat: the ratios against the smallest size are
printed from the same run, with the load average. Every fix a finding offers is checked
during lint; `plan` is the time `lint --fix` then takes to plan all the fixes together
(checked again in combination), with its own ratio. A size whose run is projected (from the
growth measured between the two previous sizes) to take longer than --max-seconds is
skipped, with the projection printed: a superlinear lint would otherwise run for hours.
"""

from __future__ import annotations

import argparse
import math
import os
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
    parser.add_argument(
        "--clock",
        choices=("cpu", "wall"),
        default="cpu",
        help="cpu: this process's CPU time, steadier while others use the machine; "
        "wall: elapsed time",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from stconfig.lint.diagnostic import Diagnostic
    from stconfig.lint.engine import lint_source
    from stconfig.lint.fix import plan_fixes
    from stconfig.lint.settings import LintSettings
    from stconfig.source import SourceFile

    settings = LintSettings(target_version="2.3.8", environ={"DB_PASSWORD": "x"})
    lint_source(SourceFile("warm.conf", job_text(100)), settings)  # imports and catalog reads
    load = os.getloadavg()[0]
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    print(
        f"lint of one job, all rules, best of {args.runs} rounds, {args.clock} time; "
        f"load {load:.1f}"
    )

    def measure(size: int) -> tuple[float, float, str]:
        """Seconds to lint and to plan the fixes (best of a few repeats, at least 0.3 s of
        work for small sizes so one hiccup does not decide), and what was found."""
        text = job_text(size)
        lint_times: list[float] = []
        plan_times: list[float] = []
        found: list[Diagnostic] = []
        while not lint_times or sum(lint_times) < 0.3:
            start = clock()
            found = lint_source(SourceFile(f"job_{size}.conf", text), settings)
            lint_times.append(clock() - start)
            start = clock()
            planned = len(plan_fixes(found).applied)
            plan_times.append(clock() - start)
        fixes = sum(d.fix is not None for d in found)
        what = f"{len(found)} findings, {fixes} fixes offered, {planned} planned"
        return min(lint_times), min(plan_times), what

    # The first round finds which sizes can run; later rounds go through them in turn, so
    # a busy spell on the machine falls on every size alike.
    best: dict[int, tuple[float, float, str]] = {}
    lines_of: dict[int, int] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        lines = job_text(size).count("\n")
        measured = [(lines_of[s], best[s][0]) for s in best]
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
        lines_of[size] = lines
        best[size] = measure(size)
    for _ in range(args.runs - 1):
        for size in best:
            lint_time, plan_time, what = measure(size)
            best[size] = (min(lint_time, best[size][0]), min(plan_time, best[size][1]), what)
    first = next(iter(best), None)
    for size, (lint_time, plan_time, what) in best.items():
        assert first is not None
        lines = lines_of[size]
        ratio = (lint_time / lines) / (best[first][0] / lines_of[first])
        plan_ratio = (plan_time / lines) / (best[first][1] / lines_of[first])
        print(
            f"  {lines:>6} lines: lint {lint_time * 1000:8.1f} ms, "
            f"{lint_time / lines * 1e6:6.1f} us/line ({ratio:4.2f}x the smallest per line); "
            f"plan --fix {plan_time * 1000:7.1f} ms ({plan_ratio:4.2f}x); {what}"
        )
    print(f"load {os.getloadavg()[0]:.1f} at the end (1.00x per line means linear)")


if __name__ == "__main__":
    main()
