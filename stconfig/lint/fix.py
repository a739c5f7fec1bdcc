"""Applying fixes: minimal text edits, each checked against the job as SeaTunnel reads it.

A fix says what it means to change in the job's reading (`Fix.changes`: a key renamed, a
value set, or nothing). Before a fix is offered, and again before fixes are combined and
written, the edited text is read again (with the same variables and environment, includes
followed) and must equal the original reading with exactly those changes. A fix that would
change anything else, such as a variable definition that other values share, or a renamed
key that lands on an existing one, is not applied, and its finding says why.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from stconfig import limits
from stconfig.errors import StconfigError
from stconfig.lint.diagnostic import Change, Diagnostic, Edit, ReadingPath, RenameKey, SetValue
from stconfig.model.values import PlainValue
from stconfig.source import SourceFile

MAX_LISTED = 3
"""How many unintended differences a refusal names."""


class FixRefused(Exception):
    """The fix cannot be shown to change only what it means to change; the text says why."""


@dataclass(frozen=True, slots=True)
class JobReading:
    """How one job file is read for checking fixes, and what it read before any fix."""

    source: SourceFile
    syntax: str
    variables: Mapping[str, str]
    environ: Mapping[str, str] | None
    before: dict[str, PlainValue] = field(compare=False)
    files: frozenset[str] = field(compare=False)
    """Resolved paths of the files the job reads: itself and its includes."""

    def read(self, texts: Mapping[str, str]) -> dict[str, PlainValue]:
        """The job's reading with some files' texts (by resolved path) replaced."""
        from stconfig.reader import loads

        job = loads(
            texts.get(resolved(self.source.path), self.source.text),
            fmt="json" if self.syntax == "json" else "hocon",
            path=self.source.path,
            variables=self.variables,
            environ=self.environ,
            unresolved="keep",
            included_texts=texts,
        )
        return job.to_dict()


def resolved(path: str) -> str:
    return os.path.realpath(path)


def check_fixes(
    diagnostics: list[Diagnostic],
    reading: JobReading | None,
    unreadable: str = "the job does not load, so the change cannot be checked",
) -> list[Diagnostic]:
    """Each fix checked alone against the job; a refused fix is dropped and the help says why.

    Without a reading, no fix can be checked, so none is offered (`unreadable` says why).
    """
    checked: list[Diagnostic] = []
    budget = limits.MAX_CHECKED_FIXES
    for diagnostic in diagnostics:
        fix = diagnostic.fix
        if fix is None:
            checked.append(diagnostic)
            continue
        try:
            if reading is None:
                raise FixRefused(unreadable)
            if budget == 0:
                raise FixRefused(
                    f"not checked: more than {limits.MAX_CHECKED_FIXES} fixes in one file; "
                    "it is offered once the others are applied (docs/limits.md)"
                )
            budget -= 1
            refuse_unless_exact(reading, fix.edits, fix.changes)
        except FixRefused as refusal:
            note = f"fix not applied: {refusal}"
            help_text = f"{diagnostic.help}; {note}" if diagnostic.help else note
            checked.append(replace(diagnostic, fix=None, help=help_text))
            continue
        checked.append(replace(diagnostic, fix=replace(fix, checked=reading)))
    return checked


def refuse_unless_exact(
    reading: JobReading, edits: Sequence[Edit], changes: Sequence[Change]
) -> None:
    """Raise FixRefused unless the edited files read as `changes` applied to the original."""
    expected = expected_reading(reading.before, changes)
    try:
        after = reading.read(edited_texts(edits))
    except (StconfigError, OSError, RecursionError) as error:
        raise FixRefused(f"the fixed job would not load ({_reason(error)})") from None
    if after == expected:
        return
    intended = {change.at for change in changes if isinstance(change, SetValue)}
    differences = list(_differences(expected, after, ()))
    missed = [where(path) for path in differences if path in intended]
    if missed:
        raise FixRefused(f"it would not set {', '.join(missed)} as intended")
    named = ", ".join(where(path) for path in differences[:MAX_LISTED])
    more = len(differences) - MAX_LISTED
    raise FixRefused(f"it would also change {named}" + (f" and {more} more" if more > 0 else ""))


def expected_reading(
    before: dict[str, PlainValue], changes: Iterable[Change]
) -> dict[str, PlainValue]:
    """The original reading with the fix's intended changes made; FixRefused when impossible.

    Only the containers on a changed path are copied (the rest is shared with `before`, never
    mutated): building the expectation costs the size of the change, not of the job.
    """
    result = dict(before)
    for change in changes:
        if isinstance(change, RenameKey):
            parent = _owned(result, change.at)
            if not isinstance(parent, dict) or change.old not in parent:
                raise FixRefused(f"{where((*change.at, change.old))} is not in the job as read")
            if change.new in parent:
                raise FixRefused(
                    f"{where(change.at)} already has {change.new!r}; renaming "
                    f"{change.old!r} onto it would change the value SeaTunnel reads"
                )
            parent[change.new] = parent.pop(change.old)
        else:
            *head, last = change.at
            parent = _owned(result, tuple(head))
            if not _holds(parent, last):
                raise FixRefused(f"{where(change.at)} is not in the job as read")
            if isinstance(parent, dict):
                parent[str(last)] = copy.deepcopy(change.value)
            elif isinstance(parent, list):
                parent[int(last)] = copy.deepcopy(change.value)
    return result


def _holds(container: PlainValue, step: str | int) -> bool:
    if isinstance(container, dict):
        return isinstance(step, str) and step in container
    if isinstance(container, list):
        return isinstance(step, int) and 0 <= step < len(container)
    return False


def _owned(data: dict[str, PlainValue], path: ReadingPath) -> PlainValue:
    """The value at `path` (None when the path does not exist), each container on the way
    copied first, so that it may be changed in place without touching the original."""
    current: PlainValue = data
    for step in path:
        if isinstance(current, dict) and isinstance(step, str):
            child = current.get(step)
            if isinstance(child, dict | list):
                child = current[step] = child.copy()
        elif isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current):
            child = current[step]
            if isinstance(child, dict | list):
                child = current[step] = child.copy()
        else:
            return None
        current = child
    return current


def _differences(a: PlainValue, b: PlainValue, path: ReadingPath) -> Iterable[ReadingPath]:
    """The paths where two readings differ, outermost first, in the first one's order."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if key not in a or key not in b:
                yield (*path, key)
            else:
                yield from _differences(a[key], b[key], (*path, key))
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for index, (left, right) in enumerate(zip(a, b, strict=True)):
            yield from _differences(left, right, (*path, index))
    elif type(a) is not type(b) or a != b:
        yield path


def where(path: ReadingPath) -> str:
    """`sink[0].path`, `env.job.mode`: a reading path as people write it."""
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            name = step if step and step == step.strip() and '"' not in step else repr(step)
            text += f".{name}" if text else name
    return text or "the whole job"


def _reason(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    if isinstance(error, OSError):
        return error.strerror or type(error).__name__
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def edited_texts(edits: Iterable[Edit]) -> dict[str, str]:
    """Each edited file's new text, by resolved path (edits must not overlap)."""
    by_file: dict[str, list[Edit]] = {}
    for edit in edits:
        by_file.setdefault(resolved(edit.source.path), []).append(edit)
    texts: dict[str, str] = {}
    for path, file_edits in by_file.items():
        text = file_edits[0].source.text
        for edit in sorted(file_edits, key=lambda e: (e.start, e.end), reverse=True):
            text = text[: edit.start] + edit.content + text[edit.end :]
        texts[path] = text
    return texts


@dataclass(slots=True)
class _Candidate:
    """One set of edits, and what it changes for each job that offered it."""

    edits: tuple[Edit, ...]
    changes: dict[str, tuple[Change, ...]]
    files: frozenset[str]
    diagnostics: list[Diagnostic]


@dataclass(slots=True)
class FixPlan:
    """The fixes that go in together, and each edited file's new text (by its path)."""

    applied: list[Diagnostic]
    texts: dict[str, tuple[SourceFile, str, int]]


def fixed_texts(
    diagnostics: Iterable[Diagnostic], readings: Iterable[JobReading] = ()
) -> dict[str, tuple[SourceFile, str, int]]:
    """Per file: its source, its fixed text, and how many fixes went in."""
    return plan_fixes(diagnostics, readings).texts


def plan_fixes(diagnostics: Iterable[Diagnostic], readings: Iterable[JobReading] = ()) -> FixPlan:
    """The checked fixes that can go in together.

    `readings` adds jobs that offer no fix themselves but may read a file a fix edits (an
    include they share): such a job must read exactly as before.

    They are taken in order; one is left for the next run when its edits overlap an accepted
    one, or when, together with the accepted ones, it would make any job reading an edited
    file differ from its reading with the accepted changes (two fixes that are each fine alone
    can collide, such as two keys trimmed to the same name).
    """
    candidates: dict[tuple[tuple[str, int, int, str], ...], _Candidate] = {}
    jobs = {reading.source.path: reading for reading in readings}
    for diagnostic in diagnostics:
        fix = diagnostic.fix
        if fix is None or fix.checked is None or not fix.edits:
            continue
        job = fix.checked.source.path
        jobs[job] = fix.checked
        key = tuple((e.source.path, e.start, e.end, e.content) for e in fix.edits)
        files = frozenset(resolved(edit.source.path) for edit in fix.edits)
        candidate = candidates.setdefault(key, _Candidate(fix.edits, {}, files, []))
        candidate.changes[job] = candidate.changes.get(job, ()) + fix.changes
        candidate.diagnostics.append(diagnostic)

    accepted: list[Edit] = []
    applied: list[Diagnostic] = []
    credited: dict[str, tuple[Change, ...]] = {}
    counts: dict[str, int] = {}
    for candidate in candidates.values():
        if any(_overlaps(edit, accepted) for edit in candidate.edits):
            continue
        trial = [*accepted, *candidate.edits]
        try:
            for job, reading in jobs.items():
                if reading.files & candidate.files:
                    changes = credited.get(job, ()) + candidate.changes.get(job, ())
                    refuse_unless_exact(reading, trial, changes)
        except FixRefused:
            continue
        accepted = trial
        applied += candidate.diagnostics
        for job, changes in candidate.changes.items():
            credited[job] = credited.get(job, ()) + changes
        path = candidate.edits[0].source.path
        counts[path] = counts.get(path, 0) + 1

    sources = {edit.source.path: edit.source for edit in accepted}
    texts = edited_texts(accepted)
    return FixPlan(
        applied,
        {
            path: (source, texts[resolved(path)], counts.get(path, 0))
            for path, source in sources.items()
        },
    )


def edits_elsewhere(diagnostics: Iterable[Diagnostic]) -> bool:
    """True when a fix edits a file other than the job it was found in (an include)."""
    return any(
        resolved(edit.source.path) != resolved(d.fix.checked.source.path)
        for d in diagnostics
        if d.fix is not None and d.fix.checked is not None
        for edit in d.fix.edits
    )


def _overlaps(edit: Edit, others: list[Edit]) -> bool:
    return any(
        edit.source.path == other.source.path
        and (
            (edit.start < other.end and other.start < edit.end)
            or edit.start == edit.end == other.start == other.end
        )
        for other in others
    )


def unified_diff(source: SourceFile, new_text: str) -> str:
    import difflib  # only `--diff` needs it; a plain lint does not pay for the import

    return "".join(
        difflib.unified_diff(
            source.text.splitlines(keepends=True),
            new_text.splitlines(keepends=True),
            fromfile=f"a/{source.path}",
            tofile=f"b/{source.path}",
        )
    )


__all__ = [
    "FixPlan",
    "FixRefused",
    "JobReading",
    "check_fixes",
    "edited_texts",
    "edits_elsewhere",
    "expected_reading",
    "fixed_texts",
    "plan_fixes",
    "refuse_unless_exact",
    "unified_diff",
    "where",
]
