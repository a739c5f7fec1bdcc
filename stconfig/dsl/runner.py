"""Run a Python DSL file and collect the jobs it defines, as `python FILE.py` would run it.

A module-level `job` is the file's job; otherwise every module-level job, and the jobs in
module-level lists, tuples and dicts, in definition order. A file that raises is reported
with the traceback of the user's own frames only (stconfig's and Python's are dropped).
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

from stconfig import model
from stconfig.dsl.document import JobDocument
from stconfig.dsl.errors import DslError
from stconfig.dsl.job import Job
from stconfig.errors import StconfigError

Buildable: TypeAlias = Job | JobDocument
_PACKAGE = str(Path(__file__).resolve().parent.parent)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class UserCodeError(StconfigError):
    """The DSL file raised; the message is its trimmed traceback."""


@dataclass(frozen=True, slots=True)
class FoundJob:
    """One job of a DSL file and the file name stem it is written under."""

    stem: str
    job: Buildable


def run_file(path: str | Path) -> dict[str, object]:
    """Execute the file as `__main__`-like module code and return its globals."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise StconfigError(f"{file}: cannot read: {error}") from error
    try:
        code = compile(text, str(file), "exec")
    except SyntaxError as error:
        raise UserCodeError(f"{file}:{error.lineno}: syntax error: {error.msg}") from error
    module = types.ModuleType(f"__stconfig_build_{_UNSAFE.sub('_', file.stem)}")
    module.__file__ = str(file)
    folder = str(file.resolve().parent)
    sys.path.insert(0, folder)
    try:
        exec(code, module.__dict__)
    except SystemExit as error:
        raise UserCodeError(f"{file}: the file called sys.exit({error.code!r})") from error
    except Exception as error:
        raise UserCodeError(_user_traceback(error)) from error
    finally:
        if folder in sys.path:
            sys.path.remove(folder)
    return module.__dict__


def _user_traceback(error: BaseException) -> str:
    """The traceback without stconfig's frames, then the error, as Python prints it."""
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if not frame.filename.startswith(_PACKAGE)
        and not frame.filename.startswith("<frozen")
        and "/site-packages/pydantic" not in frame.filename
    ]
    lines = ["Traceback (most recent call last):\n", *traceback.format_list(frames)]
    if isinstance(error, DslError):
        lines.append(f"{type(error).__name__}: {error}\n")
    else:
        lines.extend(traceback.format_exception_only(error))
    return "".join(lines).rstrip("\n")


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
    path: str | Path, variables: Mapping[str, str] | None = None
) -> list[tuple[str, model.Job]]:
    """Every job a DSL file defines, built (quoted placeholders filled from `variables`)."""
    built = []
    for found in find_jobs(path):
        job = found.job
        built.append((found.stem, job.build(variables) if isinstance(job, Job) else job.build()))
    return built


__all__ = ["Buildable", "FoundJob", "UserCodeError", "build_jobs", "find_jobs", "run_file"]
