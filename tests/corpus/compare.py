"""Comparison with SeaTunnel's expected JSON.

List order matters, key order does not, and numbers compare as numbers: the reference
renders a double with an integral value (`43.0`, `1e3`) as an integer.
"""

from __future__ import annotations

from typing import Any


def first_difference(actual: Any, expected: Any, path: str = "$") -> str | None:
    """None when equal; otherwise where and how the two differ."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object, got {actual!r}"
        if set(actual) != set(expected):
            missing = sorted(set(expected) - set(actual))
            extra = sorted(set(actual) - set(expected))
            return f"{path}: keys differ, missing {missing}, unexpected {extra}"
        for key, value in expected.items():
            found = first_difference(actual[key], value, f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{path}: expected {expected!r}, got {actual!r}"
        for index, (left, right) in enumerate(zip(actual, expected, strict=True)):
            found = first_difference(left, right, f"{path}[{index}]")
            if found:
                return found
        return None
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        same = type(actual) is type(expected) and actual == expected
    else:
        same = (
            isinstance(actual, int | float) and not isinstance(actual, bool) and actual == expected
        )
    return None if same else f"{path}: expected {expected!r}, got {actual!r}"
