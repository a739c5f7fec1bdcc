"""The `stconfig` command line.

`run` is the console script. A command whose module declares its parameters as data
(`PARAMETERS`, stconfig.cli._parameters: `lint` and `convert`, the ones pre-commit runs per
file) runs without importing click when its command line is a plain one; everything else, and
`main` (the click group, for tests and `--help`), goes through click (stconfig.cli.group).
Each command lives in its own module; `COMMANDS` maps its name to `module:attribute`, so
`stconfig convert` never pays for importing the linter or pydantic.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stconfig.cli.group import main

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


def run() -> None:
    """The console script: a plain `lint` or `convert` command line runs without click."""
    argv = sys.argv[1:]
    if argv and argv[0] in COMMANDS:
        module, function = command_target(argv[0])
        parameters = getattr(module, "PARAMETERS", None)
        params = parameters.parse(argv[1:]) if parameters is not None else None
        if params is not None:
            _run_plain(argv[0], function, params)
            return
    from stconfig.cli.group import main

    main()


def _run_plain(name: str, function: Any, params: dict[str, Any]) -> None:
    """Run a command as click's standalone mode would: its exit codes, `Aborted!` on ^C, a
    quiet exit 1 when the reader of its output goes away, a usage problem as one line."""
    from stconfig.cli._parameters import UsageProblem

    try:
        function(**params)
    except UsageProblem as problem:
        sys.stderr.write(problem.line(f"stconfig {name}") + "\n")
        sys.exit(2)
    except (EOFError, KeyboardInterrupt):
        sys.stderr.write("\nAborted!\n")
        sys.exit(1)
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        # The reader closed the pipe: nothing more can be written, so say nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


def __getattr__(name: str) -> Any:
    """`main`, the click group, is imported only when asked for (tests, `python -m`)."""
    if name == "main":
        from stconfig.cli.group import main

        return main
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["COMMANDS", "main", "run"]
