"""Property tests: generated jobs with comments everywhere keep their reading and comments;
generated JSON files stay the same JSON, key order included."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from hypothesis import given, note, settings
from hypothesis import strategies as st

import stconfig
from stconfig import format_text
from stconfig.format.printer import comment_text
from stconfig.hocon.parser import parse_document
from stconfig.source import SourceFile
from tests.format.strategies import Placement, commented_jobs

OPTIONS = st.fixed_dictionaries(
    {
        "indent": st.integers(1, 8),
        "separator": st.sampled_from(["=", ":"]),
        "key_quotes": st.sampled_from(["needed", "always", "preserve"]),
    }
)


def reading(text: str) -> stconfig.Job:
    return stconfig.loads(text, environ={}, unresolved="keep", placeholders="keep")


def comments(text: str) -> Counter[str]:
    document = parse_document(SourceFile("<test>", text))
    return Counter(comment_text(comment) for comment in document.comments)


def line_with(lines: list[str], comment: str) -> int:
    text = comment.rstrip()
    return next(number for number, line in enumerate(lines) if line.endswith(text))


def tag_in(tag: str, line: str) -> bool:
    return re.search(rf"{tag}(?!\d)", line) is not None


def check_placement(formatted: str, placement: Placement) -> None:
    lines = formatted.split("\n")
    for comment, tag in placement.end_of_line.items():
        line = lines[line_with(lines, comment)]
        assert tag_in(tag, line.removesuffix(comment.rstrip())), (comment, line)
    for comment, tag in placement.before.items():
        number = line_with(lines, comment)
        assert lines[number].strip() == comment.rstrip()
        following = next(
            line
            for line in lines[number + 1 :]
            if line.strip() and not line.lstrip().startswith(("#", "//"))
        )
        assert tag_in(tag, following), (comment, following)


@settings(max_examples=200, deadline=None)
@given(commented_jobs(), OPTIONS)
def test_formatting_keeps_reading_comments_and_their_places(
    job: tuple[str, Placement], options: dict[str, Any]
) -> None:
    text, placement = job
    note(text)
    formatted = format_text(text, **options)
    note(formatted)
    assert reading(formatted) == reading(text)
    assert comments(formatted) == comments(text)
    assert format_text(formatted, **options) == formatted
    check_placement(formatted, placement)
    assert not any(line != line.rstrip() for line in formatted.split("\n"))
    assert "\n\n\n" not in formatted


@settings(max_examples=100, deadline=None)
@given(commented_jobs(), st.integers(1, 8))
def test_indentation_is_spaces_in_whole_levels(job: tuple[str, Placement], indent: int) -> None:
    formatted = format_text(job[0], indent=indent)
    for line in formatted.split("\n"):
        if line.startswith('  "quoted" text'):
            continue  # inside a triple-quoted string, which is never touched
        lead = line[: len(line) - len(line.lstrip())]
        assert set(lead) <= {" "} and len(lead) % indent == 0, line


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(st.text(max_size=4), JSON_VALUES, max_size=4),
    st.sampled_from([None, 0, 3]),
    st.booleans(),
    st.integers(1, 8),
)
def test_json_files_stay_the_same_json(
    data: dict[str, Any], layout: int | None, ascii_only: bool, indent: int
) -> None:
    text = json.dumps(data, indent=layout, ensure_ascii=ascii_only)
    note(text)
    formatted = format_text(text, "json", indent=indent)
    note(formatted)
    pairs = json.loads(formatted, object_pairs_hook=list)
    assert pairs == json.loads(text, object_pairs_hook=list)
    assert format_text(formatted, "json", indent=indent) == formatted
