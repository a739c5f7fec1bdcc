"""The master URL and the timeout, checked once where they enter the client.

A master may carry credentials (`http://user:pass@host:8080/ctx`): they are taken out of the
URL before anything else sees it, so no message, log line or error can print them.
"""

from __future__ import annotations

import math
import urllib.parse

from stconfig.client.errors import UsageError
from stconfig.secrets import mask_url


def split_master(master: str) -> tuple[str, str | None, str | None]:
    """A master URL checked and without its userinfo, and the user and password it held.

    Credentials never stay in the URL, so no message can print them; `UsageError` (with
    the credentials masked) for anything that is not an http(s) URL of a host.
    """
    shown = mask_url(master)
    if any(char.isspace() or ord(char) < 32 for char in master):
        raise UsageError(f"master URL {shown!r} contains spaces or control characters")
    if not master.isascii():
        raise UsageError(
            f"master URL {shown!r} is not ASCII: write an international host name in punycode "
            "(xn--...) and %-encode the rest"
        )
    try:
        parts = urllib.parse.urlsplit(master)
        port = parts.port
    except ValueError as error:
        raise UsageError(f"master URL {shown!r} is not a valid URL ({error})") from None
    if parts.scheme not in ("http", "https"):
        raise UsageError(f"master URL must start with http:// or https://, not {shown!r}")
    if not parts.hostname:
        raise UsageError(f"master URL {shown!r} names no host")
    if parts.query or parts.fragment:
        raise UsageError(f"master URL {shown!r} must not have a query or fragment")
    host = parts.netloc.rpartition("@")[2]
    if port is None and host.endswith(":"):
        host = host[:-1]
    clean = urllib.parse.urlunsplit((parts.scheme, host, parts.path.rstrip("/"), "", ""))
    user = None if parts.username is None else urllib.parse.unquote(parts.username)
    password = None if parts.password is None else urllib.parse.unquote(parts.password)
    return clean, user, password


MAX_TIMEOUT = 86_400.0
"""A day: any longer is a mistake, and socket timeouts overflow past about 9e9 s."""


def check_timeout(seconds: float | None) -> float | None:
    """A usable timeout: finite, positive and at most `MAX_TIMEOUT`; UsageError otherwise."""
    if seconds is None:
        return None
    if not math.isfinite(seconds) or not 0 < seconds <= MAX_TIMEOUT:
        raise UsageError(
            f"timeout must be a number of seconds above 0 and at most {MAX_TIMEOUT:g}, "
            f"not {seconds!r}"
        )
    return float(seconds)


__all__ = ["MAX_TIMEOUT", "check_timeout", "split_master"]
