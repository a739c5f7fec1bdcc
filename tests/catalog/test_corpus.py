"""Zero false rejections on the conformance corpus, by the models and by the JSON Schemas.

Every finding must be listed, with its reason, in corpus_baseline.json (a reviewed list of
keys SeaTunnel silently ignores and of files SeaTunnel itself would reject), and every
listed finding must still occur.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.catalog.corpus import (
    baseline_findings,
    cases,
    load_baseline,
    model_findings,
    relative,
    schema_rejections,
)


def test_models_find_exactly_the_baseline(conformance_dir: Path) -> None:
    # GIVEN every job of the corpus and the reviewed baseline
    baseline = load_baseline()
    found: set[tuple[str, str, str, str]] = set()
    # WHEN each plugin's options are validated against its model
    for path in cases(conformance_dir):
        job = json.loads(path.read_text(encoding="utf-8"))
        found |= model_findings(relative(path, conformance_dir), job)
    # THEN nothing is rejected that the baseline does not explain, and no entry is stale
    expected = baseline_findings(baseline)
    assert sorted(found - expected) == []
    assert sorted(expected - found) == []
    assert all(entry["reason"] for entry in baseline["findings"])


def test_job_schema_rejects_only_baseline_plugins(conformance_dir: Path) -> None:
    # GIVEN the plugin positions and files the baseline explains
    baseline = load_baseline()
    explained = {(f, where) for f, where, _, _ in baseline_findings(baseline)}
    not_jobs = {entry["file"] for entry in baseline["not_jobs"]}
    unexplained = []
    # WHEN every job is validated against schemas/job.schema.json
    for path in cases(conformance_dir):
        name = relative(path, conformance_dir)
        for where in schema_rejections(json.loads(path.read_text(encoding="utf-8"))):
            if name in not_jobs or (name, where) in explained:
                continue
            unexplained.append((name, where))
    # THEN the schema rejects no plugin that the models accept
    assert unexplained == []
