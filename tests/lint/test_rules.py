"""Every rule against its fixtures: `bad*` files give exactly their `.out`, `ok*` files nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stconfig.lint.registry import all_rules
from tests.lint.harness import FIXTURES, cases, concise_lines, run_fixture

BAD = cases("bad")
OK = cases("ok")


def matches(expected: str, actual: str) -> bool:
    """An expected line is exact, or `/regex/` matched against the whole actual line."""
    if len(expected) > 1 and expected.startswith("/") and expected.endswith("/"):
        return re.fullmatch(expected[1:-1], actual) is not None
    return expected == actual


@pytest.mark.parametrize(("code", "path"), BAD, ids=[f"{c}/{p.name}" for c, p in BAD])
def test_bad_fixture(code: str, path: Path) -> None:
    expected = path.with_suffix(".out").read_text(encoding="utf-8").splitlines()
    actual = concise_lines(run_fixture(code, path), path.parent)
    assert expected, f"{path.with_suffix('.out')} is empty: a bad fixture must fail"
    assert len(actual) == len(expected), "\n".join(actual)
    for want, got in zip(expected, actual, strict=True):
        assert matches(want, got), f"expected {want!r}\n     got {got!r}"


@pytest.mark.parametrize(("code", "path"), OK, ids=[f"{c}/{p.name}" for c, p in OK])
def test_ok_fixture(code: str, path: Path) -> None:
    assert [str(d) for d in run_fixture(code, path)] == []


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_every_rule_has_bad_and_ok_fixtures(code: str) -> None:
    folder = FIXTURES / code
    assert any(c == code for c, _ in BAD), f"no bad fixture in {folder}"
    assert any(c == code for c, _ in OK), f"no ok fixture in {folder}"
