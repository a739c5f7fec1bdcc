"""Building the /submit-job request, and the repair of the cookbook's env restore recipe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import stconfig
from stconfig.client import UsageError, prepare_submission
from stconfig.client.submission import load_job
from tests.client.helpers import streaming_job

SAVEPOINT_ID = "733584788375093248"


def test_a_plain_job_is_sent_as_is() -> None:
    submission = prepare_submission(streaming_job(), name="renamed")
    assert json.loads(submission.body) == streaming_job()
    assert submission.query() == {"jobName": "renamed"}
    assert submission.notes == ()
    assert submission.job_mode == "STREAMING"


def test_env_job_id_becomes_a_restore() -> None:
    submission = prepare_submission(streaming_job(env={"job.id": SAVEPOINT_ID}))
    assert submission.query() == {"jobId": SAVEPOINT_ID, "isStartWithSavePoint": "true"}
    assert "job.id" not in json.loads(submission.body)["env"]
    assert any("fresh job" in note for note in submission.notes)


def test_cookbook_savepoint_path_names_the_job() -> None:
    env = {
        "restore.mode": "savepoint",
        "savepoint.path": f"/seatunnel/checkpoint/savepoint/{SAVEPOINT_ID}/1717000000",
    }
    submission = prepare_submission(streaming_job(env=env))
    assert submission.job_id == SAVEPOINT_ID and submission.start_with_savepoint
    body_env = json.loads(submission.body)["env"]
    assert not {"restore.mode", "savepoint.path"} & set(body_env)
    assert any("no savepoint path in SeaTunnel" in note for note in submission.notes)


@pytest.mark.parametrize(
    ("env", "job_id", "message"),
    [
        ({"job.id": "1", "savepoint.path": "/x/savepoint/2/3"}, None, "conflicting job ids"),
        ({"job.id": "1"}, "2", "conflicting job ids"),
        ({"restore.mode": "savepoint"}, None, "name no job id"),
        ({"restore.mode": "rewind", "job.id": "1"}, None, "names no known mode"),
        ({"job.id": "latest"}, None, "Java long"),
        ({"job.id": {"nested": 1}}, None, "plain value"),
    ],
)
def test_unusable_restore_recipes_are_refused(
    env: dict[str, object], job_id: str | None, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        prepare_submission(streaming_job(env=env), job_id=job_id)


def test_a_restore_needs_a_job_id() -> None:
    with pytest.raises(UsageError, match="needs the id"):
        prepare_submission(streaming_job(), start_with_savepoint=True)


def test_hocon_body_and_format_parameter() -> None:
    submission = prepare_submission(streaming_job(), fmt="hocon", job_id=42)
    assert submission.query() == {"jobId": "42", "format": "hocon"}
    assert stconfig.loads(submission.body).to_dict() == streaming_job()


def test_jobs_files_and_dicts_give_the_same_body(tmp_path: Path) -> None:
    path = tmp_path / "job.json"
    path.write_text(json.dumps(streaming_job()))
    from_file = prepare_submission(path)
    from_job = prepare_submission(stconfig.load(path))
    assert from_file.body == from_job.body == prepare_submission(streaming_job()).body


def test_unsupported_job_files(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"expected a \.conf"):
        load_job(tmp_path / "job.yaml")


def test_dsl_files_build_their_job(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "dsl" / "fake_to_console.py"
    job = load_job(example)
    assert job.to_dict() == json.loads(example.with_suffix(".json").read_text())
    many = tmp_path / "many.py"
    many.write_text(
        "from stconfig.dsl import Console, FakeSource, Job\n"
        "def make(name):\n"
        "    with Job(name) as job:\n"
        "        FakeSource(row_num=1, schema_={'fields': {'id': 'bigint'}}) >> Console()\n"
        "    return job\n"
        "jobs = [make('a'), make('b')]\n"
    )
    with pytest.raises(UsageError, match="defines 2 jobs"):
        load_job(many)


def test_job_file_variables(tmp_path: Path) -> None:
    path = tmp_path / "job.conf"
    path.write_text(
        'env { job.mode = "STREAMING", job.name = ${name} }\n'
        'source { FakeSource { plugin_output = "fake" } }\n'
        'sink { Console { plugin_input = "fake" } }\n'
    )
    submission = prepare_submission(path, variables={"name": "nightly"})
    assert json.loads(submission.body)["env"]["job.name"] == "nightly"
