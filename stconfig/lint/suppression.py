"""Inline suppressions: `# stconfig: ignore[ST201, ST5]` on the line or alone on the line above.

They are read from the comments of job files and, for jobs built with the DSL, of the
Python file that built them.
"""

from __future__ import annotations

import contextlib
import io
import re

from stconfig._records import field, record
from stconfig.hocon.ast import Document
from stconfig.lint.diagnostic import Diagnostic
from stconfig.source import SourceFile, Span

PATTERN = re.compile(r"stconfig:\s*ignore\[([^\]]*)\]")


@record(eq=False)
class Suppression:
    """One comment's codes, the lines it covers, and which codes were used."""

    codes: tuple[str, ...]
    span: Span
    lines: tuple[int, ...]
    used: set[str] = field(default_factory=set)

    def covers(self, diagnostic: Diagnostic) -> bool:
        if diagnostic.span is None or diagnostic.span.source is not self.span.source:
            return False
        if diagnostic.line not in self.lines:
            return False
        hit = [code for code in self.codes if diagnostic.code.startswith(code)]
        self.used.update(hit)
        return bool(hit)


def collect(documents: list[Document]) -> list[Suppression]:
    found: list[Suppression] = []
    for document in documents:
        for comment in document.comments:
            match = PATTERN.search(comment.text)
            if match is None:
                continue
            codes = tuple(c.strip() for c in match.group(1).split(",") if c.strip())
            line, column = comment.span.start_line_col
            before = document.source.line_text(line)[: column - 1]
            lines = (line, line + 1) if not before.strip() else (line,)
            found.append(Suppression(codes, comment.span, lines))
    return found


def collect_python(source: SourceFile) -> list[Suppression]:
    """The same comments in a Python DSL file, whose findings sit on its own lines."""
    import tokenize  # only for .py files: a job file's lint need not import it

    found: list[Suppression] = []
    lines = io.StringIO(source.text).readline
    with contextlib.suppress(tokenize.TokenError, SyntaxError):
        for token in tokenize.generate_tokens(lines):
            if token.type != tokenize.COMMENT:
                continue
            match = PATTERN.search(token.string)
            if match is None:
                continue
            codes = tuple(c.strip() for c in match.group(1).split(",") if c.strip())
            line, column = token.start
            start = source.line_start(line) + column
            alone = not token.line[:column].strip()
            span = Span(source, start, start + len(token.string))
            found.append(Suppression(codes, span, (line, line + 1) if alone else (line,)))
    return found


def apply(diagnostics: list[Diagnostic], suppressions: list[Suppression]) -> list[Diagnostic]:
    """The diagnostics no suppression covers; marks the codes each suppression used."""
    kept = []
    for diagnostic in diagnostics:
        covered = [s for s in suppressions if s.covers(diagnostic)]
        if not covered:
            kept.append(diagnostic)
    return kept


__all__ = ["PATTERN", "Suppression", "apply", "collect", "collect_python"]
