"""Every DSL example builds exactly its committed job.json and .conf, and lints clean.

Regenerate the goldens on purpose with
`stconfig build examples/dsl/*.py --format json --format hocon`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stconfig.dsl import Job, Restore
from stconfig.dsl.runner import find_jobs, run_file
from stconfig.emit import emit_hocon, emit_json
from stconfig.errors import StconfigError
from stconfig.versions import DEFAULT_TARGET
from tests.conftest import REPOSITORY
from tests.corpus.compare import first_difference

EXAMPLES = REPOSITORY / "examples" / "dsl"
SPEC = Path(__file__).parent / "spec"
FILES = sorted(EXAMPLES.glob("*.py"))


def test_every_example_is_found() -> None:
    assert len(FILES) == 8


@pytest.mark.parametrize("example", FILES, ids=lambda path: path.stem)
def test_example_builds_its_committed_outputs(example: Path) -> None:
    # GIVEN an example and the outputs committed beside it
    [found] = find_jobs(example)
    model = found.job.build()
    # THEN both formats are byte for byte what is committed
    assert emit_json(model) == example.with_suffix(".json").read_text(encoding="utf-8")
    header = f"# Built by stconfig for SeaTunnel {DEFAULT_TARGET}.\n"
    assert header + emit_hocon(model) == example.with_suffix(".conf").read_text(encoding="utf-8")


@pytest.mark.parametrize("example", FILES, ids=lambda path: path.stem)
def test_example_lints_clean(example: Path) -> None:
    [found] = find_jobs(example)
    assert found.job.lint() == []


@pytest.mark.parametrize(
    ("example", "variables"),
    [
        ("mysql_cdc_to_console", {"MYSQL_PASSWORD": "seatunnel_password"}),
        ("fake_to_console", {}),
    ],
)
def test_specification_jobs_equal_the_specification_json(
    example: str, variables: dict[str, str]
) -> None:
    # GIVEN the cookbook's JSON, and its DSL version with the password as a secret
    expected = json.loads((SPEC / f"{example}.json").read_text(encoding="utf-8"))
    [found] = find_jobs(EXAMPLES / f"{example}.py")
    assert isinstance(found.job, Job)
    # WHEN built for a 2.3.9+ cluster (the cookbook's keys), with the secret supplied as
    # SeaTunnel's -i would supply it
    built = found.job.build(variables=variables, target_version="2.3.12").to_dict()
    # THEN it is the specification's job, key order aside
    assert first_difference(built, expected) is None


@pytest.mark.parametrize("example", ["restore_from_checkpoint", "restore_from_savepoint"])
def test_restore_recipes_submit_by_job_id_not_env_keys(example: str) -> None:
    namespace = run_file(EXAMPLES / f"{example}.py")
    restore = namespace["restore"]
    assert isinstance(restore, Restore)
    with pytest.raises(StconfigError, match="secret MYSQL_PASSWORD has no value"):
        restore.submission()
    submission = restore.submission(variables={"MYSQL_PASSWORD": "s3cret"})
    assert submission.query() == {"jobId": "733584788375093248", "isStartWithSavePoint": "true"}
    body = json.loads(submission.body)
    assert not {"job.id", "restore.mode", "savepoint.path"} & set(body["env"])
    assert body["source"][0]["password"] == "s3cret"
    assert submission.notes == ()
    assert json.loads(restore.to_json()) == submission.query()


def test_a_restore_needs_a_job_id_the_engine_can_parse() -> None:
    [found] = find_jobs(EXAMPLES / "fake_to_console.py")
    assert isinstance(found.job, Job)
    with pytest.raises(StconfigError, match="Java long"):
        Restore(found.job, job_id="latest")
