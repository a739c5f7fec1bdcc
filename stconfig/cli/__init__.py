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
import os
import sys
from typing import TYPE_CHECKING, Any

from stconfig.cli._commands import COMMANDS, command_target

if TYPE_CHECKING:
    from stconfig.cli.group import main


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
