"""The commands, by name: the module and attribute that define each, and its one-line help.

Kept apart from click (stconfig.cli.group builds the click group from it) so that the
console script can find a command without importing click.
"""

from __future__ import annotations

import importlib
from typing import Any

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


def command_target(name: str) -> tuple[Any, Any]:
    """A command's module and the object it names (a click command, or a plain function
    beside `PARAMETERS`)."""
    module_name, attribute = COMMANDS[name][0].split(":")
    module = importlib.import_module(module_name)
    return module, getattr(module, attribute)


__all__ = ["COMMANDS", "command_target"]
