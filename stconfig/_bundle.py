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
bundle is read once, and only the module asked for is checked against its source (one
`stat`), unmarshalled and run (a corpus lint imports them all, one job only the few it
names, and pays no more than importlib would).
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
    the package's bundle of their code when it holds the module's source as it is now, else
    imported normally (the bundle is then written again, once, for the next process)."""
    full_name = f"{package}.{name}"
    module = sys.modules.get(full_name)
    if module is not None:
        return module
    bundle = _lazy_bundle(package, names)
    path = bundle.source(name)
    code = bundle.code(name, path)
    if code is None:
        return import_module(full_name)
    parent_name, _, last = full_name.rpartition(".")
    _execute(import_module(parent_name), last, path, code)
    return sys.modules[full_name]


@cache
def _lazy_bundle(package: str, names: tuple[str, ...]) -> _LazyBundle:
    return _LazyBundle(package, names)


class _LazyBundle:
    """A package's bundle of module code, read once. A module's code is checked against its
    source (size and modification time, as importlib checks a `.pyc`) only when the module
    is asked for: one `stat`, not one per module of the bundle, for a job that needs two.

    The file holds the format line and magic number, the index's length (8 bytes), the index
    (module -> source size, mtime, start and end of its marshalled code after the index) and
    the codes, each unmarshalled on its own.
    """

    def __init__(self, package: str, names: tuple[str, ...]) -> None:
        self.package = package
        self.names = names
        self.directory = os.path.dirname(import_module(package).__file__ or "")
        self.path = _bundle_path(self.directory, "_lazy_bundle")
        self.index: dict[str, tuple[int, int, int, int]] = {}
        self.codes = memoryview(b"")
        self.rewritten = False
        if self.path is not None:
            with (
                contextlib.suppress(OSError, EOFError, ValueError, TypeError),
                open(self.path, "rb") as handle,
            ):
                self._take(handle.read())

    def source(self, name: str) -> str:
        return os.path.join(self.directory, *name.split(".")) + ".py"

    def _take(self, data: bytes) -> None:
        """Use a bundle's bytes when they are one (else raise ValueError)."""
        head = _LAZY_FORMAT + MAGIC_NUMBER
        if not data.startswith(head):
            raise ValueError("not a bundle of this interpreter")
        size = int.from_bytes(data[len(head) : len(head) + 8], "little")
        start = len(head) + 8
        index = marshal.loads(data[start : start + size])
        if not isinstance(index, dict):
            raise ValueError("no index")
        self.index = index
        self.codes = memoryview(data)[start + size :]

    def code(self, name: str, path: str) -> CodeType | None:
        """The module's code when the bundle holds it for the source as it is now. A module
        missing or stale has the bundle written again from every source (once per process,
        as sources seldom change in the middle of one)."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        stamp = (info.st_size, info.st_mtime_ns)
        entry = self.index.get(name)
        if (entry is None or entry[:2] != stamp) and not self.rewritten:
            self.rewritten = True
            self._rewrite()
            entry = self.index.get(name)
        if entry is None or entry[:2] != stamp:
            return None
        try:
            code = marshal.loads(self.codes[entry[2] : entry[3]])
        except (EOFError, ValueError, TypeError):
            return None
        return code if isinstance(code, CodeType) else None

    def _rewrite(self) -> None:
        """Compile every module (from its `.pyc` when valid), write the bundle, and use it."""
        if sys.dont_write_bytecode or self.path is None:
            return
        index: dict[str, tuple[int, int, int, int]] = {}
        codes: list[bytes] = []
        offset = 0
        for name in self.names:
            full_name = f"{self.package}.{name}"
            path = self.source(name)
            try:
                info = os.stat(path)
                code = SourceFileLoader(full_name, path).get_code(full_name)
            except (ImportError, OSError, SyntaxError):
                return  # the import itself reports it
            if code is None:
                return
            codes.append(marshal.dumps(code))
            index[name] = (info.st_size, info.st_mtime_ns, offset, offset + len(codes[-1]))
            offset += len(codes[-1])
        header = marshal.dumps(index)
        data = b"".join(
            [_LAZY_FORMAT, MAGIC_NUMBER, len(header).to_bytes(8, "little"), header, *codes]
        )
        _store(self.path, data)
        self._take(data)


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
