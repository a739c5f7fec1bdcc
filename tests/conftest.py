"""Shared fixtures: the conformance corpus folder and a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from stconfig.cli import main
from stconfig.testing.corpus import BESIDE, CASES, ENVIRONMENT, corpus_folder

REPOSITORY = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--conformance",
        default=None,
        help="Folder of the SeaTunnel conformance corpus (default: $STCONFIG_CONFORMANCE, "
        "then ../shared/conformance beside the repository).",
    )


def corpus_not_found(folder: Path | None) -> str:
    """Why the corpus tests are skipped: every place looked at, and how to name another."""
    looked = (
        str(folder)
        if folder is not None
        else f"--conformance, ${ENVIRONMENT} and {BESIDE}, all unset or missing"
    )
    return (
        f"conformance corpus not found (looked at {looked}); "
        f"pass --conformance DIR or set {ENVIRONMENT}"
    )


@pytest.fixture(scope="session")
def conformance_dir(pytestconfig: pytest.Config) -> Path:
    """The corpus folder; fails in CI (STCONFIG_REQUIRE_CONFORMANCE=1) when it is missing."""
    folder = corpus_folder(pytestconfig.getoption("--conformance"))
    if folder is None or not (folder / CASES).is_dir():
        message = corpus_not_found(folder)
        if os.environ.get("STCONFIG_REQUIRE_CONFORMANCE") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return folder


def run_cli(*args: str, input: str | bytes | None = None) -> Result:
    """Run `stconfig ARGS` in-process; exceptions escape so tracebacks fail the test."""
    return CliRunner().invoke(
        main, list(args), input=input, catch_exceptions=False, prog_name="stconfig"
    )
