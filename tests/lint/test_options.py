"""Plugin option checks stay cheap: linting reads the catalog's specs, never its models."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPOSITORY


def test_linting_a_job_does_not_import_pydantic() -> None:
    code = (
        "import sys, stconfig\n"
        "found = stconfig.lint('tests/lint/fixtures/ST301/bad.conf', target_version='2.3.8')\n"
        "assert [d.code for d in found if d.code == 'ST301'], found\n"
        "assert 'pydantic' not in sys.modules, 'pydantic imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=REPOSITORY
    )
    assert result.returncode == 0, result.stderr
