"""Package attributes imported, and regular expressions compiled, on first use.

A package lists which module defines each public name and sets its module `__getattr__`
to `lazy_attributes(...)`; the first access imports the module and caches the value, so
that `import stconfig` stays cheap. `lazy_pattern` does the same for a module's regular
expressions: compiling one costs 0.1 to 2 ms, and a cold `stconfig lint` imports dozens of
rules whose patterns only some jobs need (the SQL rules, for a job without SQL, none).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, MutableMapping
from importlib import import_module
from typing import Any, cast


def lazy_attributes(
    package: str, exports: Mapping[str, str], namespace: MutableMapping[str, Any]
) -> Callable[[str], Any]:
    """A module `__getattr__` that imports `exports[name]` and caches the value there."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__


class _LazyPattern:
    """Stands for `re.compile(pattern, flags)` and compiles it on the first attribute used."""

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return getattr(self._compiled, name)

    def __repr__(self) -> str:
        return f"lazy_pattern({self._pattern!r}, {self._flags!r})"


def lazy_pattern(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used (search, match, sub, ...)."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, int(flags)))


__all__ = ["lazy_attributes", "lazy_pattern"]
