"""stconfig._bundle: a package's listed modules from one cached file, never stale ones."""

from __future__ import annotations

import contextlib
import inspect
import itertools
import os
import subprocess
import sys
from collections.abc import Iterator
from importlib.machinery import SourceFileLoader
from pathlib import Path

import pytest

from stconfig._bundle import import_bundled

_names = itertools.count()


@contextlib.contextmanager
def _searched() -> Iterator[list[str]]:
    """The module names importlib's finders are asked for inside the block."""
    searched: list[str] = []

    class Spy:
        @staticmethod
        def find_spec(name: str, *_: object) -> None:
            searched.append(name)

    sys.meta_path.insert(0, Spy)  # type: ignore[arg-type]
    try:
        yield searched
    finally:
        sys.meta_path.remove(Spy)  # type: ignore[arg-type]


class Package:
    """A throwaway package on sys.path, with modules `first` and `second`."""

    def __init__(self, root: Path) -> None:
        self.name = f"bundled_{os.getpid()}_{next(_names)}"
        self.folder = root / self.name
        self.folder.mkdir()
        (self.folder / "__init__.py").write_text('"""A package."""\nORDER: list[str] = []\n')
        self.write("first", "VALUE = 1")
        self.write("second", "VALUE = 2")

    def write(self, module: str, body: str) -> None:
        source = f'"""Module {module}."""\nimport {self.name} as package\n'
        source += f"package.ORDER.append({module!r})\n{body}\n"
        (self.folder / f"{module}.py").write_text(source)

    def forget(self) -> None:
        """Drop the package and its modules from sys.modules, so the next import is afresh."""
        for name in [m for m in sys.modules if m == self.name or m.startswith(self.name + ".")]:
            del sys.modules[name]

    def load(self) -> dict[str, object]:
        """Import the package and its two modules afresh; their values, and how they came."""
        self.forget()
        with _searched() as searched:
            import_bundled(self.name, ("first", "second"))
        package = sys.modules[self.name]
        return {
            "order": list(package.ORDER),
            "values": [package.first.VALUE, package.second.VALUE],  # type: ignore[attr-defined]
            "bundled": f"{self.name}.first" not in searched,
        }

    @property
    def bundle(self) -> Path:
        (found,) = Path(sys.pycache_prefix or "/").rglob(f"{self.name}/_bundle.*.bin")
        return found


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Package]:
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    (tmp_path / "src").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path / "src"))
    made = Package(tmp_path / "src")
    yield made
    for name in [m for m in sys.modules if m.startswith(made.name)]:
        del sys.modules[name]


def test_the_second_import_comes_from_the_bundle_and_is_the_same(package: Package) -> None:
    first = package.load()
    assert first == {"order": ["first", "second"], "values": [1, 2], "bundled": False}
    assert package.bundle.is_file()
    again = package.load()
    assert again == {"order": ["first", "second"], "values": [1, 2], "bundled": True}
    module = sys.modules[f"{package.name}.second"]
    assert module.__doc__ == "Module second."
    assert module.__file__ == str(package.folder / "second.py")
    assert module.__spec__ is not None and module.__spec__.origin == module.__file__
    assert "VALUE = 2" in inspect.getsource(module)


def test_an_edited_module_is_imported_anew(package: Package) -> None:
    package.load()
    package.write("second", "VALUE = 'two, edited'")
    assert package.load()["values"] == [1, "two, edited"]
    assert package.load() == {
        "order": ["first", "second"],
        "values": [1, "two, edited"],
        "bundled": True,
    }


def test_an_edit_that_keeps_the_size_is_seen_by_its_time(package: Package) -> None:
    package.load()
    source = package.folder / "first.py"
    source.write_text(source.read_text().replace("VALUE = 1", "VALUE = 7"))
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert package.load()["values"] == [7, 2]


def test_a_damaged_bundle_is_ignored_and_rewritten(package: Package) -> None:
    package.load()
    package.bundle.write_bytes(package.bundle.read_bytes()[:100])
    assert package.load() == {"order": ["first", "second"], "values": [1, 2], "bundled": False}
    assert package.load()["bundled"] is True


def test_nothing_is_written_where_bytecode_is_not(
    package: Package, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert package.load()["values"] == [1, 2]
    assert not list((tmp_path / "cache").rglob("_bundle.*"))
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", str(blocked))
    assert package.load() == {"order": ["first", "second"], "values": [1, 2], "bundled": False}


def test_a_failing_module_body_fails_the_import_from_the_bundle_too(
    package: Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    package.write("second", "import os\nVALUE = 2\nif os.environ.get('FAIL_SECOND'):\n    1 / 0")
    package.load()
    monkeypatch.setenv("FAIL_SECOND", "1")
    with pytest.raises(ZeroDivisionError):
        package.load()
    assert f"{package.name}.second" not in sys.modules
    assert f"{package.name}.first" in sys.modules


RULES_TWICE = """
import sys
searched = []
class Spy:
    @staticmethod
    def find_spec(name, *_):
        searched.append(name)
sys.meta_path.insert(0, Spy)
from stconfig.lint.registry import all_rules
rules = all_rules()
print(len(rules), sum(name.startswith("stconfig.lint.rules.st") for name in searched))
print(rules["ST103"].doc.splitlines()[0])
"""


def test_the_rule_modules_come_from_the_bundle_in_a_second_process(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(tmp_path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = [
        subprocess.run(
            [sys.executable, "-c", RULES_TWICE], env=env, capture_output=True, text=True
        ).stdout.splitlines()
        for _ in range(2)
    ]
    count = runs[0][0].split()[0]
    assert runs[0] == [f"{count} {count}", "`job.mode` written in lower or mixed case."]
    assert runs[1] == [f"{count} 0", "`job.mode` written in lower or mixed case."]


def _lazy_load(package: Package, name: str) -> dict[str, object]:
    """`import_from_bundle` of one module of `package.kind` afresh: its value, the modules
    whose bodies ran, and whether importlib searched for it."""
    from stconfig._bundle import _lazy_bundle, import_from_bundle

    _lazy_bundle.cache_clear()
    package.forget()
    with _searched() as searched:
        module = import_from_bundle(package.name, ("kind.first", "kind.second"), name)
    return {
        "value": module.VALUE,
        "order": list(sys.modules[package.name].ORDER),
        "bundled": f"{package.name}.{name}" not in searched,
        "file": module.__file__,
    }


@pytest.fixture
def nested(package: Package) -> Package:
    """The package with a subpackage `kind` holding `first` and `second`."""
    kind = package.folder / "kind"
    kind.mkdir()
    (kind / "__init__.py").write_text('"""A subpackage."""\n')
    for module, value in (("first", 1), ("second", 2)):
        source = f'"""Module {module}."""\nimport {package.name} as package\n'
        source += f"package.ORDER.append({module!r})\nVALUE = {value}\n"
        (kind / f"{module}.py").write_text(source)
    return package


def test_one_module_comes_from_the_lazy_bundle_and_only_it_runs(
    nested: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _lazy_load(nested, "kind.second")
    assert first["value"] == 2 and first["order"] == ["second"] and first["bundled"] is True
    assert list((tmp_path / "cache").rglob("_lazy_bundle.*.bin"))

    get_code = SourceFileLoader.get_code

    def no_module_compiled(loader: SourceFileLoader, name: str) -> object:
        assert not name.startswith(f"{nested.name}.kind."), "a valid bundle holds its code"
        return get_code(loader, name)

    monkeypatch.setattr(SourceFileLoader, "get_code", no_module_compiled)
    again = _lazy_load(nested, "kind.second")
    assert again == first
    assert again["file"] == str(nested.folder / "kind" / "second.py")
    module = sys.modules[f"{nested.name}.kind.second"]
    assert sys.modules[f"{nested.name}.kind"].second is module  # type: ignore[attr-defined]
    assert "VALUE = 2" in inspect.getsource(module)


def test_an_edited_module_is_read_anew_and_the_others_still_come_from_the_bundle(
    nested: Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lazy_load(nested, "kind.first")
    source = nested.folder / "kind" / "first.py"
    source.write_text(source.read_text().replace("VALUE = 1", "VALUE = 'one, edited'"))
    assert _lazy_load(nested, "kind.first")["value"] == "one, edited"
    source.write_text(source.read_text().replace("'one, edited'", "'one, edited again'"))
    get_code = SourceFileLoader.get_code

    def only_first_compiled(loader: SourceFileLoader, name: str) -> object:
        assert name != f"{nested.name}.kind.second", "second is checked alone, and is fresh"
        return get_code(loader, name)

    monkeypatch.setattr(SourceFileLoader, "get_code", only_first_compiled)
    assert _lazy_load(nested, "kind.second")["value"] == 2


def test_a_damaged_lazy_bundle_is_ignored_and_rewritten(nested: Package, tmp_path: Path) -> None:
    _lazy_load(nested, "kind.first")
    (bundle,) = (tmp_path / "cache").rglob("_lazy_bundle.*.bin")
    bundle.write_bytes(bundle.read_bytes()[:100])
    size = 100
    assert _lazy_load(nested, "kind.first")["value"] == 1
    assert len(bundle.read_bytes()) > size
