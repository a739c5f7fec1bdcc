"""The `stconfig` command line.

`run` is the console script (`dispatch` the same, minus its process-wide choices). A command
whose module declares its parameters as data (`PARAMETERS`, stconfig.cli._parameters: `lint`
and `convert`, the ones pre-commit runs per file) runs without importing click when its
command line is a plain one; everything else, and `main` (the click group, for tests and
`--help`), goes through click (stconfig.cli.group). Each command lives in its own module;
`COMMANDS` maps its name to `module:attribute`, so `stconfig convert` never pays for
importing the linter or pydantic.
"""

from __future__ import annotations

import errno
import gc
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from stconfig.cli._commands import COMMANDS, command_target

if TYPE_CHECKING:
    from stconfig.cli._parameters import Command
    from stconfig.cli.group import main


LONG_RUNNING = frozenset({"lsp"})
"""Commands that serve until stopped; every other command is one short process."""


def run() -> None:
    """The console script: a plain `lint` or `convert` command line runs without click.

    A short command runs without the cycle collector and ends without the interpreter's
    teardown, once its output is flushed (mypy makes the same two choices): a cold lint of
    one file spends 9 M instructions collecting and 26 M freeing objects one by one at exit,
    a tenth of the whole, while its cyclic garbage stays small (2 MB in a lint of the whole
    corpus). A long-running command (`lsp`) keeps both.
    """
    argv = sys.argv[1:]
    if argv and argv[0] in LONG_RUNNING:
        dispatch(argv)
        return
    gc.disable()
    try:
        dispatch(argv)
    except SystemExit as exit_:
        _exit_now(exit_.code)
    _exit_now(0)


def dispatch(argv: list[str]) -> None:
    """Run one command line as `run` does, but inside this process: it returns or raises
    `SystemExit`, and the interpreter is left as it was (for tests that look inside)."""
    if argv and argv[0] in COMMANDS:
        module, function = command_target(argv[0])
        parameters = getattr(module, "PARAMETERS", None)
        if parameters is not None and _run_plain(argv[0], function, parameters, argv[1:]):
            return
    from stconfig.cli.group import main

    main()


def _exit_now(code: object) -> NoReturn:
    """`sys.exit(code)` without the teardown: the same status, the output flushed first.

    An output whose reader went away cannot be flushed; that ends quietly with status 1, as
    a closed pipe does during the command.
    """
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        sys.stderr.write(f"{code}\n")
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:
            status = status or 1
    os._exit(status)


def _run_plain(name: str, function: Any, parameters: Command, argv: list[str]) -> bool:
    """Run a plain command line as click's standalone mode would: its exit codes, `Aborted!`
    on ^C, a quiet exit 1 when the reader of its output goes away, a usage problem as one
    line. False, having run nothing, when the line is not plain: click must read it."""
    from stconfig.cli._parameters import UsageProblem

    try:
        params = parameters.parse(argv)
        if params is None:
            return False
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
    return True


def __getattr__(name: str) -> Any:
    """`main`, the click group, is imported only when asked for (tests, `python -m`)."""
    if name == "main":
        from stconfig.cli.group import main

        return main
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["COMMANDS", "LONG_RUNNING", "dispatch", "main", "run"]
