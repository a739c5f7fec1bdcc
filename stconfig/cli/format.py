"""`stconfig format`: rewrite job files in one canonical layout, or check that they are."""

from __future__ import annotations

import difflib
import sys
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

import click

from stconfig.cli import _common as common
from stconfig.format.options import (
    KEY_QUOTES,
    MAX_INDENT,
    SEPARATORS,
    FormatOptions,
    KeyQuotes,
    Separator,
)

EXIT_CHANGES = 1
EXIT_ERROR = 2


def fail(message: str) -> NoReturn:
    common.fail(message, EXIT_ERROR)


def unified_diff(path: str, before: str, after: str) -> str:
    """The change as a diff, with secrets masked on both sides (stconfig.secrets)."""
    from stconfig.secrets import mask_text

    return "".join(
        difflib.unified_diff(
            mask_text(before).splitlines(keepends=True),
            mask_text(after).splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


@click.command("format")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--check", is_flag=True, help="Change nothing; list the files that would change.")
@click.option("--diff", is_flag=True, help="Change nothing; print what would change as a diff.")
@click.option(
    "--indent",
    type=click.IntRange(1, MAX_INDENT),
    default=None,
    help="Spaces per level [default: 2, or [tool.stconfig.format] indent].",
)
@click.option(
    "--separator",
    type=click.Choice(SEPARATORS),
    default=None,
    help="Between a key and a value that is not an object [default: '='].",
)
@click.option(
    "--key-quotes",
    type=click.Choice(KEY_QUOTES),
    default=None,
    help="Quote keys only where SeaTunnel needs it, always, or as written [default: needed].",
)
@click.option(
    "--stdin-filename",
    default=None,
    metavar="NAME",
    help="With PATH '-': the name to report; its extension picks HOCON or JSON.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="pyproject.toml to read [tool.stconfig.format] from.",
)
def format_(
    paths: tuple[str, ...],
    check: bool,
    diff: bool,
    indent: int | None,
    separator: Separator | None,
    key_quotes: KeyQuotes | None,
    stdin_filename: str | None,
    config_path: Path | None,
) -> None:
    """Rewrite SeaTunnel job files in one canonical layout, in place and atomically.

    PATHS are files or folders (searched for *.conf, *.hocon and *.json); '-' reads standard
    input and writes the result to standard output. Comments, key order, plugin order and
    the spelling of every value are kept; a file is only rewritten when SeaTunnel reads the
    result exactly as the original, otherwise it is reported and left alone. Settings come
    from [tool.stconfig.format] in the nearest pyproject.toml, then these flags.

    Exit codes: 0 done (or, with --check/--diff, nothing to change); 1 with --check or
    --diff, some file would change; 2 usage error, or a file that could not be read,
    parsed or formatted safely (reported as path:line:col: message, file untouched).
    """
    from stconfig.errors import StconfigError
    from stconfig.format.settings import load_format_options

    if "-" in paths and len(paths) > 1:
        fail("'-' (standard input) is formatted alone")
    try:
        options = load_format_options(config_path)
    except StconfigError as error:
        fail(str(error))
        return
    options = replace(
        options,
        indent=indent or options.indent,
        separator=separator or options.separator,
        key_quotes=key_quotes or options.key_quotes,
    )
    if paths == ("-",):
        stdin_changed = _format_stdin(stdin_filename, options, check=check, diff=diff)
        raise SystemExit(EXIT_CHANGES if stdin_changed and (check or diff) else 0)
    changed, unchanged, failed = _format_files(paths, options, check=check, diff=diff)
    dry = check or diff
    counts = (
        (changed, "would be reformatted" if dry else "reformatted"),
        (unchanged, "already formatted" if dry else "left unchanged"),
        (failed, "could not be formatted"),
    )
    parts = [f"{plural(count, 'file')} {what}" for count, what in counts if count]
    click.echo((", ".join(parts) or "No job files found") + ".", err=True)
    if failed:
        raise SystemExit(EXIT_ERROR)
    raise SystemExit(EXIT_CHANGES if changed and dry else 0)


def _format_stdin(name: str | None, options: FormatOptions, *, check: bool, diff: bool) -> bool:
    """Standard input to standard output (or a diff, or a listing); True when it changes."""
    from stconfig.errors import StconfigError
    from stconfig.format import format_source
    from stconfig.reader import decode, syntax_for
    from stconfig.source import SourceFile

    shown = name or "-"
    try:
        text = decode(sys.stdin.buffer.read(), shown)
        syntax = syntax_for(shown) if name else "hocon"
        formatted = format_source(SourceFile(shown, text), syntax, options)
    except StconfigError as error:
        click.echo(common.error_text(error), err=True)
        raise SystemExit(EXIT_ERROR) from None
    changed = formatted != text
    if diff:
        sys.stdout.write(unified_diff(shown, text, formatted))
    elif check:
        if changed:
            click.echo(f"would reformat {shown}")
    else:
        sys.stdout.write(formatted)
    return changed


def _format_files(
    paths: tuple[str, ...], options: FormatOptions, *, check: bool, diff: bool
) -> tuple[int, int, int]:
    """Format (or check, or diff) every job file; the counts changed, unchanged, failed."""
    from stconfig._files import write_atomic
    from stconfig.cli.lint import walk
    from stconfig.errors import StconfigError
    from stconfig.format import format_source
    from stconfig.reader import read_source, syntax_for

    changed = unchanged = failed = 0
    for path in walk(paths):
        if path.lower().endswith(".py"):
            click.echo(
                f"error: {path}: a Python DSL file; stconfig format formats .conf, .config, "
                ".hocon and .json job files (use a Python formatter for .py)",
                err=True,
            )
            failed += 1
            continue
        try:
            source = read_source(path)
            formatted = format_source(source, syntax_for(path), options)
            if formatted == source.text:
                unchanged += 1
                continue
            changed += 1
            if diff:
                sys.stdout.write(unified_diff(path, source.text, formatted))
            elif check:
                click.echo(f"would reformat {path}")
            else:
                # Through a symbolic link, the file it points to is rewritten, not the link.
                write_atomic(path, formatted, special="refuse")
        except StconfigError as error:
            click.echo(common.error_text(error), err=True)
            failed += 1
        except OSError as error:
            click.echo(f"error: {path}: {error.strerror or error}", err=True)
            failed += 1
    return changed, unchanged, failed


__all__ = ["format_"]
