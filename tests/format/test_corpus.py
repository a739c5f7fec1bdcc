"""The conformance corpus, formatted: same reading, same comments, and a fixed point."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import stconfig
from stconfig.errors import UnresolvedVariableError
from stconfig.format import FormatOptions, format_source
from stconfig.format.printer import comment_text
from stconfig.hocon.parser import parse_document
from stconfig.reader import read_source
from stconfig.source import SourceFile
from tests.corpus.compare import first_difference
from tests.corpus.test_conformance import corpus_cases, unresolved_cases


def comments(path: str, text: str) -> Counter[str]:
    document = parse_document(SourceFile(path, text))
    return Counter(comment_text(comment) for comment in document.comments)


@pytest.fixture(scope="module")
def formatted(conformance_dir: Path) -> dict[Path, tuple[str, str]]:
    """Every corpus file with its original and formatted text (default options)."""
    files = [conf for conf, _ in corpus_cases(conformance_dir)]
    files += unresolved_cases(conformance_dir)
    result = {}
    for conf in files:
        source = read_source(conf)
        result[conf] = (source.text, format_source(source, "hocon", FormatOptions()))
    return result


def test_the_whole_corpus_is_formatted(formatted: dict[Path, tuple[str, str]]) -> None:
    assert len(formatted) == 672
    assert sum(before != after for before, after in formatted.values()) > 600


def test_formatted_files_read_as_seatunnel_reads_the_originals(
    conformance_dir: Path, formatted: dict[Path, tuple[str, str]]
) -> None:
    failures = []
    for conf, expected in corpus_cases(conformance_dir):
        text = formatted[conf][1]
        actual = stconfig.loads(text, path=str(conf), environ={}).to_dict()
        difference = first_difference(actual, json.loads(expected.read_text(encoding="utf-8")))
        if difference:
            failures.append(f"{conf}: {difference}")
    assert not failures, "\n".join(failures)
    assert len(corpus_cases(conformance_dir)) == 661


def test_formatted_files_keep_their_unresolved_variables(
    conformance_dir: Path, formatted: dict[Path, tuple[str, str]]
) -> None:
    for conf in unresolved_cases(conformance_dir):
        before, after = formatted[conf]
        names = []
        for text in (before, after):
            with pytest.raises(UnresolvedVariableError) as caught:
                stconfig.loads(text, path=str(conf), environ={})
            names.append(caught.value.names)
        assert names[0] == names[1], conf


def test_every_comment_survives(formatted: dict[Path, tuple[str, str]]) -> None:
    failures = [
        str(conf)
        for conf, (before, after) in formatted.items()
        if comments(str(conf), before) != comments(str(conf), after)
    ]
    assert not failures, "\n".join(failures)
    assert sum(sum(comments(str(c), b).values()) for c, (b, _) in formatted.items()) > 5000


def test_formatting_twice_changes_nothing(formatted: dict[Path, tuple[str, str]]) -> None:
    failures = [
        str(conf)
        for conf, (_, after) in formatted.items()
        if format_source(SourceFile(str(conf), after), "hocon", FormatOptions()) != after
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "options",
    [
        FormatOptions(indent=4, separator=":", key_quotes="always"),
        FormatOptions(indent=1, key_quotes="preserve"),
    ],
    ids=["indent4-colon-always", "indent1-preserve"],
)
def test_other_options_keep_the_reading_too(
    formatted: dict[Path, tuple[str, str]], options: FormatOptions
) -> None:
    """format_source checks the reading itself; here it must never refuse, and be stable."""
    for conf, (before, _) in formatted.items():
        after = format_source(SourceFile(str(conf), before), "hocon", options)
        assert format_source(SourceFile(str(conf), after), "hocon", options) == after, conf


def test_the_expected_json_files_format_as_the_same_json(conformance_dir: Path) -> None:
    """The corpus's 661 `.expected.json` files are JSON job files too."""
    failures = []
    for _, expected in corpus_cases(conformance_dir):
        source = read_source(expected)
        after = format_source(source, "json", FormatOptions())
        same = json.loads(after, object_pairs_hook=list) == json.loads(
            source.text, object_pairs_hook=list
        )
        stable = format_source(SourceFile(str(expected), after), "json", FormatOptions()) == after
        if not (same and stable):
            failures.append(str(expected))
    assert not failures, "\n".join(failures)
