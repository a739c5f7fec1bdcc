"""`stconfig.diff` over the conformance corpus: no false changes, and seeded edits found once."""

from __future__ import annotations

from pathlib import Path

import pytest

import stconfig
from stconfig.emit import emit_hocon, emit_json
from stconfig.format import format_text
from stconfig.model.job import Job
from stconfig.model.values import Scalar
from stconfig.source import SourceFile
from tests.corpus.test_conformance import corpus_cases


@pytest.fixture(scope="module")
def jobs(conformance_dir: Path) -> list[tuple[Path, Job]]:
    """Every corpus job, read once for the module."""
    return [(conf, stconfig.load(conf, environ={})) for conf, _ in corpus_cases(conformance_dir)]


def test_round_trips_and_reformatted_copies_are_the_same_job(jobs: list[tuple[Path, Job]]) -> None:
    failures = []
    for conf, job in jobs:
        through_json = stconfig.loads(emit_json(job), fmt="json", environ={})
        round_trip = stconfig.loads(emit_hocon(through_json), environ={})
        text = conf.read_text(encoding="utf-8")
        reformatted = stconfig.loads(
            format_text(text, path=str(conf), indent=4, separator=":", key_quotes="always"),
            path=str(conf),
            environ={},
        )
        for what, other in (("round trip", round_trip), ("reformatted", reformatted)):
            result = stconfig.diff(job, other)
            if not result.same:
                failures.append(f"{conf} ({what}): {[c.message for c in result.changes]}")
    assert not failures, "\n".join(failures[:20])


def first_scalar_option(job: Job) -> tuple[int, str] | None:
    """The first plugin (by position in job.plugins) and key holding a number or string."""
    for index, plugin in enumerate(job.plugins):
        for key, member in plugin.node.members.items():
            if key == "plugin_name" or key.endswith(("_output", "_input", "_table_name")):
                continue
            value = member.value
            if (
                isinstance(value, Scalar)
                and isinstance(value.value, int | str)
                and not isinstance(value.value, bool)
            ):
                return index, key
    return None


def test_a_changed_value_in_any_corpus_job_is_one_change_at_its_line(
    jobs: list[tuple[Path, Job]],
) -> None:
    """Edit the emitted HOCON text of each job in one value; the diff names it at its line."""
    checked = 0
    failures = []
    for conf, job in jobs:
        found = first_scalar_option(job)
        if found is None:
            continue
        index, key = found
        old_text = emit_hocon(job)
        old = stconfig.loads(old_text, path="old.conf", environ={})
        member = old.plugins[index].node.member(key)
        assert member is not None and member.value.span is not None
        span = member.value.span
        value = member.value
        assert isinstance(value, Scalar)
        replacement = '"changed-by-test"' if value.value != "changed-by-test" else '"x"'
        new_text = old_text[: span.start] + replacement + old_text[span.end :]
        new = stconfig.loads(new_text, path="new.conf", environ={})
        result = stconfig.diff(old, new)
        line = SourceFile("old.conf", old_text).line_col(span.start)[0]
        changes = [
            (c.section, c.key, c.old_at and c.old_at.line, c.new_at and c.new_at.line)
            for c in result.changes
        ]
        if changes != [("option", (key,), line, line)]:
            failures.append(f"{conf}: {changes} (expected {key!r} at line {line})")
        checked += 1
    assert checked >= 600
    assert not failures, "\n".join(failures[:20])


def test_swapping_two_sinks_in_any_corpus_job_is_one_move(jobs: list[tuple[Path, Job]]) -> None:
    checked = 0
    failures = []
    for conf, job in jobs:
        sinks = job.root.get("sink")
        if len(job.sinks) < 2 or sinks is None:
            continue
        first, second = job.sinks[0], job.sinks[1]
        if first.node == second.node:
            continue
        swapped = stconfig.loads(emit_hocon(job), environ={})
        items = swapped.root.get("sink").items  # type: ignore[union-attr]
        items[first.index], items[second.index] = items[second.index], items[first.index]
        result = stconfig.diff(job, swapped)
        moves = [c for c in result.changes if c.action == "moved"]
        if len(result.changes) != 1 or len(moves) != 1:
            failures.append(f"{conf}: {[c.message for c in result.changes]}")
        checked += 1
    assert checked > 10
    assert not failures, "\n".join(failures[:20])


def test_any_two_corpus_jobs_compare_alike_both_ways(jobs: list[tuple[Path, Job]]) -> None:
    """Neighbouring corpus jobs (unrelated jobs): every renderer works, and B against A lists
    as many changes as A against B, additions becoming removals."""
    from stconfig.jobdiff.render import RENDERERS

    failures = []
    loaded = [job for _, job in jobs]
    for (conf, a), b in zip(jobs, loaded[1:] + loaded[:1], strict=True):
        forward, backward = stconfig.diff(a, b), stconfig.diff(b, a)
        for render in RENDERERS.values():
            assert render(forward)
        added = sum(1 for change in forward.changes if change.action == "added")
        removed = sum(1 for change in backward.changes if change.action == "removed")
        if len(forward.changes) != len(backward.changes) or added != removed:
            failures.append(str(conf))
    assert not failures, "\n".join(failures[:20])
