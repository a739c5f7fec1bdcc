"""A password, token or access key written in plain text.

## What it does
Flags options whose name says they hold a secret (`password`, `passwd`, `token`, `auth`,
`secret_key`, `access_key`, `api_key`, `private_key`, `client_secret`, names ending in
`_password`, `_secret`, `_token`, and JAAS configs that embed `password=`) when the value
is a literal string rather than a `${VAR}` reference. Values that `shade.identifier`
decrypts (top-level `username`, `password`, `auth`, `token` of sources and sinks) are not
flagged when a shade is configured. Messages never print the value.

## Why is this bad?
Job files live in repositories, CI logs and bug reports; users routinely paste them with
live credentials (apache/seatunnel#5556, #6581). The source line stconfig shows for this
finding has the value masked, so CI logs do not repeat it.

## Example
    source { Jdbc { user = "app", password = "s3cr3t!" } }

## Use instead
    source { Jdbc { user = "app", password = ${DB_PASSWORD} } }
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stconfig.hocon.ast import StringValue
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import SECTIONS, string_value
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule

SECRET_NAME = re.compile(
    r"^(password|passwd|pwd|secret|token|auth|secret_?key|access_?key(_?secret)?|"
    r"api_?key|private_?key|client_?secret|credentials?)$|(_password|_passwd|_secret|_token)$",
    re.IGNORECASE,
)
SHADED = frozenset({"username", "password", "auth", "token"})
JAAS_PASSWORD = re.compile(r"password\s*=\s*\"?[^\"\s;$][^\"\s;]*", re.IGNORECASE)


@register
class PlaintextSecret(Rule):
    code = "ST801"
    name = "plaintext-secret"
    severity = Severity.WARNING
    layer = "syntax"
    sensitive = True

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        shade = self._shade(ctx)
        for document, field, path, _ in ctx.fields:
            value = field.value
            if not isinstance(value, StringValue) or not value.value.strip():
                continue
            key = field.key.path[-1]
            last = re.split(r"[.]", key)[-1]
            if "${" in value.value:
                continue
            if key.lower() == "sasl.jaas.config":
                if not JAAS_PASSWORD.search(value.value):
                    continue
            elif not SECRET_NAME.search(last):
                continue
            top_level = (len(path) == 2 and document.syntax == "hocon" and path[0] in SECTIONS) or (
                len(path) == 1 and document.syntax == "json" and path[0] in SECTIONS
            )
            if shade and top_level and key in SHADED and len(field.key.path) == 1:
                continue
            yield ctx.report(
                self,
                value.span,
                f"{key!r} holds a secret in plain text",
                help=f"use a reference such as ${{{last.upper()}}} and pass it at run time, or "
                "encrypt it with shade.identifier",
            )

    @staticmethod
    def _shade(ctx: LintContext) -> bool:
        """True when env configures a shade that decrypts values."""
        env = ctx.job.env if ctx.job is not None else None
        identifier = string_value(env.get("shade.identifier")) if env is not None else None
        return identifier is not None and identifier != "default"


__all__ = ["PlaintextSecret"]
