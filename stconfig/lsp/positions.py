"""Character offsets <-> LSP positions (line, UTF-16 code units, as LSP counts by default)."""

from __future__ import annotations

from bisect import bisect_right

from lsprotocol import types as lsp


class LineIndex:
    """Line starts of one text, for converting both ways in O(log lines)."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        position = text.find("\n")
        while position != -1:
            starts.append(position + 1)
            position = text.find("\n", position + 1)
        self.starts = starts

    def position(self, offset: int) -> lsp.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        prefix = self.text[self.starts[line] : offset]
        if not prefix.isascii():
            return lsp.Position(line, len(prefix.encode("utf-16-le")) // 2)
        return lsp.Position(line, len(prefix))

    def offset(self, position: lsp.Position) -> int:
        """The offset of a position; past the end of a line is its end, past the text its end."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = (
            self.starts[position.line + 1] - 1
            if position.line + 1 < len(self.starts)
            else len(self.text)
        )
        line = self.text[start:end]
        if line.isascii():
            return start + min(position.character, len(line))
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return start + index
            units += 2 if ord(char) > 0xFFFF else 1
        return end

    def range(self, start: int, end: int) -> lsp.Range:
        return lsp.Range(self.position(start), self.position(end))


__all__ = ["LineIndex"]
