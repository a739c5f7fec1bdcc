"""`job.json`: the REST v2 `/submit-job` body, in the job's own key order."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from stconfig.emit._checks import check_object

if TYPE_CHECKING:
    from stconfig.model.job import Job


def emit_json(job: Job, *, indent: int | None = 2) -> str:
    """Deterministic JSON text ending in a newline; non-ASCII text is written as is."""
    check_object(job.root)
    return json.dumps(job.to_dict(), indent=indent, ensure_ascii=False) + "\n"


__all__ = ["emit_json"]
