"""Fault injection over the conformance corpus: one fault per job at a time, and whether a
finding lands on the mutated line.

Run `python -m tests.lint.mutation [CORPUS]` for the recall per fault kind; the test in
test_mutation.py asserts 100 % for every fault kind whose rules exist.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from stconfig.errors import StconfigError
from stconfig.lint.engine import lint_source
from stconfig.lint.settings import LintSettings
from stconfig.lint.versions import table_keys
from stconfig.model.graph import build_graph
from stconfig.model.job import Job
from stconfig.reader import load
from stconfig.source import SourceFile, Span

VERSION = "2.3.8"


@dataclass(frozen=True, slots=True)
class Mutation:
    """Replace text[start:end] with `text`; a finding with one of `codes` must be on `line`."""

    start: int
    end: int
    text: str
    codes: frozenset[str]

    def apply(self, source: str) -> tuple[str, int]:
        mutated = source[: self.start] + self.text + source[self.end :]
        line = mutated.count("\n", 0, self.start + len(self.text) - len(self.text.lstrip("\n")))
        return mutated, line + 1


def literal(span: Span | None, job: Job) -> bool:
    """The span is in the job's own file (not an include, not a variable's value)."""
    return span is not None and job.source_file is not None and span.source is job.source_file


def dangling_input(job: Job) -> Iterator[Mutation]:
    graph = build_graph(job, *table_keys((2, 3, 8)))
    for node in graph.transforms + graph.sinks:
        for ref in node.inputs:
            if literal(ref.span, job) and ref.span is not None and "," not in ref.name:
                codes = {"ST201"} if graph.strict else {"ST209"}
                yield Mutation(
                    ref.span.start, ref.span.end, json.dumps(ref.name + "_typo"), frozenset(codes)
                )
                return


def duplicate_output(job: Job) -> Iterator[Mutation]:
    graph = build_graph(job, *table_keys((2, 3, 8)))
    if not graph.strict:
        return  # the engine accepts duplicates in a simple graph; no rule claims them
    named = [n for n in graph.sources + graph.transforms if n.output is not None]
    if len(named) >= 2 and named[0].output and named[1].output:
        span = named[1].output.span
        if literal(span, job) and span is not None:
            yield Mutation(
                span.start, span.end, json.dumps(named[0].output.name), frozenset({"ST205"})
            )


def bad_job_mode(job: Job) -> Iterator[Mutation]:
    env = job.env
    member = env.member("job.mode") if env is not None else None
    if member is not None and literal(member.value.span, job) and member.value.span is not None:
        span = member.value.span
        yield Mutation(span.start, span.end, '"BACTH"', frozenset({"ST102"}))


def cookbook_restore(job: Job) -> Iterator[Mutation]:
    env = job.env
    if env is None or not literal(env.span, job) or env.span is None:
        return
    text = job.source_file.text if job.source_file is not None else ""
    if text[env.span.start] != "{":
        return
    for key, value in (
        ("job.id", '"842374234081"'),
        ("restore.mode", '"savepoint"'),
        ("savepoint.path", '"hdfs:///savepoints/1"'),
    ):
        at = env.span.start + 1
        yield Mutation(at, at, f"\n  {key} = {value}\n", frozenset({"ST601"}))


FAULTS: dict[str, Callable[[Job], Iterator[Mutation]]] = {
    "dangling-input": dangling_input,
    "duplicate-output": duplicate_output,
    "bad-job-mode": bad_job_mode,
    "cookbook-restore-keys": cookbook_restore,
}
"""The faults the rules claim to catch. Misspelled option keys and plugin names, removed
required options and out-of-enum values need the plugin catalog's option rules (ST3xx),
which do not exist yet, so they are not injected."""


RARE = frozenset({"dangling-input", "duplicate-output"})
"""Faults that fit few jobs (they need named tables): injected into every job, not a sample."""


def jobs(corpus: Path) -> list[Path]:
    cases = corpus / "seatunnel-2.3.8" / "cases"
    return [p for p in sorted(cases.rglob("*.conf")) if not p.with_suffix(".unresolved").exists()]


def run(corpus: Path, sample: int = 120) -> dict[str, tuple[int, int, list[str]]]:
    """Per fault kind: (injected, detected, misses as `path:line`)."""
    settings = LintSettings(target_version=VERSION, environ={})
    results: dict[str, tuple[int, int, list[str]]] = {}
    every = jobs(corpus)
    step = max(1, len(every) // sample)
    for index, path in enumerate(every):
        try:
            job = load(path, environ={}, unresolved="keep")
        except StconfigError:
            continue
        assert job.source_file is not None
        for kind, fault in FAULTS.items():
            if kind not in RARE and index % step:
                continue
            injected, detected, misses = results.get(kind, (0, 0, []))
            for mutation in fault(job):
                text, line = mutation.apply(job.source_file.text)
                found = lint_source(SourceFile(str(path), text), settings)
                injected += 1
                if any(d.code in mutation.codes and d.line == line for d in found):
                    detected += 1
                else:
                    misses.append(f"{path}:{line}")
            results[kind] = (injected, detected, misses)
    return results


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/conformance")
    results = run(corpus)
    total_in = sum(r[0] for r in results.values())
    total_ok = sum(r[1] for r in results.values())
    for kind in FAULTS:
        injected, detected, misses = results[kind]
        rate = detected / injected if injected else 1.0
        print(f"{kind:24} {detected}/{injected} detected ({rate:.1%})")
        for miss in misses[:5]:
            print(f"    missed: {miss}")
    print(f"overall recall: {total_ok}/{total_in} ({total_ok / max(total_in, 1):.1%})")


if __name__ == "__main__":
    main()
