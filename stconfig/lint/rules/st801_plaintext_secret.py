"""A password, token or access key written in plain text.

## What it does
Flags a value written in the file, not passed as a `${VAR}` reference, when its key names
a secret (`password`, `db_password`, `mypassword`, `password1`, `secretKey`, `token`,
`private_key`, `access_key_id`, `credentials`, ...: the rule of docs/secrets.md), whether
it is a string, a number or a concatenation, or a `"${VAR:default}"` with a default; and
any string that carries a credential (a URL's `user:password@`, a `password=` parameter
such as a JAAS config or a JDBC URL's). Values that `shade.identifier` decrypts (top-level
`username`, `password`, `auth`, `token` of sources and sinks) are not flagged when a shade
is configured. Messages never print the value.

## Why is this bad?
Job files live in repositories, CI logs and bug reports; users routinely paste them with
live credentials (apache/seatunnel#5556, #6581). Every source line stconfig prints has its
secrets masked, whether this rule runs or not, so CI logs do not repeat them.

## Example
    source { Jdbc { user = "app", password = "s3cr3t!" } }

## Use instead
    source { Jdbc { user = "app", password = ${DB_PASSWORD} } }
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stconfig.hocon.ast import Concatenation, NumberValue, StringValue, Value
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import SECTIONS, string_value
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.secrets import is_secret_key, shape_regions

SHADED = frozenset({"username", "password", "auth", "token"})
PLACEHOLDER = re.compile(r"\$\{[^:{}]+(?::(?P<default>[^}]*))?\}")


@register
class PlaintextSecret(Rule):
    code = "ST801"
    name = "plaintext-secret"
    severity = Severity.WARNING
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        shade = self._shade(ctx)
        for document, field, path, _ in ctx.fields:
            value = field.value
            written = field.key.path
            # Most fields hold no secret: their key is looked up as written (one part, most
            # often) and nothing else is worked out for them.
            if is_secret_key(written[0] if len(written) == 1 else ".".join(written)):
                if not written_in_file(value):
                    continue
                last = written[-1].split(".")[-1]
            elif isinstance(value, StringValue) and shape_regions(value.value):
                last = "password"
            else:
                continue
            key = written[-1]
            message = f"{key!r} holds a secret in plain text"
            top_level = (len(path) == 2 and document.syntax == "hocon" and path[0] in SECTIONS) or (
                len(path) == 1 and document.syntax == "json" and path[0] in SECTIONS
            )
            if shade and top_level and key in SHADED and len(field.key.path) == 1:
                continue
            yield ctx.report(
                self,
                value.span,
                message,
                help=f"use a reference such as ${{{last.upper()}}} and pass it at run time, or "
                "encrypt it with shade.identifier",
            )

    @staticmethod
    def _shade(ctx: LintContext) -> bool:
        """True when env configures a shade that decrypts values."""
        env = ctx.job.env if ctx.job is not None else None
        identifier = string_value(env.get("shade.identifier")) if env is not None else None
        return identifier is not None and identifier != "default"


def written_in_file(value: Value) -> bool:
    """A value with text of its own: not only `${VAR}` references (a default counts)."""
    if isinstance(value, NumberValue):
        return True
    if isinstance(value, StringValue):
        rest = PLACEHOLDER.sub(lambda m: m["default"] or "", value.value)
        return bool(rest.strip())
    if isinstance(value, Concatenation):
        return any(written_in_file(part) for part in value.parts)
    return False


__all__ = ["PlaintextSecret"]
