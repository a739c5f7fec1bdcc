"""Credentials in URLs, masked before any message shows them.

The client's own masking of a URL's userinfo; a shared helper for every printer's secrets is
being written apart, and this one should then be folded into it.
"""

from __future__ import annotations

import re

_USERINFO = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)[^/?#\s]*@")


def mask_url(text: str) -> str:
    """`http://user:pass@host` -> `http://***@host`, wherever a URL appears in `text`."""
    return _USERINFO.sub(r"\g<scheme>***@", text)


__all__ = ["mask_url"]
