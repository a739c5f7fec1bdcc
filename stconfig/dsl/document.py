"""`JobDocument`: a SeaTunnel config document kept exactly as given.

For files the builder cannot express as a job (connector fragments with no `source` or
`sink`, sections that are not lists of plugins); `stconfig import` falls back to it so the
round trip stays exact. The linter still reports what is wrong with the document.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from stconfig.dsl._location import Location, caller
from stconfig.dsl.errors import DslError
from stconfig.model import job as model
from stconfig.model.values import ObjectNode, from_python

if TYPE_CHECKING:
    from stconfig.lint.diagnostic import Diagnostic


class JobDocument:
    """A whole document as plain data (what `json.loads` returns for the job.json)."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.location: Location | None = caller()
        try:
            root = from_python(dict(data))
        except TypeError as error:
            raise DslError(str(error), self.location) from error
        assert isinstance(root, ObjectNode)
        self._root = root

    def build(self) -> model.Job:
        return model.Job(self._root)

    def to_dict(self) -> dict[str, object]:
        return dict(self.build().to_dict())

    def to_json(self, *, indent: int | None = 2) -> str:
        from stconfig.emit.json import emit_json

        return emit_json(self.build(), indent=indent)

    def to_hocon(self) -> str:
        from stconfig.emit.hocon import emit_hocon

        return emit_hocon(self.build())

    def lint(self, **settings: Any) -> list[Diagnostic]:
        from stconfig.lint import lint

        return lint(self.build(), **settings)


__all__ = ["JobDocument"]
