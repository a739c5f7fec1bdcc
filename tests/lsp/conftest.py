"""Shared pieces of the language-server tests: a corpus job and text with a cursor mark."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS_JOB = (
    "seatunnel-2.3.8/cases/seatunnel-examples/seatunnel-flink-connector-v2-example/"
    "src/main/resources/examples/fake_to_console.conf"
)


@pytest.fixture(scope="session")
def corpus_job(conformance_dir: Path) -> str:
    """A real job: FakeSource -> Copy -> Console wired with result/source_table_name."""
    return (conformance_dir / CORPUS_JOB).read_text(encoding="utf-8")


def cursor(marked: str) -> tuple[str, int]:
    """Text without its `|` mark, and the offset where the mark was."""
    offset = marked.index("|")
    return marked[:offset] + marked[offset + 1 :], offset
