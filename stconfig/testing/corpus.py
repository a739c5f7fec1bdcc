"""Where the SeaTunnel conformance corpus is: one rule for the tests, scripts and benchmarks.

The corpus (SeaTunnel 2.3.8's job files with the JSON its own loader builds) is not in the
repository. It is named by a command-line argument (`--conformance`, `--corpus`), else by
`$STCONFIG_CONFORMANCE`, else it is `shared/conformance` beside the repository, where CI
puts it.
"""

from __future__ import annotations

import os
from pathlib import Path

ENVIRONMENT = "STCONFIG_CONFORMANCE"
REPOSITORY = Path(__file__).resolve().parents[2]
"""The checkout this package runs from (an editable install, as in development and CI)."""
BESIDE = REPOSITORY.parent / "shared" / "conformance"
CASES = Path("seatunnel-2.3.8", "cases")
"""The job files inside the corpus folder."""


def corpus_folder(given: str | os.PathLike[str] | None = None) -> Path | None:
    """The corpus folder named by `given` or `$STCONFIG_CONFORMANCE` (as named, even when it
    does not exist, so that the caller can say so), else `BESIDE` when it exists, else None."""
    named = given or os.environ.get(ENVIRONMENT)
    if named:
        return Path(named)
    return BESIDE if BESIDE.is_dir() else None


def corpus_cases(given: str | os.PathLike[str] | None = None) -> Path:
    """The corpus's job files folder; where it would be beside the repository when no corpus
    is named or found (check `is_dir()` before relying on it)."""
    return (corpus_folder(given) or BESIDE) / CASES


__all__ = ["BESIDE", "CASES", "ENVIRONMENT", "corpus_cases", "corpus_folder"]
