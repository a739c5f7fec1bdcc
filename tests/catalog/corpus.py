"""Run the catalog over the conformance corpus: model findings and JSON Schema rejections."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource

from stconfig import catalog
from tests.conftest import REPOSITORY

SECTIONS = ("source", "transform", "sink")
BASELINE = Path(__file__).with_name("corpus_baseline.json")
Finding = tuple[str, str, str, str]  # (file, plugin position "sink[0]", kind, key)


def cases(conformance_dir: Path) -> list[Path]:
    """Every job with an expected JSON, sorted."""
    return sorted((conformance_dir / "seatunnel-2.3.8" / "cases").rglob("*.expected.json"))


def relative(path: Path, conformance_dir: Path) -> str:
    return path.relative_to(conformance_dir / "seatunnel-2.3.8" / "cases").as_posix()


def plugins(job: dict[str, Any]) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """(kind, position, options) of every plugin object of a job."""
    for kind in SECTIONS:
        section = job.get(kind)
        if isinstance(section, list):
            for position, plugin in enumerate(section):
                if isinstance(plugin, dict):
                    yield kind, position, plugin


def model_findings(name: str, job: dict[str, Any]) -> set[Finding]:
    """What the models say about one job, as baseline-comparable tuples."""
    found: set[Finding] = set()
    for kind, position, options in plugins(job):
        where = f"{kind}[{position}]"
        plugin_name = str(options.get("plugin_name", ""))
        try:
            problems = catalog.validate_options(kind, plugin_name, options)
        except catalog.UnknownPluginError:
            found.add((name, where, "plugin", plugin_name))
            continue
        found |= {(name, where, p.kind, p.key) for p in problems}
    return found


@cache
def job_validator() -> jsonschema.Draft202012Validator:
    """A validator for schemas/job.schema.json, resolving its refs to the plugin schemas."""
    root = REPOSITORY / "schemas"
    resources = [
        (p.resolve().as_uri(), Resource.from_contents(json.loads(p.read_text(encoding="utf-8"))))
        for p in root.rglob("*.schema.json")
    ]
    schema = json.loads((root / "job.schema.json").read_text(encoding="utf-8"))
    schema["$id"] = (root / "job.schema.json").resolve().as_uri()
    registry: Registry[Any] = Registry().with_resources(resources)
    return jsonschema.Draft202012Validator(schema, registry=registry)


def schema_rejections(job: Any) -> set[str]:
    """Where the job schema rejects a job: plugin positions ("sink[0]") or "job"."""
    where: set[str] = set()
    for error in job_validator().iter_errors(job):
        path = list(error.absolute_path)
        if len(path) >= 2 and path[0] in SECTIONS:
            where.add(f"{path[0]}[{path[1]}]")
        else:
            where.add("job")
    return where


def load_baseline() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BASELINE.read_text(encoding="utf-8"))
    return data


def baseline_findings(data: dict[str, Any]) -> set[Finding]:
    return {
        (entry["file"], entry["plugin"], entry["kind"], entry["key"]) for entry in data["findings"]
    }
