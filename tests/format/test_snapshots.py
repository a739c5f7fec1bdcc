"""One fixture pair per rule of the style: fixtures/NAME.in.conf formats to NAME.out.conf.

A sibling NAME.options.json holds the options of a case that is not about the defaults.
Every `.out` file is already formatted (formatting it again changes nothing).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stconfig import format_text
from stconfig.reader import Syntax
from tests.format.rules import STYLE_RULES

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(FIXTURES.glob("*.in.*"))


def expected_path(case: Path) -> Path:
    name, extension = case.name.split(".in.")
    return case.with_name(f"{name}.out.{extension}")


def format_case(path: Path, text: str) -> str:
    name = path.name.split(".")[0]
    options_file = path.with_name(f"{name}.options.json")
    options = json.loads(options_file.read_text()) if options_file.exists() else {}
    syntax: Syntax = "json" if path.suffix == ".json" else "hocon"
    return format_text(text, syntax, path=str(path), **options)


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_fixture_formats_to_its_snapshot(case: Path) -> None:
    expected = read(expected_path(case))
    assert format_case(case, read(case)) == expected
    assert format_case(expected_path(case), expected) == expected


def test_every_rule_of_the_style_has_a_fixture() -> None:
    names = {case.name.split(".in.")[0] for case in CASES}
    assert set(STYLE_RULES) <= names
    assert all(expected_path(case).exists() for case in CASES)
