"""`stconfig convert`: job files to REST v2 job.json bodies or to SeaTunnel HOCON.

One file goes to standard output or to `-o FILE`; several files or folders go to `-o DIR/`,
mirrored under it, every input read and converted before anything is written.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Literal

from stconfig._records import record
from stconfig.cli._common import (
    EXIT_FINDINGS,
    echo,
    echo_error,
    error_text,
    fail,
    read_job,
    user_errors,
    warn,
)
from stconfig.cli._parameters import VAR_OPTION, Arguments, Command, Option, PathCheck
from stconfig.cli._target import TARGET_OPTION, resolve_target

SUFFIXES = {"json": ".json", "hocon": ".conf"}

SECTIONS = ("source", "transform", "sink")


PARAMETERS = Command(
    Arguments("paths", metavar="PATH...|-"),
    (
        Option(
            ("--to",),
            "target",
            help="Output format: job.json (REST v2 /submit-job body) or HOCON (seatunnel.sh "
            "--config).",
            choices=("json", "hocon"),
            default="json",
            show_default=True,
        ),
        Option(
            ("--from",),
            "syntax",
            help="Input syntax. Default: as SeaTunnel decides, `.json` is JSON and anything "
            "else HOCON; standard input is JSON when it is a JSON object, else HOCON.",
            choices=("hocon", "json"),
        ),
        Option(
            ("-o", "--output"),
            "output",
            help="Write here (atomically) instead of standard output: a file for one input, "
            "or a folder (DIR/) that mirrors the inputs, with the target extension.",
            path=PathCheck(),
        ),
        Option(
            ("--check",),
            "check",
            help="Write nothing; exit 1 and list the outputs that are missing or differ (for CI).",
            is_flag=True,
        ),
        VAR_OPTION,
        TARGET_OPTION,
    ),
)
"""Declared as data so a plain `stconfig convert` runs without importing click (stconfig.cli)."""


def convert(
    paths: tuple[str, ...],
    target: Literal["json", "hocon"],
    syntax: Literal["hocon", "json"] | None,
    output: str | None,
    check: bool,
    variables: tuple[str, ...],
    target_version: str | None,
) -> None:
    """Convert SeaTunnel job files exactly as SeaTunnel 2.3.8 reads them.

    Variables resolve as SeaTunnel resolves them: an unquoted ${name} from the file, then
    the environment, then --var; quoted "${name}" and "${name:default}" from --var only.
    A Python DSL file (.py) that defines one job is run and that job is written, with the
    table keys of its own target_version=, else --target-version, else [tool.stconfig], else
    2.3.8 (HOCON output starts with a comment naming it). A job file keeps the keys it has
    whatever the target: `stconfig lint --fix --target-version` rewrites them.

    A job without an `env` block is converted with a warning (SeaTunnel refuses it).

    Several PATHs, or folders (searched for *.conf, *.hocon and *.json as `stconfig lint`
    does), need -o DIR/: `jobs/a/x.conf` given as `jobs` becomes DIR/a/x.json. Nothing is
    written unless every input converts.

    Exit codes: 0 converted, 2 bad input (printed as path:line:col: message), 1 with
    --check: an output is missing or differs.
    """
    if (
        (output is not None and _is_folder(output))
        or len(paths) > 1
        or any(map(os.path.isdir, paths))
    ):
        _convert_batch(paths, target, syntax, output, check, variables, target_version)
        return
    if check and output is None:
        fail("--check compares with an output: give -o FILE or -o DIR/")
    with user_errors():
        text = _converted(paths[0], target, syntax, variables, target_version)
        if output is None:
            sys.stdout.write(text)
        elif check:
            real = os.path.realpath(output)
            _check([Planned(paths[0], Path(output), text, os.path.realpath(paths[0]), real)])
        else:
            from stconfig._files import write_atomic

            write_atomic(output, text)


def _converted(
    path: str,
    target: Literal["json", "hocon"],
    syntax: Literal["hocon", "json"] | None,
    variables: tuple[str, ...],
    target_version: str | None,
) -> str:
    """The text one input converts to; a DSL file is built for its target version."""
    from stconfig.emit import emit_hocon, emit_json

    header = ""
    if path.endswith(".py") and syntax is None:
        from stconfig.dsl.runner import build_one_for
        from stconfig.variables import parse_assignments

        chosen = resolve_target(target_version)
        strict = chosen.source == "--target-version"
        job, version = build_one_for(
            path, parse_assignments(variables), chosen.version, strict=strict
        )
        header = f"# Built by stconfig for SeaTunnel {version}.\n"
    else:
        job = read_job(path, variables, syntax)
    if job.root.get("env") is None and any(job.root.get(k) is not None for k in SECTIONS):
        warn(
            f"{path}: the job has no 'env' block; SeaTunnel 2.3.8 refuses it "
            "(No configuration setting found for key 'env'); see `stconfig lint` ST101"
        )
    return emit_json(job) if target == "json" else header + emit_hocon(job)


@record(frozen=True)
class Planned:
    """One conversion: the input it came from, the file it goes to, the text it holds."""

    source: str
    target: Path
    text: str
    real_source: str
    real_target: str
    """Both paths with the folders given resolved, to compare outputs with inputs."""


@record(frozen=True)
class Input:
    """An input file, its path below the folder it was found in, and its resolved path."""

    path: str
    relative: str
    real: str


def _is_folder(output: str) -> bool:
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


def _convert_batch(
    paths: tuple[str, ...],
    target: Literal["json", "hocon"],
    syntax: Literal["hocon", "json"] | None,
    output: str | None,
    check: bool,
    variables: tuple[str, ...],
    target_version: str | None,
) -> None:
    """Read and convert every input, then write (or check) every output, or write nothing."""
    from stconfig.errors import StconfigError

    if output is None or not _is_folder(output):
        fail("several inputs or a folder need -o DIR/ (a folder, written with a trailing /)")
    if "-" in paths:
        fail("'-' (standard input) is converted alone")
    assert output is not None
    out_dir = Path(output)
    real_out = os.path.realpath(out_dir)
    planned: list[Planned] = []
    failed = 0
    for found in _inputs(paths, real_out):
        try:
            text = _converted(found.path, target, syntax, variables, target_version)
        except StconfigError as error:
            echo_error(error_text(error))
            failed += 1
            continue
        relative = str(Path(found.relative).with_suffix(SUFFIXES[target]))
        planned.append(
            Planned(
                found.path,
                out_dir / relative,
                text,
                found.real,
                os.path.join(real_out, relative),
            )
        )
    failed += _conflicts(planned) or _unwritable(planned)
    if failed:
        fail(f"{failed} error{'s' if failed != 1 else ''}; nothing written")
    if not planned:
        fail("no job files found")
    if check:
        _check(planned)
        return
    from stconfig._files import write_many

    with user_errors():
        for folder in sorted({item.target.parent for item in planned}):
            folder.mkdir(parents=True, exist_ok=True)
        unchanged = write_many(((item.target, item.text) for item in planned), special="refuse")
    kept = f" ({unchanged} already up to date, left untouched)" if unchanged else ""
    echo_error(
        f"converted {len(planned)} file{'s' if len(planned) != 1 else ''} into {out_dir}{kept}"
    )


def _inputs(paths: tuple[str, ...], real_out: str) -> list[Input]:
    """Each input file with its path relative to the folder it was found in.

    Files already inside the output folder are skipped, so converting a tree into a folder
    beneath it does not read last run's outputs as inputs. Each folder given is resolved
    once (not each file: that costs a system call per path component).
    """
    from stconfig.cli.lint import walk

    inside = real_out + os.sep
    found: list[Input] = []
    for given in paths:
        if not os.path.isdir(given):
            found.append(Input(given, os.path.basename(given), os.path.realpath(given)))
            continue
        real_given = os.path.realpath(given)
        # Only an output folder strictly below the folder given holds last run's outputs.
        skip = not (real_given + os.sep).startswith(inside)
        for path in walk((given,)):
            relative = os.path.relpath(path, given)
            real = os.path.join(real_given, relative)
            if not (skip and real.startswith(inside)):
                found.append(Input(path, relative, real))
    return found


def _conflicts(planned: list[Planned]) -> int:
    """Report outputs two inputs would share, or that would overwrite an input: the count."""
    problems = 0
    first: dict[str, Planned] = {}
    sources = {item.real_source for item in planned}
    for item in planned:
        real = item.real_target
        earlier = first.setdefault(real, item)
        if earlier is not item:
            echo_error(
                f"error: {earlier.source} and {item.source} would both be written to {item.target}"
            )
            problems += 1
        if real in sources:
            echo_error(f"error: {item.source}: the output {item.target} is an input")
            problems += 1
        elif os.path.isdir(real):
            echo_error(f"error: {item.source}: the output {item.target} is a folder")
            problems += 1
    return problems


def _unwritable(planned: list[Planned]) -> int:
    """Report existing outputs that must not be replaced (read-only, not a regular file)
    before anything is written: the count."""
    from stconfig._files import FileWriteError, check_writable

    problems = 0
    for item in planned:
        if not item.target.parent.is_dir():
            continue  # made before writing; nothing there to protect
        try:
            check_writable(str(item.target), special="refuse")
        except FileWriteError as error:
            echo_error(f"error: {error}")
            problems += 1
    return problems


def _check(planned: list[Planned]) -> None:
    """List every output that is missing or differs from what conversion gives; exit 1 if any."""
    stale = 0
    for item in planned:
        try:
            current: str | None = item.target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current == item.text:
            continue
        stale += 1
        why = "missing" if current is None and not item.target.exists() else "differs"
        echo(f"{item.target}: {why} (converted from {item.source})")
    if stale:
        echo_error(
            f"{stale} output{'s' if stale != 1 else ''} out of date; run `stconfig convert` "
            "without --check to regenerate"
        )
        sys.exit(EXIT_FINDINGS)


__all__ = ["PARAMETERS", "convert"]
