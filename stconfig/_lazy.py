"""Package attributes imported on first use, so that `import stconfig` stays cheap.

A package lists which module defines each public name and sets its module `__getattr__`
to `lazy_attributes(...)`; the first access imports the module and caches the value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from importlib import import_module
from typing import Any


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


__all__ = ["lazy_attributes"]
