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

`import_from_bundle` is the lazy form, for the catalog's 129 plugin spec modules: the
bundle is read once, and only the module asked for is unmarshalled and run (a corpus lint
imports them all, one job only the few it names).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys

# The path logic of the `.pyc` files themselves; `importlib.util`, which re-exports these,
# would cost more to import than the bundle saves.
from _frozen_importlib_external import MAGIC_NUMBER, cache_from_source
from functools import cache
from importlib import import_module
from importlib.machinery import ModuleSpec, SourceFileLoader
from types import CodeType, ModuleType

_FORMAT = b"stconfig-bundle-1\n"
_LAZY_FORMAT = b"stconfig-lazy-bundle-1\n"

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


def import_from_bundle(package: str, names: tuple[str, ...], name: str) -> ModuleType:
    """`package.name`, one of `names` (dotted below the package: `source.kafka`), run from
    the package's bundle of all their code when it is valid, else imported normally (and
    the bundle written for the next process)."""
    full_name = f"{package}.{name}"
    module = sys.modules.get(full_name)
    if module is not None:
        return module
    codes = _lazy_codes(package, names)
    code = codes.get(name) if codes is not None else None
    if code is None:
        return import_module(full_name)
    parent_name, _, last = full_name.rpartition(".")
    _execute(import_module(parent_name), last, _source_path(package, name), marshal.loads(code))
    return sys.modules[full_name]


def _source_path(package: str, name: str) -> str:
    """Where the source of `package.name` is (`name` may be dotted)."""
    directory = os.path.dirname(import_module(package).__file__ or "")
    return os.path.join(directory, *name.split(".")) + ".py"


@cache
def _lazy_codes(package: str, names: tuple[str, ...]) -> dict[str, bytes] | None:
    """Each module's marshalled code by name, from a valid bundle (written when it was
    missing or stale); None when there is none to be had."""
    paths = [_source_path(package, name) for name in names]
    try:
        stamp: Stamp = tuple(
            (name, (info := os.stat(path)).st_size, info.st_mtime_ns)
            for name, path in zip(names, paths, strict=True)
        )
    except OSError:
        return None
    bundle = _bundle_path(os.path.dirname(_source_path(package, "__init__")), "_lazy_bundle")
    if bundle is None:
        return None
    head = _LAZY_FORMAT + MAGIC_NUMBER
    try:
        with open(bundle, "rb") as handle:
            data = handle.read()
        if data.startswith(head):
            stored, codes = marshal.loads(data[len(head) :])
            if stored == stamp and isinstance(codes, dict):
                return codes
    except (OSError, EOFError, ValueError, TypeError):
        pass
    if sys.dont_write_bytecode:
        return None
    codes = {}
    for name, path in zip(names, paths, strict=True):
        full_name = f"{package}.{name}"
        try:
            code = SourceFileLoader(full_name, path).get_code(full_name)
        except (ImportError, OSError, SyntaxError):
            return None  # the import itself reports it
        if code is None:
            return None
        codes[name] = marshal.dumps(code)
    _store(bundle, head + marshal.dumps((stamp, codes)))
    return codes


def _bundle_path(directory: str, stem: str = "_bundle") -> str | None:
    try:
        cached = cache_from_source(os.path.join(directory, "__init__.py"))
    except NotImplementedError:  # an interpreter without a cache tag writes no .pyc either
        return None
    return os.path.join(os.path.dirname(cached), f"{stem}.{sys.implementation.cache_tag}.bin")


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
    _store(bundle, _FORMAT + MAGIC_NUMBER + marshal.dumps((stamp, codes)))


def _store(bundle: str, data: bytes) -> None:
    """Write a bundle whole or not at all (temp file and rename)."""
    temporary = f"{bundle}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(bundle), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
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


__all__ = ["import_bundled", "import_from_bundle"]
