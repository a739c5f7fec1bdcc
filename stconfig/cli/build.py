"""`stconfig build`: run Python DSL files and write each job they define, deterministically."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

from stconfig._files import write_many
from stconfig.cli._common import EXIT_FINDINGS, EXIT_USAGE, echo_error, user_errors
from stconfig.cli._parameters import Arguments, Command, Option, PathCheck
from stconfig.cli._target import TARGET_OPTION, resolve_target

SUFFIX = {"json": ".json", "hocon": ".conf"}

PARAMETERS = Command(
    Arguments("files", path=PathCheck(dir_okay=False)),
    (
        Option(
            ("--format",),
            "formats",
            help="job.json (REST v2 body) and/or HOCON (.conf); repeatable. Default: json.",
            choices=("json", "hocon"),
            multiple=True,
        ),
        Option(
            ("-o", "--output"),
            "output",
            help="Output file (one job, one format) or folder. Default: beside each Python file.",
            path=PathCheck(),
        ),
        Option(
            ("--check",),
            "check",
            help="Write nothing; exit 1 when an output is missing or differs (for pre-commit "
            "and CI).",
            is_flag=True,
        ),
        TARGET_OPTION,
    ),
)
"""Declared as data so a plain `stconfig build` runs without importing click (stconfig.cli):
35M of the 967M instructions a cold build of one example took."""


def build(
    files: tuple[str, ...],
    formats: tuple[Literal["json", "hocon"], ...],
    output: str | None,
    check: bool,
    target_version: str | None,
) -> None:
    """Run Python DSL files and write the jobs they define.

    A file's jobs are its module-level `job`, or else every module-level Job (also inside
    lists and dicts). `job` is written as FILE.json beside FILE.py; other jobs as
    FILE.<job name>.json.

    The table keys follow the target version: a Job's own target_version=, else
    --target-version, else target-version in [tool.stconfig], else 2.3.8 (result_table_name
    up to 2.3.9-SNAPSHOT, plugin_output from 2.3.9). A HOCON output starts with a comment
    naming the version; each "wrote" line says it too.

    Exit codes: 0 written (or up to date), 1 --check found stale outputs, 2 bad input or a
    DSL file that raised (reported as FILE.py:LINE:COL at the failing line of your code).
    """
    from stconfig.dsl import Job
    from stconfig.dsl.runner import UserCodeError, find_jobs
    from stconfig.emit import emit_hocon, emit_json

    chosen = tuple(dict.fromkeys(formats or ("json",)))
    planned: list[tuple[Path, str, str]] = []
    with user_errors():
        chosen_target = resolve_target(target_version)
        for file in files:
            try:
                jobs = find_jobs(file)
            except UserCodeError as error:
                echo_error(f"error: {error}")
                sys.exit(EXIT_USAGE)
            for found in jobs:
                job = found.job
                if isinstance(job, Job):
                    strict = chosen_target.source == "--target-version"
                    version = job.resolve_version(chosen_target.version, strict=strict)
                    model = job.build(target_version=version)
                    label = (
                        chosen_target.label
                        if version == chosen_target.version
                        else f"SeaTunnel {version} (its target_version=)"
                    )
                else:
                    model = job.build()
                    label = "kept as written (JobDocument)"
                for fmt in chosen:
                    text = emit_json(model) if fmt == "json" else _header(label) + emit_hocon(model)
                    name = found.stem + SUFFIX[fmt]
                    planned.append((_target(output, Path(file).parent, name), text, label))
    targets = [target for target, _, _ in planned]
    if len(set(targets)) != len(targets):
        duplicate = next(t for t in targets if targets.count(t) > 1)
        echo_error(f"error: two jobs would be written to {duplicate}")
        sys.exit(EXIT_USAGE)
    stale = 0
    changed: list[tuple[Path, str, str]] = []
    for target, text, label in planned:
        with user_errors():
            current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        if check:
            stale += 1
            why = "missing" if current is None else "stale"
            echo_error(f"{target}: {why}; run `stconfig build` to regenerate it")
            continue
        changed.append((target, text, label))
    with user_errors():
        for folder in dict.fromkeys(target.parent for target, _, _ in changed):
            folder.mkdir(parents=True, exist_ok=True)
        write_many((target, text) for target, text, _ in changed)
    for target, _, label in changed:
        echo_error(f"wrote {target} for {label}")
    if stale:
        sys.exit(EXIT_FINDINGS)


def _header(label: str) -> str:
    """The first line of a built HOCON file: the version its keys are written for."""
    return f"# Built by stconfig for {label.split(' (')[0]}.\n"


def _target(output: str | None, beside: Path, name: str) -> Path:
    """Where one output goes: the -o file, a file in the -o folder, or beside the source."""
    if output is None:
        return beside / name
    out = Path(output)
    if out.is_dir() or output.endswith(("/", "\\")) or not out.suffix:
        return out / name
    return out


__all__ = ["build"]
