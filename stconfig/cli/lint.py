"""`stconfig lint`: check job files offline; exit 0 clean, 1 findings, 2 usage or I/O problems."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from stconfig.cli import _common as common
from stconfig.cli._common import echo_error, warn
from stconfig.cli._parameters import Arguments, Command, Option, PathCheck
from stconfig.cli._target import TARGET_OPTION
from stconfig.secrets import command_scope
from stconfig.versions import DEFAULT_TARGET

if TYPE_CHECKING:
    from stconfig.lint.diagnostic import Diagnostic
    from stconfig.lint.settings import LintSettings
    from stconfig.source import SourceFile

JOB_SUFFIXES = (".conf", ".config", ".hocon", ".json")
FORMATS = ("full", "concise", "json", "sarif", "github")
MAX_FIX_PASSES = 5


def split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select ST1,ST201 --select ST3` -> ("ST1", "ST201", "ST3")."""
    return tuple(
        part.strip().upper() for value in values for part in value.split(",") if part.strip()
    )


def walk(paths: tuple[str, ...]) -> Iterator[str]:
    """Files named on the command line, and job files found under folders (dot-folders skipped)."""
    for path in paths:
        if os.path.isdir(path):
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(JOB_SUFFIXES) and not name.startswith("."):
                        found = os.path.join(folder, name)
                        if _special_file(found):
                            warn(f"skipped {found}: not a regular file")
                            continue
                        yield found
        else:
            yield path


def _special_file(path: str) -> bool:
    """A FIFO, socket or device found in a folder: opening one could block or never end."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False  # reading it reports the problem with the path


def fail(message: str) -> NoReturn:
    common.fail(message)


PARAMETERS = Command(
    Arguments("paths", path=PathCheck()),
    (
        Option(
            ("--output-format",),
            "output_format",
            help="How to print findings (default: full).",
            choices=FORMATS,
        ),
        Option(
            ("--select",),
            "select",
            help="Only these rule codes or prefixes, comma-separated (ST2, ST201, ALL).",
            metavar="CODES",
            multiple=True,
        ),
        Option(
            ("--ignore",),
            "ignore",
            help="Skip these rule codes or prefixes, comma-separated.",
            metavar="CODES",
            multiple=True,
        ),
        TARGET_OPTION,
        Option(
            ("--var",),
            "variables",
            help="A job variable, as seatunnel.sh -i KEY=VALUE would set it.",
            metavar="KEY=VALUE",
            multiple=True,
        ),
        Option(
            ("--stdin-filename",),
            "stdin_filename",
            help="With PATH '-': the name to report (its extension picks HOCON or JSON).",
            metavar="NAME",
        ),
        Option(
            ("--fix",),
            "fix",
            help="Apply the fixes in place (atomically); each is checked to change only what "
            "it says.",
            is_flag=True,
        ),
        Option(
            ("--diff",),
            "diff",
            help="Show the checked fixes as a diff; change nothing.",
            is_flag=True,
        ),
        Option(
            ("--warnings-as-errors",),
            "warnings_as_errors",
            help="Exit 1 on warnings too.",
            is_flag=True,
        ),
        Option(
            ("--allow-empty",),
            "allow_empty",
            help="Exit 0 when the folders hold no job file (by default that is exit 2).",
            is_flag=True,
        ),
        Option(
            ("--config",),
            "config_path",
            help="pyproject.toml to read [tool.stconfig] from.",
            path=PathCheck(dir_okay=False, as_path=True),
        ),
    ),
)
"""Declared as data so a plain `stconfig lint` runs without importing click (stconfig.cli)."""


@command_scope()  # secrets met while linting are masked in every line it prints
def lint(
    paths: tuple[str, ...],
    output_format: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    target_version: str | None,
    variables: tuple[str, ...],
    stdin_filename: str | None,
    fix: bool,
    diff: bool,
    warnings_as_errors: bool,
    allow_empty: bool,
    config_path: Path | None,
) -> None:
    """Check SeaTunnel job files: syntax, structure, env, table graph, restore settings,
    variables, secrets and version differences.

    PATHS are files or folders; folders are searched for *.conf, *.config, *.hocon and *.json
    (no job file found is exit 2 unless --allow-empty);
    '-' reads one job from standard input. A Python DSL file (.py) is run and every job it
    defines is linted, with findings at the lines of the file that made each plugin.
    Settings come from [tool.stconfig] in the nearest pyproject.toml, then these flags.
    Exit codes: 0 no error left, 1 an error (or a warning with --warnings-as-errors),
    2 usage or I/O problem, or a DSL file that raised.
    """
    from stconfig.errors import FileReadError, StconfigError
    from stconfig.lint.config import ConfigError, find_pyproject, load_config
    from stconfig.lint.diagnostic import Diagnostic, Severity
    from stconfig.lint.engine import lint_path
    from stconfig.lint.registry import check_selectors
    from stconfig.lint.settings import LintSettings
    from stconfig.report import renderer

    if fix and diff:
        fail("--fix and --diff cannot be used together")
    if "-" in paths and (fix or diff or len(paths) > 1):
        fail("'-' (stdin) is linted alone, without --fix or --diff")
    try:
        if config_path is None:
            found = find_pyproject(Path.cwd())
            config = load_config(found) if found is not None else None
        else:
            config = load_config(config_path)
    except ConfigError as error:
        fail(str(error))
        return
    chosen_select = split_codes(select) or (config.select if config else ())
    chosen_ignore = (config.ignore if config else ()) + split_codes(ignore)
    unknown = check_selectors(chosen_select + chosen_ignore)
    if unknown:
        fail(f"unknown rule code or prefix: {', '.join(unknown)} (see `stconfig rules`)")
    assigned: dict[str, str] = dict(config.variables) if config else {}
    for assignment in variables:
        name, equals, value = assignment.partition("=")
        if not equals or not name.strip():
            from stconfig.variables import malformed_assignment

            fail(malformed_assignment(assignment))
        assigned[name.strip()] = value
    if target_version is not None:
        version, source = target_version, "--target-version"
    elif config is not None and config.target_version is not None:
        version, source = config.target_version, f"target-version in {config.path}"
    else:
        version, source = DEFAULT_TARGET, "default"
    try:
        settings = LintSettings(
            select=chosen_select,
            ignore=chosen_ignore,
            target_version=version,
            variables=assigned,
            per_file_ignores=config.per_file_ignores if config else (),
            root=config.root if config else None,
            version_source=source,
        )
    except ValueError as error:
        fail(str(error))
        return

    files = list(walk(paths))
    if not files and not allow_empty:
        suffixes = ", ".join(f"*{suffix}" for suffix in JOB_SUFFIXES)
        fail(f"no job files ({suffixes}) found in {', '.join(paths)}; --allow-empty passes")
    if (fix or diff) and any(path.lower().endswith(".py") for path in files):
        fail("--fix and --diff edit job files, not Python DSL files")
    found_any: list[Diagnostic] = []
    checked_as: dict[str, None] = {}
    """The versions the jobs were checked as (a DSL job may name its own), in order."""
    shared = f"SeaTunnel {settings.target_version} ({settings.version_source})"
    try:
        if paths == ("-",):
            checked_as[shared] = None
            results = {"-": _lint_stdin(stdin_filename or "-", settings)}
        else:
            results = {}
            for path in files:
                if path.lower().endswith(".py"):
                    results[path] = _lint_dsl(path, settings, checked_as)
                else:
                    checked_as[shared] = None
                    results[path] = lint_path(path, settings)
        if fix or diff:
            results = _apply_fixes(results, settings, write=fix)
    except (FileReadError, StconfigError) as error:
        fail(str(error))
        return
    for diagnostics in results.values():
        found_any.extend(diagnostics)
    found_any.sort(key=Diagnostic.sort_key)
    if not diff:
        form = output_format or "full"
        sys.stdout.write(renderer(form)(found_any))
        if form in ("full", "concise"):
            sys.stdout.write(_summary(found_any, len(files), list(checked_as) or [shared]))
    failing = {Severity.ERROR} | ({Severity.WARNING} if warnings_as_errors else set())
    raise SystemExit(1 if any(d.severity in failing for d in found_any) else 0)


def _lint_dsl(path: str, settings: LintSettings, checked_as: dict[str, None]) -> list[Diagnostic]:
    """Every job a Python DSL file defines, linted as `job.lint()` does, at its Python lines.

    A job that names its own version is checked as that version; `checked_as` collects the
    versions used, for the summary line.
    """
    from stconfig.dsl import Job
    from stconfig.dsl.runner import find_jobs
    from stconfig.lint.engine import lint_job

    findings: list[Diagnostic] = []
    for found in find_jobs(path):
        job = found.job
        if isinstance(job, Job):
            if job.target_version not in (None, settings.target_version):
                checked_as[f"SeaTunnel {job.target_version} (its target_version=)"] = None
            else:
                checked_as[f"SeaTunnel {settings.target_version} ({settings.version_source})"] = (
                    None
                )
            findings += job.lint_with(settings)
        else:
            checked_as[f"SeaTunnel {settings.target_version} ({settings.version_source})"] = None
            findings += lint_job(job.build(), settings)
    return findings


def _lint_stdin(name: str, settings: LintSettings) -> list[Diagnostic]:
    """Lint standard input as the file `name` (includes resolve from the current folder)."""
    from stconfig.errors import ParseError
    from stconfig.lint.engine import lint_source, lint_undecodable
    from stconfig.reader import read_stdin
    from stconfig.source import SourceFile

    try:
        text = read_stdin(name)
    except ParseError as error:
        return lint_undecodable(name, error, settings)
    return lint_source(SourceFile(name, text), settings)


def _apply_fixes(
    results: dict[str, list[Diagnostic]], settings: LintSettings, *, write: bool
) -> dict[str, list[Diagnostic]]:
    """Write (or, for --diff, print) the safe fixes; return the findings that remain."""
    from stconfig._files import write_many
    from stconfig.lint.engine import lint_path
    from stconfig.lint.fix import unified_diff

    if not write:
        from stconfig.secrets import mask_text, redact_known
        from stconfig.source import SourceFile

        for source, text, _ in _checked_texts(results, settings).values():
            masked = SourceFile(source.path, mask_text(source.text))
            sys.stdout.write(redact_known(unified_diff(masked, mask_text(text))))
        return results
    total = 0
    for _ in range(MAX_FIX_PASSES):
        texts = _checked_texts(results, settings)
        if not texts:
            break
        # All or nothing: every file is checked and written aside before any is replaced.
        write_many(((path, text) for path, (_, text, _) in texts.items()), special="refuse")
        total += sum(count for _, _, count in texts.values())
        touched = [p for p, ds in results.items() if any(d.fix is not None for d in ds)]
        for path in touched:
            results[path] = lint_path(path, settings)
    if total:
        echo_error(f"Fixed {total} finding{'s' if total != 1 else ''}.")
    return results


def _checked_texts(
    results: dict[str, list[Diagnostic]], settings: LintSettings
) -> dict[str, tuple[SourceFile, str, int]]:
    """The fixed texts; a fix to an include must also keep every other linted job's meaning."""
    from stconfig.lint.engine import job_reading
    from stconfig.lint.fix import JobReading, edits_elsewhere, fixed_texts

    found = [d for ds in results.values() for d in ds]
    others: list[JobReading] = []
    if edits_elsewhere(found):
        readings = (job_reading(path, settings) for path in results if path != "-")
        others = [reading for reading in readings if reading is not None]
    return fixed_texts(found, others)


def _summary(diagnostics: list[Diagnostic], files: int, checked_as: list[str]) -> str:
    from stconfig.lint.diagnostic import Severity

    checked = "checked as " + " and ".join(checked_as)
    many = f"{files} file{'s' if files != 1 else ''}"
    if not diagnostics:
        return f"All checks passed ({many}); {checked}.\n"
    counts = {s: sum(d.severity is s for d in diagnostics) for s in Severity}
    parts = [f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    fixable = sum(d.fix is not None for d in diagnostics)
    tail = f" ({fixable} fixable with --fix)" if fixable else ""
    return f"Found {', '.join(parts)} in {many}{tail}; {checked}.\n"


__all__ = ["PARAMETERS", "lint"]
