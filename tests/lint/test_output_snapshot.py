"""`stconfig lint --output-format json --select ALL` on the whole corpus (the .conf jobs and
their .expected.json files) gives byte for byte the findings stored in output_snapshot.tsv.

The snapshot holds, per linted file, a hash of its findings exactly as printed plus their
codes and positions (so a failure names the file and what moved), and a hash of the whole
output. Speed work must not change a single byte. Regenerate only for an intended change:
`STCONFIG_CONFORMANCE=... python tests/lint/test_output_snapshot.py`.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

SNAPSHOT = Path(__file__).parent / "output_snapshot.tsv"


def lint_output(cases: Path) -> str:
    """The JSON printed for the corpus, with paths relative to the cases folder."""
    from click.testing import CliRunner

    from stconfig.cli import main

    previous = Path.cwd()
    os.chdir(cases)
    try:
        result = CliRunner().invoke(
            main,
            ["lint", "--output-format", "json", "--select", "ALL", "."],
        )
    finally:
        os.chdir(previous)
    assert result.exit_code == 1, result.output
    return result.stdout


def snapshot_lines(output: str) -> list[str]:
    """One line per file: path, hash of its findings as printed, their code@line:col."""
    by_file: dict[str, list[dict[str, object]]] = {}
    for finding in json.loads(output):
        by_file.setdefault(str(finding["file"]), []).append(finding)
    lines = [f"# whole output sha256 {hashlib.sha256(output.encode()).hexdigest()}"]
    for path in sorted(by_file):
        findings = by_file[path]
        printed = json.dumps(findings, indent=2, ensure_ascii=False).encode()
        where = " ".join(f"{f['code']}@{f['line']}:{f['column']}" for f in findings)
        lines.append(f"{path}\t{hashlib.sha256(printed).hexdigest()[:20]}\t{where}")
    return lines


def test_corpus_lint_output_is_unchanged(conformance_dir: Path) -> None:
    cases = conformance_dir / "seatunnel-2.3.8" / "cases"
    expected = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    actual = snapshot_lines(lint_output(cases))
    assert actual[1:] == expected[1:], "findings changed (file, hash, code@line:col)"
    assert actual[0] == expected[0], "same findings per file, but the printed output changed"


if __name__ == "__main__":
    folder = Path(os.environ.get("STCONFIG_CONFORMANCE", sys.argv[-1]))
    lines = snapshot_lines(lint_output(folder / "seatunnel-2.3.8" / "cases"))
    SNAPSHOT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{SNAPSHOT}: {len(lines) - 1} files")
