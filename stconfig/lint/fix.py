"""Applying fixes: minimal text edits, each checked against the job as SeaTunnel reads it.

A fix says what it means to change in the job's reading (`Fix.changes`: a key renamed, a
value set, or nothing). Before a fix is offered, and again before fixes are combined and
written, the edited text is read again (with the same variables and environment, includes
followed) and must equal the original reading with exactly those changes. A fix that would
change anything else, such as a variable definition that other values share, or a renamed
key that lands on an existing one, is not applied, and its finding says why.

Reading the whole job again for every fix costs time growing with the square of the file's
size. When the job has no substitution, `+=` or include, no part of it can reach another,
so each plugin block (and each other top-level entry) reads the same alone as in the file:
a fix is then checked by reading only the blocks it edits and comparing only their part of
the reading. Anything the block-wise check cannot vouch for goes to the whole-job check.
"""

from __future__ import annotations

import bisect
import copy
import gc
import os
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from stconfig import limits
from stconfig._records import field, record, replace
from stconfig.errors import StconfigError
from stconfig.lint.diagnostic import Change, Diagnostic, Edit, ReadingPath, RenameKey, SetValue
from stconfig.model.values import PlainValue
from stconfig.source import SourceFile

if TYPE_CHECKING:
    from stconfig.hocon.ast import Document, Entry, Value

MAX_LISTED = 3
"""How many unintended differences a refusal names."""

SECTIONS = frozenset({"source", "transform", "sink"})
"""Top-level keys whose members are plugin blocks, each read on its own (`reader.py`)."""

PLUGIN_NAME_CHARS = len("plugin_name")
"""Characters a plugin block's reading has beyond its text: the implicit `plugin_name` key."""


class FixRefused(Exception):
    """The fix cannot be shown to change only what it means to change; the text says why."""


@record(frozen=True)
class JobReading:
    """How one job file is read for checking fixes, and what it read before any fix."""

    source: SourceFile
    syntax: str
    variables: Mapping[str, str]
    environ: Mapping[str, str] | None
    before: dict[str, PlainValue] = field(compare=False)
    files: frozenset[str] = field(compare=False)
    """Resolved paths of the files the job reads: itself and its includes."""
    document: Document | None = field(default=None, compare=False)
    """The job file's syntax tree when the job reads no other file: fixes are then checked
    block by block when the tree allows it."""

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
    blocks: _Blocks | None = None
    for diagnostic in diagnostics:
        fix = diagnostic.fix
        if fix is None:
            checked.append(diagnostic)
            continue
        try:
            if reading is None:
                raise FixRefused(unreadable)
            if blocks is None:
                blocks = _Blocks(reading)
            if blocks.check(fix.edits, fix.changes) is None:
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
    """Raise FixRefused unless the edited files read as `changes` applied to the original.

    This reads the whole job (and its includes) again: the check that holds for every job.
    """
    expected = expected_reading(reading.before, changes)
    try:
        after = reading.read(edited_texts(edits))
    except (StconfigError, OSError, RecursionError) as error:
        raise FixRefused(f"the fixed job would not load ({_reason(error)})") from None
    if after == expected:
        return
    raise _refusal(list(_differences(expected, after, ())), changes)


def _refusal(differences: list[ReadingPath], changes: Sequence[Change]) -> FixRefused:
    """Why a fix is refused, from where the fixed reading differs from the intended one."""
    intended = {change.at for change in changes if isinstance(change, SetValue)}
    missed = [where(path) for path in differences if path in intended]
    if missed:
        return FixRefused(f"it would not set {', '.join(missed)} as intended")
    named = ", ".join(where(path) for path in differences[:MAX_LISTED])
    more = len(differences) - MAX_LISTED
    return FixRefused(f"it would also change {named}" + (f" and {more} more" if more > 0 else ""))


def expected_reading(
    before: dict[str, PlainValue], changes: Iterable[Change]
) -> dict[str, PlainValue]:
    """The original reading with the fix's intended changes made; FixRefused when impossible.

    Only the containers on a changed path are copied (the rest is shared with `before`, never
    mutated): building the expectation costs the size of the change, not of the job.
    """
    result = dict(before)
    for change in changes:
        _make(result, change.at, change)
    return result


def _make(result: dict[str, PlainValue], at: ReadingPath, change: Change) -> None:
    """Make `change` in `result`, where it sits at `at` (`change.at` in the whole job, which
    is what a refusal names); the containers on the way are copied first."""
    if isinstance(change, RenameKey):
        parent = _owned(result, at)
        if not isinstance(parent, dict) or change.old not in parent:
            raise FixRefused(f"{where((*change.at, change.old))} is not in the job as read")
        if change.new in parent:
            raise FixRefused(
                f"{where(change.at)} already has {change.new!r}; renaming "
                f"{change.old!r} onto it would change the value SeaTunnel reads"
            )
        parent[change.new] = parent.pop(change.old)
        return
    *head, last = at
    parent = _owned(result, tuple(head))
    if not _holds(parent, last):
        raise FixRefused(f"{where(change.at)} is not in the job as read")
    if isinstance(parent, dict):
        parent[str(last)] = copy.deepcopy(change.value)
    elif isinstance(parent, list):
        parent[int(last)] = copy.deepcopy(change.value)


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
    return {
        path: _edited(file_edits[0].source.text, file_edits, 0)
        for path, file_edits in by_file.items()
    }


def _edited(text: str, edits: Iterable[Edit], offset: int) -> str:
    """`text` (which starts at `offset` of its file) with the edits made, in one pass."""
    pieces: list[str] = []
    done = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces += (text[done : edit.start - offset], edit.content)
        done = edit.end - offset
    pieces.append(text[done:])
    return "".join(pieces)


# -- checking a fix block by block -------------------------------------------------------


@record(frozen=True)
class _Block:
    """A part of the job file that SeaTunnel reads the same alone as in the file: one plugin
    block of a section, or one other top-level entry. `header` and `footer` make its text a
    job of its own with the same nesting."""

    path: ReadingPath
    start: int
    end: int
    header: str
    footer: str


@record()
class _Verdict:
    """A fix found exact block by block, and what it adds to the edited job if it goes in."""

    edits: dict[int, list[Edit]]
    changes: list[tuple[int, Change]]
    values: dict[int, int]
    """Per block read: values of its new reading minus values of its original reading."""
    tokens: int
    substitutions: int
    length: int


@record()
class _Reach:
    """What substitutions in a part of a job look up: the first key of each, and how many."""

    heads: set[str] = field(default_factory=set)
    count: int = 0


class _Blocks:
    """The blocks of one job file, and the fixes accepted into them so far (`plan_fixes`).

    Without `+=` or include, and with no substitution that reads a top-level key of the job
    (only ones the environment or the variables answer, such as `${DB_PASSWORD}`), a job
    reads as the union of its blocks' readings, each block read alone. A block's edited text
    that reads alone as exactly one block of the same kind, starts and ends where the
    original one did, and adds no such substitution, therefore changes the job's reading in
    that block only.
    """

    def __init__(self, reading: JobReading) -> None:
        self.reading = reading
        self.blocks: list[_Block] = []
        self.tops: frozenset[str] = frozenset()
        """The job's top-level keys: a substitution of one of them reads the document."""
        self.tokens = 0
        self.substitutions = 0
        self.whole = True
        """True when fixes must be checked against the whole job."""
        self.edits: dict[int, list[Edit]] = {}
        self.changes: dict[int, list[Change]] = {}
        self.value_changes: dict[int, int] = {}
        self.tokens_added = 0
        self.substitutions_added = 0
        self.length = len(reading.source.text)
        self._cut()
        self.starts = [block.start for block in self.blocks]
        self.by_path = {block.path: index for index, block in enumerate(self.blocks)}
        self.values = _size(reading.before) if self.blocks else 0
        """Values of the job's reading with the accepted fixes, as the reader counts them
        against its limit (`value_changes` holds each edited block's part of the change)."""

    def _cut(self) -> None:
        """Find the blocks, when the job allows reading them apart."""
        from stconfig.hocon.ast import ArrayValue, Field, ObjectValue

        reading = self.reading
        document = reading.document
        if document is None or document.source.text != reading.source.text:
            return
        root = document.root
        reach = _reach(root)
        if not isinstance(root, ObjectValue) or reach is None:
            return
        text = document.source.text
        json = reading.syntax == "json"
        fields = [entry for entry in root.entries if isinstance(entry, Field)]
        seen: dict[str, int] = {}
        for entry in fields:
            seen[entry.key.path[0]] = seen.get(entry.key.path[0], 0) + 1
        opening, closing = ("{\n", "\n}") if root.braced else ("", "")
        for entry in fields:
            name = entry.key.path[0]
            if seen[name] > 1 or name in reach.heads:
                continue  # merged with another entry, or read by a substitution
            value = entry.value
            members: Sequence[Entry | Value] | None = None
            if name in SECTIONS and entry.key.path == (name,):
                if json and isinstance(value, ArrayValue):
                    members = value.items
                elif not json and isinstance(value, ObjectValue):
                    members = value.entries
            read = reading.before.get(name)
            if members is not None and isinstance(read, list) and len(read) == len(members):
                header = opening + (f'"{name}": [\n' if json else f"{name} {{\n")
                footer = ("\n]" if json else "\n}") + closing
                self.blocks += (
                    _Block((name, index), member.span.start, member.span.end, header, footer)
                    for index, member in enumerate(members)
                    if _apart(text, member.span.start, member.span.end)
                )
            elif _apart(text, entry.span.start, entry.span.end):
                block = _Block((name,), entry.span.start, entry.span.end, opening, closing)
                self.blocks.append(block)
        self.tops = frozenset(seen)
        self.tokens = document.tokens
        self.substitutions = reach.count
        self.whole = not self.blocks

    @cached_property
    def external(self) -> int:
        """Characters of keys and values a substitution can copy from the environment or
        the variables (at most all of them, each time): counted only for a job whose
        edited blocks hold substitutions (few do), as it means reading every variable of
        the environment."""
        environ = os.environ if self.reading.environ is None else self.reading.environ
        return sum(
            len(key) + len(value)
            for names in (environ, self.reading.variables)
            for key, value in names.items()
        )

    def of_edit(self, edit: Edit) -> int | None:
        """The block an edit lies in, if any."""
        if edit.source.path != self.reading.source.path:
            return None
        index = bisect.bisect_right(self.starts, edit.start) - 1
        return index if index >= 0 and edit.end <= self.blocks[index].end else None

    def of_change(self, change: Change) -> int | None:
        """The block whose reading holds what a change changes, if any."""
        for size in (2, 1):
            if len(change.at) >= size:
                index = self.by_path.get(change.at[:size])
                if index is not None:
                    return index
        return None

    def check(self, edits: Sequence[Edit], changes: Sequence[Change]) -> _Verdict | None:
        """The verdict when the edits, with those accepted before, change exactly `changes`
        (and the changes accepted before); FixRefused, with the reason the whole-job check
        gives, when they do not; None when only the whole job can tell."""
        if self.whole:
            return None
        new_edits: dict[int, list[Edit]] = {}
        for edit in edits:
            index = self.of_edit(edit)
            if index is None:
                return None
            new_edits.setdefault(index, []).append(edit)
        placed: list[tuple[int, Change]] = []
        for change in changes:
            index = self.of_change(change)
            if index is None:
                return None
            placed.append((index, change))
        touched = sorted({*new_edits, *(index for index, _ in placed)})
        expected = {index: self._expected(index) for index in touched}
        for index, change in placed:
            self._make_inside(expected[index], index, change)
        reads: dict[int, PlainValue] = {}
        values = dict.fromkeys(touched, 0)
        tokens = substitutions = 0
        for index in touched:
            block = self.blocks[index]
            block_edits = [*self.edits.get(index, ()), *new_edits.get(index, ())]
            text = self.reading.source.text[block.start : block.end]
            got = self._read(block, _edited(text, block_edits, block.start))
            if got is None:
                return None
            reads[index], block_tokens, block_substitutions = got
            tokens += block_tokens
            substitutions += block_substitutions
            values[index] = _size(reads[index]) - _size(self._before(index))
        length = sum(len(edit.content) - (edit.end - edit.start) for edit in edits)
        if not self._within_limits(values, tokens, substitutions, length):
            return None
        if any(reads[index] != expected[index]["block"] for index in touched):
            differences = [
                path
                for index in touched
                for path in _differences(
                    expected[index]["block"], reads[index], self.blocks[index].path
                )
            ]
            accepted = [change for index in touched for change in self.changes.get(index, ())]
            raise _refusal(differences, [*accepted, *changes])
        return _Verdict(new_edits, placed, values, tokens, substitutions, length)

    def accept(self, verdict: _Verdict | None) -> None:
        """Record a fix that goes in; without a verdict (it was checked against the whole
        job), later fixes are checked against the whole job too."""
        if verdict is None:
            self.whole = True
            return
        for index, edits in verdict.edits.items():
            self.edits.setdefault(index, []).extend(edits)
        for index, change in verdict.changes:
            self.changes.setdefault(index, []).append(change)
        for index, values in verdict.values.items():
            self.values += values - self.value_changes.get(index, 0)
            self.value_changes[index] = values
        self.tokens_added += verdict.tokens
        self.substitutions_added += verdict.substitutions
        self.length += verdict.length

    def _before(self, index: int) -> PlainValue:
        value: PlainValue = self.reading.before
        for step in self.blocks[index].path:
            value = value[step]  # type: ignore[index]
        return value

    def _expected(self, index: int) -> dict[str, PlainValue]:
        """The block's original reading with the changes accepted into it, as `{"block": }`."""
        expected: dict[str, PlainValue] = {"block": self._before(index)}
        for change in self.changes.get(index, ()):
            self._make_inside(expected, index, change)
        return expected

    def _make_inside(self, expected: dict[str, PlainValue], index: int, change: Change) -> None:
        inside = change.at[len(self.blocks[index].path) :]
        _make(expected, ("block", *inside), change)

    def _within_limits(
        self, values: dict[int, int], tokens: int, substitutions: int, length: int
    ) -> bool:
        """Whether the edited job is surely within the reader's limits (else the whole-job
        check tells; the counts of tokens and substitutions are upper bounds). Its resolved
        text is at most its own text, one `plugin_name` key per value, and all the
        environment and variables for each substitution."""
        total = self.values + sum(values[i] - self.value_changes.get(i, 0) for i in values)
        length += self.length
        substituted = self.substitutions + self.substitutions_added + substitutions
        copied = substituted * self.external if substituted else 0
        return (
            length <= limits.MAX_FILE_BYTES
            and length <= limits.MAX_INPUT_CHARS
            and self.tokens + self.tokens_added + tokens <= limits.MAX_TOKENS
            and total <= limits.MAX_RESOLVED_VALUES
            and length + PLUGIN_NAME_CHARS * total + copied <= limits.MAX_RESOLVED_CHARS
        )

    def _read(self, block: _Block, text: str) -> tuple[PlainValue, int, int] | None:
        """The block's reading from `text` alone, the tokens that took and the substitutions
        it holds; None unless `text` is exactly one block of the same kind whose
        substitutions read no top-level key of the job."""
        from stconfig.hocon.ast import ArrayValue, Field, ObjectValue
        from stconfig.reader import loads

        wrapped = block.header + text + block.footer
        try:
            job = loads(
                wrapped,
                fmt="json" if self.reading.syntax == "json" else "hocon",
                path=self.reading.source.path,
                variables=self.reading.variables,
                environ=self.reading.environ,
                unresolved="keep",
            )
        except (StconfigError, OSError, RecursionError):
            return None
        document = job.documents[0]
        root = document.root
        name = block.path[0]
        if (
            len(job.documents) != 1
            or not isinstance(root, ObjectValue)
            or len(root.entries) != 1
            or not isinstance(root.entries[0], Field)
            or root.entries[0].key.path[0] != name
        ):
            return None
        part: Entry | Value = root.entries[0]
        if len(block.path) == 2:
            section = root.entries[0].value
            members: Sequence[Entry | Value] = (
                section.entries
                if isinstance(section, ObjectValue)
                else section.items
                if isinstance(section, ArrayValue)
                else ()
            )
            if len(members) != 1:
                return None
            part = members[0]
        start = len(block.header)
        if (part.span.start, part.span.end) != (start, start + len(text)):
            return None
        reach = _reach(part)
        if reach is None or reach.heads & self.tops:
            return None
        data = job.to_dict()
        value = data.get(name)
        if len(data) != 1:
            return None
        if len(block.path) == 2:
            if not isinstance(value, list) or len(value) != 1:
                return None
            value = value[0]
        return value, document.tokens, reach.count


def _reach(value: Entry | Value) -> _Reach | None:
    """What the substitutions in `value` look up; None when it holds `+=` or an include,
    which read what other parts of the job (or other files) hold."""
    from stconfig.hocon.ast import (
        ArrayValue,
        Concatenation,
        Field,
        Include,
        ObjectValue,
        Substitution,
    )

    reach = _Reach()
    stack: list[Entry | Value] = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, Field):
            if node.separator == "+=":
                return None
            stack.append(node.value)
        elif isinstance(node, ObjectValue):
            stack += node.entries
        elif isinstance(node, ArrayValue):
            stack += node.items
        elif isinstance(node, Concatenation):
            stack += node.parts
        elif isinstance(node, Substitution):
            reach.heads.add(node.path[0])
            reach.count += 1
        elif isinstance(node, Include):
            return None
    return reach


def _apart(text: str, start: int, end: int) -> bool:
    """Whether what precedes `start` and follows `end` ends any value or comment, so the text
    between reads the same there as alone: a new line, a brace, a bracket or a comma (or a
    comment after it)."""
    before = start - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    return (before < 0 or text[before] in "\n\r{[,") and (
        after == len(text) or text[after] in "\n\r,}]#" or text.startswith("//", after)
    )


def _size(value: PlainValue) -> int:
    """Objects, lists and scalars in a reading (the reader's count for its limit)."""
    if isinstance(value, dict):
        return 1 + sum(_size(item) for item in value.values())
    if isinstance(value, list):
        return 1 + sum(_size(item) for item in value)
    return 1


# -- planning fixes that go in together --------------------------------------------------


@record()
class _Candidate:
    """One set of edits, and what it changes for each job that offered it."""

    edits: tuple[Edit, ...]
    changes: dict[str, tuple[Change, ...]]
    files: frozenset[str]
    diagnostics: list[Diagnostic]


@record()
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
    can collide, such as two keys trimmed to the same name). A job is checked block by block
    where it allows, so planning costs time in proportion to the file, not to its square.
    The cyclic garbage collector is paused meanwhile, as while linting (`lint_source`).
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _plan(diagnostics, readings)
    finally:
        if paused:
            gc.enable()


def _plan(diagnostics: Iterable[Diagnostic], readings: Iterable[JobReading]) -> FixPlan:
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
    readers: dict[str, list[str]] = {}
    for job, reading in jobs.items():
        for path in reading.files:
            readers.setdefault(path, []).append(job)
    blocks: dict[str, _Blocks] = {}

    accepted: list[Edit] = []
    taken: dict[str, list[tuple[int, int]]] = {}
    applied: list[Diagnostic] = []
    credited: dict[str, list[Change]] = {}
    counts: dict[str, int] = {}
    for candidate in candidates.values():
        if any(_overlaps(edit, taken) for edit in candidate.edits):
            continue
        affected = dict.fromkeys(job for path in candidate.files for job in readers.get(path, ()))
        verdicts: list[tuple[_Blocks, _Verdict | None]] = []
        try:
            for job in affected:
                reading = jobs[job]
                checker = blocks.get(job) or blocks.setdefault(job, _Blocks(reading))
                changes = candidate.changes.get(job, ())
                verdict = checker.check(candidate.edits, changes)
                if verdict is None:
                    trial = [*accepted, *candidate.edits]
                    refuse_unless_exact(reading, trial, [*credited.get(job, ()), *changes])
                verdicts.append((checker, verdict))
        except FixRefused:
            continue
        for checker, verdict in verdicts:
            checker.accept(verdict)
        accepted += candidate.edits
        for edit in candidate.edits:
            bisect.insort(taken.setdefault(edit.source.path, []), (edit.start, edit.end))
        applied += candidate.diagnostics
        for job, changes in candidate.changes.items():
            credited.setdefault(job, []).extend(changes)
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


def _overlaps(edit: Edit, taken: Mapping[str, list[tuple[int, int]]]) -> bool:
    """Whether the edit overlaps an accepted one of its file (`taken`: their sorted spans,
    which follow each other without overlapping, so only neighbours need a look)."""
    spans = taken.get(edit.source.path)
    if not spans:
        return False
    for index in range(max(0, bisect.bisect_left(spans, (edit.start, edit.end)) - 1), len(spans)):
        start, end = spans[index]
        if start > edit.end:
            return False
        if (edit.start < end and start < edit.end) or edit.start == edit.end == start == end:
            return True
    return False


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
