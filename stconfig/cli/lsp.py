"""`stconfig lsp`: the language server on stdio, or `--check FILE` to print what it publishes."""

from __future__ import annotations

import json

import click


@click.command("lsp")
@click.option(
    "--check",
    "check_path",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Print, as JSON, the diagnostics the server would publish for FILE, and exit.",
)
def lsp(check_path: str | None) -> None:
    """Run the language server for SeaTunnel job files on standard input and output.

    Editors start it themselves (see docs/lsp.md). Job files (.conf, .hocon, .json) get
    diagnostics as you type, completion, hover, go to definition, references, rename,
    an outline and quick fixes; Python DSL files get diagnostics when opened or saved.
    Settings come from the nearest [tool.stconfig], then from the editor's configuration.
    """
    if check_path is None:
        from stconfig.lsp.server import main

        main()
        return
    _check(check_path)


def _check(path: str) -> None:
    """The server's diagnostics for one file, with the default client settings."""
    from pathlib import Path

    from lsprotocol import converters
    from lsprotocol import types as lsp_types

    from stconfig.cli._common import user_errors
    from stconfig.lsp.diagnostics import default_docs_base
    from stconfig.lsp.server import diagnostics_for
    from stconfig.lsp.settings import ClientSettings, ProjectSettings
    from stconfig.reader import read_source

    with user_errors():
        text = read_source(path).text
    resolved = str(Path(path).resolve())
    uri = Path(resolved).as_uri()
    project = ProjectSettings()
    settings = project.lint_settings(resolved, ClientSettings())
    for problem in project.problems:
        click.echo(f"stconfig lsp: {problem}", err=True)
    _, published = diagnostics_for(resolved, uri, text, settings, default_docs_base())
    params = lsp_types.PublishDiagnosticsParams(uri=uri, diagnostics=published)
    click.echo(json.dumps(converters.get_converter().unstructure(params), indent=2))


__all__ = ["lsp"]
