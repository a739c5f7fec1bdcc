"""`stconfig.dsl` exports the typed plugins from the one generated list in `connectors`."""

from __future__ import annotations

import subprocess
import sys

import stconfig.dsl
from stconfig.dsl import connectors


def test_the_package_exports_every_typed_plugin_once() -> None:
    exported = stconfig.dsl.__all__
    assert len(exported) == len(set(exported))
    assert exported[-len(connectors.__all__) :] == connectors.__all__
    assert {"Job", "Source", "Sink", "load"} <= set(exported)


def test_every_export_resolves_and_the_plugins_stay_lazy() -> None:
    code = (
        "import sys, stconfig.dsl as d\n"
        "assert not any(m.startswith('stconfig.dsl._connectors.') for m in sys.modules)\n"
        "assert all(getattr(d, name) is not None for name in d.__all__)\n"
        "print(sum(m.startswith('stconfig.dsl._connectors.') for m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(done.stdout) == len(connectors.MODULES)


def test_the_package_has_no_generated_block_of_its_own() -> None:
    source = stconfig.dsl.__file__
    assert source is not None
    with open(source, encoding="utf-8") as handle:
        text = handle.read()
    assert "DO NOT EDIT" not in text and '"FakeSource"' not in text
