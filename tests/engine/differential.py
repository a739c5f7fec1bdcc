"""Lint errors against SeaTunnel's own verdicts, per plugin block (the differential test's core).

`compare(paths)` runs the validation harness (`stconfig.testing.validate`) and `stconfig lint
--target-version 2.3.8` on the same files and pairs them per block:
- recall: every block the engine refuses must carry a lint error (for the file-level steps,
  load / env / plugin mapping / graph, a lint error anywhere in the file);
- precision: every ST3xx error must sit in a block the engine refuses, unless `EXCEPTIONS`
  explains why the engine refuses it only later (when the job runs).
Blocks the engine cannot judge here (`not_checkable`: connector not available, a JDBC driver a
deployment supplies, an upstream block refused) are counted apart, never as agreement.

Full run (corpus, the generated blocks, every available connector), printing the figures:
    python -m tests.engine.differential --generated 3000
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from stconfig.errors import StconfigError
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.engine import lint_path
from stconfig.lint.settings import LintSettings
from stconfig.model.job import Job
from stconfig.reader import load
from stconfig.testing.validate import BlockVerdict, validate_with_seatunnel

FILE_STEPS = frozenset({"load", "env", "jars", "graph"})

FRAGMENT = (
    "a fragment, not a job (no source and no sink plugin): the linter leaves fragments meant "
    "for include unchecked (ST101); SeaTunnel's loader refuses the file on its own"
)

EXCEPTIONS: dict[tuple[str, str, str], str] = {
    ("localfile", "ST307", ""): (
        "the LocalFile source (text / csv) converts compress_codec, date_format, time_format and "
        "datetime_format in TextReadStrategy.initFormatter, which BaseFileSourceConfig reaches "
        "only after listing `path` and only when files are there: the harness stops the listing "
        "(outside), SeaTunnel 2.3.8 refuses the value next ('No enum constant "
        "...CompressFormat.X', 'Illegal format [x]'); the lint error says so"
    ),
    ("elasticsearch", "ST311", "set 'password' because username is set"): (
        "the Elasticsearch source's REST client reads `password` with Optional.get() once "
        "`username` is set (EsRestClient.createInstance): while the block is built only to ask "
        "the cluster for the index mapping (no `schema`), and always when the job starts "
        "(ElasticsearchSourceSplitEnumerator.open, ElasticsearchSourceReader.open): with a "
        "`schema` SeaTunnel 2.3.8 refuses the job only then ('NoSuchElementException: No "
        "value present')"
    ),
}
"""(plugin, lint code, pattern on the message, "" for any) -> why an ST3xx error on a block the
engine passes is listed: the engine refuses the value only later, when it runs, or an open gap
(marked "open")."""

KNOWN_MISSES: dict[str, str] = {
    r" sink\[0\] Assert: .*ASSERT-03": (
        "the Assert sink (a test sink) compares its `catalog_table` rule with the upstream "
        "table when it is created ('ASSERT-03 Catalog table failed - columns: [...]' / "
        "'primaryKey is null'): a data assertion about what the source produces, not a "
        "configuration check"
    ),
    r" MongoDB-CDC: .*Can not find catalog with factoryId \[MongoDB\]": (
        "packaging, not configuration: without `schema` MongoDB-CDC asks the MongoDB catalog for "
        "the table's schema, and 2.3.8 refuses with 'Can not find catalog with factoryId "
        "[MongoDB]' when that catalog (connector-mongodb) is not on the job's class path; with "
        "connector-mongodb installed the block is valid, so lint cannot call it an error"
    ),
    r" Paimon: .*PaimonConnectorException": (
        "the Paimon source opens its catalog and table in createSource: 'PAIMON-06 Load "
        "catalog failed' when the warehouse's file system cannot be reached from here, "
        "'PAIMON-04 Get table from database failed' when the table does not exist: the "
        "deployment's state, not the block's values (an hdfs:/// warehouse without "
        "fs.defaultFS is ST314)"
    ),
}
"""Pattern on a missed refusal -> why lint cannot see it (recall exceptions, listed; "open"
marks gaps to close in the catalog)."""


@dataclass
class Tally:
    """Agreement figures and the disagreements, with enough to read each one."""

    refused: int = 0
    refused_with_error: int = 0
    errors: int = 0
    errors_refused: int = 0
    excused: int = 0
    fragments: int = 0
    not_checkable: int = 0
    missed: list[str] = field(default_factory=list)
    """Engine refusals without a lint error and without a listed reason: recall failures."""
    explained: list[str] = field(default_factory=list)
    """Engine refusals without a lint error that `KNOWN_MISSES` explains."""
    false: list[str] = field(default_factory=list)
    """ST3xx errors where the engine accepts the block: precision failures."""
    by_verdict: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        judged = self.refused - len(self.explained)
        return self.refused_with_error / judged if judged else 1.0

    @property
    def precision(self) -> float:
        judged = self.errors_refused + len(self.false)
        return self.errors_refused / judged if judged else 1.0

    def summary(self, label: str) -> str:
        return (
            f"{label}: engine refusals {self.refused}, with a lint error {self.refused_with_error}"
            f", listed exceptions {len(self.explained)}"
            f" (recall {self.recall:.2%} of the others); ST3xx errors {self.errors}, on refused "
            "blocks "
            f"{self.errors_refused}, excused {self.excused} (precision {self.precision:.2%}); "
            f"refused fragments {self.fragments} ({FRAGMENT}); "
            f"not checkable {self.not_checkable}; verdicts {dict(sorted(self.by_verdict.items()))}"
        )


def excused(plugin: str, diagnostic: Diagnostic) -> bool:
    """Whether `EXCEPTIONS` lists this error on a block the engine passes."""
    return any(
        (name, code) == (plugin.lower(), diagnostic.code) and re.search(pattern, diagnostic.message)
        for name, code, pattern in EXCEPTIONS
    )


def lint_errors_by_block(path: str) -> dict[str, list[Diagnostic]]:
    """Error-severity lint findings keyed `source[0]` ... or `file` (outside any block)."""
    settings = LintSettings(target_version="2.3.8", environ={})
    errors = [d for d in lint_path(path, settings) if d.severity is Severity.ERROR]
    spans: list[tuple[int, int, str]] = []
    job = _job(path)
    if job is not None:
        for plugin in job.plugins:
            if plugin.span is None:
                continue
            start = plugin.span.start
            member = plugin.name_member  # `Console { ... }`: the name is the key before `{`
            if member is not None and member.key_span is not None:
                start = min(start, member.key_span.start)
            spans.append((start, plugin.span.end, f"{plugin.kind}[{plugin.index}]"))
    found: dict[str, list[Diagnostic]] = {}
    for error in errors:
        where = "file"
        if error.span is not None:
            for start, end, block in spans:
                if start <= error.span.start < end:
                    where = block
        found.setdefault(where, []).append(error)
    return found


def _job(path: str) -> Job | None:
    try:
        return load(path, environ={}, unresolved="keep", placeholders="keep")
    except (StconfigError, OSError):
        return None


def is_fragment(path: str) -> bool:
    """No source and no sink plugin: a piece of a job for `include`, which lint skips."""
    job = _job(path)
    return job is None or not (job.sources or job.sinks)


def _describe(verdict: BlockVerdict) -> str:
    detail = f"{verdict.exception.rsplit('.', 1)[-1]}: {verdict.message[:240]}"
    return f"{verdict.path} {verdict.block} {verdict.plugin}: {detail}"


def compare(paths: Iterable[str], verdicts: dict[str, list[BlockVerdict]] | None = None) -> Tally:
    """Both judges over the files; the tally of agreements and disagreements."""
    files = [str(Path(path).resolve()) for path in paths]
    if verdicts is None:
        verdicts = validate_with_seatunnel(files)
    tally = Tally()
    for path in files:
        engine = verdicts.get(path, [])
        lint = lint_errors_by_block(path)
        any_error = any(lint.values())
        plugin_verdicts = {v.block: v for v in engine if v.block not in FILE_STEPS}
        for verdict in engine:
            tally.by_verdict[verdict.verdict] += 1
            if verdict.verdict != "refused":
                continue
            tally.refused += 1
            hit = any_error if verdict.block in FILE_STEPS else bool(lint.get(verdict.block))
            if hit:
                tally.refused_with_error += 1
            elif verdict.block in FILE_STEPS and is_fragment(path):
                tally.refused -= 1
                tally.fragments += 1
            else:
                line = _describe(verdict)
                reasons = [why for rule, why in KNOWN_MISSES.items() if re.search(rule, line)]
                if reasons:
                    tally.explained.append(f"{line[:200]} -- {reasons[0]}")
                else:
                    tally.missed.append(line)
        for block, diagnostics in lint.items():
            for diagnostic in diagnostics:
                if not diagnostic.code.startswith("ST3"):
                    continue
                tally.errors += 1
                judged = plugin_verdicts.get(block)
                if judged is None or judged.verdict == "not_checkable":
                    tally.not_checkable += 1
                elif judged.verdict == "refused":
                    tally.errors_refused += 1
                elif excused(judged.plugin, diagnostic):
                    tally.excused += 1
                else:
                    tally.false.append(
                        f"{path}:{diagnostic.line}:{diagnostic.column}: {judged.plugin} "
                        f"{diagnostic.code} "
                        f"{diagnostic.message[:200]} (engine: {judged.verdict}"
                        f"{' ' + judged.note if judged.note else ''})"
                    )
    return tally


def passed_blocks(verdicts: dict[str, list[BlockVerdict]]) -> set[tuple[str, str]]:
    """(path, block) pairs whose checks the engine passed: the generator's bases."""
    return {
        (path, verdict.block)
        for path, items in verdicts.items()
        for verdict in items
        if verdict.verdict in ("accepted", "outside") and verdict.block not in FILE_STEPS
    }


def main(argv: list[str] | None = None) -> int:
    from tests.engine.faulty_jobs import corpus_cases

    parser = argparse.ArgumentParser(prog="python -m tests.engine.differential")
    parser.add_argument("--corpus", default=str(corpus_cases()))
    parser.add_argument("--generated", type=int, default=0, help="faulty blocks to generate")
    parser.add_argument("--seed", type=int, default=17)
    options = parser.parse_args(argv)
    started = time.monotonic()
    corpus = sorted(str(path) for path in Path(options.corpus).rglob("*.conf"))
    verdicts = validate_with_seatunnel(corpus)
    tally = compare(corpus, verdicts)
    print(tally.summary(f"corpus ({len(corpus)} files)"))
    for line in tally.explained:
        print("  listed:", line)
    for line in tally.missed:
        print("  missed:", line)
    for line in tally.false:
        print("  false:", line)
    failed = bool(tally.missed or tally.false)
    if options.generated:
        from tests.engine.faulty_jobs import write_faulty_jobs

        with tempfile.TemporaryDirectory() as folder:
            written = write_faulty_jobs(
                Path(folder), options.generated, options.seed, passed_blocks(verdicts)
            )
            generated = compare(written)
            print(generated.summary(f"generated ({len(written)} files)"))
            for line in generated.explained:
                print("  listed:", line)
            for line in generated.missed:
                print("  missed:", line)
            for line in generated.false:
                print("  false:", line)
            failed |= bool(generated.missed or generated.false)
    print(f"{time.monotonic() - started:.0f} s", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
