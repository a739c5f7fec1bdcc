"""One rule finds the conformance corpus for the tests, scripts and benchmarks."""

from __future__ import annotations

from pathlib import Path

import pytest

from stconfig.testing import corpus
from stconfig.testing.corpus import CASES, corpus_cases, corpus_folder
from tests.conftest import REPOSITORY


@pytest.fixture
def beside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "shared" / "conformance"
    monkeypatch.setattr(corpus, "BESIDE", folder)
    monkeypatch.delenv("STCONFIG_CONFORMANCE", raising=False)
    return folder


def test_an_argument_wins_over_the_environment(
    beside: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STCONFIG_CONFORMANCE", "/from/env")
    assert corpus_folder("/given") == Path("/given")
    assert corpus_folder() == Path("/from/env")
    assert corpus_cases() == Path("/from/env") / CASES


def test_a_named_folder_is_kept_even_when_missing(beside: Path) -> None:
    assert corpus_folder("/no/such/folder") == Path("/no/such/folder")


def test_shared_beside_the_repository_only_when_it_exists(beside: Path) -> None:
    assert corpus_folder() is None
    assert corpus_cases() == beside / CASES
    beside.mkdir(parents=True)
    assert corpus_folder() == beside


def test_beside_means_next_to_this_checkout() -> None:
    assert REPOSITORY.parent / "shared" / "conformance" == corpus.BESIDE
    assert Path("seatunnel-2.3.8", "cases") == CASES
