"""The `stconfig` command line: a click group whose commands are imported only when used.

Each command lives in its own module under `stconfig.cli`; `COMMANDS` maps its name to
`module:attribute`, so `stconfig convert` never pays for importing the linter or pydantic.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from stconfig import __version__
from stconfig.cli._usage import OneLineUsage

COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("stconfig.cli.build:build", "Write the jobs a Python DSL file defines."),
    "convert": ("stconfig.cli.convert:convert", "Convert a job file to job.json or HOCON."),
    "diff": ("stconfig.cli.diff:diff_", "Compare two jobs as SeaTunnel reads them, not as text."),
    "format": ("stconfig.cli.format:format_", "Rewrite job files in one canonical layout."),
    "graph": ("stconfig.cli.graph:graph", "Draw a job's table graph (Mermaid or Graphviz dot)."),
    "import": ("stconfig.cli.import_:import_", "Turn a job file into Python DSL code."),
    "lsp": ("stconfig.cli.lsp:lsp", "Language server for editors (stdio), or --check FILE."),
    "lint": ("stconfig.cli.lint:lint", "Check job files offline: wiring, env, restore, options."),
    "rules": ("stconfig.cli.rules:rules", "List the lint rules, or show one rule's documentation."),
    "plugins": ("stconfig.cli.plugins:plugins", "List SeaTunnel's plugins, or show one's options."),
    "schema": ("stconfig.cli.schema:schema", "Print the JSON Schema of a job.json or a plugin."),
    "submit": ("stconfig.cli.submit:submit", "Submit job files to an engine (REST v2)."),
    "restore": ("stconfig.cli.restore:restore", "Resume a stopped or failed job."),
    "stop": ("stconfig.cli.stop:stop", "Stop a job, with or without a savepoint."),
    "status": ("stconfig.cli.status:status", "Show a job's state, times and counts."),
    "jobs": ("stconfig.cli.status:jobs", "List running or finished jobs."),
    "logs": ("stconfig.cli.logs:logs", "List a job's log files or print one."),
}


class LazyGroup(OneLineUsage):
    """A group that imports a command's module only when that command runs (and prints
    usage errors as one line: stconfig.cli._usage)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target[0].split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="stconfig")
def main(**_: Any) -> None:
    """Read, convert, lint and submit Apache SeaTunnel job files.

    Exit codes: 0 success, 1 findings or a refusal by the server, 2 bad input or usage.
    """


__all__ = ["COMMANDS", "main"]
