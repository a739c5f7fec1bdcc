"""`stconfig import` then `stconfig build` gives back every corpus job (SeaTunnel 2.3.8).

For each `X.conf`: import it to DSL code, run the code, build the job as SeaTunnel would
read it without `-i` variables, and compare with both `stconfig.load` and SeaTunnel's own
`X.expected.json`. The test names every failure with its reason.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from stconfig.dsl import Job, JobDocument
from stconfig.dsl.importer import execute, import_path
from tests.corpus.compare import first_difference
from tests.corpus.test_conformance import corpus_cases

REQUIRED_SHARE = 0.99


def round_trip(conf: Path, expected: Path) -> tuple[str | None, str]:
    """(failure reason or None, generated code)."""
    try:
        code = import_path(str(conf))
        built = execute(code, str(conf.with_suffix(".py")))
        assert isinstance(built, Job | JobDocument)
        data = built.build(variables={}) if isinstance(built, Job) else built.build()
    except Exception as error:
        return f"{type(error).__name__}: {error}", ""
    wanted = json.loads(expected.read_text(encoding="utf-8"))
    return first_difference(data.to_dict(), wanted), code


def test_import_then_build_reproduces_the_corpus(conformance_dir: Path, tmp_path: Path) -> None:
    cases = corpus_cases(conformance_dir)
    failures: list[str] = []
    verbatim = 0
    for index, (conf, expected) in enumerate(cases):
        reason, code = round_trip(conf, expected)
        if reason is not None:
            failures.append(f"{conf.relative_to(conformance_dir)}: {reason}")
        verbatim += "JobDocument(" in code
        (tmp_path / f"job_{index:03}.py").write_text(code, encoding="utf-8")
    share = 1 - len(failures) / len(cases)
    report = "\n".join(failures)
    assert share >= REQUIRED_SHARE, f"{len(failures)} of {len(cases)} failed:\n{report}"
    # the documents that are not jobs (connector fragments) are the only verbatim ones
    assert verbatim <= 31
    # the generated code is already as ruff formats it (project settings: 100 columns)
    if shutil.which("ruff") is not None:
        command = ["ruff", "format", "--isolated", "--line-length", "100", "--check", "."]
        formatted = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
        assert formatted.returncode == 0, formatted.stdout + formatted.stderr
