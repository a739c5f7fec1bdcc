"""The feature functions in-process: robustness on every corpus file, every prefix of one,
random edits, and the pieces the stdio tests do not reach."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types as lsp

from stconfig.lint.settings import LintSettings
from stconfig.lsp import actions, completion, hover, navigation, symbols
from stconfig.lsp.cursor import cursor_at
from stconfig.lsp.diagnostics import lint_text, to_lsp
from stconfig.lsp.positions import LineIndex
from stconfig.lsp.scan import scan, tolerant_tokens
from stconfig.lsp.server import create_server
from stconfig.lsp.settings import ClientSettings, ProjectSettings, concerns_us, parse_client
from tests.lsp.conftest import cursor

SETTINGS = LintSettings()


def exercise(text: str, offsets: list[int], *, lint: bool = False) -> None:
    """Every feature at each offset; any exception fails the test."""
    scanned = scan(text)
    index = LineIndex(text)
    symbols.document_symbols(scanned, index)
    for offset in offsets:
        completion.complete(scanned, index, offset, SETTINGS)
        hover.hover(scanned, index, offset, SETTINGS)
        found = navigation.symbol_at(scanned, offset)
        if found is not None:
            navigation.definitions(scanned, found)
            navigation.references(scanned, found, declaration=True)
            with contextlib.suppress(navigation.RenameError):
                navigation.rename_edits(scanned, found, "renamed")
    if lint:
        findings = lint_text("job.conf", text, SETTINGS)
        published = to_lsp(findings, "job.conf", "file:///job.conf", index, None)
        whole = index.range(0, len(text))
        actions.fix_actions(findings, "job.conf", "file:///job.conf", index, whole)
        actions.ignore_actions(scanned, index, "file:///job.conf", published, json=False)


def corpus_files(folder: Path) -> list[Path]:
    return sorted((folder / "seatunnel-2.3.8" / "cases").rglob("*.conf"))


def test_every_corpus_file(conformance_dir: Path) -> None:
    files = corpus_files(conformance_dir)
    assert len(files) > 600
    for path in files:
        text = path.read_text(encoding="utf-8")
        step = max(1, len(text) // 40)
        exercise(text, list(range(0, len(text) + 1, step)), lint=True)


def test_every_prefix_of_a_corpus_file(corpus_job: str) -> None:
    for end in range(len(corpus_job) + 1):
        prefix = corpus_job[:end]
        exercise(prefix, [end, end // 2], lint=end % 25 == 0)


EDIT_ALPHABET = st.sampled_from(list('{}[]"=:,$#/\n \\+?.abc${"""'))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_edits(corpus_job: str, data: st.DataObject) -> None:
    text = corpus_job
    for _ in range(data.draw(st.integers(1, 6))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 8)))
        inserted = "".join(data.draw(st.lists(EDIT_ALPHABET, max_size=6)))
        text = text[:start] + inserted + text[end:]
    offset = data.draw(st.integers(0, len(text)))
    exercise(text, [offset, len(text)], lint=True)


def test_tokens_cover_the_text_and_never_raise() -> None:
    text = 'a = "open\nb = ${x\nc = """never closed\n+ ! @ ` ^\n'
    tokens = tolerant_tokens(text)
    assert tokens[-1].kind.name == "EOF"
    starts = [t.start for t in tokens]
    assert starts == sorted(starts)
    assert not tokens[3].closed if tokens[3].kind.name == "QUOTED" else True
    assert any(t.kind.name == "SUBSTITUTION" and not t.closed for t in tokens)


def test_unclosed_blocks_keep_the_cursor_inside() -> None:
    text, offset = cursor("source {\n  FakeSource {\n    row.num = 1\n    |")
    context = cursor_at(scan(text), offset)
    assert context.where == "plugin-key"
    assert context.plugin is not None and context.plugin.name == "FakeSource"


def test_json_job_plugins_and_tables() -> None:
    text = (
        '{"source": [{"plugin_name": "FakeSource", "plugin_output": "t"}],\n'
        ' "sink": [{"plugin_name": "Console", "plugin_input": ["t"]}]}'
    )
    scanned = scan(text)
    assert [p.label for p in scanned.plugins] == ["source[0] FakeSource", "sink[0] Console"]
    assert [(r.name, r.role) for r in scanned.tables] == [("t", "output"), ("t", "input")]
    text2, offset = cursor('{"source": [{"plugin_name": "FakeSource", "row.n|"}]}')
    items = completion.complete(scan(text2), LineIndex(text2), offset, SETTINGS).items
    assert "row.num" in [item.label for item in items]


def test_comma_joined_inputs_are_two_tables() -> None:
    text = 'source { A { result_table_name = "x" }, B { result_table_name = "y" } }\n'
    text += 'sink { Console { source_table_name = "x, y" } }'
    found = [(r.name, text[r.start : r.end]) for r in scan(text).tables if r.role == "input"]
    assert found == [("x", "x"), ("y", "y")]


def test_positions_count_utf16_units() -> None:
    text = 'a = "\U0001f600é"\nb = 1'
    index = LineIndex(text)
    end_of_string = text.index('"', 5) + 1
    assert index.position(end_of_string) == lsp.Position(0, 9)
    assert index.offset(lsp.Position(0, 9)) == end_of_string
    assert index.offset(lsp.Position(5, 0)) == len(text)


def test_ignore_action_joins_an_existing_comment() -> None:
    text = 'env { job.mode = "batch" }  # stconfig: ignore[ST101]\n'
    scanned, index = scan(text), LineIndex(text)
    finding = lsp.Diagnostic(
        range=index.range(17, 24), message="m", code="ST103", source="stconfig"
    )
    (action,) = actions.ignore_actions(scanned, index, "file:///a.conf", [finding], json=False)
    assert action.edit is not None and action.edit.changes is not None
    assert action.edit.changes["file:///a.conf"][0].new_text == "ST101, ST103"
    assert actions.ignore_actions(scanned, index, "file:///a.json", [finding], json=True) == []


def test_ignore_action_inside_a_multiline_string_goes_above() -> None:
    text = 'source { Jdbc { query = """select\n  1""" } }\n'
    scanned, index = scan(text), LineIndex(text)
    finding = lsp.Diagnostic(
        range=index.range(24, 30), message="m", code="ST301", source="stconfig"
    )
    (action,) = actions.ignore_actions(scanned, index, "file:///a.conf", [finding], json=False)
    assert action.edit is not None and action.edit.changes is not None
    edit = action.edit.changes["file:///a.conf"][0]
    assert edit.range.start == lsp.Position(0, 0)
    assert edit.new_text == "# stconfig: ignore[ST301]\n"


def test_client_settings_are_checked() -> None:
    chosen, problems = parse_client(
        {"stconfig": {"target-version": "9.9", "select": ["ST3", "XX9"], "debounce": -1}}
    )
    assert chosen == ClientSettings(select=("ST3",))
    assert len(problems) == 3
    chosen, problems = parse_client({"rules-url": "rules.md"})
    assert chosen.rules_url is None and "rules-url" in problems[0]
    chosen, problems = parse_client({"targetVersion": "2.3.9", "variables": {"a": 1}})
    assert chosen.target_version == "2.3.9" and chosen.variables == {"a": "1"} and not problems


def test_client_settings_override_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.stconfig]\ntarget-version = "2.3.8"\nignore = ["ST2"]\nvariables = {a = "1"}\n'
    )
    project = ProjectSettings()
    job = str(tmp_path / "job.conf")
    merged = project.lint_settings(
        job, ClientSettings(target_version="2.3.9", ignore=("ST3",), variables={"b": "2"})
    )
    assert merged.target_version == "2.3.9" and merged.version_chosen
    assert merged.ignore == ("ST2", "ST3")
    assert dict(merged.variables) == {"a": "1", "b": "2"}
    (tmp_path / "pyproject.toml").write_text("[tool.stconfig]\nselect = 3\n")
    assert project.lint_settings(job, ClientSettings()).ignore == ("ST2",)  # cached
    project.forget()
    assert project.lint_settings(job, ClientSettings()).select == ()
    assert project.problems and "select" in project.problems[0]


def test_formatting_is_offered() -> None:
    assert lsp.TEXT_DOCUMENT_FORMATTING in create_server().protocol.fm.features


PATHOLOGICAL = [
    "x { " * 3000,
    "a = [" * 3000 + "]" * 10,
    "a = [{" * 1500,
    "!" * 20000,
    "${" * 3000,
    'a = """x""" !\n' * 500,
    '"' * 1001,
    "a! " * 3000,
    "\x00\ufeff\r\n\t" * 100,
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_pathological_text(text: str) -> None:
    exercise(text, [0, len(text) // 2, len(text)], lint=True)


def test_deep_nesting_is_stepped_over_not_recursed() -> None:
    text = "x { " * 3000 + "}" * 3000 + "\nsource { FakeSource { plugin_output = t } }"
    scanned = scan(text)
    assert [p.name for p in scanned.plugins] == ["FakeSource"]


def test_configuration_messages_for_others_are_ignored() -> None:
    assert not concerns_us(None)
    assert not concerns_us({})
    assert not concerns_us({"pylsp": {"plugins": {}}})
    assert concerns_us({"stconfig": {}})
    assert concerns_us({"select": ["ST1"]})


def test_rename_refuses_a_name_already_produced() -> None:
    text = (
        'source { A { plugin_output = "a" }, B { plugin_output = "b" } }\n'
        'sink { C { plugin_input = "a" } }'
    )
    scanned = scan(text)
    found = navigation.symbol_at(scanned, text.index('"a"') + 1)
    assert found is not None
    with pytest.raises(navigation.RenameError, match=r"already the table of source\[1\] B"):
        navigation.rename_edits(scanned, found, "b")
    edits = navigation.rename_edits(scanned, found, "c")
    assert [text[start:end] for start, end, _ in edits] == ["a", "a"]
    assert navigation.rename_edits(scanned, found, "a") == []
