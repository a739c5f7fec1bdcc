"""`stconfig.format_text` and its safety net, called from Python."""

from __future__ import annotations

from pathlib import Path

import pytest

import stconfig
import stconfig.format
from stconfig import ParseError, format_text
from stconfig.format import FormatError


def test_format_text_is_exported_and_formats() -> None:
    assert stconfig.format_text is format_text
    assert format_text("env{job.mode:BATCH}") == "env {\n  job.mode = BATCH\n}\n"
    assert format_text('{"a":[1,2]}', "json") == '{\n  "a": [1, 2]\n}\n'


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"indent": 4}, 'a {\n    "b c" = 1\n    d = 2\n}\n'),
        ({"separator": ":"}, 'a {\n  "b c": 1\n  d: 2\n}\n'),
        ({"key_quotes": "always"}, '"a" {\n  "b c" = 1\n  "d" = 2\n}\n'),
        ({"key_quotes": "preserve"}, 'a {\n  "b c" = 1\n  "d" = 2\n}\n'),
    ],
)
def test_options(options: dict[str, object], expected: str) -> None:
    assert format_text('a { "b c" = 1, "d" = 2 }', **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"indent": 0}, ValueError, "indent must be from 1 to 8"),
        ({"indent": True}, ValueError, "indent must be an integer"),
        ({"separator": "->"}, ValueError, "separator must be one of"),
        ({"key_quotes": "single"}, ValueError, "key_quotes must be one of"),
        ({"fmt": "yaml"}, ValueError, "fmt must be 'hocon' or 'json'"),
        ({"indnet": 2}, TypeError, "indnet"),
    ],
)
def test_bad_options(options: dict[str, object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        format_text("a = 1", **options)  # type: ignore[arg-type]


def test_text_that_does_not_parse_raises_with_its_position() -> None:
    with pytest.raises(ParseError) as caught:
        format_text("a {\n  b = [1, 2\n}\n", path="job.conf")
    assert str(caught.value).startswith("job.conf:")


def test_a_lost_comment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stconfig.format, "print_document", lambda *_: "a = 1\n")
    with pytest.raises(FormatError, match="comment '# keep me' would be lost"):
        format_text("a=1  # keep me\n")


def test_a_dropped_duplicate_is_refused_even_when_the_reading_is_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(stconfig.format, "print_document", lambda *_: "a = 2\n")
    with pytest.raises(FormatError, match="syntax tree changed"):
        format_text("a = 1\na = 2\n")


def test_text_that_does_not_parse_after_formatting_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(stconfig.format, "print_document", lambda *_: "a = {\n")
    with pytest.raises(FormatError, match="the formatted text does not read"):
        format_text("a = {}\n")


def test_a_result_that_reads_when_the_original_did_not_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(stconfig.format, "print_document", lambda *_: "a = 1\nb = 1\n")
    with pytest.raises(FormatError, match=r"the original does not read .* but the result does"):
        format_text("a = ${b}\nb = ${a}\n")


def test_files_that_parse_but_do_not_read_are_still_formatted(tmp_path: Path) -> None:
    """A missing required include or a reference cycle stops SeaTunnel, not the layout."""
    cycle = format_text("a = ${b}\nb = ${a}\n")
    assert cycle == "a = ${b}\nb = ${a}\n"
    missing = format_text('include  required("nope.conf")\na=1\n', path=str(tmp_path / "j.conf"))
    assert missing == 'include required("nope.conf")\na = 1\n'


def test_includes_are_read_from_beside_the_file(tmp_path: Path) -> None:
    (tmp_path / "common.conf").write_text("x = 1\n", encoding="utf-8")
    text = 'include "common.conf"\ny = ${x}\n'
    assert format_text(text, path=str(tmp_path / "job.conf")) == text


def test_empty_and_comment_only_texts() -> None:
    assert format_text("") == ""
    assert format_text(" \n\n\t\n") == ""
    assert format_text("\n\n# only\n\n\n// comments  \n\n") == "# only\n\n// comments\n"


def test_byte_order_mark_and_line_endings() -> None:
    assert format_text("\ufeffa=1\nb=2\n") == "\ufeffa = 1\nb = 2\n"
    assert format_text("a=1\r\n\r\n\r\nb {c=2}") == "a = 1\r\n\r\nb {\r\n  c = 2\r\n}\r\n"
    assert format_text('a = """x\r\ny"""  \r\n') == 'a = """x\r\ny"""\r\n'
    assert format_text('a = """x\ny"""\r\n') == 'a = """x\ny"""\n'  # the first break decides


def test_a_byte_order_mark_inside_a_comment_is_kept() -> None:
    # Only a leading BOM is special; elsewhere it is a character of the comment, even last.
    assert format_text("a { b = 1 # x\ufeff\n}\n") == "a {\n  b = 1  # x\ufeff\n}\n"
    assert format_text("# \ufeff\na=1\n") == "# \ufeff\na = 1\n"
    assert format_text("a=1 // \ufeff  \n") == "a = 1  // \ufeff\n"


def test_deep_nesting_is_formatted() -> None:
    depth = 120
    text = "a {" * depth + "b = 1" + "}" * depth
    formatted = format_text(text)
    assert formatted.count("\n") == 2 * depth + 1
    assert " " * 2 * depth + "b = 1\n" in formatted


def test_duplicate_plugin_blocks_and_repeated_keys_stay() -> None:
    text = "source {\n  Fake { a = 1 }\n  Fake { a = 2 }\n}\nenv { p = 1, p = 2 }\n"
    assert format_text(text) == (
        "source {\n  Fake {\n    a = 1\n  }\n  Fake {\n    a = 2\n  }\n}\n"
        "env {\n  p = 1\n  p = 2\n}\n"
    )
