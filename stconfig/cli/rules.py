"""`stconfig rules [CODE]`: list the lint rules, or print one rule's documentation."""

from __future__ import annotations

import json

import click

from stconfig.cli._common import fail


@click.command("rules")
@click.argument("code", required=False)
@click.option(
    "--output-format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="text (default) or json.",
)
def rules(code: str | None, output_format: str) -> None:
    """List the lint rules, or show the documentation of the rule CODE (e.g. ST201).

    Exit codes: 0 printed, 2 unknown rule or usage.
    """
    from stconfig.lint.docs import rule_markdown
    from stconfig.lint.registry import all_rules

    known = all_rules()
    if code is not None:
        rule = known.get(code.upper()) or next(
            (r for r in known.values() if r.name == code.lower()), None
        )
        if rule is None:
            fail(f"unknown rule {code!r} (see `stconfig rules`)")
        if output_format == "json":
            click.echo(json.dumps(_data(rule.code), indent=2))
        else:
            click.echo(rule_markdown(rule, level=1), nl=False)
        return
    if output_format == "json":
        click.echo(json.dumps([_data(c) for c in known], indent=2))
        return
    width = max(len(r.name) for r in known.values())
    for rule in known.values():
        fix = "fix" if rule.fix_availability.value != "none" else "   "
        click.echo(
            f"{rule.code}  {rule.name:<{width}}  {rule.severity.value:<7}  {fix}  {rule.summary}"
        )


def _data(code: str) -> dict[str, str]:
    from stconfig.lint.registry import all_rules

    rule = all_rules()[code]
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "fix": rule.fix_availability.value,
        "summary": rule.summary,
        "documentation": rule.doc.strip(),
    }


__all__ = ["rules"]
