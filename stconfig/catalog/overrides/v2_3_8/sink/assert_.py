"""Assert sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.assert_ import AssertSink as _Generated


class AssertSink(_Generated):
    """Checks the rows it receives against `rules` (counts, field types, values); for tests."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "rules": {
                "row_rules": [{"rule_type": "MIN_ROW", "rule_value": 1}],
                "field_rules": [
                    {
                        "field_name": "id",
                        "field_type": "bigint",
                        "field_value": [{"rule_type": "NOT_NULL"}],
                    }
                ],
            }
        },
    )


__all__ = ["AssertSink"]
