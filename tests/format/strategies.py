"""Hypothesis strategies: hand-written-looking HOCON job text with comments everywhere.

The text is built directly (not emitted from a model) so that it has what real files have:
mixed separators, quoted and bare keys, commas, odd indentation, blank lines, references,
concatenations, triple quotes, and comments on their own lines, at line ends, after `{`
and `[`, between a key and its value, and at the end of blocks. Every key carries a unique
tag `kN`, and every comment the tag of what it annotates, so tests can check placement.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as st

KEY_SPELLINGS = (
    "k{n}",
    '"k{n}"',
    "row.num.k{n}",
    '"row.num.k{n}"',
    '"a->b.k{n}"',
    "a->k{n}",
    '"with space k{n}"',
    "k{n}.x-y_z",
    "k{n} padded",
)
SCALARS = (
    "100",
    "1.50",
    "1e3",
    "-7",
    "true",
    "null",
    '"quoted text"',
    "bare",
    "10s",
    '"""triple\n  "quoted" text"""',
    "${?HOME}",
    '${?USER}"/data"',
    "a b  c",
    '"x" "y"',
    '"${table_name:default}"',
    "/tmp/path",
    '""',
)
SEPARATORS = (" = ", "=", " : ", ":", "  =  ")
OBJECT_OPENERS = (" {", "{", " = {", ":{", " : {")
INDENTS = ("", " ", "  ", "\t", "    ", " \t ")
COMMENT_BODY = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\n\r\u2028\u2029"),
    max_size=8,
)


@dataclass
class Placement:
    """Where each comment belongs: on the line of key tag, or on its own line before it."""

    end_of_line: dict[str, str] = field(default_factory=dict)
    before: dict[str, str] = field(default_factory=dict)


class _Builder:
    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.count = 0
        self.placement = Placement()

    def tag(self) -> str:
        self.count += 1
        return f"k{self.count}"

    def comment(self) -> str:
        self.count += 1
        marker = self.draw(st.sampled_from(["#", "//", "# ", "//  "]))
        return f"{marker}c{self.count}:{self.draw(COMMENT_BODY)}"

    def maybe(self, probability_in_4: int = 1) -> bool:
        return self.draw(st.integers(0, 3)) < probability_in_4

    def indent(self) -> str:
        return self.draw(st.sampled_from(INDENTS))

    def scalar(self) -> str:
        return self.draw(st.sampled_from(SCALARS))

    def key(self) -> tuple[str, str]:
        tag = self.tag()
        return tag, self.draw(st.sampled_from(KEY_SPELLINGS)).format(n=tag[1:])

    def body(self, depth: int) -> list[str]:
        """Lines of an object's members."""
        lines: list[str] = []
        for _ in range(self.draw(st.integers(0, 4))):
            if self.maybe():
                lines.append("")
            tag, key = self.key()
            if self.maybe():
                text = self.comment()
                self.placement.before[text] = tag
                lines.append(self.indent() + text)
            lines.extend(self.member(depth, tag, key))
        if self.maybe():
            lines.append(self.indent() + self.comment())
        return lines

    def end_comment(self, tag: str | None) -> str:
        """Maybe a comment at the end of a line; `tag` when that line starts the member."""
        if not self.maybe():
            return ""
        text = self.comment()
        if tag is not None:
            self.placement.end_of_line[text] = tag
        return self.draw(st.sampled_from([" ", "   ", "\t", ""])) + text

    def member(self, depth: int, tag: str, key: str) -> list[str]:
        kind = self.draw(
            st.sampled_from(
                ["scalar", "scalar", "object", "list"] if depth < 3 else ["scalar", "list"]
            )
        )
        lead = self.indent()
        if kind == "scalar":
            separator = self.draw(st.sampled_from(SEPARATORS))
            value = self.scalar()
            on_key_line = tag if "\n" not in value else None
            if self.maybe():
                text = self.comment()
                self.placement.before[text] = tag
                return [
                    f"{lead}{key}{separator.rstrip()} {text}",
                    self.indent() + value + self.end_comment(on_key_line),
                ]
            return [f"{lead}{key}{separator}{value}{self.end_comment(on_key_line)}"]
        if kind == "list":
            items = [self.scalar() for _ in range(self.draw(st.integers(0, 3)))]
            items = [item for item in items if "\n" not in item]
            separator = self.draw(st.sampled_from(SEPARATORS))
            if self.maybe(2):
                return [f"{lead}{key}{separator}[{', '.join(items)}]{self.end_comment(tag)}"]
            lines = [f"{lead}{key}{separator}[" + self.end_comment(tag)]
            for item in items:
                lines.append(
                    self.indent()
                    + item
                    + self.draw(st.sampled_from([",", ""]))
                    + self.end_comment(None)
                )
            return [*lines, self.indent() + "]"]
        opener = self.draw(st.sampled_from(OBJECT_OPENERS))
        inner = self.body(depth + 1)
        return [
            f"{lead}{key}{opener}{self.end_comment(tag)}",
            *inner,
            f"{self.indent()}}}{self.end_comment(None)}",
        ]


@st.composite
def commented_jobs(draw: st.DrawFn) -> tuple[str, Placement]:
    """A job text and where its comments belong."""
    builder = _Builder(draw)
    lines: list[str] = []
    if builder.maybe():
        lines.append(builder.comment())
    for section in ("env", "source", "sink"):
        if builder.maybe():
            lines.append("")
        lines.append(f"{section} {{")
        lines.extend(builder.body(1))
        lines.append("}")
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n\n"])), builder.placement


__all__ = ["Placement", "commented_jobs"]
