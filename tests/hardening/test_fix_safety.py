"""`--fix` never changes what the job means: every fix written is exactly its intended change.

The checks here read the fixed text with `stconfig.loads` and apply each fix's declared change
to the original reading with their own small code, so they do not trust the checker they test.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

import stconfig
from stconfig.lint.diagnostic import Change, Diagnostic, RenameKey
from stconfig.lint.engine import job_reading, lint_path, lint_source
from stconfig.lint.fix import edited_texts, plan_fixes
from stconfig.lint.settings import LintSettings
from stconfig.model.values import PlainValue
from stconfig.source import SourceFile
from tests.conftest import run_cli

VERSIONS = ("2.3.8", "2.3.9", "2.3.12")


def reading(text: str, path: str) -> dict[str, PlainValue]:
    return stconfig.loads(text, path=path, environ={}, unresolved="keep").to_dict()


def with_changes(data: dict[str, PlainValue], changes: list[Change]) -> dict[str, PlainValue]:
    """The reading with the declared changes made, written independently of the checker."""
    result = copy.deepcopy(data)
    for change in changes:
        path = change.at if isinstance(change, RenameKey) else change.at[:-1]
        node: PlainValue = result
        for step in path:
            node = node[step]  # type: ignore[index]
        if isinstance(change, RenameKey):
            assert isinstance(node, dict) and change.new not in node
            node[change.new] = node.pop(change.old)
        else:
            node[change.at[-1]] = change.value  # type: ignore[index]
    return result


def assert_fixes_exact(path: str, text: str, found: list[Diagnostic]) -> tuple[int, int]:
    """Each offered fix alone, and the fixes planned together, change exactly what they say.

    Returns (fixes planned together, fixes refused with a reason).
    """
    try:
        before = reading(text, path)
    except stconfig.StconfigError:
        assert all(d.fix is None for d in found)
        return 0, sum(bool(d.help and "fix not applied:" in d.help) for d in found)
    for diagnostic in found:
        if diagnostic.fix is None:
            continue
        assert diagnostic.fix.checked is not None, diagnostic
        alone = edited_texts(diagnostic.fix.edits)
        if list(alone) != [str(Path(path).resolve())]:
            continue  # edits an included file; the combined check below reads it
        after = reading(next(iter(alone.values())), path)
        assert after == with_changes(before, list(diagnostic.fix.changes)), diagnostic
    plan = plan_fixes(found)
    own = plan.texts.get(path)
    if own is not None:
        changes = [change for d in plan.applied if d.fix for change in d.fix.changes]
        assert reading(own[1], path) == with_changes(before, changes)
    refused = sum(bool(d.help and "fix not applied:" in d.help) for d in found)
    return len(plan.applied), refused


def lint_text(
    tmp_path: Path, text: str, version: str = "2.3.9", name: str = "job.conf"
) -> tuple[str, list[Diagnostic]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    found = lint_path(str(path), LintSettings(target_version=version, environ={}))
    return str(path), found


def only(found: list[Diagnostic], code: str) -> Diagnostic:
    [diagnostic] = [d for d in found if d.code == code]
    return diagnostic


SHARED_MODE = (
    "mode = batch\n"
    "env { job.mode = ${mode} }\n"
    'source { FakeSource { plugin_output = "t" } }\n'
    'sink { LocalFile { plugin_input = "t", path = "/data/"${mode} } }\n'
)


def test_a_shared_variable_definition_is_not_rewritten(tmp_path: Path) -> None:
    _, found = lint_text(tmp_path, SHARED_MODE)
    finding = only(found, "ST103")
    assert finding.fix is None
    assert finding.help is not None
    assert "fix not applied: it would also change mode, sink[0].path" in finding.help
    assert plan_fixes(found).texts == {}


def test_the_cli_leaves_a_shared_definition_alone(tmp_path: Path) -> None:
    path = tmp_path / "job.conf"
    path.write_text(SHARED_MODE, encoding="utf-8")
    result = run_cli("lint", "--fix", "--select", "ST103", str(path))
    assert path.read_text(encoding="utf-8") == SHARED_MODE
    assert "fix not applied: it would also change" in result.output
    diff = run_cli("lint", "--diff", "--select", "ST103", str(path))
    assert diff.output == ""


def test_a_comma_joined_variable_used_in_a_string_is_not_rewritten(tmp_path: Path) -> None:
    text = (
        'tables = "a,b"\n'
        'env { job.mode = "BATCH" }\n'
        'source { FakeSource { plugin_output = "a" }\n FakeSource { plugin_output = "b" } }\n'
        "sink { Console { plugin_input = ${tables} }\n"
        ' LocalFile { plugin_input = "a", path = "/x/"${tables} } }\n'
    )
    _, found = lint_text(tmp_path, text)
    finding = only(found, "ST208")
    assert finding.fix is None
    assert finding.help is not None and "fix not applied: the fixed job would not load" in (
        finding.help
    )


def test_a_comma_joined_variable_used_once_is_still_refused_when_the_variable_is_read(
    tmp_path: Path,
) -> None:
    # The top-level `tables` key is part of what SeaTunnel reads, so rewriting it changes it.
    text = (
        'tables = "a,b"\nenv { job.mode = "BATCH" }\n'
        'source { FakeSource { plugin_output = "a" }\n FakeSource { plugin_output = "b" } }\n'
        "sink { Console { plugin_input = ${tables} } }\n"
    )
    _, found = lint_text(tmp_path, text)
    finding = only(found, "ST208")
    assert finding.fix is None and "it would also change tables" in (finding.help or "")


def test_a_literal_value_is_still_fixed(tmp_path: Path) -> None:
    text = 'env { job.mode = "batch" }\nsource { FakeSource {} }\nsink { Console {} }\n'
    path, found = lint_text(tmp_path, text)
    assert only(found, "ST103").fix is not None
    assert assert_fixes_exact(path, text, found) == (1, 0)
    assert plan_fixes(found).texts[path][1].startswith('env { job.mode = "BATCH" }')


def test_the_whitespace_key_fix_does_not_land_on_an_existing_key(tmp_path: Path) -> None:
    text = (
        'env { job.mode = "BATCH" }\n'
        'source { FakeSource { plugin_output = "t", row.num = 7, " row.num" = 5 } }\n'
        'sink { Console { plugin_input = "t" } }\n'
    )
    _, found = lint_text(tmp_path, text)
    finding = only(found, "ST908")
    assert finding.fix is None
    assert "fix not applied: source[0] already has 'row.num'" in (finding.help or "")


def test_two_whitespace_keys_trimmed_to_one_name_are_not_both_fixed(tmp_path: Path) -> None:
    text = (
        'env { job.mode = "BATCH" }\n'
        'source { FakeSource { "a " = 1, " a" = 2 } }\nsink { Console {} }\n'
    )
    path, found = lint_text(tmp_path, text)
    assert [d.fix is not None for d in found if d.code == "ST908"] == [True, True]
    plan = plan_fixes(found)
    assert len(plan.applied) == 1
    assert reading(plan.texts[path][1], path)["source"] == [
        {"plugin_name": "FakeSource", "a": 1, " a": 2}
    ]


def test_a_whitespace_key_in_a_shared_object_is_renamed_everywhere_it_lands(
    tmp_path: Path,
) -> None:
    text = (
        'common { " fetch" = 5 }\nenv { job.mode = "BATCH" }\n'
        "source { Jdbc = ${common} }\nsink { Console = ${common} }\n"
    )
    path, found = lint_text(tmp_path, text)
    finding = only(found, "ST908")
    assert finding.fix is not None
    assert {change.at for change in finding.fix.changes} == {
        ("common",),
        ("source", 0),
        ("sink", 0),
    }
    assert assert_fixes_exact(path, text, found)[0] == 1


def test_a_fix_in_an_included_file_is_checked_against_the_including_job(tmp_path: Path) -> None:
    (tmp_path / "env.conf").write_text("mode = batch\nenv { job.mode = ${mode} }\n")
    text = (
        'include "env.conf"\nsource { FakeSource { plugin_output = "t" } }\n'
        'sink { LocalFile { plugin_input = "t", path = "/d/"${mode} } }\n'
    )
    _, found = lint_text(tmp_path, text)
    finding = only(found, "ST103")
    assert finding.fix is None and "sink[0].path" in (finding.help or "")


def test_a_fix_in_a_job_that_does_not_load_is_not_offered(tmp_path: Path) -> None:
    text = 'include required("gone.conf")\nenv { " parallelism" = 1 }\n'
    _, found = lint_text(tmp_path, text)
    finding = only(found, "ST908")
    assert finding.fix is None
    assert "fix not applied: the job does not load" in (finding.help or "")


@pytest.mark.parametrize("version", VERSIONS)
def test_every_fix_on_the_corpus_changes_exactly_its_intent(
    conformance_dir: Path, version: str
) -> None:
    lint_settings = LintSettings(target_version=version, environ={})
    cases = sorted((conformance_dir / "seatunnel-2.3.8" / "cases").rglob("*.conf"))
    applied = refused = 0
    for case in cases:
        found = lint_path(str(case), lint_settings)
        text = case.read_text(encoding="utf-8")
        done, declined = assert_fixes_exact(str(case), text, found)
        applied += done
        refused += declined
    print(f"\n{version}: {len(cases)} jobs, {applied} fixes applied, {refused} refused")
    assert applied > 100  # the corpus does exercise the fixes


# Generated jobs where variables are shared between the values fixes touch and other values.
words = st.sampled_from(["batch", "Batch", "STREAMING", "a,b", "t", "x, y", "BATCH"])
keys = st.sampled_from(
    ["result_table_name", "source_table_name", "plugin_output", " row.num", "row.num", "row.num "]
)


@st.composite
def shared_variable_jobs(draw: st.DrawFn) -> str:
    names = [f"v{i}" for i in range(draw(st.integers(1, 3)))]
    lines = [f"{name} = {json.dumps(draw(words))}" for name in names]

    def value() -> str:
        choice = draw(st.integers(0, 2))
        if choice == 0:
            return json.dumps(draw(words))
        if choice == 1:
            return "${" + draw(st.sampled_from(names)) + "}"
        return json.dumps("/p/") + "${" + draw(st.sampled_from(names)) + "}"

    env = [f"job.mode = {value()}"]
    if draw(st.booleans()):
        env.append(f"execution.parallelism = {value()}")
    lines.append("env { " + ", ".join(env) + " }")
    for section in ("source", "sink"):
        plugins = []
        for _ in range(draw(st.integers(1, 2))):
            options = [
                f"{json.dumps(draw(keys))} = {value()}" for _ in range(draw(st.integers(0, 3)))
            ]
            plugins.append("Console { " + ", ".join(options) + " }")
        lines.append(section + " {\n  " + "\n  ".join(plugins) + "\n}")
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shared_variable_jobs(), st.sampled_from(VERSIONS))
def test_fixes_on_jobs_with_shared_variables_change_exactly_their_intent(
    text: str, version: str
) -> None:
    note(text)
    path = str(Path("/nonexistent-fix-check/job.conf"))
    found = lint_source(SourceFile(path, text), LintSettings(target_version=version, environ={}))
    assert_fixes_exact(path, text, found)


def test_a_whitespace_key_written_twice_is_not_fixed_at_the_overridden_one(
    tmp_path: Path,
) -> None:
    # Found by the generator: each fix alone changes the reading; both together would not,
    # so fixes are checked one by one.
    text = (
        'env { job.mode = "BATCH" }\n'
        'source { FakeSource { " row.num" = 1, " row.num" = 2 } }\nsink { Console {} }\n'
    )
    path, found = lint_text(tmp_path, text)
    first, second = (d for d in found if d.code == "ST908")
    assert first.fix is None
    assert "it would also change source[0].row.num" in (first.help or "")
    assert second.fix is None  # renaming the one SeaTunnel reads uncovers the other
    assert "it would also change source[0].' row.num'" in (second.help or "")
    assert assert_fixes_exact(path, text, found) == (0, 2)


def test_a_shared_include_is_not_fixed_when_another_linted_job_would_change(
    tmp_path: Path,
) -> None:
    common = tmp_path / "common.conf"
    common.write_text('env { job.mode = "batch" }\n', encoding="utf-8")
    plain = tmp_path / "a.conf"
    plain.write_text(
        'include "common.conf"\nsource { FakeSource {} }\nsink { Console {} }\n', encoding="utf-8"
    )
    reuses = tmp_path / "b.conf"
    reuses.write_text(  # reads the same text as an option of its sink
        'env { job.mode = "BATCH" }\nsource { FakeSource {} }\n'
        'sink { LocalFile { include "common.conf" } }\n',
        encoding="utf-8",
    )
    lint_settings = LintSettings(target_version="2.3.9", environ={})
    alone = lint_path(str(plain), lint_settings)
    assert plan_fixes(alone).texts  # for a.conf alone the fix is exact
    both = alone + lint_path(str(reuses), lint_settings)
    other = job_reading(str(reuses), lint_settings)
    assert other is not None
    assert plan_fixes(both, [other]).texts == {}  # but b.conf reads it into its sink
    run_cli("lint", "--fix", "--select", "ST103", str(plain), str(reuses))
    assert common.read_text(encoding="utf-8") == 'env { job.mode = "batch" }\n'


def test_fixes_deferred_in_one_pass_are_made_in_the_next(tmp_path: Path) -> None:
    # ST401 renames the key whose value ST208 rewrites: the second fix waits one pass.
    path = tmp_path / "job.conf"
    path.write_text(
        'env { job.mode = "BATCH" }\n'
        'source { FakeSource { plugin_output = "a" }\nFakeSource { plugin_output = "b" } }\n'
        'sink { Console { source_table_name = "a,b" } }\n',
        encoding="utf-8",
    )
    result = run_cli(
        "lint", "--fix", "--select", "ST401,ST208", "--target-version", "2.3.9", str(path)
    )
    assert result.exit_code == 0, result.output
    assert 'Console { plugin_input = ["a", "b"] }' in path.read_text(encoding="utf-8")


def test_a_job_linted_in_memory_offers_no_unchecked_fix(tmp_path: Path) -> None:
    path = tmp_path / "job.conf"
    path.write_text('env { job.mode = "batch" }\nsource { A {} }\nsink { B {} }\n')
    finding = only(stconfig.lint(stconfig.load(path), select=["ST103"]), "ST103")
    assert finding.fix is None
    assert "fix not applied: a job linted in memory cannot be checked" in (finding.help or "")
    assert only(stconfig.lint(path, select=["ST103"]), "ST103").fix is not None
