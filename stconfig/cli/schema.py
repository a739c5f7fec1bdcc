"""`stconfig schema`: print the JSON Schema of a job.json, or of one plugin's options."""

from __future__ import annotations

import json

import click

from stconfig.cli._common import user_errors
from stconfig.cli._target import hidden_seatunnel_option, resolve_target, target_option


@click.command("schema")
@click.option("--plugin", "plugin", metavar="NAME", help="A plugin (NAME or KIND/NAME).")
@click.option("--kind", type=click.Choice(["source", "transform", "sink"]), help="Its kind.")
@target_option
@hidden_seatunnel_option
def schema(
    plugin: str | None,
    kind: str | None,
    target_version: str | None,
    seatunnel_version: str | None,
) -> None:
    """Print a JSON Schema (draft 2020-12) for the target version; its title names it.

    Without --plugin: the whole job.json, self-contained (every plugin's schema is bundled
    under `$defs`), for check-jsonschema or an editor's `$schema`. With --plugin: that
    plugin's options, keys spelled as the target writes them (old spellings it still reads
    are listed as deprecated).

    Exit codes: 0 printed, 2 unknown plugin or version.
    """
    from stconfig.catalog import find
    from stconfig.catalog.jsonschema import job_schema, plugin_schema
    from stconfig.catalog.versioned import catalog_version

    if target_version and seatunnel_version and target_version != seatunnel_version:
        raise click.UsageError("--seatunnel is the old name of --target-version: give one")
    with user_errors():
        target = resolve_target(target_version or seatunnel_version).version
        if plugin is None:
            if kind is not None:
                raise click.UsageError("--kind needs --plugin")
            document = job_schema(target=target, bundle=True)
        else:
            found_kind, name = find(plugin, kind, version=catalog_version(target))
            document = plugin_schema(found_kind, name, target=target)
    click.echo(json.dumps(document, indent=1, ensure_ascii=False))


__all__ = ["schema"]
