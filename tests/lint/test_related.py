"""Findings that name another place carry it as `related`: in Python, JSON, SARIF and the LSP."""

from __future__ import annotations

import json
from pathlib import Path

from lsprotocol import types as lsp

import stconfig
from stconfig.lint.diagnostic import Diagnostic, Related, Severity
from stconfig.lint.settings import LintSettings
from stconfig.lsp.diagnostics import lint_python, lint_text, to_lsp
from stconfig.lsp.positions import LineIndex
from stconfig.source import SourceFile, Span
from tests.conftest import run_cli

DUPLICATE_TABLE = (
    "env { job.mode = BATCH }\n"
    "source {\n"
    '  FakeSource { result_table_name = "t", row.num = 1, schema = { fields { a = int } } }\n'
    '  FakeSource { result_table_name = "t", row.num = 2, schema = { fields { a = int } } }\n'
    "}\n"
    'sink { Console { source_table_name = "t" } }\n'
)
FIRST_OUTPUT = (3, 36)
"""Line and column of the first `"t"` output name in DUPLICATE_TABLE."""

DUPLICATE_KEY = (
    "env { job.mode = BATCH, parallelism = 1 }\n"
    "source { FakeSource {\n"
    '  result_table_name = "t", row.num = 1\n'
    "  schema = { fields { a = int } }\n"
    "  row.num = 5\n"
    "} }\n"
    'sink { Console { source_table_name = "t" } }\n'
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def one(findings: list[Diagnostic], code: str) -> Diagnostic:
    [finding] = [d for d in findings if d.code == code]
    return finding


def test_st205_names_the_first_producer(tmp_path: Path) -> None:
    path = write(tmp_path, "job.conf", DUPLICATE_TABLE)
    finding = one(stconfig.lint(path), "ST205")
    [place] = finding.related
    assert place.span.path == str(path)
    assert place.span.start_line_col == FIRST_OUTPUT
    assert place.span.source.text[place.span.start : place.span.end] == '"t"'
    assert place.message == "'t' first produced here"
    assert "at line 3, column 36" in finding.message


def test_st501_names_the_value_it_replaces(tmp_path: Path) -> None:
    path = write(tmp_path, "job.conf", DUPLICATE_KEY)
    finding = one(stconfig.lint(path), "ST501")
    assert finding.line == 5
    [place] = finding.related
    assert place.span.start_line_col == (3, 28)
    assert place.message == "the value replaced is set here"


def test_st904_names_the_section_in_the_other_file(tmp_path: Path) -> None:
    included = write(tmp_path, "sources.conf", "source { FakeSource {} }\n")
    path = write(
        tmp_path,
        "job.conf",
        'env { job.mode = BATCH }\nsource { FakeSource {} }\ninclude "sources.conf"\n'
        "sink { Console {} }\n",
    )
    finding = one(stconfig.lint(path), "ST904")
    assert finding.path == str(included)
    [place] = finding.related
    assert (place.span.path, place.span.start_line_col) == (str(path), (2, 1))


def test_findings_that_name_no_other_place_have_none(tmp_path: Path) -> None:
    path = write(tmp_path, "job.conf", DUPLICATE_TABLE.replace("BATCH", "batch"))
    assert one(stconfig.lint(path), "ST103").related == ()


def test_json_output_lists_the_related_places(tmp_path: Path) -> None:
    path = write(tmp_path, "job.conf", DUPLICATE_TABLE)
    rows = json.loads(run_cli("lint", "--output-format", "json", str(path)).stdout)
    row = next(row for row in rows if row["code"] == "ST205")
    assert row["related"] == [
        {
            "file": str(path),
            "line": 3,
            "column": 36,
            "end_line": 3,
            "end_column": 39,
            "message": "'t' first produced here",
        }
    ]
    assert all(row["related"] == [] for row in rows if row["code"] != "ST205")


def test_sarif_output_has_related_locations(tmp_path: Path) -> None:
    path = write(tmp_path, "job.conf", DUPLICATE_KEY)
    document = json.loads(run_cli("lint", "--output-format", "sarif", str(path)).stdout)
    result = next(r for r in document["runs"][0]["results"] if r["ruleId"] == "ST501")
    assert result["relatedLocations"] == [
        {
            "id": 0,
            "physicalLocation": {
                "artifactLocation": {"uri": Path(path).as_uri()},
                "region": {"startLine": 3, "startColumn": 28, "endLine": 3, "endColumn": 35},
            },
            "message": {"text": "the value replaced is set here"},
        }
    ]
    others = [r for r in document["runs"][0]["results"] if r["ruleId"] != "ST501"]
    assert all("relatedLocations" not in r for r in others)


def test_lsp_links_to_the_related_place_from_the_diagnostic_not_the_message(
    tmp_path: Path,
) -> None:
    path = str(tmp_path / "job.conf")
    findings = lint_text(path, DUPLICATE_TABLE, LintSettings())
    [published] = [
        d
        for d in to_lsp(findings, path, "file:///job.conf", LineIndex(DUPLICATE_TABLE), None)
        if d.code == "ST205"
    ]
    assert published.related_information == [
        lsp.DiagnosticRelatedInformation(
            lsp.Location("file:///job.conf", lsp.Range(lsp.Position(2, 35), lsp.Position(2, 38))),
            "'t' first produced here",
        )
    ]


def test_lsp_links_into_another_file(tmp_path: Path) -> None:
    # a finding of job.conf whose related place is in a file it includes, positions in
    # that file's UTF-16 units (the astral U+1D4B3 counts two)
    text = 'env { job.mode = BATCH }\ninclude "more.conf"\n'
    path = str(tmp_path / "job.conf")
    other = SourceFile(str(tmp_path / "more.conf"), "# more\nsource { \U0001d4b3Source {} }\n")
    start = other.text.index("{}")
    finding = Diagnostic(
        "ST999",
        "example",
        Severity.WARNING,
        "message",
        path,
        Span(SourceFile(path, text), 0, 3),
        related=(Related(Span(other, start, start + 2), "over there"),),
    )
    [published] = to_lsp([finding], path, Path(path).as_uri(), LineIndex(text), None)
    assert published.related_information == [
        lsp.DiagnosticRelatedInformation(
            lsp.Location(
                (tmp_path / "more.conf").as_uri(),
                lsp.Range(lsp.Position(1, 18), lsp.Position(1, 20)),  # UTF-16 units
            ),
            "over there",
        )
    ]


def test_lsp_reads_related_places_from_a_child_lint_run(tmp_path: Path) -> None:
    # the path DSL files take: `stconfig lint --output-format json` in a child process
    path = write(tmp_path, "job.conf", DUPLICATE_KEY)
    [published] = [d for d in lint_python(str(path), LintSettings(), None) if d.code == "ST501"]
    assert published.related_information == [
        lsp.DiagnosticRelatedInformation(
            lsp.Location(path.as_uri(), lsp.Range(lsp.Position(2, 27), lsp.Position(2, 34))),
            "the value replaced is set here",
        )
    ]


def test_repeated_section_follows_reading_order_across_an_include(tmp_path: Path) -> None:
    """An include read before the file's own `source` is the block that gets replaced."""
    included = write(tmp_path, "sources.conf", "source { Jdbc {} }\n")
    path = write(
        tmp_path,
        "job.conf",
        'env { job.mode = BATCH }\ninclude "sources.conf"\nsource { FakeSource {} }\n'
        "sink { Console {} }\n",
    )
    finding = one(stconfig.lint(path), "ST904")
    assert (finding.path, finding.line) == (str(path), 3)
    [place] = finding.related
    assert (place.span.path, place.span.start_line_col) == (str(included), (1, 1))
