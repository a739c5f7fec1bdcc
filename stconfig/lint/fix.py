"""Applying fixes: minimal text edits that never overlap, so comments and layout stay."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from stconfig.lint.diagnostic import Diagnostic, Edit
from stconfig.source import SourceFile


def fixed_texts(diagnostics: Iterable[Diagnostic]) -> dict[str, tuple[SourceFile, str, int]]:
    """Per file: its source, its fixed text, and how many fixes went in.

    A fix whose edits overlap an already accepted one is left for the next run.
    """
    accepted: dict[str, list[Edit]] = {}
    sources: dict[str, SourceFile] = {}
    counts: dict[str, int] = {}
    for diagnostic in diagnostics:
        if diagnostic.fix is None:
            continue
        edits = diagnostic.fix.edits
        if any(_overlaps(edit, accepted.get(edit.source.path, [])) for edit in edits):
            continue
        for edit in edits:
            accepted.setdefault(edit.source.path, []).append(edit)
            sources[edit.source.path] = edit.source
        path = edits[0].source.path
        counts[path] = counts.get(path, 0) + 1
    result: dict[str, tuple[SourceFile, str, int]] = {}
    for path, file_edits in accepted.items():
        source = sources[path]
        text = source.text
        for edit in sorted(file_edits, key=lambda e: (e.start, e.end), reverse=True):
            text = text[: edit.start] + edit.content + text[edit.end :]
        result[path] = (source, text, counts.get(path, 0))
    return result


def _overlaps(edit: Edit, others: list[Edit]) -> bool:
    return any(
        (edit.start < other.end and other.start < edit.end)
        or edit.start == edit.end == other.start == other.end
        for other in others
    )


def unified_diff(source: SourceFile, new_text: str) -> str:
    return "".join(
        difflib.unified_diff(
            source.text.splitlines(keepends=True),
            new_text.splitlines(keepends=True),
            fromfile=f"a/{source.path}",
            tofile=f"b/{source.path}",
        )
    )


__all__ = ["fixed_texts", "unified_diff"]
