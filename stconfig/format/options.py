"""The formatter's choices: the few a team argues about, each with one documented default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias, get_args

Separator: TypeAlias = Literal["=", ":"]
KeyQuotes: TypeAlias = Literal["needed", "always", "preserve"]

SEPARATORS: tuple[str, ...] = get_args(Separator)
KEY_QUOTES: tuple[str, ...] = get_args(KeyQuotes)
MAX_INDENT = 8


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """How `stconfig format` lays a file out.

    `indent`: spaces per level (JSON files too). `separator`: written between a key and a
    value that is not an object (`key = 1` or `key: 1`); objects open on the key's line
    without one (`key {`) and `+=` stays `+=`. `key_quotes`: `needed` quotes a key only when
    SeaTunnel's reader needs it, `always` quotes every key that can be quoted without a
    change of meaning, `preserve` keeps each key as written.
    """

    indent: int = 2
    separator: Separator = "="
    key_quotes: KeyQuotes = "needed"

    def __post_init__(self) -> None:
        if isinstance(self.indent, bool) or not isinstance(self.indent, int):
            raise ValueError(f"indent must be an integer, got {self.indent!r}")
        if not 1 <= self.indent <= MAX_INDENT:
            raise ValueError(f"indent must be from 1 to {MAX_INDENT}, got {self.indent}")
        if self.separator not in SEPARATORS:
            raise ValueError(
                f"separator must be one of {', '.join(map(repr, SEPARATORS))}, "
                f"got {self.separator!r}"
            )
        if self.key_quotes not in KEY_QUOTES:
            raise ValueError(
                f"key_quotes must be one of {', '.join(map(repr, KEY_QUOTES))}, "
                f"got {self.key_quotes!r}"
            )


__all__ = ["KEY_QUOTES", "MAX_INDENT", "SEPARATORS", "FormatOptions", "KeyQuotes", "Separator"]
