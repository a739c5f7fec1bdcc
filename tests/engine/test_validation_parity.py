"""Lint errors against SeaTunnel 2.3.8's own verdicts (the validation harness), per plugin block.

Runs with the real-engine tests (`STCONFIG_ENGINE=1`). CI has the connectors Maven Central
serves; connectors built from source (`python -m stconfig.testing.connectors build`) are used
when present. The full run, with the generated blocks and every connector available:
    python -m tests.engine.differential --generated 3000
Figures and the known disagreements: docs/engine-parity.md ("Lint verdicts against the engine").
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from stconfig.testing.validate import BlockVerdict, main, validate_with_seatunnel
from tests.engine.differential import compare, passed_blocks
from tests.engine.faulty_jobs import write_faulty_jobs

pytestmark = pytest.mark.engine

CASES = "seatunnel-2.3.8/cases"
NEO4J = (
    "seatunnel-e2e/seatunnel-connector-v2-e2e/connector-neo4j-e2e/src/test/resources/neo4j/"
    "fake_to_neo4j_batch_write.conf"
)
MAXCOMPUTE = (
    "seatunnel-e2e/seatunnel-connector-v2-e2e/connector-maxcompute-e2e/src/test/resources/"
    "maxcompute_to_fake.conf"
)

GENERATED_IN_CI = 400
"""Generated faulty jobs per CI run (the full run uses 3,000 or more)."""


@pytest.fixture(scope="module")
def corpus(seatunnel_tools: None, conformance_dir: Path) -> list[str]:
    return sorted(str(path) for path in (conformance_dir / CASES).rglob("*.conf"))


@pytest.fixture(scope="module")
def corpus_verdicts(corpus: list[str]) -> dict[str, list[BlockVerdict]]:
    return validate_with_seatunnel(corpus)


def _block(verdicts: list[BlockVerdict], block: str) -> BlockVerdict:
    return next(item for item in verdicts if item.block == block)


def test_harness_judges_every_corpus_file(
    corpus: list[str], corpus_verdicts: dict[str, list[BlockVerdict]]
) -> None:
    assert sorted(corpus_verdicts) == corpus
    kinds = {item.verdict for items in corpus_verdicts.values() for item in items}
    assert kinds <= {"accepted", "refused", "outside", "not_checkable"}
    for items in corpus_verdicts.values():
        for item in items:
            if item.verdict == "refused":
                assert item.exception and item.message, item
            elif item.exception:  # outside / not checkable: the note says why it is not refused
                assert item.note, item


def test_neo4j_batch_write_runs_on_the_legacy_path(
    conformance_dir: Path, corpus_verdicts: dict[str, list[BlockVerdict]]
) -> None:
    """SeaTunnel's Neo4jIT runs this file and asserts exit code 0: no refusal here either."""
    sink = _block(corpus_verdicts[str(conformance_dir / CASES / NEO4J)], "sink[0]")
    assert (sink.plugin, sink.check) == ("Neo4j", "prepare")
    assert sink.verdict in ("accepted", "outside"), sink


def test_maxcompute_prepare_refusal_is_reported(
    conformance_dir: Path, corpus_verdicts: dict[str, list[BlockVerdict]]
) -> None:
    source = _block(corpus_verdicts[str(conformance_dir / CASES / MAXCOMPUTE)], "source[0]")
    assert (source.check, source.verdict) == ("prepare", "refused")
    assert source.message == "Request URI(http or https) required."


def test_corpus_lint_errors_agree_with_the_engine(
    corpus: list[str], corpus_verdicts: dict[str, list[BlockVerdict]]
) -> None:
    tally = compare(corpus, corpus_verdicts)
    print(tally.summary("corpus"))
    assert tally.missed == [], "engine refusals without a lint error (or a listed reason)"
    assert tally.false == [], "ST3xx errors on blocks the engine accepts"
    assert tally.refused_with_error + len(tally.explained) == tally.refused


def test_generated_faulty_blocks_agree_with_the_engine(
    tmp_path: Path, corpus_verdicts: dict[str, list[BlockVerdict]]
) -> None:
    count = int(os.environ.get("STCONFIG_GENERATED", GENERATED_IN_CI))
    written = write_faulty_jobs(tmp_path, count, 17, passed_blocks(corpus_verdicts))
    assert len(written) == count
    tally = compare(written)
    print(tally.summary(f"generated ({count})"))
    assert tally.missed == [], "engine refusals without a lint error (or a listed reason)"
    assert tally.false == [], "ST3xx errors on blocks the engine accepts"
    assert tally.refused > count // 4, "the generator must produce faults the engine refuses"


def test_generator_is_reproducible(tmp_path: Path) -> None:
    first = write_faulty_jobs(tmp_path / "a", 40, 5)
    second = write_faulty_jobs(tmp_path / "b", 40, 5)
    texts = [Path(path).read_text("utf-8") for path in first]
    assert texts == [Path(path).read_text("utf-8") for path in second]


@pytest.mark.usefixtures("seatunnel_tools")
def test_cli_json_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.conf"
    good.write_text(
        'env { job.mode = "BATCH" }\n'
        "source { FakeSource { schema { fields { id = int } } } }\n"
        "sink { Console {} }\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.conf"
    bad.write_text(
        'env { job.mode = "BATCH" }\n'
        "source { FakeSource { schema { fields { id = int } } } }\n"
        'transform { Sql { query = "select uuid() as u from dual" } }\n'
        "sink { Console {} }\n",
        encoding="utf-8",
    )
    assert main([str(good), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {line["verdict"] for line in lines} == {"accepted"}
    assert main([str(bad), "--json"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    transform = next(line for line in lines if line["block"] == "transform[0]")
    assert transform["verdict"] == "refused"
    assert "unsupported function: uuid" in transform["message"].lower()
    assert main([str(tmp_path / "missing.conf")]) == 2
    assert "no such file" in capsys.readouterr().err
