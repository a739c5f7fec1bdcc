"""Did-you-mean: the nearest known names to a misspelt one."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


def closest(
    word: str, candidates: Iterable[str], *, limit: int = 1, cutoff: float = 0.6
) -> list[str]:
    """Candidates close to `word`, best first, compared case-insensitively."""
    return list(_closest(word, tuple(candidates), limit, cutoff))


@lru_cache(maxsize=1024)
def _closest(word: str, candidates: tuple[str, ...], limit: int, cutoff: float) -> tuple[str, ...]:
    """`closest`, remembered: a corpus repeats its misspelt keys from job to job, and
    difflib compares each with every option of the plugin."""
    import difflib  # only when a name is misspelt: most runs never need it

    by_lower: dict[str, str] = {}
    for candidate in candidates:
        by_lower.setdefault(candidate.lower(), candidate)
    found = difflib.get_close_matches(word.lower(), list(by_lower), n=limit, cutoff=cutoff)
    return tuple(by_lower[match] for match in found)


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """`did you mean 'x'?`, or None when nothing is close."""
    found = closest(word, candidates)
    return f"did you mean {found[0]!r}?" if found else None


def quoted_list(names: Iterable[str], *, limit: int = 8) -> str:
    """`'a', 'b' and 3 more`: a short readable list for messages."""
    items = [repr(name) for name in names]
    if not items:
        return "none"
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    return ", ".join(items)


__all__ = ["closest", "did_you_mean", "quoted_list"]
