"""Every resource limit the reader enforces, in one place (docs/limits.md explains each).

SeaTunnel's own loader (typesafe-config) has none of these: it reads whatever it is given
until the JVM runs out of memory. The largest job in the conformance corpus (the 672 jobs
of SeaTunnel 2.3.8's own tests) is 12 KB and 2,201 tokens, includes nothing and resolves to
333 values, so each limit sits two to three orders of magnitude above what a real job
needs, and far below what would exhaust a machine. Code reads these through the module
(`limits.MAX_TOKEN_CHARS`), so tests can lower them.
"""

from __future__ import annotations

MIB = 1024 * 1024

MAX_FILE_BYTES = 16 * MIB
"""One job file, or standard input: larger input is almost surely the wrong file."""

MAX_INPUT_CHARS = 16 * MIB
"""All the text one job reads: its file plus every file it includes, counted each time."""

MAX_INCLUDES = 100
"""Include statements followed while reading one job (each time a file is included)."""

MAX_TOKENS = 1_000_000
"""Tokens in one job, all its files together: every key, value, punctuation mark and space
between values. Reading costs about 500 bytes of memory per token until the tree is built."""

MAX_TOKEN_CHARS = 1 * MIB
"""One token: a quoted, triple-quoted or unquoted string, a number, a comment, a key."""

MAX_NESTING = 128
"""Objects and lists nested inside each other in one file."""

MAX_RESOLVE_DEPTH = 150
"""Nested objects plus chained substitutions while resolving."""

MAX_RESOLVED_VALUES = 200_000
"""Objects, lists and scalars in the resolved job, counting each repeat a substitution makes.
Writing a job out costs about 30 microseconds and 2 KB per value."""

MAX_RESOLVED_CHARS = 16 * MIB
"""Characters of keys and strings in the resolved job, counting each substituted repeat."""


def size_text(size: int) -> str:
    """A byte count for messages: `52.0 MiB`, `1.5 KiB`, `300 bytes`."""
    if size >= MIB:
        return f"{size / MIB:.1f} MiB"
    if size >= 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size} bytes"


__all__ = [
    "MAX_FILE_BYTES",
    "MAX_INCLUDES",
    "MAX_INPUT_CHARS",
    "MAX_NESTING",
    "MAX_RESOLVED_CHARS",
    "MAX_RESOLVED_VALUES",
    "MAX_RESOLVE_DEPTH",
    "MAX_TOKENS",
    "MAX_TOKEN_CHARS",
    "MIB",
    "size_text",
]
