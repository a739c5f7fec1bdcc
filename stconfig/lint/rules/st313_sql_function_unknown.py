"""A function the target release's Sql transform does not have.

## What it does
Reads the function calls (`name(`) of a Sql transform's `query` and flags names that the
target release's Zeta SQL engine cannot type. For SeaTunnel 2.3.8 the list is the `case`
labels of `ZetaSQLType.getFunctionType` (93 functions) and the two `ZetaUDF`s the release
ships (`DES_ENCRYPT`, `DES_DECRYPT`); later releases are not checked. String literals and
comments are skipped, and so are the SQL keywords that take parentheses (`IN (...)`,
`CAST(... AS ...)`, `EXISTS (...)`, ...).

## Why is this bad?
The engine refuses the job when it builds the transform: `Unsupported function: UUID`
(`TransformException`, COMMON-05). `UUID()` arrived in the Sql transform after 2.3.8.

## Example
    transform { Sql { query = "select id, uuid() as key from dual" } }

## Use instead
    transform { Sql { query = "select id, concat('k-', id) as key from dual" } }
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stconfig._lazy import lazy_pattern
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import string_value
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.lint.suggest import did_you_mean

FUNCTIONS: dict[tuple[int, ...], frozenset[str]] = {
    (2, 3, 8): frozenset(
        [
            "ABS",
            "ACOS",
            "ASCII",
            "ASIN",
            "ATAN",
            "ATAN2",
            "BIT_LENGTH",
            "CEIL",
            "CEILING",
            "CHAR",
            "CHAR_LENGTH",
            "CHR",
            "COALESCE",
            "CONCAT",
            "CONCAT_WS",
            "COS",
            "COSH",
            "COT",
            "DATEADD",
            "DATEDIFF",
            "DATE_TRUNC",
            "DAYNAME",
            "DAY_OF_MONTH",
            "DAY_OF_WEEK",
            "DAY_OF_YEAR",
            "EXP",
            "EXTRACT",
            "FLOOR",
            "FORMATDATETIME",
            "FROM_UNIXTIME",
            "HEXTORAW",
            "HOUR",
            "IFNULL",
            "INSERT",
            "INSTR",
            "IS_DATE",
            "LCASE",
            "LEFT",
            "LENGTH",
            "LN",
            "LOCATE",
            "LOG",
            "LOG10",
            "LOWER",
            "LPAD",
            "LTRIM",
            "MINUTE",
            "MOD",
            "MONTH",
            "MONTHNAME",
            "NOW",
            "NULLIF",
            "OCTET_LENGTH",
            "PARSEDATETIME",
            "PI",
            "POSITION",
            "POWER",
            "QUARTER",
            "RADIANS",
            "RAND",
            "RANDOM",
            "RAWTOHEX",
            "REGEXP_LIKE",
            "REGEXP_REPLACE",
            "REGEXP_SUBSTR",
            "REPEAT",
            "REPLACE",
            "RIGHT",
            "ROUND",
            "RPAD",
            "RTRIM",
            "SECOND",
            "SIGN",
            "SIN",
            "SINH",
            "SOUNDEX",
            "SPACE",
            "SQRT",
            "SUBSTR",
            "SUBSTRING",
            "TAN",
            "TANH",
            "TIMESTAMPADD",
            "TO_CHAR",
            "TO_DATE",
            "TRANSLATE",
            "TRIM",
            "TRUNC",
            "TRUNCATE",
            "UCASE",
            "UPPER",
            "WEEK",
            "YEAR",
            "DES_ENCRYPT",
            "DES_DECRYPT",
        ]
    )
}
"""Per release, the functions its Zeta SQL engine types (read from that release's source)."""

KEYWORDS = frozenset(
    [
        "IN",
        "EXISTS",
        "CAST",
        "VALUES",
        "AND",
        "OR",
        "NOT",
        "WHEN",
        "THEN",
        "ELSE",
        "ON",
        "WHERE",
        "SELECT",
        "FROM",
        "AS",
        "BY",
        "OVER",
        "JOIN",
        "CASE",
        "INTERVAL",
        "USING",
        "WITH",
        "ALL",
        "ANY",
        "SOME",
        "HAVING",
        "LIKE",
        "BETWEEN",
        "IS",
        "END",
        "UNION",
        "IF",
    ]
)
TYPE_POSITION = lazy_pattern(r"\bas\s+$", re.IGNORECASE)
CALL = lazy_pattern(r"""(?<![\w.$`"])([A-Za-z_]\w*)\s*\(""")
NOISE = lazy_pattern(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`|--[^\n]*|/\*.*?\*/", re.DOTALL)


@register
class SqlFunctionUnknown(Rule):
    code = "ST313"
    name = "sql-function-unknown"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        known = FUNCTIONS.get(ctx.version.release)
        if known is None or ctx.job is None:
            return
        for plugin in ctx.job.transforms:
            if (plugin.name or "").lower() != "sql":
                continue
            query_node = plugin.node.get("query")
            query = string_value(query_node)
            if query is None or query_node is None:
                continue
            shown = str(ctx.version)
            seen: set[str] = set()
            cleaned = NOISE.sub(lambda m: " " * len(m.group()), query)
            for match in CALL.finditer(cleaned):
                name = match.group(1).upper()
                if name in known or name in KEYWORDS or name in seen:
                    continue
                if TYPE_POSITION.search(cleaned, 0, match.start()):
                    continue  # `cast(x as decimal(10, 2))`: a type, not a function
                seen.add(name)
                yield ctx.report(
                    self,
                    query_node.span,
                    f"SeaTunnel {shown}'s Sql transform has no function {match.group(1)}(): "
                    f"the engine refuses the job with 'Unsupported function: {name}' (unless a "
                    "ZetaUDF jar of yours provides it)",
                    help=did_you_mean(name, sorted(known)),
                )


__all__ = ["SqlFunctionUnknown"]
