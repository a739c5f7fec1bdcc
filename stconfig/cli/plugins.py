"""`stconfig plugins`: list SeaTunnel's plugins, or show one plugin's options."""

from __future__ import annotations

import json

import click

from stconfig.cli._common import user_errors

KIND = click.Choice(["source", "transform", "sink"])
VERSION = click.option("--seatunnel", "version", metavar="VERSION", help="SeaTunnel version.")
FORMAT = click.option(
    "--output-format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="text (default) or json.",
)


@click.group("plugins", invoke_without_command=True)
@click.option("--kind", type=KIND, help="Only plugins of this kind.")
@VERSION
@FORMAT
@click.pass_context
def plugins(ctx: click.Context, kind: str | None, version: str | None, output_format: str) -> None:
    """List the plugins SeaTunnel knows (names match case-insensitively).

    Exit codes: 0 printed, 2 unknown version or usage.
    """
    if ctx.invoked_subcommand is not None:
        return
    from stconfig.catalog import plugin_names

    with user_errors():
        names = plugin_names(kind, version=version)
    if output_format == "json":
        click.echo(json.dumps([{"kind": k, "name": n} for k, n in names], indent=2))
        return
    for plugin_kind, name in names:
        click.echo(f"{plugin_kind:<9}  {name}")


@plugins.command("show")
@click.argument("name")
@click.option("--kind", type=KIND, help="Needed when a source and a sink share the name.")
@VERSION
@FORMAT
def show(name: str, kind: str | None, version: str | None, output_format: str) -> None:
    """Print the options of plugin NAME (or KIND/NAME): key, type, default, required, rule.

    Exit codes: 0 printed, 2 unknown plugin or usage.
    """
    from stconfig.catalog import find, option_rows, plugin_spec

    with user_errors():
        found_kind, canonical = find(name, kind, version=version)
        spec = plugin_spec(found_kind, canonical, version=version)
    rows = option_rows(spec)
    if output_format == "json":
        data = {
            "kind": spec.kind,
            "name": spec.name,
            "artifact": spec.artifact,
            "seatunnel_version": spec.seatunnel_version,
            "options": [row.as_dict() for row in rows],
        }
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(f"{spec.name} ({spec.kind}, {spec.artifact}, SeaTunnel {spec.seatunnel_version})")
    table = [("KEY", "TYPE", "DEFAULT", "REQUIRED", "RULE")]
    for row in rows:
        key = row.key + "".join(f" (old: {k})" for k in row.fallback_keys)
        table.append((key, row.type, row.default, row.required, row.rule))
    widths = [min(max(len(r[i]) for r in table), 48) for i in range(4)]
    for row_cells in table:
        cells = [_fit(c, w) for c, w in zip(row_cells[:4], widths, strict=True)]
        click.echo("  ".join([*cells, row_cells[4]]).rstrip())


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


__all__ = ["plugins"]
