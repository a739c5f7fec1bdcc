"""The lexer cuts the whole text with one pattern and reads each token's kind from its text;
these are the shapes where a piece's text could be read wrongly (escapes, triple quotes,
quoted `}` inside `${...}`, `//` against a path, literals that start a longer word)."""

from __future__ import annotations

import pytest

from stconfig.hocon.lexer import Lexer
from stconfig.source import SourceFile


def cut(text: str) -> list[tuple[str, str, object]]:
    """Kind, text and value of each token but whitespace and the EOF."""
    tokens = Lexer(SourceFile("<test>", text)).scan()
    return [(t[0].name, t[3], t[4]) for t in tokens if t[0].name not in ("WHITESPACE", "EOF")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('a = "x\\"y"', [("QUOTED", '"x\\"y"', 'x"y')]),
        ('a = """q"u""""', [("TRIPLE", '"""q"u""""', 'q"u"')]),
        ("a = /tmp/x // c", [("UNQUOTED", "/tmp/x", "/tmp/x")]),
        ("a = -1.5e3", [("NUMBER", "-1.5e3", -1500.0)]),
        ("a = trueish", [("LITERAL", "true", True), ("UNQUOTED", "ish", "ish")]),
    ],
)
def test_values_are_cut_as_typesafe_cuts_them(text: str, expected: list[object]) -> None:
    assert cut(text) == [("UNQUOTED", "a", "a"), ("EQUALS", "=", None), *expected]


@pytest.mark.parametrize(
    ("text", "optional", "parts"),
    [
        ('${"b}c".d}', False, [("QUOTED", "b}c"), ("UNQUOTED", ".d")]),
        ('${?"""x}"""}', True, [("TRIPLE", "x}")]),
    ],
)
def test_a_quoted_brace_does_not_close_a_substitution(
    text: str, optional: bool, parts: list[tuple[str, str]]
) -> None:
    ((kind, written, value),) = cut(text)
    assert (kind, written) == ("SUBSTITUTION", text)
    assert isinstance(value, tuple)
    assert value[0] is optional
    assert [(part[0].name, part[4]) for part in value[1]] == parts


def test_plus_equals_and_a_comment_after_a_value() -> None:
    assert cut("a += 1 # one") == [
        ("UNQUOTED", "a", "a"),
        ("PLUS_EQUALS", "+=", None),
        ("NUMBER", "1", 1),
    ]
