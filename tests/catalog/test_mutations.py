"""Broken copies of real corpus jobs are rejected, naming the SeaTunnel key.

Three mutations per plugin that the models accept as written: a misspelled option key, a
removed required option, and an out-of-enum value. Each must be reported by the models
(with the key, and a suggestion for the typo) and rejected by the job JSON Schema.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from stconfig import catalog
from tests.catalog.corpus import (
    baseline_findings,
    cases,
    job_validator,
    load_baseline,
    plugins,
    relative,
)

Mutant = tuple[str, dict[str, Any], str, int, str, str]  # id, job, kind, position, key, problem


def typo(key: str) -> str:
    """Swap the last two letters of the key's last word: `row.num` -> `row.nmu`."""
    chars = list(key)
    for i in range(len(chars) - 1, 0, -1):
        if chars[i].isalpha() and chars[i - 1].isalpha() and chars[i] != chars[i - 1]:
            chars[i], chars[i - 1] = chars[i - 1], chars[i]
            return "".join(chars)
    return key + "x"


def mutants(conformance_dir: Path) -> Iterator[Mutant]:
    """One mutant of each kind per (kind, plugin name), from the first clean job using it."""
    explained = {(f, w) for f, w, _, _ in baseline_findings(load_baseline())}
    seen: set[tuple[str, str, str]] = set()
    for path in cases(conformance_dir):
        name = relative(path, conformance_dir)
        job = json.loads(path.read_text(encoding="utf-8"))
        for kind, position, options in plugins(job):
            if (name, f"{kind}[{position}]") in explained:
                continue
            try:
                spec = catalog.plugin_spec(kind, str(options.get("plugin_name")))
            except catalog.UnknownPluginError:
                continue
            own = [k for k in options if spec.option(k) and k != "plugin_name"]
            own = [k for k in own if not spec.option(k).is_prefix]  # type: ignore[union-attr]
            candidates = {
                "unknown": [k for k in own if spec.option(typo(k)) is None][:1],
                "missing": [
                    k
                    for group in spec.required
                    for k in group
                    if k in options and not spec.option(k).has_default  # type: ignore[union-attr]
                ][:1],
                "enum": [
                    k
                    for k in own
                    if spec.option(k).enum is not None  # type: ignore[union-attr]
                    and spec.option(k).type == "enum"  # type: ignore[union-attr]
                    and "${" not in str(options[k])
                ][:1],
            }
            for problem, keys in candidates.items():
                marker = (kind, spec.name, problem)
                if not keys or marker in seen:
                    continue
                seen.add(marker)
                mutated = copy.deepcopy(job)
                target = mutated[kind][position]
                key = keys[0]
                if problem == "unknown":
                    target[typo(key)] = target.pop(key)
                elif problem == "missing":
                    del target[key]
                else:
                    target[key] = "NOT_A_CHOICE"
                yield f"{kind}-{spec.name}-{problem}", mutated, kind, position, key, problem


@pytest.fixture(scope="module")
def all_mutants(conformance_dir: Path) -> list[Mutant]:
    return list(mutants(conformance_dir))


def test_there_are_mutants_of_each_kind(all_mutants: list[Mutant]) -> None:
    kinds = {m[5] for m in all_mutants}
    assert kinds == {"unknown", "missing", "enum"}
    assert len(all_mutants) > 100


def test_models_name_the_key(all_mutants: list[Mutant]) -> None:
    failures = []
    for ident, job, kind, position, key, problem in all_mutants:
        options = job[kind][position]
        found = catalog.validate_options(kind, options["plugin_name"], options)
        named = typo(key) if problem == "unknown" else key
        hits = [p for p in found if p.key == named and p.kind == problem]
        if not hits or (problem == "unknown" and hits[0].suggestion is None):
            failures.append((ident, named, [str(p) for p in found]))
    assert failures == []


def test_job_schema_rejects_every_mutant(all_mutants: list[Mutant]) -> None:
    validator = job_validator()
    accepted = [m[0] for m in all_mutants if validator.is_valid(m[1])]
    assert accepted == []
