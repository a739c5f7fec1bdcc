"""Source text and positions: a file's text, spans as character offsets, line:col on demand."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

from stconfig._records import field, record

if TYPE_CHECKING:
    from stconfig.secrets import MaskedLine, Region


WHOLE_SCAN_LIMIT = 256 * 1024
"""Texts up to this many characters are searched for secrets whole, once."""
WINDOW_LINES = 200
"""Larger texts: the lines searched on each side of a printed line."""


@record(eq=False)
class SourceFile:
    """The text of one input file; `path` is what diagnostics print (`-` for stdin)."""

    path: str
    text: str = field(repr=False)
    _line_starts: list[int] | None = field(default=None, repr=False)
    _secrets: list[Region] | None = field(default=None, repr=False)
    _secret_values: frozenset[str] = field(default=frozenset(), repr=False)
    _line_secrets: dict[int, list[Region]] = field(default_factory=dict, repr=False)
    """A large text's secrets around each line asked for (many findings share a line)."""
    _window_chars: int = field(default=0, repr=False)
    """Characters of a large text searched in windows so far: once they reach a quarter of
    the text, it is searched whole (once), so many findings cost at most 1.25 searches."""

    def _starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            text = self.text
            position = text.find("\n")
            while position != -1:
                starts.append(position + 1)
                position = text.find("\n", position + 1)
            self._line_starts = starts
        return self._line_starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a character offset."""
        starts = self._starts()
        line = bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line_start(self, line: int) -> int:
        """The offset where a 1-based line starts (the end of the text past the last line)."""
        starts = self._starts()
        return starts[line - 1] if 1 <= line <= len(starts) else len(self.text)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        starts = self._starts()
        if not 1 <= line <= len(starts):
            return ""
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def secret_regions(self) -> list[Region]:
        """Where the text holds secrets (computed once; see stconfig.secrets)."""
        if self._secrets is None:
            from stconfig.secrets import secret_regions

            self._secrets = secret_regions(self.text, self._secret_values)
        return self._secrets

    def mark_secrets(self, values: Iterable[str]) -> None:
        """Values found to be secret after reading (a variable that ends up in a password)
        are masked wherever this text holds them."""
        known = self._secret_values | {value for value in values if value.strip()}
        if known != self._secret_values:
            self._secret_values = known
            self._secrets = None
            self._line_secrets.clear()

    def line_secret_regions(self, line: int) -> list[Region]:
        """The secrets around a 1-based line. A large text is read from a window of lines
        around it rather than whole, so printing one line stays cheap."""
        if len(self.text) <= WHOLE_SCAN_LIMIT:
            return self.secret_regions()
        cached = self._line_secrets.get(line)
        if cached is not None:
            return cached
        from stconfig.secrets import secret_regions

        start = self.line_start(max(1, line - WINDOW_LINES))
        end = self.line_start(line + WINDOW_LINES + 1)
        self._window_chars += end - start
        if self._secrets is not None or 4 * self._window_chars > len(self.text):
            whole = self.secret_regions()
            first = bisect_right(whole, start, key=lambda region: region[1])
            last = bisect_left(whole, end, lo=first, key=lambda region: region[0])
            regions = self._line_secrets[line] = whole[first:last]
            return regions
        found = secret_regions(self.text[start:end], self._secret_values)
        regions = self._line_secrets[line] = [
            (first + start, last + start) for first, last in found
        ]
        return regions

    def masked_line(self, line: int) -> MaskedLine:
        """A 1-based line as every printer shows it: with its secrets masked."""
        from stconfig.secrets import mask_line

        regions = self.line_secret_regions(line)
        return mask_line(self.line_text(line), regions, self.line_start(line))


@record(frozen=True, compiled_init=True)
class Span:
    """A half-open range of character offsets in one source file."""

    source: SourceFile
    start: int
    end: int

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def start_line_col(self) -> tuple[int, int]:
        return self.source.line_col(self.start)

    @property
    def end_line_col(self) -> tuple[int, int]:
        return self.source.line_col(self.end)

    def cover(self, other: Span) -> Span:
        """The smallest span holding both (same file assumed)."""
        return Span(self.source, min(self.start, other.start), max(self.end, other.end))

    def __str__(self) -> str:
        line, column = self.start_line_col
        return f"{self.source.path}:{line}:{column}"


__all__ = ["SourceFile", "Span"]
