"""Mutation test: faults injected one at a time into corpus jobs are all reported at the
mutated line (recall 100 % for every fault kind the rules claim)."""

from __future__ import annotations

from pathlib import Path

from tests.lint.mutation import FAULTS, run


def test_every_injected_fault_is_reported_at_its_line(conformance_dir: Path) -> None:
    results = run(conformance_dir)
    assert set(results) == set(FAULTS)
    assert sum(injected for injected, _, _ in results.values()) >= 300
    for kind, (injected, detected, misses) in results.items():
        assert injected > 0, f"no job to inject {kind} into"
        assert detected == injected, f"{kind}: missed {misses[:10]}"
