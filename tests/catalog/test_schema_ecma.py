"""The JSON Schemas work in the tools users name: ECMA-262 patterns, check-jsonschema, the wheel.

JSON Schema patterns are ECMA-262 regular expressions; validators and editors compile them in
unicode mode, where `\\-` (Python's re.escape) is a syntax error.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import regress

from stconfig.catalog.jsonschema import job_schema
from tests.conftest import REPOSITORY, run_cli

SCHEMAS = REPOSITORY / "schemas"
EXAMPLES = sorted((REPOSITORY / "examples" / "dsl").glob("*.json"))


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            if key == "patternProperties" and isinstance(value, dict):
                yield from value
            yield from _patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _patterns(value)


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _pointer(document: Any, ref: str) -> Any:
    node = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = run_cli("schema")
    assert result.exit_code == 0, result.output
    path = tmp_path_factory.mktemp("schema") / "job.schema.json"
    path.write_text(result.output, encoding="utf-8")
    return path


def test_every_shipped_pattern_is_ecma_262() -> None:
    files = sorted(SCHEMAS.rglob("*.schema.json"))
    assert len(files) > 100
    patterns = {p for f in files for p in _patterns(json.loads(f.read_text(encoding="utf-8")))}
    assert any("-" in p for p in patterns)  # MongoDB-CDC, yyyy-MM-dd: the cases that broke
    for pattern in patterns:
        regress.Regex(pattern, "u")  # raises on what an ECMA engine rejects


def test_stconfig_schema_is_self_contained(bundled: Path) -> None:
    document = json.loads(bundled.read_text(encoding="utf-8"))
    refs = set(_refs(document))
    assert refs, "the plugin schemas are referenced"
    for ref in refs:
        assert ref.startswith("#/"), ref  # no plugins/<kind>/<Name>.schema.json a pip user lacks
        _pointer(document, ref)
    for pattern in _patterns(document):
        regress.Regex(pattern, "u")


def test_bundling_moves_the_plugin_local_refs() -> None:
    document = job_schema(bundle=True)
    nested = [r for r in _refs(document) if r.count("$defs") > 1]
    assert nested, "plugin schemas with their own $defs keep working once bundled"
    for ref in nested:
        _pointer(document, ref)


def _check(schema: Path, *documents: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(schema),
            *map(str, documents),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize("which", ["schemas/job.schema.json", "stconfig schema"])
def test_check_jsonschema_validates_the_examples(which: str, bundled: Path) -> None:
    schema = SCHEMAS / "job.schema.json" if which.startswith("schemas") else bundled
    assert len(EXAMPLES) >= 5
    done = _check(schema, *EXAMPLES)
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_jsonschema_rejects_a_broken_job(tmp_path: Path, bundled: Path) -> None:
    job = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    job["source"][0]["row.num"] = "many"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(job), encoding="utf-8")
    done = _check(bundled, broken)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "row.num" in done.stdout + done.stderr


def test_the_wheel_ships_the_schemas(tmp_path: Path) -> None:
    wheel = pytest.importorskip("hatchling.builders.wheel")  # the build backend (test extra)
    built = wheel.WheelBuilder(str(REPOSITORY)).build(
        directory=str(tmp_path), versions=["standard"]
    )
    names = zipfile.ZipFile(next(iter(built))).namelist()
    assert "stconfig/schemas/job.schema.json" in names
    assert "stconfig/schemas/plugins/source/FakeSource.schema.json" in names
