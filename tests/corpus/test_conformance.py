"""The conformance corpus: stconfig reads every file exactly as SeaTunnel 2.3.8 does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import stconfig
from stconfig.emit import emit_hocon, emit_json
from stconfig.errors import UnresolvedVariableError
from stconfig.variables import RESERVED_PLACEHOLDERS
from tests.conftest import run_cli
from tests.corpus.compare import first_difference

EXPECTED = ".expected.json"


def corpus_cases(folder: Path) -> list[tuple[Path, Path]]:
    cases = folder / "seatunnel-2.3.8" / "cases"
    pairs = []
    for expected in sorted(cases.rglob(f"*{EXPECTED}")):
        conf = expected.with_name(expected.name[: -len(EXPECTED)] + ".conf")
        pairs.append((conf, expected))
    return pairs


def unresolved_cases(folder: Path) -> list[Path]:
    cases = folder / "seatunnel-2.3.8" / "cases"
    return [marker.with_suffix(".conf") for marker in sorted(cases.rglob("*.unresolved"))]


def test_corpus_size(conformance_dir: Path) -> None:
    assert len(corpus_cases(conformance_dir)) == 661
    assert len(unresolved_cases(conformance_dir)) == 11


def test_every_file_converts_to_the_expected_json(conformance_dir: Path) -> None:
    failures = []
    for conf, expected in corpus_cases(conformance_dir):
        try:
            actual = stconfig.load(conf, environ={}).to_dict()
        except stconfig.StconfigError as error:
            failures.append(f"{conf}: {error}")
            continue
        difference = first_difference(actual, json.loads(expected.read_text(encoding="utf-8")))
        if difference:
            failures.append(f"{conf}: {difference}")
    assert not failures, "\n".join(failures)


def test_every_file_round_trips_through_both_emitters(conformance_dir: Path) -> None:
    failures = []
    for conf, _ in corpus_cases(conformance_dir):
        job = stconfig.load(conf, environ={})
        if stconfig.loads(emit_hocon(job), environ={}) != job:
            failures.append(f"{conf}: HOCON round trip differs")
        if stconfig.loads(emit_json(job), fmt="json", environ={}) != job:
            failures.append(f"{conf}: JSON round trip differs")
    assert not failures, "\n".join(failures)


def test_unresolved_files_need_variables_then_convert(conformance_dir: Path) -> None:
    """Reserved sink placeholders cannot be `-i` variables, so those come from the environment."""
    for conf in unresolved_cases(conformance_dir):
        with pytest.raises(UnresolvedVariableError) as caught:
            stconfig.load(conf, environ={})
        assert caught.value.path == str(conf)
        names = caught.value.names
        values = {name: f"value-of-{name}" for name in names}
        variables = {k: v for k, v in values.items() if k not in RESERVED_PLACEHOLDERS}
        environ = {k: v for k, v in values.items() if k in RESERVED_PLACEHOLDERS}
        data = stconfig.load(conf, variables=variables, environ=environ).to_dict()
        text = json.dumps(data)
        for name in names:
            assert f"value-of-{name}" in text, (conf, name)


def test_unresolved_file_through_the_cli(conformance_dir: Path) -> None:
    conf = next(c for c in unresolved_cases(conformance_dir) if c.name == "config.variables.conf")
    result = run_cli("convert", str(conf))
    assert result.exit_code == 2
    assert "unresolved variable 'jobName'" in result.stderr
    assert result.stderr.startswith(f"{conf}:23:14: ")
    with pytest.raises(UnresolvedVariableError) as caught:
        stconfig.load(conf, environ={})
    options = [arg for name in caught.value.names for arg in ("--var", f"{name}=x")]
    result = run_cli("convert", str(conf), *options)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["env"]["job.name"] == "x"
