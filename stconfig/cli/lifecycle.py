"""The job lifecycle over REST API v2: what submit, restore, stop, status, jobs and logs share.

Every command does what the engine really does (rest-api-v2.md §8), says so when the user's
recipe would not work, and keeps one exit-code contract: 0 success, 1 the server (or the job's
end state) said no, 2 bad usage, a bad job file, or a server that cannot be reached or used.
The commands live in `submit`, `restore`, `stop`, `status` (with `jobs`) and `logs`; this
module holds their connection options, option types and error handling.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import click

from stconfig.cli._clicked import AliasedOption
from stconfig.cli._common import EXIT_FINDINGS, user_errors
from stconfig.client import Client, ClientError, ServerRefused, resolve_settings
from stconfig.client.urls import MAX_TIMEOUT
from stconfig.secrets import redact_known

F = TypeVar("F", bound=Callable[..., Any])

MAX_POLL_INTERVAL = 3600.0
"""An hour between polls: a longer pause is a typo, and `time.sleep` overflows near 1e10."""
MAX_WAIT = 7 * 86_400.0
"""A week of waiting for a job's state."""


class Seconds(click.ParamType[float]):
    """A finite number of seconds within bounds: `inf`, `nan` and `1e308` are refused here,
    before they can overflow a socket timeout or a sleep."""

    name = "seconds"

    def __init__(self, low: float, high: float) -> None:
        self.low = low
        self.high = high

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        if isinstance(value, float):
            number = value
        else:
            try:
                number = float(str(value).strip())
            except ValueError:
                self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not math.isfinite(number) or not self.low <= number <= self.high:
            self.fail(
                f"{value!r} is not a number of seconds from {self.low:g} to {self.high:g}",
                param,
                ctx,
            )
        return number


output_option = click.option(
    "--output-format",
    "--output",
    "output",
    cls=AliasedOption,
    hidden_aliases=("--output",),
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json prints one JSON document for scripts.",
)


@dataclass(frozen=True, slots=True)
class Connection:
    """The connection options every command shares, resolved into a client on demand."""

    master: str | None
    user: str | None
    password: str | None
    insecure: bool
    ca_file: str | None
    timeout: float | None
    verbose: bool

    def client(self) -> Client:
        settings = resolve_settings(
            master=self.master,
            user=self.user,
            password=self.password,
            verify=False if self.insecure else (self.ca_file or True),
            timeout=self.timeout,
        )
        if settings.user is not None and settings.password is None and sys.stdin.isatty():
            prompt = f"password for {settings.user}"
            settings = replace(settings, password=click.prompt(prompt, hide_input=True))
        client = Client.from_settings(settings)
        if settings.user is not None:
            unused = client.unused_credentials()
            if unused is not None:
                note(unused)
        return client


def connection_options(command: F) -> F:
    """--master, --user, --password, TLS, --timeout and --verbose, with their sources."""
    options = [
        click.option(
            "--master",
            metavar="URL",
            help="Engine REST v2 URL with any context path, credentials allowed as "
            "user:password@ (never printed) [env STCONFIG_MASTER, "
            "[tool.stconfig] master; default http://127.0.0.1:8080].",
        ),
        click.option("--user", help="Basic-auth user [env STCONFIG_USER, [tool.stconfig] user]."),
        click.option("--password", help="Basic-auth password [env STCONFIG_PASSWORD]."),
        click.option("--insecure", is_flag=True, help="Do not verify TLS certificates."),
        click.option(
            "--ca-file",
            type=click.Path(exists=True, dir_okay=False),
            help="Verify TLS with this CA bundle.",
        ),
        click.option(
            "--timeout",
            type=Seconds(0.1, MAX_TIMEOUT),
            help="Seconds each request may take in all, answer included (default: 10, 120 for "
            "a submit; at most 86400).",
        ),
        click.option(
            "-v", "--verbose", is_flag=True, help="Show the server's whole error message."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def wait_options(command: F) -> F:
    command = click.option(
        "--poll-interval",
        type=Seconds(0.001, MAX_POLL_INTERVAL),
        default=0.5,
        show_default=True,
        help="First pause between polls, in seconds (at most 3600); it grows up to 5 s.",
    )(command)
    return click.option(
        "--wait-timeout",
        type=Seconds(0, MAX_WAIT),
        default=300.0,
        show_default=True,
        help="Give up waiting after this many seconds (exit 1; at most a week).",
    )(command)


def connection_from(kwargs: dict[str, Any]) -> Connection:
    return Connection(
        master=kwargs.pop("master"),
        user=kwargs.pop("user"),
        password=kwargs.pop("password"),
        insecure=kwargs.pop("insecure"),
        ca_file=kwargs.pop("ca_file"),
        timeout=kwargs.pop("timeout"),
        verbose=kwargs.pop("verbose"),
    )


@contextmanager
def client_errors(verbose: bool) -> Iterator[None]:
    """One line per failure and the documented exit code, never a traceback."""
    with user_errors():
        try:
            yield
        except ServerRefused as error:
            click.echo(redact_known(f"error: {error}"), err=True)
            if verbose and error.message.strip() and "\n" in error.message:
                click.echo(redact_known(error.message), err=True)
            elif "\n" in error.message:
                click.echo("(the server sent a longer message: see it with --verbose)", err=True)
            sys.exit(error.exit_code)
        except ClientError as error:
            click.echo(redact_known(f"error: {error}"), err=True)
            sys.exit(error.exit_code)


def note(text: str) -> None:
    click.echo(f"note: {text}", err=True)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


class Refusal(ClientError):
    """A lifecycle step refused before asking the server, because the job's state forbids it."""

    exit_code = EXIT_FINDINGS


__all__ = [
    "MAX_POLL_INTERVAL",
    "MAX_WAIT",
    "Connection",
    "Refusal",
    "Seconds",
    "client_errors",
    "connection_from",
    "connection_options",
    "emit_json",
    "first_line",
    "note",
    "output_option",
    "wait_options",
]
