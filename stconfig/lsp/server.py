"""The language server: pygls wiring of the feature modules, with debounced diagnostics.

Every handler is guarded: an internal error is logged to the client (window/logMessage)
and the request gets an empty answer, so one bad case never takes the server down.
"""

from __future__ import annotations

import asyncio
import functools
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from stconfig import __version__
from stconfig.errors import StconfigError
from stconfig.lint.diagnostic import Diagnostic
from stconfig.lint.settings import LintSettings
from stconfig.lsp import actions, completion, facts, hover, navigation, symbols
from stconfig.lsp.diagnostics import default_docs_base, lint_python, lint_text, to_lsp
from stconfig.lsp.formatting import format_edits
from stconfig.lsp.positions import LineIndex
from stconfig.lsp.scan import Scan, scan
from stconfig.lsp.settings import ClientSettings, ProjectSettings, concerns_us, parse_client

JOB_SUFFIXES = (".conf", ".hocon", ".json")
Result = TypeVar("Result")


@dataclass(slots=True)
class Snapshot:
    """One version of a document, scanned once for every request on that version."""

    text: str
    scan: Scan
    index: LineIndex


def document_path(uri: str) -> str:
    """The file path of a URI; the URI itself for unsaved (untitled) buffers."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return path if path is not None else uri


def is_job(scanned: Scan) -> bool:
    """Empty, or has one of a job's top-level keys (the linter's test for JSON files)."""
    keys = scanned.root.keys()
    return not keys or bool(keys & {"env", "source", "transform", "sink"})


def is_python(path: str) -> bool:
    return path.lower().endswith(".py")


def diagnostics_for(
    path: str, uri: str, text: str, settings: LintSettings, docs_base: str | None
) -> tuple[list[Diagnostic], list[lsp.Diagnostic]]:
    """What the server publishes for a document: lint findings and their LSP form.

    A Python file is run as a DSL file only when it mentions stconfig (any other Python
    file the client sends is left alone).
    """
    if is_python(path):
        if "stconfig" not in text:
            return [], []
        return [], lint_python(path, settings, docs_base)
    findings = lint_text(path, text, settings)
    return findings, to_lsp(findings, path, uri, LineIndex(text), docs_base)


class StconfigServer(LanguageServer):
    """State per open document: its last findings, a scan cache and a debounce timer."""

    def __init__(self) -> None:
        super().__init__("stconfig", __version__)
        self.client_settings = ClientSettings()
        self.project = ProjectSettings()
        self.default_docs = default_docs_base()
        self.findings: dict[str, list[Diagnostic]] = {}
        self.snapshots: dict[str, tuple[int | None, Snapshot]] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.tasks: set[asyncio.Task[None]] = set()
        self.runs: dict[str, int] = {}
        """How many DSL runs each Python file has started: only the latest one publishes."""
        self.reported: set[str] = set()
        self.warming: asyncio.Future[None] | None = None
        """Loading the catalog in a worker thread, started when the client is ready."""

    @property
    def docs_base(self) -> str | None:
        """Where rule links point: the client's `rules-url`, else this checkout's rules.md."""
        return self.client_settings.rules_url or self.default_docs

    def log(self, kind: lsp.MessageType, message: str) -> None:
        self.window_log_message(lsp.LogMessageParams(kind, message))

    def warn_once(self, problems: list[str]) -> None:
        for problem in problems:
            if problem not in self.reported:
                self.reported.add(problem)
                self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Warning, problem))
        problems.clear()

    def settings_for(self, path: str) -> LintSettings:
        settings = self.project.lint_settings(
            path if Path(path).is_absolute() else "", self.client_settings
        )
        self.warn_once(self.project.problems)
        return settings

    def snapshot(self, uri: str) -> Snapshot:
        document = self.workspace.get_text_document(uri)
        cached = self.snapshots.get(uri)
        text = document.source
        if cached is not None and cached[0] == document.version and cached[1].text == text:
            return cached[1]
        snapshot = Snapshot(text, scan(text), LineIndex(text))
        self.snapshots[uri] = (document.version, snapshot)
        return snapshot

    def schedule_lint(self, uri: str, delay_ms: int) -> None:
        """Lint after `delay_ms` of quiet: each change restarts the wait."""
        pending = self.timers.pop(uri, None)
        if pending is not None:
            pending.cancel()
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(delay_ms / 1000, self.lint_now, uri)

    def lint_now(self, uri: str) -> None:
        self.timers.pop(uri, None)
        try:
            document = self.workspace.get_text_document(uri)
            path = document_path(uri)
            if is_python(path):
                return
            settings = self.settings_for(path)
            findings, published = diagnostics_for(
                path, uri, document.source, settings, self.docs_base
            )
            self.findings[uri] = findings
            self.publish(uri, published, document.version)
        except Exception:
            self.log(
                lsp.MessageType.Error, f"stconfig: linting {uri} failed:\n{traceback.format_exc()}"
            )

    def lint_python_later(self, uri: str) -> None:
        """Run a DSL file in a child process off the event loop, then publish."""
        path = document_path(uri)
        settings = self.settings_for(path)
        number = self.runs[uri] = self.runs.get(uri, 0) + 1

        async def run() -> None:
            try:
                text = self.workspace.get_text_document(uri).source
                loop = asyncio.get_running_loop()
                _, published = await loop.run_in_executor(
                    None, diagnostics_for, path, uri, text, settings, self.docs_base
                )
                latest = self.runs.get(uri) == number  # not saved again meanwhile
                if latest and uri in self.workspace.text_documents:  # nor closed
                    self.publish(uri, published, None)
            except Exception:
                self.log(
                    lsp.MessageType.Error,
                    f"stconfig: running {path} failed:\n{traceback.format_exc()}",
                )

        task = asyncio.get_running_loop().create_task(run())
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def publish(self, uri: str, diagnostics: list[lsp.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def relint_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            if is_python(document_path(uri)):
                self.lint_python_later(uri)
            else:
                self.schedule_lint(uri, 0)


def guarded(default: Callable[[], Any]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Turn an exception in a handler into a logged message and an empty answer."""

    def wrap(handler: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(handler)
        def run(server: StconfigServer, params: Any) -> Any:
            try:
                return handler(server, params)
            except JsonRpcException:
                raise
            except Exception:
                server.log(
                    lsp.MessageType.Error,
                    f"stconfig: {handler.__name__} failed:\n{traceback.format_exc()}",
                )
                return default()

        return run

    return wrap


def _none() -> None:
    return None


def _empty() -> list[Any]:
    return []


def create_server() -> StconfigServer:
    """A server with every feature registered; nothing runs until a client connects."""
    server = StconfigServer()

    @server.feature(lsp.INITIALIZE)
    @guarded(_none)
    def initialize(ls: StconfigServer, params: lsp.InitializeParams) -> None:
        settings, problems = parse_client(params.initialization_options)
        ls.client_settings = settings
        ls.warn_once(problems)

    @server.feature(lsp.INITIALIZED)
    @guarded(_none)
    def initialized(ls: StconfigServer, params: lsp.InitializedParams) -> None:
        catalog = facts.catalog_for(ls.settings_for(""))
        loop = asyncio.get_running_loop()
        ls.warming = loop.run_in_executor(None, facts.warm, catalog)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    @guarded(_none)
    def did_open(ls: StconfigServer, params: lsp.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        if is_python(document_path(uri)):
            ls.lint_python_later(uri)
        else:
            ls.schedule_lint(uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    @guarded(_none)
    def did_change(ls: StconfigServer, params: lsp.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if not is_python(document_path(uri)):
            ls.schedule_lint(uri, ls.client_settings.debounce_ms)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    @guarded(_none)
    def did_save(ls: StconfigServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = document_path(uri)
        if path.endswith("pyproject.toml"):
            ls.project.forget()
            ls.relint_all()
        elif is_python(path):
            ls.lint_python_later(uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    @guarded(_none)
    def did_close(ls: StconfigServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        timer = ls.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        ls.findings.pop(uri, None)
        ls.snapshots.pop(uri, None)
        ls.runs.pop(uri, None)
        ls.publish(uri, [], None)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    @guarded(_none)
    def did_change_configuration(
        ls: StconfigServer, params: lsp.DidChangeConfigurationParams
    ) -> None:
        if not concerns_us(params.settings):
            return
        settings, problems = parse_client(params.settings)
        ls.client_settings = settings
        ls.warn_once(problems)
        ls.relint_all()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded(_none)
    def did_change_watched(ls: StconfigServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.endswith("pyproject.toml") for change in params.changes):
            ls.project.forget()
            ls.relint_all()

    @server.feature(
        lsp.TEXT_DOCUMENT_COMPLETION,
        lsp.CompletionOptions(trigger_characters=[".", "$", "{", '"', "="], resolve_provider=True),
    )
    @guarded(_none)
    def complete(ls: StconfigServer, params: lsp.CompletionParams) -> lsp.CompletionList | None:
        uri = params.text_document.uri
        path = document_path(uri)
        if is_python(path):
            return None
        snap = ls.snapshot(uri)
        if path.lower().endswith(".json") and not is_job(snap.scan):
            return None  # package.json, a schema, ...: not ours
        offset = snap.index.offset(params.position)
        return completion.complete(snap.scan, snap.index, offset, ls.settings_for(path))

    @server.feature(lsp.COMPLETION_ITEM_RESOLVE)
    @guarded(_none)
    def resolve(ls: StconfigServer, item: lsp.CompletionItem) -> lsp.CompletionItem:
        return completion.resolve(item)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    @guarded(_none)
    def on_hover(ls: StconfigServer, params: lsp.HoverParams) -> lsp.Hover | None:
        uri = params.text_document.uri
        path = document_path(uri)
        if is_python(path):
            return None
        snap = ls.snapshot(uri)
        offset = snap.index.offset(params.position)
        return hover.hover(snap.scan, snap.index, offset, ls.settings_for(path))

    def locations(uri: str, snap: Snapshot, spans: list[tuple[int, int]]) -> list[lsp.Location]:
        return [lsp.Location(uri, snap.index.range(start, end)) for start, end in spans]

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    @guarded(_empty)
    def definition(ls: StconfigServer, params: lsp.DefinitionParams) -> list[lsp.Location]:
        uri = params.text_document.uri
        if is_python(document_path(uri)):
            return []
        snap = ls.snapshot(uri)
        symbol = navigation.symbol_at(snap.scan, snap.index.offset(params.position))
        if symbol is None:
            return []
        return locations(uri, snap, navigation.definitions(snap.scan, symbol))

    @server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
    @guarded(_empty)
    def references(ls: StconfigServer, params: lsp.ReferenceParams) -> list[lsp.Location]:
        uri = params.text_document.uri
        if is_python(document_path(uri)):
            return []
        snap = ls.snapshot(uri)
        symbol = navigation.symbol_at(snap.scan, snap.index.offset(params.position))
        if symbol is None:
            return []
        spans = navigation.references(
            snap.scan, symbol, declaration=params.context.include_declaration
        )
        return locations(uri, snap, spans)

    @server.feature(lsp.TEXT_DOCUMENT_PREPARE_RENAME)
    @guarded(_none)
    def prepare_rename(
        ls: StconfigServer, params: lsp.PrepareRenameParams
    ) -> lsp.PrepareRenamePlaceholder | None:
        if is_python(document_path(params.text_document.uri)):
            return None
        snap = ls.snapshot(params.text_document.uri)
        symbol = navigation.symbol_at(snap.scan, snap.index.offset(params.position))
        if symbol is None:
            return None
        return lsp.PrepareRenamePlaceholder(snap.index.range(symbol.start, symbol.end), symbol.name)

    @server.feature(lsp.TEXT_DOCUMENT_RENAME, lsp.RenameOptions(prepare_provider=True))
    @guarded(_none)
    def rename(ls: StconfigServer, params: lsp.RenameParams) -> lsp.WorkspaceEdit | None:
        uri = params.text_document.uri
        if is_python(document_path(uri)):
            return None
        snap = ls.snapshot(uri)
        symbol = navigation.symbol_at(snap.scan, snap.index.offset(params.position))
        if symbol is None:
            return None
        try:
            edits = navigation.rename_edits(snap.scan, symbol, params.new_name)
        except navigation.RenameError as error:
            raise JsonRpcInvalidParams(str(error)) from None
        text_edits = [lsp.TextEdit(snap.index.range(s, e), new) for s, e, new in edits]
        return lsp.WorkspaceEdit(changes={uri: text_edits})

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @guarded(_empty)
    def document_symbols(
        ls: StconfigServer, params: lsp.DocumentSymbolParams
    ) -> list[lsp.DocumentSymbol]:
        uri = params.text_document.uri
        if is_python(document_path(uri)):
            return []
        snap = ls.snapshot(uri)
        return symbols.document_symbols(snap.scan, snap.index)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, actions.FIX_ALL]),
    )
    @guarded(_empty)
    def code_actions(ls: StconfigServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        path = document_path(uri)
        snap = ls.snapshot(uri)
        found = ls.findings.get(uri, [])
        wanted = params.context.only
        result: list[lsp.CodeAction] = []
        if not wanted or any(k.startswith(lsp.CodeActionKind.QuickFix) for k in wanted):
            result += actions.fix_actions(found, path, uri, snap.index, params.range)
            result += actions.ignore_actions(
                snap.scan,
                snap.index,
                uri,
                list(params.context.diagnostics),
                json=path.lower().endswith(".json"),
            )
        elif any(actions.FIX_ALL.startswith(k) for k in wanted):
            fix_all = actions.fix_all_action(found, path, uri, snap.index)
            result += [fix_all] if fix_all is not None else []
        return result

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    @guarded(_empty)
    def formatting(ls: StconfigServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit]:
        uri = params.text_document.uri
        path = document_path(uri)
        if is_python(path):
            return []
        text = ls.workspace.get_text_document(uri).source
        try:
            return format_edits(text, path)
        except StconfigError as error:
            ls.log(lsp.MessageType.Warning, f"stconfig: not formatted: {error}")
            return []

    return server


def main() -> None:
    """Serve on standard input and output until the client says exit."""
    create_server().start_io()


__all__ = ["StconfigServer", "create_server", "diagnostics_for", "document_path", "main"]
