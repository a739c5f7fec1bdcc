"""Code actions: every lint fix, fix-all, and "ignore this rule on this line"."""

from __future__ import annotations

from lsprotocol import types as lsp

from stconfig.lint.diagnostic import Diagnostic
from stconfig.lint.fix import fixed_texts
from stconfig.lint.suppression import PATTERN
from stconfig.lsp.positions import LineIndex
from stconfig.lsp.scan import Scan

FIX_ALL = lsp.CodeActionKind.SourceFixAll + ".stconfig"


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    def key(p: lsp.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def fix_actions(
    findings: list[Diagnostic], path: str, uri: str, index: LineIndex, wanted: lsp.Range
) -> list[lsp.CodeAction]:
    """One quick fix per finding with a fix in the range, and a fix-all when any exists."""
    actions = []
    for finding in findings:
        if finding.fix is None or finding.span is None or finding.span.path != path:
            continue
        if any(edit.source.path != path for edit in finding.fix.edits):
            continue
        if not _overlaps(index.range(finding.span.start, finding.span.end), wanted):
            continue
        edits = [
            lsp.TextEdit(index.range(edit.start, edit.end), edit.content)
            for edit in finding.fix.edits
        ]
        actions.append(
            lsp.CodeAction(
                title=f"{finding.code}: {finding.fix.message}",
                kind=lsp.CodeActionKind.QuickFix,
                edit=lsp.WorkspaceEdit(changes={uri: edits}),
                is_preferred=True,
            )
        )
    fix_all = fix_all_action(findings, path, uri, index)
    if fix_all is not None:
        actions.append(fix_all)
    return actions


def fix_all_action(
    findings: list[Diagnostic], path: str, uri: str, index: LineIndex
) -> lsp.CodeAction | None:
    """Every fix that does not overlap another, as `stconfig lint --fix` applies them."""
    texts = fixed_texts(f for f in findings if f.span is not None and f.span.path == path)
    if path not in texts:
        return None
    _, text, count = texts[path]
    whole = index.range(0, len(index.text))
    return lsp.CodeAction(
        title=f"stconfig: apply {count} safe fix{'es' if count != 1 else ''}",
        kind=FIX_ALL,
        edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(whole, text)]}),
    )


def ignore_actions(
    scan: Scan, index: LineIndex, uri: str, diagnostics: list[lsp.Diagnostic], *, json: bool
) -> list[lsp.CodeAction]:
    """`# stconfig: ignore[CODE]` at the end of the finding's line (JSON has no comments).

    When that line already has such a comment the code joins its list; when the line ends
    inside a multi-line string the comment goes alone on the line above, which covers it.
    """
    if json:
        return []
    actions = []
    seen: set[tuple[str, int]] = set()
    for diagnostic in diagnostics:
        code = diagnostic.code
        if not isinstance(code, str) or diagnostic.source != "stconfig":
            continue
        line = diagnostic.range.start.line
        if (code, line) in seen:
            continue
        seen.add((code, line))
        edit = _ignore_edit(scan, index, line, code)
        actions.append(
            lsp.CodeAction(
                title=f"Ignore {code} on this line",
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
            )
        )
    return actions


def _ignore_edit(scan: Scan, index: LineIndex, line: int, code: str) -> lsp.TextEdit:
    start = index.offset(lsp.Position(line, 0))
    end = scan.text.find("\n", start)
    end = len(scan.text) if end == -1 else end
    text = scan.text[start:end].rstrip("\r")
    match = PATTERN.search(text)
    if match is not None:
        codes = [c.strip() for c in match.group(1).split(",") if c.strip()]
        inner_start = start + match.start(1)
        inner_end = start + match.end(1)
        return lsp.TextEdit(index.range(inner_start, inner_end), ", ".join([*codes, code]))
    line_end = start + len(text)
    inside = any(
        t.start < line_end < t.end for t in scan.tokens if t.start < line_end and t.end > start
    )
    if inside:
        indent = text[: len(text) - len(text.lstrip())]
        position = index.position(start)
        return lsp.TextEdit(lsp.Range(position, position), f"{indent}# stconfig: ignore[{code}]\n")
    return lsp.TextEdit(index.range(line_end, line_end), f"  # stconfig: ignore[{code}]")


__all__ = ["FIX_ALL", "fix_actions", "fix_all_action", "ignore_actions"]
