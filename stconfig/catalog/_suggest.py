"""Near-miss suggestions for option keys and plugin names."""

from __future__ import annotations

import re
from collections.abc import Iterable


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) turning `a` into `b`."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        # Comparisons instead of `min()` calls: this loop runs for every pair of letters.
        current = [i]
        left = i
        swapped = a[i - 2] if i > 1 else None
        for j, cb in enumerate(b, 1):
            cost = previous[j - 1] if ca == cb else previous[j - 1] + 1
            if previous[j] < cost:
                cost = previous[j] + 1
            if left < cost:
                cost = left + 1
            if swapped == cb and j > 1 and ca == b[j - 2] and previous2[j - 2] < cost:
                cost = previous2[j - 2] + 1
            current.append(cost)
            left = cost
        previous2, previous = previous, current
    return previous[-1]


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to `word`, or None when nothing is near.

    Same letters ignoring case and separators first, then a small edit distance, then difflib.
    """
    pool = list(dict.fromkeys(candidates))
    squashed = _squash(word)
    by_squash = {_squash(c): c for c in pool}
    if squashed in by_squash:
        return by_squash[squashed]
    limit = max(1, len(squashed) // 4)
    # A distance is at least the difference in length: candidates further apart than the
    # limit cannot be chosen, and are not measured.
    length = len(squashed)
    scored = sorted(
        (edit_distance(squashed, s), s) for s in by_squash if abs(len(s) - length) <= limit
    )
    if scored and scored[0][0] <= limit:
        return by_squash[scored[0][1]]
    import difflib  # the last resort; most lookups never reach it

    match = difflib.get_close_matches(squashed, list(by_squash), n=1, cutoff=0.8)
    return by_squash[match[0]] if match else None


__all__ = ["closest", "edit_distance"]
