"""`stconfig schema`: print the JSON Schema of a job.json, or of one plugin's options."""

from __future__ import annotations

import json

import click

from stconfig.cli._common import user_errors


@click.command("schema")
@click.option("--plugin", "plugin", metavar="NAME", help="A plugin (NAME or KIND/NAME).")
@click.option("--kind", type=click.Choice(["source", "transform", "sink"]), help="Its kind.")
@click.option("--seatunnel", "version", metavar="VERSION", help="SeaTunnel version.")
def schema(plugin: str | None, kind: str | None, version: str | None) -> None:
    """Print a JSON Schema (draft 2020-12).

    Without --plugin: the whole job.json, self-contained (every plugin's schema is bundled
    under `$defs`), for check-jsonschema or an editor's `$schema`. With --plugin: that
    plugin's options.

    Exit codes: 0 printed, 2 unknown plugin or version.
    """
    from stconfig.catalog import find
    from stconfig.catalog.jsonschema import job_schema, plugin_schema

    with user_errors():
        if plugin is None:
            if kind is not None:
                raise click.UsageError("--kind needs --plugin")
            document = job_schema(version=version, bundle=True)
        else:
            found_kind, name = find(plugin, kind, version=version)
            document = plugin_schema(found_kind, name, version=version)
    click.echo(json.dumps(document, indent=1, ensure_ascii=False))


__all__ = ["schema"]
