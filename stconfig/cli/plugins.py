"""`stconfig plugins`: list SeaTunnel's plugins, or show one plugin's options."""

from __future__ import annotations

import json

import click

from stconfig.cli._common import user_errors
from stconfig.cli._target import Target, hidden_seatunnel_option, resolve_target, target_option

KIND = click.Choice(["source", "transform", "sink"])
FORMAT = click.option(
    "--output-format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="text (default) or json.",
)


def _target(target_version: str | None, seatunnel_version: str | None) -> Target:
    """--target-version, or its old name --seatunnel; both given must agree."""
    if target_version and seatunnel_version and target_version != seatunnel_version:
        raise click.UsageError("--seatunnel is the old name of --target-version: give one")
    return resolve_target(target_version or seatunnel_version)


def _catalog_line(target: Target) -> str:
    """What the output is for: the target, and the catalog used when it is another's."""
    from stconfig.versions import catalog_for, catalog_note

    note = catalog_note(target.version)
    catalog = catalog_for(target.version)[0]
    return target.label + (
        f"; plugins and options of the {catalog} catalog ({note})" if note else ""
    )


@click.group("plugins", invoke_without_command=True)
@click.option("--kind", type=KIND, help="Only plugins of this kind.")
@target_option
@hidden_seatunnel_option
@FORMAT
@click.pass_context
def plugins(
    ctx: click.Context,
    kind: str | None,
    target_version: str | None,
    seatunnel_version: str | None,
    output_format: str,
) -> None:
    """List the plugins SeaTunnel knows (names match case-insensitively).

    The list is the target version's catalog; for a target the catalog does not describe
    (newer than 2.3.9-SNAPSHOT, older than 2.3.8) the nearest one, as a line on standard
    error says.

    Exit codes: 0 printed, 2 unknown version or usage.
    """
    if ctx.invoked_subcommand is not None:
        return
    from stconfig.catalog import plugin_names
    from stconfig.catalog.versioned import catalog_version

    with user_errors():
        target = _target(target_version, seatunnel_version)
        names = plugin_names(kind, version=catalog_version(target.version))
    click.echo(f"plugins for {_catalog_line(target)}", err=True)
    if output_format == "json":
        click.echo(json.dumps([{"kind": k, "name": n} for k, n in names], indent=2))
        return
    for plugin_kind, name in names:
        click.echo(f"{plugin_kind:<9}  {name}")


@plugins.command("show")
@click.argument("name")
@click.option("--kind", type=KIND, help="Needed when a source and a sink share the name.")
@target_option
@hidden_seatunnel_option
@FORMAT
def show(
    name: str,
    kind: str | None,
    target_version: str | None,
    seatunnel_version: str | None,
    output_format: str,
) -> None:
    """Print the options of plugin NAME (or KIND/NAME): key, type, default, required, rule.

    Keys are spelled as the target version writes them (result_table_name up to
    2.3.9-SNAPSHOT, plugin_output from 2.3.9); "(old: KEY)" lists the other spellings that
    version still reads.

    Exit codes: 0 printed, 2 unknown plugin or usage.
    """
    from stconfig.catalog import find, option_rows, plugin_spec
    from stconfig.catalog.versioned import catalog_version, spelled_spec

    with user_errors():
        target = _target(target_version, seatunnel_version)
        catalog = catalog_version(target.version)
        found_kind, canonical = find(name, kind, version=catalog)
        spec = spelled_spec(plugin_spec(found_kind, canonical, version=catalog), target.version)
    rows = option_rows(spec)
    if output_format == "json":
        from stconfig.versions import catalog_note

        data = {
            "kind": spec.kind,
            "name": spec.name,
            "artifact": spec.artifact,
            "target_version": target.version,
            "seatunnel_version": spec.seatunnel_version,
            "catalog_note": catalog_note(target.version),
            "options": [row.as_dict() for row in rows],
        }
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(f"{spec.name} ({spec.kind}, {spec.artifact}, {_catalog_line(target)})")
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
