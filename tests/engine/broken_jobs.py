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
    code: str | None = None
    """The lint rule that must report the refusal, where one rule is its exact prediction."""

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


def _second_source(job: Job, fields: dict[str, str], output: str = "other") -> None:
    job["source"].append(
        {
            "plugin_name": "FakeSource",
            "result_table_name": output,
            "row.num": 5,
            "schema": {"fields": fields},
        }
    )


def _sql_fed_two_row_types(job: Job) -> None:
    _second_source(job, {"id": "bigint", "name": "string"})
    job["transform"] = [
        {
            "plugin_name": "Sql",
            "source_table_name": ["fake", "other"],
            "result_table_name": "both",
            "query": "select name from fake",
        }
    ]
    job["sink"][0]["source_table_name"] = "both"


def _sink_fed_two_row_types(job: Job) -> None:
    _second_source(job, {"name": "string", "age": "bigint"})
    job["sink"][0]["source_table_name"] = ["fake", "other"]


def _row_types_differ_after_field_mapper(job: Job) -> None:
    _second_source(job, {"name": "string", "age": "int"})
    job["transform"] = [
        _field_mapper("other", "renamed", field_mapper={"age": "age", "name": "name"})
    ]
    job["sink"][0]["source_table_name"] = ["fake", "renamed"]


def _sink_fed_two_equal_row_types(job: Job) -> None:
    _second_source(job, {"name": "String", "age": "INT"})
    job["sink"][0]["source_table_name"] = ["fake", "other"]


def _sink_fed_two_field_orders(job: Job) -> None:
    _second_source(job, {"age": "int", "name": "string"})
    job["sink"][0]["source_table_name"] = ["fake", "other"]


def _sql_join(query: str) -> Callable[[Job], None]:
    def change(job: Job) -> None:
        job["transform"] = [
            {
                "plugin_name": "Sql",
                "source_table_name": "fake",
                "result_table_name": "joined",
                "query": query,
            }
        ]
        job["sink"][0]["source_table_name"] = "joined"

    return change


ROW_TYPES_DIFFER = "Transform/Sink don't support processing data with two different structures."

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
    Case("Sql fed two row types", _sql_fed_two_row_types, ROW_TYPES_DIFFER, code="ST213"),
    Case("sink fed two row types", _sink_fed_two_row_types, ROW_TYPES_DIFFER, code="ST213"),
    Case(
        "row types differ after FieldMapper",
        _row_types_differ_after_field_mapper,
        ROW_TYPES_DIFFER,
        code="ST213",
    ),
    Case("sink fed two equal row types", _sink_fed_two_equal_row_types, ends="FINISHED"),
    Case(
        "sink fed one row type in two field orders",
        _sink_fed_two_field_orders,
        ROW_TYPES_DIFFER,
        code="ST213",
    ),
    Case(
        "Sql join",
        _sql_join("select fake.name from fake join fake b on fake.name = b.name"),
        refused="cause: Unsupported table join syntax",
        code="ST214",
    ),
    Case(
        "Sql join from an alias",
        _sql_join("select a.name from fake a join fake b on a.name = b.name"),
        refused="cause: Unsupported table alias name syntax",
        code="ST214",
    ),
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
