"""The fake's "2.3.9-snapshot" profile answers as the real 15431c9 engine does.

The same conversation (tests/contract/scenario.py: every endpoint, the job lifecycle, and bad
inputs) goes to the real REST v2 engine and to the fake; status codes, content types, the key
sets of answers, the messages (ids and times normalised) and the job states must agree, except
for the differences listed below with their reasons.
"""

from __future__ import annotations

import pytest

from stconfig.testing.engine import RealMaster
from stconfig.testing.fake_engine import FakeEngine
from tests.contract.scenario import Exchange, converse

IN_BETWEEN = {
    "batch first state": ("PENDING", "SCHEDULED", "RUNNING"),
    "streaming first state": ("PENDING", "SCHEDULED", "RUNNING"),
    "restored first state": ("PENDING", "SCHEDULED", "RUNNING"),
    "state after stop with savepoint": ("DOING_SAVEPOINT", "SAVEPOINT_DONE"),
    "state after cancel": ("CANCELING", "CANCELED"),
}
"""Steps that read a job while it changes state: the real engine may already be past the first
state (a FakeSource job reaches RUNNING within a second; the savepoint or cancel may be done),
so its state is one of these, and the answer's keys are those of that state (a job in its
last moments of CANCELING already answers with the ended shape, its per-table metrics are
empty until rows flow). The fake must show the first one, as a client polling a loaded
engine sees it."""

MAY_DIFFER = {
    "cookbook §2.2 job (old key names)": "the real engine derives each transform's output "
    'schema and refuses a Filter of a field FieldMapper dropped (500 "The input fields '
    "'amount' of 'Filter' transform not found in upstream schema\"); the fake does not "
    "propagate schemas through transforms and accepts the job",
}
"""Steps whose answer the fake may get wrong, with the reason."""

KNOWN_DIFFERENCES = (
    (
        "the state and keys of a job read while it changes state (IN_BETWEEN)",
        "timing: the real engine moves in wall-clock time and is often already past the first "
        "state; the fake shows the first state, which the contract requires of it",
    ),
    (
        "the steps of MAY_DIFFER",
        "each has its reason there",
    ),
    (
        "which log files exist",
        "the fake keeps one job-<id>.log per job; the real engine started without per-job "
        "logs has its server log and stdout.log (both are served the same way)",
    ),
    (
        "message text below the first line (stack traces)",
        "the fake's traces are shortened; clients show the first line",
    ),
    (
        "values: counts, rates, times, node metrics, ids, connector jar paths",
        "engine- and machine-specific; the contract compares their keys and JSON types",
    ),
    (
        "the HTML of Jetty's error pages below the title",
        "the real page names the servlet instance (class@hash) and Jetty's version",
    ),
)
"""What the contract does not hold the fake to, with the reason. Everything else (status,
content type, key sets with value types, first message line, settled job states) must match."""


def _compare(real: list[Exchange], fake: list[Exchange]) -> list[str]:
    """Every difference between the two conversations not allowed above, one line each."""
    problems = []
    steps_real, steps_fake = [e.step for e in real], [e.step for e in fake]
    if steps_real != steps_fake:
        return [
            f"the conversations took different paths:\n  real {steps_real}\n  fake {steps_fake}"
        ]
    for seen, modelled in zip(real, fake, strict=True):
        step = seen.step
        if step in MAY_DIFFER:
            continue
        for name in ("status", "content_type", "shape", "message", "job_status"):
            if step in IN_BETWEEN and name in ("shape", "job_status"):
                continue
            expected, got = getattr(seen, name), getattr(modelled, name)
            if expected != got:
                problems.append(f"{step}: {name}: real {expected!r}, fake {got!r}")
        if step in IN_BETWEEN:
            allowed = IN_BETWEEN[step]
            if seen.job_status not in allowed:
                problems.append(f"{step}: real state {seen.job_status}, expected one of {allowed}")
            if modelled.job_status != allowed[0]:
                problems.append(f"{step}: fake state {modelled.job_status}, expected {allowed[0]}")
    return problems


@pytest.mark.engine
def test_the_snapshot_profile_answers_as_the_real_v2_engine(
    seatunnel_v2_master: RealMaster,
) -> None:
    # GIVEN the real 15431c9 engine and the fake profile its /overview picks
    if seatunnel_v2_master.profile != "2.3.9-snapshot":
        pytest.skip(f"the contract is with 15431c9, not SeaTunnel {seatunnel_v2_master.version}")
    real = converse(seatunnel_v2_master.url)
    with FakeEngine(seatunnel_v2_master.profile, auto_advance=True) as fake_engine:
        fake = converse(fake_engine.url)
    # THEN they agree on every step but the listed differences
    problems = _compare(real, fake)
    assert not problems, "\n".join(problems)


def test_the_comparison_catches_a_fake_that_drifts() -> None:
    """The comparison itself: a changed status, message or key set is reported."""
    base = [
        Exchange("overview", 200, "application/json", {"projectVersion": "str"}),
        Exchange("batch first state", 200, "application/json", {}, None, "RUNNING"),
        Exchange("bad JSON", 400, "application/json", None, "Invalid JSON format"),
    ]
    drifted = [
        Exchange("overview", 200, "application/json", {"version": "str"}),
        Exchange("batch first state", 200, "application/json", {}, None, "SCHEDULED"),
        Exchange("bad JSON", 500, "application/json", None, "Invalid JSON format"),
    ]
    assert _compare(base, drifted) == [
        "overview: shape: real {'projectVersion': 'str'}, fake {'version': 'str'}",
        "batch first state: fake state SCHEDULED, expected PENDING",
        "bad JSON: status: real 400, fake 500",
    ]
    assert _compare(base, base[:2]) != []
