"""The base class every rule module subclasses once."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar, Literal

from stconfig.lint.diagnostic import Diagnostic, Severity

if TYPE_CHECKING:
    from stconfig.lint.context import LintContext


class FixAvailability(StrEnum):
    NONE = "none"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


class Rule:
    """One check. The module docstring is the documentation `stconfig rules CODE` prints.

    `layer = "syntax"` rules read only the syntax trees, so they still run on a file whose
    resolution failed; `layer = "job"` rules need the resolved job.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    fix_availability: ClassVar[FixAvailability] = FixAvailability.NONE
    layer: ClassVar[Literal["syntax", "job"]] = "job"
    after_suppressions: ClassVar[bool] = False
    """Run after inline suppressions were applied (only the unused-suppression rule)."""
    doc: ClassVar[str] = ""

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        raise NotImplementedError

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].rstrip(".") if self.doc.strip() else self.name


__all__ = ["FixAvailability", "Rule"]
