"""`stconfig lsp`: the language server on stdio, or `--check FILE` to print what it publishes."""

from __future__ import annotations

import json

import click

from stconfig.cli._common import warn


@click.command("lsp")
@click.option(
    "--check",
    "check_path",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Print, as JSON, the diagnostics the server would publish for FILE, and exit.",
)
@click.option(
    "--settings",
    "settings_json",
    metavar="JSON",
    default=None,
    help=(
        "With --check: the editor's settings, as it sends them, e.g. "
        """'{"target-version": "2.3.9", "select": ["ST3"]}'."""
    ),
)
def lsp(check_path: str | None, settings_json: str | None) -> None:
    """Run the language server for SeaTunnel job files on standard input and output.

    Editors start it themselves (see docs/lsp.md). Job files (.conf, .hocon, .json) get
    diagnostics as you type, completion, hover, go to definition, references, rename,
    an outline and quick fixes; Python DSL files get diagnostics when opened or saved.
    Settings come from the nearest [tool.stconfig], then from the editor's configuration.

    Exit codes: 0 the editor shut the server down (or --check printed the diagnostics),
    2 usage or a file that cannot be read.
    """
    if check_path is None:
        if settings_json is not None:
            raise click.UsageError("--settings goes with --check (editors send their own)")
        from stconfig.lsp.server import main

        main()
        return
    _check(check_path, settings_json)


def _check(path: str, settings_json: str | None) -> None:
    """The server's diagnostics for one file, with the client settings given (or none)."""
    from pathlib import Path

    from lsprotocol import converters
    from lsprotocol import types as lsp_types

    from stconfig.cli._common import user_errors
    from stconfig.lsp.diagnostics import default_docs_base
    from stconfig.lsp.server import diagnostics_for
    from stconfig.lsp.settings import ProjectSettings, parse_client
    from stconfig.reader import read_source

    try:
        raw = json.loads(settings_json) if settings_json is not None else None
    except json.JSONDecodeError as error:
        raise click.UsageError(f"--settings is not JSON: {error}") from None
    client, problems = parse_client(raw)
    if problems:
        raise click.UsageError("; ".join(problems))
    with user_errors():
        text = read_source(path).text
    resolved = str(Path(path).resolve())
    uri = Path(resolved).as_uri()
    project = ProjectSettings()
    settings = project.lint_settings(resolved, client)
    for problem in project.problems:
        warn(problem)
    docs = client.rules_url or default_docs_base()
    _, published = diagnostics_for(resolved, uri, text, settings, docs)
    params = lsp_types.PublishDiagnosticsParams(uri=uri, diagnostics=published)
    click.echo(json.dumps(converters.get_converter().unstructure(params), indent=2))


__all__ = ["lsp"]
