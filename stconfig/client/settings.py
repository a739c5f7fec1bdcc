"""Where the client finds its master URL and credentials.

Precedence, highest first: explicit values (command-line flags), the environment
(`STCONFIG_MASTER`, `STCONFIG_USER`, `STCONFIG_PASSWORD`), then `[tool.stconfig]` in the nearest
`pyproject.toml`. A password is never read from `pyproject.toml`: that file is committed.
Credentials written into the master URL (`http://user:pass@host`) are taken out of it and win
over the other sources of a user; a different `--user` beside them is an error.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from stconfig._pyproject import find_stconfig_table
from stconfig.client.errors import UsageError
from stconfig.client.urls import check_timeout, split_master

DEFAULT_MASTER = "http://127.0.0.1:8080"
"""The packaged `seatunnel.yaml` enables HTTP on port 8080."""


@dataclass(frozen=True, slots=True)
class ClientSettings:
    """Everything needed to open a client, already resolved."""

    master: str = DEFAULT_MASTER
    user: str | None = None
    password: str | None = None
    verify: bool | str = True
    """True checks TLS certificates, False does not, a string is a CA bundle path."""
    timeout: float | None = None
    """Overrides every per-call timeout when set."""


def _pyproject_table(start: Path) -> tuple[Path | None, Mapping[str, object]]:
    """The nearest `[tool.stconfig]` table, found as the linter finds it (unreadable files and
    files without the table are passed over)."""
    found = find_stconfig_table(start)
    if found is None:
        return None, {}
    path, table = found
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.stconfig] must be a table")
    return path, table


def resolve_settings(
    *,
    master: str | None = None,
    user: str | None = None,
    password: str | None = None,
    verify: bool | str = True,
    timeout: float | None = None,
    environ: Mapping[str, str] | None = None,
    start: Path | None = None,
) -> ClientSettings:
    """Combine flags, environment and `[tool.stconfig]` into one `ClientSettings`."""
    env = os.environ if environ is None else environ
    path, table = _pyproject_table(start or Path.cwd())
    if "password" in table:
        raise UsageError(
            f"{path}: [tool.stconfig] password is refused (the file is committed); "
            "use STCONFIG_PASSWORD or --password"
        )

    def pick(flag: str | None, variable: str, key: str | None) -> str | None:
        if flag:
            return flag
        if env.get(variable):
            return env[variable]
        if key is None:
            return None
        value = table.get(key)
        if value is not None and not isinstance(value, str):
            raise UsageError(f"{path}: [tool.stconfig] {key} must be a string")
        return value

    chosen_master, url_user, url_password = split_master(
        pick(master, "STCONFIG_MASTER", "master") or DEFAULT_MASTER
    )
    if url_user is not None:
        if user and user != url_user:
            raise UsageError("two users given: one in the master URL and another in --user")
        chosen_user: str | None = url_user
        chosen_password = url_password if url_password is not None else password
    else:
        chosen_user = pick(user, "STCONFIG_USER", "user")
        chosen_password = pick(password, "STCONFIG_PASSWORD", None)
    if chosen_password is not None and chosen_user is None:
        raise UsageError("a password was given without a user: set --user or STCONFIG_USER")
    return ClientSettings(
        master=chosen_master,
        user=chosen_user,
        password=chosen_password,
        verify=verify,
        timeout=check_timeout(timeout),
    )


__all__ = ["DEFAULT_MASTER", "ClientSettings", "resolve_settings"]
