"""The server over stdio with a real LSP client (pytest-lsp): what an editor sees."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.lsp.conftest import cursor

pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER = [sys.executable, "-m", "stconfig", "lsp"]


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    params = lsp.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        initialization_options={"stconfig": {"debounce": 30}},
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


async def until(
    client: LanguageClient, uri: str, check: Callable[[Sequence[lsp.Diagnostic]], bool]
) -> Sequence[lsp.Diagnostic]:
    """Wait (at most 20 s) for published diagnostics of `uri` that pass `check`."""

    async def wait() -> Sequence[lsp.Diagnostic]:
        while True:
            found = client.diagnostics.get(uri)
            if found is not None and check(found):
                return found
            await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    return await asyncio.wait_for(wait(), 20)


_counter = iter(range(1_000_000))


def open_text(client: LanguageClient, folder: Path, text: str, suffix: str = ".conf") -> str:
    path = folder / f"doc{next(_counter)}{suffix}"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "hocon", 1, text))
    )
    return uri


def position(text: str, offset: int) -> lsp.Position:
    line = text.count("\n", 0, offset)
    return lsp.Position(line, offset - (text.rfind("\n", 0, offset) + 1))


def codes(diagnostics: Sequence[lsp.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


async def test_typo_typed_and_fixed_keystroke_by_keystroke(
    client: LanguageClient, corpus_job: str, tmp_path: Path
) -> None:
    uri = open_text(client, tmp_path, corpus_job)
    initial = codes(await until(client, uri, lambda _: True))
    anchor = corpus_job.index("    row.num = 16\n")
    line = corpus_job.count("\n", 0, anchor)
    version = 1
    typed = "    split.nmu = 2\n"
    for index, char in enumerate(typed):
        version += 1
        at = lsp.Position(line, index)
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [lsp.TextDocumentContentChangePartial(lsp.Range(at, at), char)],
            )
        )
    found = await until(client, uri, lambda ds: "ST301" in codes(ds))
    typo = next(d for d in found if d.code == "ST301")
    assert typo.range.start == lsp.Position(line, 4)
    assert typo.range.end == lsp.Position(line, 13)
    assert "split.nmu" in typo.message and "split.num" in typo.message
    assert typo.severity == lsp.DiagnosticSeverity.Warning
    assert typo.source == "stconfig"
    assert typo.code_description is not None
    assert typo.code_description.href.endswith("rules.md#st301-unknown-option")
    # Fix it: delete "mu" then type "um", one key at a time.
    for _ in range(2):
        version += 1
        start, end = lsp.Position(line, 11), lsp.Position(line, 12)
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [lsp.TextDocumentContentChangePartial(lsp.Range(start, end), "")],
            )
        )
    for index, char in enumerate("um"):
        version += 1
        at = lsp.Position(line, 11 + index)
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [lsp.TextDocumentContentChangePartial(lsp.Range(at, at), char)],
            )
        )
    fixed = await until(client, uri, lambda ds: "ST301" not in codes(ds))
    assert codes(fixed) == initial


async def test_syntax_error_while_typing_still_reported(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = open_text(client, tmp_path, 'env {\n  job.mode = "BATCH\n}\n')
    found = await until(client, uri, lambda ds: bool(ds))
    assert codes(found) == ["ST001"]
    assert found[0].range.start.line == 1
    assert found[0].severity == lsp.DiagnosticSeverity.Error


async def test_duplicate_table_points_at_the_first_definition(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = (
        "env { job.mode = BATCH }\n"
        "source {\n"
        '  FakeSource { result_table_name = "t", row.num = 1, schema = { fields { a = int } } }\n'
        '  FakeSource { result_table_name = "t", row.num = 1, schema = { fields { a = int } } }\n'
        "}\n"
        'sink { Console { source_table_name = "t" } }\n'
    )
    uri = open_text(client, tmp_path, text)
    found = await until(client, uri, lambda ds: "ST205" in codes(ds))
    duplicate = next(d for d in found if d.code == "ST205")
    assert duplicate.range.start.line == 3
    assert duplicate.related_information
    [first] = duplicate.related_information
    assert first.location.uri == uri
    assert first.location.range == lsp.Range(lsp.Position(2, 35), lsp.Position(2, 38))
    assert first.message == "'t' first produced here"


async def test_duplicate_key_points_at_the_value_it_replaces(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = "env {\n  job.mode = BATCH\n  parallelism = 1\n  parallelism = 2\n}\n"
    uri = open_text(client, tmp_path, text)
    found = await until(client, uri, lambda ds: "ST501" in codes(ds))
    duplicate = next(d for d in found if d.code == "ST501")
    assert duplicate.range.start == lsp.Position(3, 2)
    assert list(duplicate.related_information or ()) == [
        lsp.DiagnosticRelatedInformation(
            lsp.Location(uri, lsp.Range(lsp.Position(2, 2), lsp.Position(2, 13))),
            "the value replaced is set here",
        )
    ]


COMPLETIONS: list[tuple[str, list[str], list[str]]] = [
    # (text with | at the cursor, labels expected, labels not expected)
    ("|", ["env", "source", "transform", "sink"], []),
    ("en|", ["env"], ["sink"]),
    ("env { job.mode = BATCH }\nso|", ["source"], ["env"]),
    ("env {\n  |\n}", ["job.mode", "parallelism", "checkpoint.interval"], []),
    ("env {\n  job.mode = BATCH\n  |\n}", ["parallelism"], ["job.mode"]),
    ("env {\n  checkp|", ["checkpoint.interval", "checkpoint.timeout"], ["job.mode"]),
    ("env {\n  job.mode = |\n}", ["BATCH", "STREAMING"], []),
    ('env {\n  job.mode = "STR|', ["STREAMING"], ["BATCH"]),
    ("source {\n  |\n}", ["FakeSource", "Jdbc", "Kafka"], ["Console"]),
    ("source {\n  Fak|", ["FakeSource"], ["Jdbc"]),
    ("sink {\n  Cons|", ["Console"], []),
    ("transform {\n  Sq|\n}", ["Sql"], []),
    ("source {\n  FakeSource {\n    row.n|\n  }\n}", ["row.num"], ["parallelism"]),
    (
        "source {\n  FakeSource {\n    row.num = 1\n    |\n  }\n}",
        ["schema", "result_table_name"],
        ["row.num", "plugin_output", "source_table_name"],
    ),
    (
        # no version chosen: the default 2.3.8's key, whatever the file already has (the
        # linter checks it as 2.3.8 too)
        'source { FakeSource { plugin_output = "a" } }\nsink {\n  Console {\n    |\n  }\n}',
        ["source_table_name"],
        ["plugin_input", "plugin_output"],
    ),
    ("source {\n  FakeSource {\n    string.fake.mode = |\n  }\n}", ["RANGE", "TEMPLATE"], []),
    ('source {\n  FakeSource {\n    string.fake.mode = "TEM|', ["TEMPLATE"], ["RANGE"]),
    ("sink {\n  Jdbc {\n    |\n  }\n}", ["url", "driver", "source_table_name"], ["plugin_output"]),
    ("sink {\n  Jdbc {\n    is_exactly_once = |\n  }\n}", ["true", "false"], []),
    ("sink {\n  Jdbc {\n    schema_save_mode = |", ["RECREATE_SCHEMA", "IGNORE"], []),
    (
        'source { FakeSource { plugin_output = "orders" } }\n'
        'sink { Console { plugin_input = "|" } }',
        ["orders"],
        [],
    ),
    (
        'source { FakeSource { plugin_output = "orders" } }\nsink { Console { plugin_input = "or|',
        ["orders"],
        [],
    ),
    (
        'source { FakeSource { result_table_name = "a" } }\n'
        'transform { Sql { source_table_name = "a", result_table_name = "b" } }\n'
        "sink { Console { source_table_name = [|] } }",
        ["a", "b"],
        [],
    ),
    ("limit = 10\nsource { FakeSource { row.num = ${|} } }", ["limit"], []),
    ('day = "x"\nsource { Jdbc { query = "select * where d = ${da|" } }', ["day"], []),
    ("source { FakeSource {\n  # a comment |\n} }", [], ["row.num"]),
]


@pytest.mark.parametrize(("marked", "expected", "absent"), COMPLETIONS)
async def test_completion(
    client: LanguageClient, tmp_path: Path, marked: str, expected: list[str], absent: list[str]
) -> None:
    text, offset = cursor(marked)
    uri = open_text(client, tmp_path, text)
    result = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(uri), position(text, offset))
    )
    items = result.items if isinstance(result, lsp.CompletionList) else (result or [])
    labels = [item.label for item in items]
    for label in expected:
        assert label in labels, (marked, labels[:20])
    for label in absent:
        assert label not in labels, (marked, labels[:20])
    if not expected:
        assert labels == []


async def test_completion_details_and_order(client: LanguageClient, tmp_path: Path) -> None:
    text, offset = cursor("sink {\n  Jdbc {\n    |\n  }\n}")
    uri = open_text(client, tmp_path, text)
    result = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(uri), position(text, offset))
    )
    assert isinstance(result, lsp.CompletionList)
    ordered = sorted(result.items, key=lambda item: item.sort_text or item.label)
    required = {"url", "driver", "schema_save_mode", "data_save_mode"}
    assert {item.label for item in ordered[:4]} == required
    url = next(item for item in result.items if item.label == "url")
    assert url.detail is not None and url.detail.startswith("string")
    assert isinstance(url.text_edit, lsp.TextEdit) and url.text_edit.new_text == "url = "
    mode = next(item for item in result.items if item.label == "schema_save_mode")
    assert "CREATE_SCHEMA_WHEN_NOT_EXIST" in (mode.detail or "")
    plugins_text, plugins_offset = cursor("source {\n  Fake|")
    uri = open_text(client, tmp_path, plugins_text)
    listed = await client.text_document_completion_async(
        lsp.CompletionParams(
            lsp.TextDocumentIdentifier(uri), position(plugins_text, plugins_offset)
        )
    )
    assert isinstance(listed, lsp.CompletionList)
    fake = next(item for item in listed.items if item.label == "FakeSource")
    assert fake.detail == "source plugin, connector-fake, 53 options"
    resolved = await client.completion_item_resolve_async(fake)
    assert isinstance(resolved.documentation, lsp.MarkupContent)
    assert "FakeSourceFactory" in resolved.documentation.value


async def test_hover(client: LanguageClient, corpus_job: str, tmp_path: Path) -> None:
    uri = open_text(client, tmp_path, corpus_job)

    async def hover_at(word: str, after: str = "") -> str:
        offset = corpus_job.index(word, corpus_job.index(after) if after else 0) + 1
        found = await client.text_document_hover_async(
            lsp.HoverParams(lsp.TextDocumentIdentifier(uri), position(corpus_job, offset))
        )
        assert found is not None, word
        assert isinstance(found.contents, lsp.MarkupContent)
        return found.contents.value

    row_num = await hover_at("row.num")
    assert "type: `int`" in row_num and "default: `5`" in row_num and "2.3.8" in row_num
    assert "rule: optional" in row_num
    assert "connector-fake" in await hover_at("FakeSource")
    table = await hover_at('"fake"', "FakeSource")
    assert "produced by source[0] FakeSource (line 29)" in table
    assert "read by transform[0] Copy (line 45)" in table
    old_key = await hover_at("result_table_name")
    assert "Read by SeaTunnel 2.3.0 to 2.3.12" in old_key and "produces (old name)" in old_key
    mode = await hover_at("job.mode")
    assert "BATCH | STREAMING" in mode


async def test_definition_references_rename(
    client: LanguageClient, corpus_job: str, tmp_path: Path
) -> None:
    uri = open_text(client, tmp_path, corpus_job)
    use = corpus_job.index('"fake"', corpus_job.index("Copy")) + 2
    document = lsp.TextDocumentIdentifier(uri)
    defined = await client.text_document_definition_async(
        lsp.DefinitionParams(document, position(corpus_job, use))
    )
    assert isinstance(defined, list) and len(defined) == 1
    assert isinstance(defined[0], lsp.Location)
    assert defined[0].range.start == lsp.Position(28, 25)
    refs = await client.text_document_references_async(
        lsp.ReferenceParams(
            text_document=document,
            position=position(corpus_job, use),
            context=lsp.ReferenceContext(include_declaration=True),
        )
    )
    assert refs is not None and sorted(r.range.start.line for r in refs) == [28, 44]
    prepared = await client.text_document_prepare_rename_async(
        lsp.PrepareRenameParams(document, position(corpus_job, use))
    )
    assert isinstance(prepared, lsp.PrepareRenamePlaceholder) and prepared.placeholder == "fake"
    renamed = await client.text_document_rename_async(
        lsp.RenameParams(document, position(corpus_job, use), "people")
    )
    assert renamed is not None and renamed.changes is not None
    edits = renamed.changes[uri]
    assert sorted((e.range.start.line, e.new_text) for e in edits) == [
        (28, "people"),
        (44, "people"),
    ]
    with pytest.raises(Exception, match="not a usable table name"):
        await client.text_document_rename_async(
            lsp.RenameParams(document, position(corpus_job, use), 'bad"name')
        )


async def test_variable_navigation(client: LanguageClient, tmp_path: Path) -> None:
    text = "rows = 5\nsource { FakeSource { row.num = ${rows}, split.num = ${rows} } }\n"
    uri = open_text(client, tmp_path, text)
    document = lsp.TextDocumentIdentifier(uri)
    use = text.index("${rows}") + 3
    defined = await client.text_document_definition_async(
        lsp.DefinitionParams(document, position(text, use))
    )
    assert isinstance(defined, list) and defined[0].range.start == lsp.Position(0, 0)
    renamed = await client.text_document_rename_async(
        lsp.RenameParams(document, position(text, use), "row_count")
    )
    assert renamed is not None and renamed.changes is not None
    assert len(renamed.changes[uri]) == 3


async def test_symbols(client: LanguageClient, corpus_job: str, tmp_path: Path) -> None:
    uri = open_text(client, tmp_path, corpus_job)
    found = await client.text_document_document_symbol_async(
        lsp.DocumentSymbolParams(lsp.TextDocumentIdentifier(uri))
    )
    assert found is not None
    names = [s.name for s in found if isinstance(s, lsp.DocumentSymbol)]
    assert names == ["env", "source", "transform", "sink"]
    transform = next(
        s for s in found if isinstance(s, lsp.DocumentSymbol) and s.name == "transform"
    )
    assert transform.children is not None
    copy = transform.children[0]
    assert copy.name == "Copy" and copy.detail == "fake -> fake1"


async def test_code_actions(client: LanguageClient, tmp_path: Path) -> None:
    text = (
        'env {\n  job.mode = "batch"\n}\n'
        "source { FakeSource { row.num = 1, schema = { fields { a = int } } } }\n"
        "sink { Console {} }\n"
    )
    uri = open_text(client, tmp_path, text)
    found = await until(client, uri, lambda ds: "ST103" in codes(ds))
    finding = next(d for d in found if d.code == "ST103")
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(uri), finding.range, lsp.CodeActionContext([finding])
        )
    )
    assert result is not None
    titles = [a.title for a in result if isinstance(a, lsp.CodeAction)]
    fix = next(a for a in result if isinstance(a, lsp.CodeAction) and a.title.startswith("ST103"))
    assert fix.edit is not None and fix.edit.changes is not None
    assert [e.new_text for e in fix.edit.changes[uri]] == ['"BATCH"']
    ignore = next(
        a
        for a in result
        if isinstance(a, lsp.CodeAction) and a.title == "Ignore ST103 on this line"
    )
    assert ignore.edit is not None and ignore.edit.changes is not None
    edit = ignore.edit.changes[uri][0]
    assert edit.new_text == "  # stconfig: ignore[ST103]"
    assert edit.range.start == lsp.Position(1, 20)
    assert any(t.startswith("stconfig: apply 1 safe fix") for t in titles)
    fix_all = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(uri),
            lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
            lsp.CodeActionContext([], only=[lsp.CodeActionKind.SourceFixAll]),
        )
    )
    assert fix_all is not None and len(fix_all) == 1
    action = fix_all[0]
    assert isinstance(action, lsp.CodeAction) and action.edit and action.edit.changes
    assert action.edit.changes[uri][0].new_text == text.replace('"batch"', '"BATCH"')


async def test_no_completion_in_json_that_is_not_a_job(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = '{"name": "app", "version": "1.0"}'
    uri = open_text(client, tmp_path, text, suffix=".json")
    result = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, 9))
    )
    assert result is None
    job = '{"env": {"job.mode": "BATCH"}, "source": [{"plugin_name": "FakeSource", "row.n"}]}'
    job_uri = open_text(client, tmp_path, job, suffix=".json")
    listed = await client.text_document_completion_async(
        lsp.CompletionParams(
            lsp.TextDocumentIdentifier(job_uri), lsp.Position(0, job.index("row.n") + 5)
        )
    )
    assert isinstance(listed, lsp.CompletionList)
    assert "row.num" in [item.label for item in listed.items]


async def test_client_settings_change_the_rules(client: LanguageClient, tmp_path: Path) -> None:
    text = "source { FakeSource { row.nu = 1 } }\n"
    uri = open_text(client, tmp_path, text)
    await until(client, uri, lambda ds: "ST301" in codes(ds) and len(set(codes(ds))) > 1)
    client.workspace_did_change_configuration(
        lsp.DidChangeConfigurationParams({"stconfig": {"select": ["ST301"], "debounce": 30}})
    )
    client.workspace_did_change_configuration(
        lsp.DidChangeConfigurationParams(
            {
                "stconfig": {
                    "select": ["ST301"],
                    "debounce": 30,
                    "rules-url": "https://example.org/rules.md",
                }
            }
        )
    )
    only = await until(client, uri, lambda ds: set(codes(ds)) == {"ST301"})
    assert only[0].code_description is not None
    linked = only[0].code_description.href
    assert linked in (
        "https://example.org/rules.md#st301-unknown-option",
        (Path(__file__).parents[2] / "docs" / "rules.md").as_uri() + "#st301-unknown-option",
    )
    only = await until(
        client,
        uri,
        lambda ds: (
            bool(ds)
            and ds[0].code_description is not None
            and ds[0].code_description.href.startswith("https://example.org/")
        ),
    )
    assert set(codes(only)) == {"ST301"}
    client.workspace_did_change_configuration(
        lsp.DidChangeConfigurationParams({"stconfig": {"debounce": 30}})
    )
    await until(client, uri, lambda ds: len(set(codes(ds))) > 1)


async def test_pyproject_settings_apply(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.stconfig]\nignore = ["ST301"]\n')
    text = "source { FakeSource { row.nu = 1 } }\n"
    uri = open_text(client, tmp_path, text)
    found = await until(client, uri, lambda ds: bool(ds))
    assert "ST301" not in codes(found)


DSL_MISSING_SCHEMA = """from stconfig.dsl import Console, FakeSource, Job

with Job("t", mode="BATCH") as job:
    fake = FakeSource(row_num=1)
    fake >> Console()
"""


async def test_dsl_file_findings_at_its_python_lines(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = open_text(client, tmp_path, DSL_MISSING_SCHEMA, suffix=".py")
    found = await until(client, uri, lambda ds: bool(ds))
    assert found[0].range.start == lsp.Position(3, 11)
    assert "set 'schema' or 'tables_configs'" in found[0].message
    clean = (Path(__file__).parents[2] / "examples" / "dsl" / "fake_to_console.py").read_text()
    clean_uri = open_text(client, tmp_path, clean, suffix=".py")
    assert list(await until(client, clean_uri, lambda ds: True)) == []


async def test_dsl_file_relinted_on_save_latest_run_wins(
    client: LanguageClient, tmp_path: Path
) -> None:
    clean = (Path(__file__).parents[2] / "examples" / "dsl" / "fake_to_console.py").read_text()
    uri = open_text(client, tmp_path, clean, suffix=".py")
    path = Path(uri.removeprefix("file://"))
    path.write_text(DSL_MISSING_SCHEMA)
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    await until(client, uri, lambda ds: bool(ds))
    await asyncio.sleep(1.5)  # the run started on open must not publish over the later one
    found = client.diagnostics[uri]
    assert found and "set 'schema'" in found[0].message


async def test_dsl_file_linted_on_open(client: LanguageClient, tmp_path: Path) -> None:
    source = (Path(__file__).parents[2] / "examples" / "dsl" / "fake_to_console.py").read_text()
    broken = source + "\nraise RuntimeError('boom')\n"
    uri = open_text(client, tmp_path, broken, suffix=".py")
    found = await until(client, uri, lambda ds: bool(ds))
    assert "boom" in found[0].message
    assert found[0].severity == lsp.DiagnosticSeverity.Error


async def test_truncated_texts_over_stdio(
    client: LanguageClient, corpus_job: str, tmp_path: Path
) -> None:
    """Every 40th prefix of a corpus job, as if the file were typed from the top: the server
    answers completion, hover and symbols at the end of each, and logs no error."""
    before = len(client.log_messages)
    uri = open_text(client, tmp_path, "")
    document = lsp.TextDocumentIdentifier(uri)
    for version, end in enumerate(range(0, len(corpus_job) + 1, 40), start=2):
        prefix = corpus_job[:end]
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [lsp.TextDocumentContentChangeWholeDocument(prefix)],
            )
        )
        at = position(prefix, len(prefix))
        await client.text_document_completion_async(lsp.CompletionParams(document, at))
        await client.text_document_hover_async(lsp.HoverParams(document, at))
        await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(document))
    await until(client, uri, lambda ds: True)
    errors = [m for m in client.log_messages[before:] if m.type == lsp.MessageType.Error]
    assert errors == []


async def test_corpus_sample_over_stdio(
    client: LanguageClient, conformance_dir: Path, tmp_path: Path
) -> None:
    files = sorted((conformance_dir / "seatunnel-2.3.8" / "cases").rglob("*.conf"))[::25]
    before = len(client.log_messages)
    for path in files:
        uri = path.as_uri()
        text = path.read_text(encoding="utf-8")
        client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "hocon", 1, text))
        )
        found = await client.text_document_document_symbol_async(
            lsp.DocumentSymbolParams(lsp.TextDocumentIdentifier(uri))
        )
        assert found is not None
        await until(client, uri, lambda ds: True)
        client.text_document_did_close(
            lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri))
        )
    errors = [m for m in client.log_messages[before:] if m.type == lsp.MessageType.Error]
    assert errors == []


async def test_internal_error_is_logged_and_server_keeps_answering(
    client: LanguageClient, tmp_path: Path
) -> None:
    missing = (tmp_path / "never-opened" / "gone.conf").as_uri()
    before = len(client.log_messages)
    answer = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(missing), lsp.Position(0, 0))
    )
    assert answer is None
    logged = [m.message for m in client.log_messages[before:]]
    assert any("stconfig: on_hover failed" in m for m in logged)
    uri = open_text(client, tmp_path, "en")
    result = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, 2))
    )
    assert isinstance(result, lsp.CompletionList) and result.items[0].label == "env"


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=SERVER),
)
async def formatting_client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    lsp_client.initialize_result = await lsp_client.initialize_session(  # type: ignore[attr-defined]
        lsp.InitializeParams(
            capabilities=client_capabilities("neovim"),
            initialization_options={"select": ["ST301"], "target-version": "1.0"},
        )
    )
    yield
    await lsp_client.shutdown_session()


async def test_formatting_follows_the_project_settings(
    formatting_client: LanguageClient, tmp_path: Path
) -> None:
    result: lsp.InitializeResult = formatting_client.initialize_result  # type: ignore[attr-defined]
    assert result.capabilities.document_formatting_provider
    (tmp_path / "pyproject.toml").write_text("[tool.stconfig.format]\nindent = 4\n")
    uri = open_text(formatting_client, tmp_path, "\n\nenv { job.mode = BATCH }\n\n")
    edits = await formatting_client.text_document_formatting_async(
        lsp.DocumentFormattingParams(
            lsp.TextDocumentIdentifier(uri), lsp.FormattingOptions(2, True)
        )
    )
    assert edits is not None and [e.new_text for e in edits] == ["env {\n    job.mode = BATCH\n}\n"]
    broken = open_text(formatting_client, tmp_path, "env { job.mode = \n")
    edits = await formatting_client.text_document_formatting_async(
        lsp.DocumentFormattingParams(
            lsp.TextDocumentIdentifier(broken), lsp.FormattingOptions(2, True)
        )
    )
    assert not edits


async def test_initialization_options_apply(
    formatting_client: LanguageClient, tmp_path: Path
) -> None:
    formatting_client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(None))
    formatting_client.workspace_did_change_configuration(
        lsp.DidChangeConfigurationParams({"python": {"analysis": {}}})
    )
    uri = open_text(formatting_client, tmp_path, 'env { job.mode = "batch" }\nsource { A { } }\n')
    found = await until(formatting_client, uri, lambda ds: True)
    # only ST301 selected, kept through configuration messages that are not stconfig's
    assert list(found) == []
    assert any("target-version '1.0'" in m.message for m in formatting_client.messages)
