"""`stconfig diff` output: text for people, JSON for tools, Markdown for pull requests."""

from __future__ import annotations

import json
import re

from stconfig.jobdiff.compare import masked
from stconfig.jobdiff.model import SECTIONS, Change, JobDiff, Section
from stconfig.model.job import Job

HEADINGS: dict[Section, str] = {
    "env": "env",
    "other": "other top-level keys",
    "plugin": "plugins",
    "option": "options",
    "wiring": "wiring",
}
SIGNS = {"added": "+", "removed": "-", "changed": "~", "moved": ">", "renamed": "~"}


def summary(result: JobDiff) -> str:
    if result.same:
        return f"{result.old_name} -> {result.new_name}: same job"
    count = len(result.changes)
    return f"{result.old_name} -> {result.new_name}: {count} change{'s' if count != 1 else ''}"


def positions(change: Change) -> str:
    if change.old_at and change.new_at:
        return f"{change.old_at} -> {change.new_at}"
    return str(change.old_at or change.new_at or "")


def render_text(result: JobDiff) -> str:
    lines = [summary(result)]
    for section in SECTIONS:
        changes = result.by_section(section)
        if not changes:
            continue
        lines.append(f"{HEADINGS[section]}:")
        for change in changes:
            where = positions(change)
            lines.append(
                f"  {SIGNS[change.action]} {change.message}" + (f"  [{where}]" if where else "")
            )
    return "\n".join(lines) + "\n"


def render_json(result: JobDiff) -> str:
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    """Inline code that survives backticks in the value (a longer fence, CommonMark style)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if longest else text
    return f"{fence}{_cell(padded)}{fence}"


def render_markdown(result: JobDiff) -> str:
    title = f"### SeaTunnel job: {_code(result.old_name)} -> {_code(result.new_name)}"
    if result.same:
        return f"{title}\n\nSame job: only layout, quoting, key order or comments changed.\n"
    counts = ", ".join(
        f"{HEADINGS[s]} {len(result.by_section(s))}" for s in SECTIONS if result.by_section(s)
    )
    count = len(result.changes)
    lines = [
        title,
        "",
        f"**{count} change{'s' if count != 1 else ''}** ({counts})",
        "",
        "| | Change | Old | New | Where |",
        "|---|---|---|---|---|",
    ]
    for change in result.changes:
        old = _code(change.old) if change.old is not None else ""
        new = _code(change.new) if change.new is not None else ""
        lines.append(
            f"| {HEADINGS[change.section]} | {_cell(change.message)} | {old} | {new} "
            f"| {_cell(positions(change))} |"
        )
    return "\n".join(lines) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown}

__all__ = [
    "RENDERERS",
    "canonical_text",
    "render_json",
    "render_markdown",
    "render_text",
    "summary",
]


def canonical_text(job: Job) -> str:
    """The job as sorted, indented JSON with secrets masked: what `git diff` compares through
    `stconfig diff --textconv`, so layout, quoting, key order and comments leave no trace."""
    return json.dumps(masked(job.root), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
