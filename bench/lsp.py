"""Language-server benchmark: edit-to-diagnostics and completion latency, and memory.

Usage: python bench/lsp.py [--corpus DIR] [--edits N]
Runs `stconfig lsp` over stdio with a real client on a 300-line corpus job and prints:
- the median time from a `didChange` to its published diagnostics, with the debounce set
  to 0 (the work itself) and at its default (what a user sees after the last keystroke),
  beside the in-process lint of the same text after each edit (the peer, under the same
  load: the difference is the protocol and the event loop);
- the median completion latency (warm) at positions spread over the file;
- the resident memory of the server idle and with 50 corpus files open.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
JOB = (
    "seatunnel-e2e/seatunnel-transforms-v2-e2e/seatunnel-transforms-v2-e2e-part-2/"
    "src/test/resources/sql_transform/func_string.conf"
)


def corpus_folder(given: str | None) -> Path:
    folder = Path(
        given or os.environ.get("STCONFIG_CONFORMANCE") or ROOT.parent / "shared" / "conformance"
    )
    cases = folder / "seatunnel-2.3.8" / "cases"
    if not cases.is_dir():
        sys.exit(f"bench/lsp.py: no corpus at {folder} (use --corpus DIR)")
    return cases


class Session:
    """A client connected to a fresh server, recording when each version is published."""

    def __init__(self) -> None:
        self.client = LanguageClient("stconfig-bench", "1")
        self.published: dict[tuple[str, int | None], float] = {}
        self.event = asyncio.Event()

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            self.published[(params.uri, params.version)] = time.perf_counter()
            self.event.set()

    async def start(self, debounce_ms: int | None) -> None:
        await self.client.start_io(sys.executable, "-m", "stconfig", "lsp")
        options = {"stconfig": {"debounce": debounce_ms}} if debounce_ms is not None else None
        await self.client.initialize_async(
            lsp.InitializeParams(
                capabilities=lsp.ClientCapabilities(), initialization_options=options
            )
        )
        self.client.initialized(lsp.InitializedParams())
        await asyncio.sleep(1)  # the server loads the catalog in a worker after `initialized`

    async def published_at(self, uri: str, version: int | None) -> float:
        while (uri, version) not in self.published:
            self.event.clear()
            await asyncio.wait_for(self.event.wait(), 30)
        return self.published[(uri, version)]

    def open(self, uri: str, text: str) -> None:
        self.client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "hocon", 1, text))
        )

    def rss_kib(self) -> int:
        server = self.client._server
        assert server is not None
        status = Path(f"/proc/{server.pid}/status").read_text()
        line = next(row for row in status.splitlines() if row.startswith("VmRSS:"))
        return int(line.split()[1])

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


async def edit_latency(
    text: str, path: Path, debounce_ms: int | None, edits: int
) -> tuple[list[float], list[float]]:
    """Per edit: the server's didChange-to-diagnostics time, and right after it the time of
    the same lint in this process (the peer, measured under the same machine load)."""
    from stconfig.lint.settings import LintSettings
    from stconfig.lsp.diagnostics import lint_text

    settings = LintSettings(infer_version=True)
    current = text
    session = Session()
    await session.start(debounce_ms)
    uri = path.as_uri()
    session.open(uri, text)
    await session.published_at(uri, 1)
    anchor = text.index("plugin_output") if "plugin_output" in text else text.index("{") + 1
    line = text.count("\n", 0, anchor)
    times, peer = [], []
    for version in range(2, edits + 2):
        at = lsp.Position(line, 0)
        change = (
            lsp.TextDocumentContentChangePartial(lsp.Range(at, at), " ")
            if version % 2 == 0
            else lsp.TextDocumentContentChangePartial(lsp.Range(at, lsp.Position(line, 1)), "")
        )
        sent = time.perf_counter()
        session.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=version), [change]
            )
        )
        times.append(await session.published_at(uri, version) - sent)
        line_start = _line_start(current, line)
        if version % 2 == 0:
            current = current[:line_start] + " " + current[line_start:]
        else:
            current = current[:line_start] + current[line_start + 1 :]
        start = time.perf_counter()
        lint_text(str(path), current, settings)
        peer.append(time.perf_counter() - start)
    await session.stop()
    return times, peer


def _line_start(text: str, line: int) -> int:
    position = 0
    for _ in range(line):
        position = text.index("\n", position) + 1
    return position


async def completion_latency(text: str, path: Path, requests: int) -> list[float]:
    session = Session()
    await session.start(None)
    uri = path.as_uri()
    session.open(uri, text)
    await session.published_at(uri, 1)
    lines = text.count("\n")
    times = []
    for number in range(requests + 5):
        line = (number * 37) % max(lines, 1)
        position = lsp.Position(line, 4)
        sent = time.perf_counter()
        await session.client.text_document_completion_async(
            lsp.CompletionParams(lsp.TextDocumentIdentifier(uri), position)
        )
        if number >= 5:  # the first requests import the catalog: that is the cold cost
            times.append(time.perf_counter() - sent)
    await session.stop()
    return times


async def memory(cases: Path, count: int) -> tuple[int, int]:
    session = Session()
    await session.start(0)
    await asyncio.sleep(0.5)
    idle = session.rss_kib()
    files = sorted(cases.rglob("*.conf"))[:: max(1, len(list(cases.rglob("*.conf"))) // count)]
    for path in files[:count]:
        uri = path.as_uri()
        session.open(uri, path.read_text(encoding="utf-8"))
        await session.published_at(uri, 1)
    loaded = session.rss_kib()
    await session.stop()
    return idle, loaded


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} ms"


async def run(cases: Path, edits: int) -> None:
    path = cases / JOB
    text = path.read_text(encoding="utf-8")
    print(f"job: {JOB} ({text.count(chr(10))} lines)")
    work, peer = await edit_latency(text, path, 0, edits)
    user, _ = await edit_latency(text, path, None, edits)
    print(f"didChange -> diagnostics, debounce 0:       median {ms(work)}")
    print(f"didChange -> diagnostics, default debounce: median {ms(user)}")
    print(f"in-process lint of the same text (peer):    median {ms(peer)}")
    print(f"protocol overhead: {statistics.median(work) / statistics.median(peer):.2f}x the lint")
    completion = await completion_latency(text, path, 50)
    print(f"completion, warm:                           median {ms(completion)}")
    idle, loaded = await memory(cases, 50)
    print(f"server RSS: idle {idle / 1024:.1f} MiB, 50 open corpus files {loaded / 1024:.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--edits", type=int, default=60)
    arguments = parser.parse_args()
    asyncio.run(run(corpus_folder(arguments.corpus), arguments.edits))


if __name__ == "__main__":
    main()
