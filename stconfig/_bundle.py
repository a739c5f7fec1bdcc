"""Import a package's listed modules from one cached bundle of their compiled code.

A cold `stconfig lint` imports the 60 rule modules. Through importlib each costs about 0.3 M
instructions before its body runs (finder, spec, pyc path and timestamp checks, file reads):
more than the bodies themselves, and a twentieth of the whole lint. The bundle is one file
beside the package's `.pyc` files (`__pycache__`, or under `sys.pycache_prefix`) holding
the interpreter's magic number, each source's size and modification time, and the modules'
code objects; a valid bundle costs one `stat` per source, one read and one `marshal.loads`.
A missing, stale or unreadable bundle means a normal import of every module, then a rewrite
of the bundle (temp file and rename; a read-only install just keeps importing normally).

Modules from the bundle are the same as imported ones: in `sys.modules` and on the package
before their bodies run, with `__file__`, `__spec__` and a loader that can give their source.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys

# The path logic of the `.pyc` files themselves; `importlib.util`, which re-exports these,
# would cost more to import than the bundle saves.
from _frozen_importlib_external import MAGIC_NUMBER, cache_from_source
from importlib import import_module
from importlib.machinery import ModuleSpec, SourceFileLoader
from types import CodeType, ModuleType

_FORMAT = b"stconfig-bundle-1\n"

Stamp = tuple[tuple[str, int, int], ...]
"""(module name, source size, source mtime in ns) of every module, in import order."""


def import_bundled(package: str, names: tuple[str, ...]) -> None:
    """Import `package.name` for every name, in order, through the bundle when it is valid."""
    parent = import_module(package)
    directory = os.path.dirname(parent.__file__ or "")
    paths = [os.path.join(directory, f"{name}.py") for name in names]
    try:
        stamp: Stamp = tuple(
            (name, (info := os.stat(path)).st_size, info.st_mtime_ns)
            for name, path in zip(names, paths, strict=True)
        )
    except OSError:
        stamp = ()
    bundle = _bundle_path(directory)
    codes = _read(bundle, stamp) if stamp and bundle else None
    if codes is None:
        for name in names:
            import_module(f"{package}.{name}")
        if stamp and bundle and not sys.dont_write_bytecode:
            _write(bundle, stamp, package, names)
        return
    for name, path, code in zip(names, paths, codes, strict=True):
        _execute(parent, name, path, code)


def _bundle_path(directory: str) -> str | None:
    try:
        cached = cache_from_source(os.path.join(directory, "__init__.py"))
    except NotImplementedError:  # an interpreter without a cache tag writes no .pyc either
        return None
    return os.path.join(os.path.dirname(cached), f"_bundle.{sys.implementation.cache_tag}.bin")


def _read(bundle: str, stamp: Stamp) -> list[CodeType] | None:
    """The code objects, or None when the bundle is absent, damaged or not for these sources."""
    try:
        with open(bundle, "rb") as handle:
            data = handle.read()
        head = _FORMAT + MAGIC_NUMBER
        if not data.startswith(head):
            return None
        stored, codes = marshal.loads(data[len(head) :])
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if stored != stamp or not isinstance(codes, list):
        return None
    if len(codes) != len(stamp) or not all(isinstance(code, CodeType) for code in codes):
        return None
    return codes


def _write(bundle: str, stamp: Stamp, package: str, names: tuple[str, ...]) -> None:
    """Store the code of the modules just imported; any failure leaves no bundle behind."""
    codes = []
    for name in names:
        full_name = f"{package}.{name}"
        loader = getattr(sys.modules[full_name], "__loader__", None)
        code = loader.get_code(full_name) if isinstance(loader, SourceFileLoader) else None
        if code is None:
            return
        codes.append(code)
    temporary = f"{bundle}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(bundle), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(_FORMAT + MAGIC_NUMBER + marshal.dumps((stamp, codes)))
        os.replace(temporary, bundle)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _execute(parent: ModuleType, name: str, path: str, code: CodeType) -> None:
    """What importlib does for a source module, minus the finding and the reading."""
    full_name = f"{parent.__name__}.{name}"
    if full_name in sys.modules:
        return
    loader = SourceFileLoader(full_name, path)
    spec = ModuleSpec(full_name, loader, origin=path)
    spec.has_location = True
    module = ModuleType(full_name)
    module.__file__ = path
    module.__loader__ = loader
    module.__package__ = parent.__name__
    module.__spec__ = spec
    sys.modules[full_name] = module
    try:
        exec(code, module.__dict__)
    except BaseException:
        del sys.modules[full_name]
        raise
    setattr(parent, name, module)


__all__ = ["import_bundled"]
