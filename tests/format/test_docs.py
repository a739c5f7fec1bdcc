"""Every before/after pair in docs/format.md is what the formatter does."""

from __future__ import annotations

import re

import pytest

from stconfig import format_text
from tests.conftest import REPOSITORY

PAGE = REPOSITORY / "docs" / "format.md"
BLOCK = re.compile(r"^```hocon (before|after)\n(.*?)^```", re.M | re.S)


def pairs() -> list[tuple[str, str]]:
    blocks = BLOCK.findall(PAGE.read_text(encoding="utf-8"))
    kinds = [kind for kind, _ in blocks]
    assert kinds == ["before", "after"] * (len(blocks) // 2)
    return [(blocks[i][1], blocks[i + 1][1]) for i in range(0, len(blocks), 2)]


def test_the_page_shows_every_rule() -> None:
    assert len(pairs()) >= 10


@pytest.mark.parametrize(("before", "after"), pairs())
def test_example(before: str, after: str) -> None:
    assert format_text(before) == after
    assert format_text(after) == after
