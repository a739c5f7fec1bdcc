"""Run a Python DSL file and collect the jobs it defines, as `python FILE.py` would run it.

A module-level `job` is the file's job; otherwise every module-level job, and the jobs in
module-level lists, tuples and dicts, in definition order. A file that raises is reported
as `file.py:line:col: what went wrong` at its innermost frame in the user's own code (the
user's calls leading there follow; stconfig's, pydantic's and Python's frames are dropped).
"""

from __future__ import annotations

import re
import sys
import traceback
import types
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from stconfig import model
from stconfig.dsl.document import JobDocument
from stconfig.dsl.errors import DslError
from stconfig.dsl.job import Job
from stconfig.errors import StconfigError

Buildable: TypeAlias = Job | JobDocument
_PACKAGE = str(Path(__file__).resolve().parent.parent)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class UserCodeError(StconfigError):
    """The DSL file raised; the message locates it in the user's code, on one line."""


@dataclass(frozen=True, slots=True)
class FoundJob:
    """One job of a DSL file and the file name stem it is written under."""

    stem: str
    job: Buildable


def run_file(path: str | Path) -> dict[str, object]:
    """Execute the file as `__main__`-like module code and return its globals."""
    from stconfig.reader import read_source

    file = Path(path)
    text = read_source(file).text  # the same one-line messages as for a job file
    try:
        code = compile(text, str(file), "exec")
    except SyntaxError as error:
        column = f":{error.offset}" if error.offset else ""
        raise UserCodeError(f"{file}:{error.lineno}{column}: syntax error: {error.msg}") from error
    module = types.ModuleType(f"__stconfig_build_{_UNSAFE.sub('_', file.stem)}")
    module.__file__ = str(file)
    folder = str(file.resolve().parent)
    sys.path.insert(0, folder)
    try:
        exec(code, module.__dict__)
    except SystemExit as error:
        raise UserCodeError(f"{file}: the file called sys.exit({error.code!r})") from error
    except Exception as error:
        raise UserCodeError(_describe(error)) from error
    finally:
        if folder in sys.path:
            sys.path.remove(folder)
    return module.__dict__


def _user_frames(error: BaseException) -> list[traceback.FrameSummary]:
    """The traceback's frames in the user's own code (stconfig, pydantic, Python dropped)."""
    return [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if not frame.filename.startswith(_PACKAGE)
        and not frame.filename.startswith("<frozen")
        and "/site-packages/pydantic" not in frame.filename
    ]


def _model_fields(error: ValidationError) -> list[str]:
    """The keyword names of the model that raised `error` (from the validating frame)."""
    tb = error.__traceback__
    found: list[str] = []
    while tb is not None:
        local = tb.tb_frame.f_locals
        owner = local.get("self", local.get("cls"))
        model_class = owner if isinstance(owner, type) else type(owner)
        if issubclass(model_class, BaseModel) and model_class.__name__ == error.title:
            found = list(model_class.model_fields)
        tb = tb.tb_next
    return found


_BRANCH = re.compile(r"[\[(]")  # pydantic's union branch tags: literal[...], is-instance[Var]


def _validation_summary(error: ValidationError) -> str:
    """pydantic's errors as the linter writes them: `Model: field ...`, one per field, with
    the accepted values and the nearest known keyword, without pydantic's union branches."""
    from stconfig.catalog._suggest import closest

    by_field: dict[str, list[ErrorDetails]] = {}
    for item in error.errors():
        parts: list[str] = []
        for part in item["loc"]:
            if isinstance(part, str) and _BRANCH.search(part):
                break
            parts.append(f"[{part}]" if isinstance(part, int) else f".{part}")
        by_field.setdefault("".join(parts).removeprefix("."), []).append(item)
    lines = []
    for field, items in by_field.items():
        extra = [i for i in items if i["type"] == "extra_forbidden"]
        literal = [i for i in items if i["type"] == "literal_error"]
        if extra:
            known = _model_fields(error)
            near = closest(field, known) if known else None
            hint = f" (did you mean {near!r}?)" if near else ""
            lines.append(f"unknown option {field!r}{hint}")
        elif literal:
            accepted = re.findall(r"'([^']*)'", str(literal[0].get("ctx", {}).get("expected")))
            given = literal[0]["input"]
            near = next((a for a in accepted if str(given).lower() == a.lower()), None)
            hint = f" (did you mean {near!r}?)" if near else ""
            shown = ", ".join(repr(a) for a in accepted)
            lines.append(f"{field}={given!r} is not one of {shown}{hint}")
        else:
            plain = [i for i in items if "is-instance" not in "".join(map(str, i["loc"]))]
            message = str((plain or items)[0]["msg"]).removeprefix("Value error, ")
            lines.append(f"{field}: {message}" if field else message)
    return f"{error.title}: " + "; ".join(lines)


def _summary(error: BaseException) -> str:
    """The error on one line."""
    if isinstance(error, ValidationError):
        return _validation_summary(error)
    if isinstance(error, DslError):
        return error.message
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _describe(error: BaseException) -> str:
    """`file:line:col: what went wrong`, then the user's calls that led there, innermost last."""
    frames = _user_frames(error)
    if isinstance(error, DslError) and error.location is not None:
        headline = str(error)
    elif frames:
        innermost = frames[-1]
        column = f":{innermost.colno + 1}" if innermost.colno is not None else ""
        headline = f"{innermost.filename}:{innermost.lineno}{column}: {_summary(error)}"
        if isinstance(error, RecursionError):
            # a thousand identical callers say nothing the headline does not
            return f"{headline} ({innermost.name} calls itself without end)"
    else:
        return _summary(error)
    callers = frames[:-1]
    lines = [f"  called from {f.filename}:{f.lineno} ({f.name})" for f in reversed(callers)]
    return "\n".join([headline, *_fold(lines)])


_LONGEST_CYCLE = 4


def _fold(lines: list[str]) -> list[str]:
    """Runs of a repeated line, or of a repeated group of up to four lines, shown once."""
    folded: list[str] = []
    index = 0
    while index < len(lines):
        for period in range(1, _LONGEST_CYCLE + 1):
            block = lines[index : index + period]
            repeats = 1
            while lines[index + repeats * period : index + (repeats + 1) * period] == block:
                repeats += 1
            if repeats > 1 and len(block) == period:
                what = "the line above" if period == 1 else f"the {period} lines above"
                folded += [*block, f"  ... {what} {repeats - 1} more times"]
                index += period * repeats
                break
        else:
            folded.append(lines[index])
            index += 1
    return folded


def find_jobs(path: str | Path) -> list[FoundJob]:
    """The jobs a DSL file defines, each with a unique, file-system safe stem."""
    file = Path(path)
    namespace = run_file(file)
    main = namespace.get("job")
    if isinstance(main, Job | JobDocument):
        return [FoundJob(file.stem, main)]
    found: list[tuple[str, Buildable]] = []
    seen: set[int] = set()

    def collect(label: str, value: object) -> None:
        if isinstance(value, Job | JobDocument):
            if id(value) not in seen:
                seen.add(id(value))
                found.append((label, value))
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                collect(f"{label}_{index}", item)
        elif isinstance(value, dict):
            for key, item in value.items():
                collect(f"{label}_{key}", item)

    for attribute, value in namespace.items():
        if not attribute.startswith("_"):
            collect(attribute, value)
    if not found:
        raise StconfigError(
            f"{file}: defines no job (assign a stconfig.dsl.Job to a module-level `job`)"
        )
    result: list[FoundJob] = []
    stems: dict[str, str] = {}
    for label, buildable in found:
        name = buildable.name if isinstance(buildable, Job) else None
        stem = _UNSAFE.sub("_", name or label).strip("._") or label
        if stem in stems:
            raise StconfigError(
                f"{file}: jobs {stems[stem]!r} and {label!r} would both be written as "
                f"{stem!r}; give them different names"
            )
        stems[stem] = label
        result.append(FoundJob(f"{file.stem}.{stem}", buildable))
    return result


def build_jobs(
    path: str | Path,
    variables: Mapping[str, str] | None = None,
    *,
    target_version: str | None = None,
    strict: bool = False,
) -> list[tuple[str, model.Job]]:
    """Every job a DSL file defines, built (quoted placeholders filled from `variables`).

    `target_version` picks the table keys of jobs that do not say their own version;
    `strict` (the version came from --target-version) makes a job that says another one an
    error (`Job.resolve_version`).
    """
    built = []
    for found in find_jobs(path):
        job = found.job
        if isinstance(job, Job):
            version = job.resolve_version(target_version, strict=strict)
            built.append((found.stem, job.build(variables, target_version=version)))
        else:
            built.append((found.stem, job.build()))
    return built


def build_one_for(
    path: str | Path,
    variables: Mapping[str, str] | None,
    chosen: str,
    *,
    strict: bool = False,
) -> tuple[model.Job, str]:
    """The one job a DSL file defines, built for its own version or `chosen`, and that
    version (`Job.resolve_version`); NotOneJobError when the file defines several."""
    found = find_jobs(path)
    if len(found) != 1:
        build_one(path, variables)  # raises NotOneJobError, naming the jobs
    buildable = found[0].job
    if not isinstance(buildable, Job):
        return buildable.build(), chosen
    version = buildable.resolve_version(chosen, strict=strict)
    return buildable.build(variables, target_version=version), version


class NotOneJobError(StconfigError):
    """A command that takes one job was given a DSL file that defines several."""


def build_one(
    path: str | Path,
    variables: Mapping[str, str] | None = None,
    *,
    target_version: str | None = None,
    strict: bool = False,
) -> model.Job:
    """The one job a DSL file defines, built; NotOneJobError when it defines several."""
    jobs = build_jobs(path, variables, target_version=target_version, strict=strict)
    if len(jobs) != 1:
        stems = ", ".join(stem for stem, _ in jobs)
        raise NotOneJobError(
            f"{path} defines {len(jobs)} jobs ({stems}); this command takes one job "
            "(`stconfig build` writes each of them, `stconfig submit` sends each of them)"
        )
    return jobs[0][1]


__all__ = [
    "Buildable",
    "FoundJob",
    "NotOneJobError",
    "UserCodeError",
    "build_jobs",
    "build_one",
    "build_one_for",
    "find_jobs",
    "run_file",
]
