"""Bad input of every kind ends in a typed error with a position, never a traceback or a hang."""

from __future__ import annotations

from pathlib import Path

import pytest

import stconfig
from stconfig.errors import FileReadError, ParseError


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ('a = "abc\nb = 1', 1, 5, "unterminated quoted string"),
        ('a = """abc', 1, 5, "unterminated triple-quoted string"),
        ("a = { b = 1", 1, 5, "never closed with '}'"),
        ("a = 1\n}", 2, 1, "unbalanced '}'"),
        ("a = [1, 2", 1, 5, "never closed with ']'"),
        ("a = 1 = 2", 1, 7, "unexpected '='"),
        ("url = http://x:1", 1, 11, "unexpected ':' in a value"),
        ("a = ${", 1, 5, "not closed"),
        ("a = $x", 1, 5, "'$' is not followed by '{'"),
        ('a = "\\q"', 1, 6, "invalid escape"),
        ("a = 1+2", 1, 6, "reserved character '+'"),
        ("a = ^", 1, 5, "reserved character '^'"),
        ("a = 1,,b = 2", 1, 7, "unexpected ','"),
        ("include foo", 1, 1, "include must be followed"),
        ("[1, 2]", 1, 1, "the document is a list"),
        ("a = ${b}\nb = ${a}", 1, 5, "cycle"),
        ("a = \x00\x01", 1, 5, "NUL"),
        ("a = ${x:default}", 1, 8, "no '${name:default}' outside quotes"),
    ],
)
def test_syntax_errors_are_located(text: str, line: int, column: int, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        stconfig.loads(text, path="job.conf", environ={})
    error = caught.value
    assert (error.path, error.line, error.column) == ("job.conf", line, column)
    assert message in error.message
    assert str(error).startswith(f"job.conf:{line}:{column}: ")
    rendered = error.render().splitlines()
    assert len(rendered) == 4 and "^" in rendered[3]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": 1, "a": 2}', "duplicate keys: 'a' was already set at line 1, column 2"),
        ('{"a": 1 // c\n}', "comments are not allowed in JSON"),
        ('{"a": 1,}', "trailing ','"),
        ('{"a": [1,]}', "trailing ','"),
        ('{"a": x}', "not allowed in JSON"),
        ('{"a" = 1}', "JSON expects ':'"),
        ("{a: 1}", "'a' is not allowed in JSON"),
        ('{"a": 1 "b": 2}', "expected ','"),
        ('"a": 1', "must start with '{'"),
        ('{"a": "${x}" "y"}', "expected ','"),
    ],
)
def test_json_is_strict(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message.replace("(", r"\(").replace("[", r"\[")):
        stconfig.loads(text, fmt="json")


def test_deep_nesting_is_refused_not_recursed(tmp_path: Path) -> None:
    for text in ("a = " + "{b = " * 10_000 + "1" + "}" * 10_000, "a = " + "[" * 10_000):
        with pytest.raises(ParseError, match="nested more than"):
            stconfig.loads(text)


def test_long_substitution_chains_are_refused() -> None:
    text = "\n".join(f"a{i} = ${{a{i + 1}}}" for i in range(5_000)) + "\na5000 = 1"
    with pytest.raises(ParseError, match="chained more than"):
        stconfig.loads(text)


def test_large_files_are_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.conf"
    big.write_bytes(b"a = 1\n" * (50 * 1024 * 1024 // 6))
    with pytest.raises(FileReadError, match="MiB"):
        stconfig.load(big)


def test_invalid_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "job.conf"
    path.write_bytes(b'env {\n  job.name = "caf\xe9"\n}\n')
    with pytest.raises(ParseError, match="invalid UTF-8") as caught:
        stconfig.load(path)
    assert (caught.value.line, caught.value.column) == (2, 18)


def test_utf8_bom_is_whitespace(tmp_path: Path) -> None:
    path = tmp_path / "job.conf"
    path.write_bytes(b"\xef\xbb\xbfa = 1\n")
    assert stconfig.load(path).to_dict() == {"a": 1}


def test_binary_garbage_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "image.conf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ParseError):
        stconfig.load(path)


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(FileReadError, match="no such file"):
        stconfig.load(tmp_path / "missing.conf")
    with pytest.raises(FileReadError, match="is a directory"):
        stconfig.load(tmp_path)


def test_a_file_that_grows_while_read_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from stconfig import reader

    path = tmp_path / "job.conf"
    path.write_text("env { parallelism = 1 }\n" * 50)
    real_fstat = os.fstat

    def smaller(descriptor: int) -> os.stat_result:
        status = real_fstat(descriptor)
        fields = list(status)
        fields[6] = 10  # st_size as it was when the file was shorter
        return os.stat_result(fields)

    monkeypatch.setattr(os, "fstat", smaller)
    assert reader.read_source(path).text == path.read_text()
