"""Fixes checked block by block must be judged exactly as the whole-job check judges them.

`check_fixes` and `plan_fixes` read only the blocks a fix edits when the job allows it (no
`+=`, no include, no substitution of a top-level key). These tests hold that check against
the whole-job one, `refuse_unless_exact`: same verdict, same reason, on hand-made cases and
on generated edits, including edits that break out of their block.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, given, note, settings
from hypothesis import strategies as st

import stconfig
from stconfig import limits
from stconfig.lint.diagnostic import Change, Diagnostic, Edit, Fix, RenameKey, SetValue, Severity
from stconfig.lint.engine import lint_source
from stconfig.lint.fix import (
    FixRefused,
    JobReading,
    _Blocks,
    check_fixes,
    plan_fixes,
    refuse_unless_exact,
    resolved,
)
from stconfig.lint.settings import LintSettings
from stconfig.source import SourceFile

PATH = str(Path("/nonexistent-block-check/job.conf"))
ENVIRON = {"DB_PASSWORD": "secret", "HOST": "db.example"}


def job_reading(text: str, path: str = PATH) -> JobReading:
    """The reading the linter makes of `text` (as `engine._reading` does)."""
    job = stconfig.loads(
        text,
        fmt="json" if path.endswith(".json") else "hocon",
        path=path,
        environ=ENVIRON,
        unresolved="keep",
    )
    source = job.documents[0].source
    syntax = "json" if path.endswith(".json") else "hocon"
    return JobReading(
        source, syntax, {}, ENVIRON, job.to_dict(), frozenset({resolved(path)}), job.documents[0]
    )


def judged(
    reading: JobReading, edits: tuple[Edit, ...], changes: tuple[Change, ...]
) -> tuple[str, str, bool]:
    """(block-wise verdict, whole-job verdict, whether the blocks alone decided)."""
    decided = True
    try:
        if _Blocks(reading).check(edits, changes) is None:
            decided = False
            refuse_unless_exact(reading, edits, changes)
        local = "exact"
    except FixRefused as refusal:
        local = str(refusal)
    try:
        refuse_unless_exact(reading, edits, changes)
        whole = "exact"
    except FixRefused as refusal:
        whole = str(refusal)
    return local, whole, decided


JOB = (
    'env {\n  job.mode = "BATCH"\n  parallelism = 2\n}\n'
    "source {\n"
    '  FakeSource {\n    plugin_output = "a"\n    row.num = 5\n    old = 1\n    new = 2\n  }\n'
    '  Jdbc {\n    url = "jdbc:mysql://"${HOST}\n    password = ${DB_PASSWORD}\n  }\n'
    "}\n"
    'sink {\n  Console { plugin_input = "a" }\n}\n'
)


def edit_of(reading: JobReading, old: str, new: str, occurrence: int = 0) -> Edit:
    start = -1
    for _ in range(occurrence + 1):
        start = reading.source.text.index(old, start + 1)
    return Edit(reading.source, start, start + len(old), new)


def test_the_example_job_is_cut_into_blocks() -> None:
    blocks = _Blocks(job_reading(JOB))
    assert [block.path for block in blocks.blocks] == [
        ("env",),
        ("source", 0),
        ("source", 1),
        ("sink", 0),
    ]
    assert not blocks.whole


def test_a_key_renamed_onto_an_existing_key_in_its_block_is_refused_as_by_the_whole_check() -> None:
    reading = job_reading(JOB)
    edit = edit_of(reading, "new = 2", "old = 2")
    # Declared as the rename it is: the expectation itself is impossible.
    declared = (RenameKey(("source", 0), "new", "old"),)
    local, whole, _ = judged(reading, (edit,), declared)
    assert local == whole
    assert "already has 'old'" in local
    # Declared as nothing: the reading shows the overwritten value and the lost key.
    local, whole, decided = judged(reading, (edit,), ())
    assert local == whole == "it would also change source[0].old, source[0].new"
    assert decided


def test_an_exact_rename_is_accepted_without_reading_the_whole_job(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reading = job_reading(JOB)

    def whole_read(*_: object) -> None:
        raise AssertionError("the whole job was read again")

    monkeypatch.setattr(JobReading, "read", whole_read)
    edit = edit_of(reading, "old = 1", "older = 1")
    blocks = _Blocks(reading)
    assert blocks.check((edit,), (RenameKey(("source", 0), "old", "older"),)) is not None
    with pytest.raises(FixRefused, match=r"it would not set source\[0\]\.new as intended"):
        blocks.check(
            (edit_of(reading, "new = 2", "new = 3"),), (SetValue(("source", 0, "new"), 4),)
        )


def test_a_block_that_holds_an_environment_substitution_is_checked_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reading = job_reading(JOB)
    monkeypatch.setattr(JobReading, "read", None)
    edit = edit_of(reading, "password", "passwd")
    found = _Blocks(reading).check((edit,), (RenameKey(("source", 1), "password", "passwd"),))
    assert found is not None


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        # Closing the block early makes the rest of it top-level keys.
        ("old = 1", "old = 1 }\n  Extra {", "would also change"),
        # A substitution of a top-level key reads another block.
        ("old = 1", "old = ${env->parallelism}", "would also change source[0].old"),
        # An include brings in what the block alone cannot see.
        ("old = 1", 'include "other.conf"\n    old = 1', "exact"),
        # Not a block any more: the fixed job does not load.
        ("old = 1", "old = [", "would not load"),
        # A comment swallowing the closing brace.
        ("new = 2\n  }", "new = 2 # }", "would not load"),
    ],
)
def test_edits_the_blocks_cannot_vouch_for_go_to_the_whole_check(
    old: str, new: str, reason: str
) -> None:
    reading = job_reading(JOB)
    edit = edit_of(reading, old, new)
    assert _Blocks(reading).check((edit,), ()) is None
    local, whole, _ = judged(reading, (edit,), ())
    assert local == whole
    assert reason in whole


def test_a_job_whose_substitution_reads_a_block_checks_that_block_whole() -> None:
    text = JOB.replace("parallelism = 2", "parallelism = ${source_parallelism}") + (
        "source_parallelism = 2\n"
    )
    blocks = _Blocks(job_reading(text))
    assert ("env",) in [block.path for block in blocks.blocks]
    text = JOB + "sink_mode = ${env->job.mode}\n"
    blocks = _Blocks(job_reading(text))
    assert ("env",) not in [block.path for block in blocks.blocks]
    assert ("source", 0) in [block.path for block in blocks.blocks]


@pytest.mark.parametrize(
    "text",
    [
        JOB + "source { Other {} }\n",  # a repeated top-level key: the later one wins
        JOB.replace("row.num = 5", "row.num += 5"),
        'include "base.conf"\n' + JOB,
    ],
)
def test_jobs_whose_parts_reach_each_other_are_checked_whole(text: str) -> None:
    blocks = _Blocks(job_reading(text))
    assert blocks.whole or all(block.path[0] != "source" for block in blocks.blocks)


def test_a_fix_that_would_pass_a_limit_goes_to_the_whole_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reading = job_reading(JOB)
    monkeypatch.setattr(limits, "MAX_RESOLVED_VALUES", 22)
    edit = edit_of(reading, "old = 1", "old = 1, more = [1, 2, 3]")
    assert _Blocks(reading).check((edit,), ()) is None
    local, whole, _ = judged(reading, (edit,), ())
    assert local == whole
    assert "would not load" in whole and "more than the 22" in whole


def test_json_jobs_are_cut_into_plugin_blocks() -> None:
    path = PATH.replace(".conf", ".json")
    text = (
        '{\n  "env": {"job.mode": "BATCH"},\n  "source": [\n'
        '    {"plugin_name": "FakeSource", "old": 1, "new": 2},\n'
        '    {"plugin_name": "FakeSource", "x": 1}\n  ],\n'
        '  "sink": [\n    {"plugin_name": "Console"}\n  ]\n}\n'
    )
    reading = job_reading(text, path)
    blocks = _Blocks(reading)
    assert [block.path for block in blocks.blocks] == [
        ("env",),
        ("source", 0),
        ("source", 1),
        ("sink", 0),
    ]
    edit = edit_of(reading, '"old"', '"new"')
    local, whole, decided = judged(reading, (edit,), ())
    assert local == whole and "would not load" in whole  # JSON refuses duplicate keys
    edit = edit_of(reading, '"old"', '"older"')
    local, whole, decided = judged(reading, (edit,), (RenameKey(("source", 0), "old", "older"),))
    assert local == whole == "exact" and decided


def fix_finding(edits: tuple[Edit, ...], changes: tuple[Change, ...]) -> Diagnostic:
    fix = Fix("fix", edits, changes)
    return Diagnostic("ST000", "test", Severity.WARNING, "m", PATH, None, None, fix)


def test_two_renames_colliding_in_one_block_are_not_planned_together() -> None:
    reading = job_reading(JOB)
    first = fix_finding(
        (edit_of(reading, "old = 1", "same = 1"),), (RenameKey(("source", 0), "old", "same"),)
    )
    second = fix_finding(
        (edit_of(reading, "new = 2", "same = 2"),), (RenameKey(("source", 0), "new", "same"),)
    )
    checked = check_fixes([first, second], reading)
    assert all(d.fix is not None for d in checked)  # each alone is fine
    plan = plan_fixes(checked)
    assert len(plan.applied) == 1
    [(_, text, count)] = plan.texts.values()
    assert count == 1 and "same = 1" in text and "new = 2" in text


def test_fixes_planned_together_stay_within_the_limits_together(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each fix alone keeps the job within the value limit; two together would not: the
    block-wise plan counts what the fixes it took add, and leaves the second out."""
    reading = job_reading(JOB)
    monkeypatch.setattr(limits, "MAX_RESOLVED_VALUES", 22)  # the job has 19 values
    findings = [
        fix_finding((edit_of(reading, old, new),), (SetValue(at, [1, 2]),))
        for old, new, at in [
            ("old = 1", "old = [1, 2]", ("source", 0, "old")),
            ("parallelism = 2", "parallelism = [1, 2]", ("env", "parallelism")),
            ("new = 2", "new = [1, 2]", ("source", 0, "new")),
        ]
    ]
    checked = check_fixes(findings, reading)
    assert all(d.fix is not None for d in checked)
    plan = plan_fixes(checked)
    assert len(plan.applied) == 1
    [(_, text, _)] = plan.texts.values()
    assert "old = [1, 2]" in text
    assert stconfig.loads(text, path=PATH, environ=ENVIRON).to_dict()["source"]  # it loads


def test_many_fixes_of_one_file_are_all_checked_and_planned() -> None:
    blocks = "".join(
        f'  FakeSource {{\n    plugin_output = "t{i}"\n    row.num = {i}\n  }}\n'
        for i in range(300)
    )
    text = f'env {{ job.mode = "BATCH" }}\nsource {{\n{blocks}}}\n'
    text += 'sink {\n  Console { plugin_input = "t0" }\n}\n'
    found = lint_source(SourceFile(PATH, text), LintSettings(target_version="2.3.8", environ={}))
    renames = [d for d in found if d.code == "ST402"]
    assert len(renames) == 301
    assert all(d.fix is not None for d in renames), [d.help for d in renames if d.fix is None]
    plan = plan_fixes(found)
    [(_, fixed, count)] = plan.texts.values()
    assert count == len(plan.applied) == 301
    assert "plugin_output" not in fixed and "plugin_input" not in fixed
    reading = stconfig.loads(fixed, path=PATH).to_dict()
    assert reading["source"][299]["result_table_name"] == "t299"  # type: ignore[index,call-overload]


# -- generated edits: the block-wise verdict is always the whole-job verdict ------------------

KEYS = ["a", "b", "old", "new", "plugin_name", "row.num", '"q k"']
VALUES = ["1", '"x"', "true", "[1, 2]", "{ c = 1 }", "${HOST}", '"${DB_PASSWORD}"', "null"]
PIECES = [
    "}",
    "{",
    "]",
    "[",
    ",",
    "\n",
    " ",
    "=",
    ":",
    "#",
    "//",
    '"',
    "a",
    "b = 2",
    "${env->job.mode}",
    "${HOST}",
    "+=",
    'include "x.conf"',
    "Console {}",
    "\n}\nsink {\n",
]


@st.composite
def jobs(draw: st.DrawFn) -> str:
    def options() -> str:
        chosen = draw(st.lists(st.sampled_from(KEYS), max_size=4))
        return "\n".join(f"    {key} = {draw(st.sampled_from(VALUES))}" for key in chosen)

    plugins = []
    for name in draw(st.lists(st.sampled_from(["FakeSource", "Jdbc", "Sql"]), min_size=1)):
        plugins.append(f"  {name} {{\n{options()}\n  }}")
    sinks = draw(st.sampled_from(["  Console {}", '  Console { plugin_input = "a" }', ""]))
    return (
        'env {\n  job.mode = "BATCH"\n}\nsource {\n'
        + "\n".join(plugins)
        + f"\n}}\nsink {{\n{sinks}\n}}\n"
    )


@st.composite
def edited_jobs(draw: st.DrawFn) -> tuple[str, int, int, str, tuple[Change, ...]]:
    text = draw(jobs())
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 12)))
    content = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=3)))
    changes: list[Change] = []
    if draw(st.booleans()):
        index = draw(st.integers(0, 2))
        key = draw(st.sampled_from(["a", "b", "old", "row"]))
        if draw(st.booleans()):
            changes.append(RenameKey(("source", index), key, draw(st.sampled_from(["new", "c"]))))
        else:
            changes.append(SetValue(("source", index, key), draw(st.sampled_from([1, "x", 2]))))
    return text, start, end, content, tuple(changes)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_jobs())
def test_generated_edits_are_judged_block_by_block_as_the_whole_job_judges_them(
    case: tuple[str, int, int, str, tuple[Change, ...]],
) -> None:
    text, start, end, content, changes = case
    note(repr(text[:start]) + " <" + repr(text[start:end]) + " -> " + repr(content) + "> ")
    try:
        reading = job_reading(text)
    except stconfig.StconfigError:
        assume(False)
        raise
    edit = Edit(reading.source, start, end, content)
    local, whole, decided = judged(reading, (edit,), changes)
    event("decided by the blocks" if decided else "whole-job check")
    assert local == whole


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(jobs(), st.data())
def test_generated_fixes_planned_together_read_as_their_changes(
    text: str, data: st.DataObject
) -> None:
    reading = job_reading(text)
    findings = []
    for _ in range(data.draw(st.integers(1, 6))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 8)))
        content = data.draw(st.sampled_from(["a", "b", "old", "new", "1", '"x"', ""]))
        findings.append(fix_finding((Edit(reading.source, start, end, content),), ()))
    plan = plan_fixes(check_fixes(findings, reading))
    for _, fixed, _ in plan.texts.values():
        # Edits that change nothing in the reading (comments, spacing, equal values) only.
        assert stconfig.loads(fixed, path=PATH, environ=ENVIRON, unresolved="keep").to_dict() == (
            reading.before
        )


def test_every_block_of_every_corpus_job_reads_alone_as_in_the_job(conformance_dir: Path) -> None:
    cases = sorted((conformance_dir / "seatunnel-2.3.8" / "cases").rglob("*.conf"))
    cut = 0
    for case in cases:
        try:
            reading = job_reading(case.read_text(encoding="utf-8"), str(case))
        except stconfig.StconfigError:
            continue
        blocks = _Blocks(reading)
        for index, block in enumerate(blocks.blocks):
            text = reading.source.text[block.start : block.end]
            got = blocks._read(block, text)
            assert got is not None, (case, block.path)
            assert got[0] == blocks._before(index), (case, block.path)
        cut += not blocks.whole
    assert cut > len(cases) // 2
