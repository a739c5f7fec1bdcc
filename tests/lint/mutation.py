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

from stconfig.catalog.engine_checks import engine_check
from stconfig.catalog.registry import canonical_name, plugin_spec
from stconfig.catalog.spec import PluginSpec
from stconfig.errors import StconfigError
from stconfig.lint.engine import lint_source
from stconfig.lint.settings import LintSettings
from stconfig.lint.versions import table_keys
from stconfig.model.graph import build_graph
from stconfig.model.job import Job, Plugin
from stconfig.model.values import Scalar
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
    at: int | None = None
    """Where the finding must be (an offset before `start`), when not at the mutation."""

    def apply(self, source: str) -> tuple[str, int]:
        mutated = source[: self.start] + self.text + source[self.end :]
        where = self.start + len(self.text) - len(self.text.lstrip("\n"))
        line = mutated.count("\n", 0, self.at if self.at is not None else where)
        return mutated, line + 1


def literal(span: Span | None, job: Job) -> bool:
    """The span is in the job's own file (not an include, not a variable's value)."""
    return span is not None and job.source_file is not None and span.source is job.source_file


def dangling_input(job: Job) -> Iterator[Mutation]:
    graph = build_graph(job, *table_keys("2.3.8"))
    for node in graph.transforms + graph.sinks:
        for ref in node.inputs:
            if literal(ref.span, job) and ref.span is not None and "," not in ref.name:
                codes = {"ST201"} if graph.strict else {"ST209"}
                yield Mutation(
                    ref.span.start, ref.span.end, json.dumps(ref.name + "_typo"), frozenset(codes)
                )
                return


def duplicate_output(job: Job) -> Iterator[Mutation]:
    graph = build_graph(job, *table_keys("2.3.8"))
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


def _known_plugins(job: Job) -> Iterator[tuple[Plugin, PluginSpec]]:
    """Plugins of the catalog that the 2.3.8 engine has (not RowKindExtractor, the Sls sink)."""
    for plugin in job.plugins:
        name = plugin.name and canonical_name(plugin.kind, plugin.name, version=VERSION)
        if name and engine_check(plugin.kind, name, version=VERSION) is not None:
            yield plugin, plugin_spec(plugin.kind, plugin.name or name, version=VERSION)


def _unknown_key(spec: PluginSpec, key: str) -> bool:
    return (
        spec.owner(key) is None
        and spec.option(key) is None
        and not any(k.startswith(key + ".") for k in spec.all_keys)
    )


def misspelled_option(job: Job) -> Iterator[Mutation]:
    """Drop the last letter of the first option key that is then no option at all."""
    for plugin, spec in _known_plugins(job):
        for key, member in plugin.node.members.items():
            span = member.key_span
            typo = key[:-1]
            if (
                key != "plugin_name"
                and not member.implicit
                and literal(span, job)
                and span is not None
                and len(key) > 3
                and job.source_file is not None
                and job.source_file.text[span.start : span.end] == key
                and _unknown_key(spec, typo)
            ):
                # ST302 when the key was required, ST311 when the connector needs it outside
                # its rule: the misspelling is the missing key's error
                codes = frozenset({"ST301", "ST302", "ST311"})
                yield Mutation(span.start, span.end, typo, codes)
                return


def removed_required(job: Job) -> Iterator[Mutation]:
    """Delete the line of a required option without a default (reported at the plugin)."""
    text = job.source_file.text if job.source_file is not None else ""
    for plugin, spec in _known_plugins(job):
        name = plugin.name_member
        if name is None or not literal(name.key_span, job) or name.key_span is None:
            continue
        for key in (k for group in spec.required for k in group):
            option = spec.option(key)
            member = plugin.node.member(key)
            if option is None or option.has_default or member is None:
                continue
            if any(k in plugin.node for k in option.fallback_keys):
                continue
            span, value = member.key_span, member.value.span
            if span is None or value is None or not literal(span, job):
                continue
            start = text.rfind("\n", 0, span.start) + 1
            end = text.find("\n", value.end)
            if text[start : span.start].strip() or text[value.end : end].strip(" ,\t\r"):
                continue  # not alone on its lines
            # ST312 (a warning) for plugins 2.3.8 checks with their own prepare(), not the rule
            codes = frozenset({"ST302", "ST312"})
            yield Mutation(start, end + 1, "", codes, at=name.key_span.start)
            return


def out_of_enum(job: Job) -> Iterator[Mutation]:
    for plugin, spec in _known_plugins(job):
        for key, member in plugin.node.members.items():
            option = spec.option(key)
            value = member.value
            if (
                option is not None
                and option.type == "enum"
                and isinstance(value, Scalar)
                and isinstance(value.value, str)
                and literal(value.span, job)
                and value.span is not None
            ):
                # ST312 (a warning) where 2.3.8 runs the plugin's own prepare(), not the rule
                codes = frozenset({"ST307", "ST312"})
                yield Mutation(value.span.start, value.span.end, '"not_a_value"', codes)
                return


def misspelled_plugin(job: Job) -> Iterator[Mutation]:
    for plugin, _ in _known_plugins(job):
        member = plugin.name_member
        if member is None or plugin.name is None:
            continue
        span = member.key_span if member.implicit else member.value.span
        if span is None or not literal(span, job) or job.source_file is None:
            continue
        written = job.source_file.text[span.start : span.end]
        if written not in (plugin.name, f'"{plugin.name}"'):
            continue
        typo = plugin.name[:-1] + "q"
        if canonical_name(plugin.kind, typo, version=VERSION) is None:
            yield Mutation(span.start, span.end, f'"{typo}"', frozenset({"ST306"}))
            return


FAULTS: dict[str, Callable[[Job], Iterator[Mutation]]] = {
    "dangling-input": dangling_input,
    "duplicate-output": duplicate_output,
    "bad-job-mode": bad_job_mode,
    "cookbook-restore-keys": cookbook_restore,
    "misspelled-option-key": misspelled_option,
    "removed-required-option": removed_required,
    "out-of-enum-value": out_of_enum,
    "misspelled-plugin-name": misspelled_plugin,
}
"""The faults the rules claim to catch, one injected at a time."""


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
