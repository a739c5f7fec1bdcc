"""Near-miss suggestions for option keys and plugin names."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to `word`: same letters ignoring case and separators, else difflib."""
    pool = list(dict.fromkeys(candidates))
    squashed = _squash(word)
    for candidate in pool:
        if _squash(candidate) == squashed:
            return candidate
    by_squash = {_squash(c): c for c in pool}
    match = difflib.get_close_matches(squashed, list(by_squash), n=1, cutoff=0.75)
    return by_squash[match[0]] if match else None


__all__ = ["closest"]
