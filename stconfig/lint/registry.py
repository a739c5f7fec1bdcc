"""All rules by code, and selection by code or prefix.

Codes are `ST` plus three digits; the hundreds digit is the family. They are stable and
never reused (a retired rule keeps its code).

| range | family                                        | example                       |
| ----- | --------------------------------------------- | ----------------------------- |
| ST0xx | syntax and the linter itself                  | ST001 syntax-error            |
| ST1xx | job structure and env                         | ST102 job-mode-invalid        |
| ST2xx | table graph                                   | ST201 unknown-plugin-input    |
| ST3xx | plugins and their options (catalog)           | ST301 unknown-option          |
| ST4xx | deprecations and version differences          | ST401 deprecated-table-key    |
| ST5xx | style                                         | ST501 duplicate-key           |
| ST6xx | restore and submission                        | ST601 restore-key-in-env      |
| ST7xx | variables                                     | ST701 undefined-variable      |
| ST8xx | secrets                                       | ST801 plaintext-secret        |
| ST9xx | dialect traps (SeaTunnel's HOCON is not HOCON) | ST901 section-as-array        |
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import cache

from stconfig._lazy import lazy_pattern
from stconfig.lint.rule import Rule

CODE_PATTERN = lazy_pattern(r"^ST\d{3}$")
FAMILIES: dict[str, str] = {
    "ST0": "syntax and the linter itself",
    "ST1": "job structure and env",
    "ST2": "table graph",
    "ST3": "plugins and their options",
    "ST4": "deprecations and version differences",
    "ST5": "style",
    "ST6": "restore and submission",
    "ST7": "variables",
    "ST8": "secrets",
    "ST9": "dialect traps",
}

RULES: dict[str, Rule] = {}
_loaded = False


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: record the rule, with its module docstring as its documentation."""
    cls.doc = sys.modules[cls.__module__].__doc__ or ""
    if cls.code in RULES:
        raise ValueError(f"rule code {cls.code} registered twice")
    RULES[cls.code] = cls()
    return cls


def all_rules() -> dict[str, Rule]:
    """Every rule, importing the rule modules on first use (from one bundle: `_bundle`)."""
    global _loaded
    if not _loaded:
        from stconfig._bundle import import_bundled
        from stconfig.lint import rules

        import_bundled(rules.__name__, rules.MODULES)
        _loaded = True
    return dict(sorted(RULES.items()))


def matches(code: str, selectors: Iterable[str]) -> bool:
    """True when a selector is the code, a prefix of it (`ST2`, `ST20`) or `ALL`."""
    return any(s == "ALL" or code.startswith(s) for s in selectors)


def check_selectors(selectors: Iterable[str]) -> list[str]:
    """The selectors that match no rule (reported as usage errors)."""
    codes = all_rules()
    return [s for s in selectors if s != "ALL" and not any(c.startswith(s) for c in codes)]


def _weight(selector: str) -> int:
    return 0 if selector == "ALL" else len(selector)


def selected(select: Iterable[str], ignore: Iterable[str]) -> list[Rule]:
    """The rules to run, in code order (computed once per selection)."""
    return list(_selected(tuple(select), tuple(ignore)))


@cache
def _selected(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[Rule, ...]:
    select = select or ("ALL",)
    chosen = []
    for code, rule in all_rules().items():
        if not matches(code, select):
            continue
        # A more specific select beats a broader ignore, as in ruff.
        best_select = max((_weight(s) for s in select if matches(code, [s])), default=0)
        best_ignore = max((_weight(s) for s in ignore if matches(code, [s])), default=-1)
        if best_ignore >= best_select:
            continue
        chosen.append(rule)
    return tuple(chosen)


__all__ = [
    "CODE_PATTERN",
    "FAMILIES",
    "RULES",
    "all_rules",
    "check_selectors",
    "matches",
    "register",
    "selected",
]
