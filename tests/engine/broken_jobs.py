"""Broken jobs, and what the real 2.3.8 engine does with each (the lint parity table).

Shared by tests/engine/test_lint_parity.py (the real engine, beside `stconfig lint`) and
tests/client/test_fake_refusals.py (the fake engine must answer them as the real one does).
"""

from __future__ import annotations

import copy
import json
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from stconfig.testing.engine import submit, wait_for_job
from tests.client.helpers import batch_job

Job = dict[str, Any]
SUBMIT_HANGS = "submit does not answer"


@dataclass(frozen=True)
class Case:
    """A broken job; `refused` is a fragment of the engine's message, `ends` its final state."""

    name: str
    change: Callable[[Job], None]
    refused: str | None = None
    ends: str | None = None

    def job(self) -> Job:
        job = batch_job("lint-parity")
        self.change(job)
        return job


def _undefined_input(job: Job) -> None:
    job["sink"][0]["source_table_name"] = "nope"


def _duplicate_output(job: Job) -> None:
    job["source"].append(copy.deepcopy(job["source"][0]))


def _unknown_plugin(job: Job) -> None:
    job["source"][0]["plugin_name"] = "NoSuchSource"


def _no_fake_schema(job: Job) -> None:
    del job["source"][0]["schema"]


def _local_file_without(key: str) -> Callable[[Job], None]:
    def change(job: Job) -> None:
        source = {
            "plugin_name": "LocalFile",
            "result_table_name": "fake",
            "path": "/tmp/stconfig-lint-parity",
            "file_format_type": "csv",
            "schema": {"fields": {"name": "string"}},
        }
        del source[key]
        job["source"] = [source]

    return change


def _field_mapper(source: str | list[str], result: str, **options: Any) -> Job:
    return {
        "plugin_name": "FieldMapper",
        "source_table_name": source,
        "result_table_name": result,
        **options,
    }


def _no_field_mapper_option(job: Job) -> None:
    job["transform"] = [_field_mapper("fake", "mapped")]
    job["sink"][0]["source_table_name"] = "mapped"


def _bad_job_mode(job: Job) -> None:
    job["env"]["job.mode"] = "SOMETIMES"


def _cookbook_restore_keys(job: Job) -> None:
    job["env"].update({"job.id": "12345", "restore.mode": "savepoint", "savepoint.path": "/tmp/x"})


MAP = {"field_mapper": {"name": "name"}}


def _cycle_fed_by_the_source(job: Job) -> None:
    job["transform"] = [_field_mapper(["fake", "b"], "a", **MAP), _field_mapper("a", "b", **MAP)]
    job["sink"][0]["source_table_name"] = "b"


def _cycle_beside_an_unread_source(job: Job) -> None:
    job["transform"] = [_field_mapper("b", "a", **MAP), _field_mapper("a", "b", **MAP)]
    job["sink"][0]["source_table_name"] = "b"


def _cycle_alone(job: Job) -> None:
    job["transform"] = [_field_mapper("b", "a", **MAP), _field_mapper("a", "b", **MAP)]


CASES = [
    Case("undefined input", _undefined_input, ends="FINISHED"),
    Case("duplicate output", _duplicate_output, refused="they must be different"),
    Case("unknown plugin", _unknown_plugin, refused="NoSuchSource'} not found"),
    Case("FakeSource without schema", _no_fake_schema, refused="Unable to create a source"),
    Case(
        "LocalFile without file_format_type",
        _local_file_without("file_format_type"),
        refused="Unable to create a source for identifier 'LocalFile'",
    ),
    Case(
        "LocalFile without path",
        _local_file_without("path"),
        refused="Unable to create a source for identifier 'LocalFile'",
    ),
    Case("FieldMapper without field_mapper", _no_field_mapper_option, refused="('field_mapper')"),
    Case("bad job.mode", _bad_job_mode, refused="value 'SOMETIMES', and expected type"),
    Case("cookbook restore keys in env", _cookbook_restore_keys, ends="FINISHED"),
    Case("cycle fed by the source", _cycle_fed_by_the_source, ends="FINISHED"),
    Case("cycle, source table unread", _cycle_beside_an_unread_source, refused="is not used"),
    Case("cycle alone", _cycle_alone, refused=SUBMIT_HANGS),
]


def engine_outcome(master: str, job: Job) -> tuple[str | None, str | None]:
    """(refusal message, None) or (None, final state); a submit that times out is refused."""
    try:
        job_id = submit(master, job, name="lint-parity")
    except urllib.error.HTTPError as error:
        message: str = json.loads(error.read())["message"]
        return message, None
    except TimeoutError:
        return SUBMIT_HANGS, None
    return None, str(wait_for_job(master, job_id, timeout=60)["jobStatus"])
