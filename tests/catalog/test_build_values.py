"""The build reads recorded from SeaTunnel 2.3.8's source still match it and the catalog."""

from __future__ import annotations

import os
import tarfile
from pathlib import Path

import pytest

from stconfig.catalog.build_values import all_reads
from stconfig.catalog.registry import canonical_name, plugin_spec

TARBALL = "seatunnel-2.3.8-connectors.tar.gz"


def _tarball() -> Path | None:
    """`$STCONFIG_SEATUNNEL_SRC/<tarball>`, else `../shared/seatunnel-src` beside the clone."""
    given = os.environ.get("STCONFIG_SEATUNNEL_SRC")
    folder = Path(given) if given else Path(__file__).resolve().parents[3] / "shared"
    for candidate in (folder / TARBALL, folder / "seatunnel-src" / TARBALL):
        if candidate.is_file():
            return candidate
    return None


def test_every_plugin_and_option_is_in_the_catalog() -> None:
    reads = all_reads("2.3.8")
    assert {"source.localfile", "transform.replace", "sink.console"} <= set(reads)
    for plugin, recorded in reads.items():
        kind, _, name = plugin.partition(".")
        canonical = canonical_name(kind, name, version="2.3.8")
        assert canonical is not None, plugin
        spec = plugin_spec(kind, canonical, version="2.3.8")
        for read in recorded.reads:
            for key in [*read.keys, *(c.option for c in read.when)]:
                assert spec.option(key) is not None, f"{plugin}: {key}"
        for choice in recorded.choices:
            option = spec.option(choice.key)
            assert option is not None and option.enum is not None, f"{plugin}: {choice.key}"
            assert {v.upper() for v in choice.values} <= {v.upper() for v in option.enum}


def test_every_fact_quotes_a_line_of_the_source() -> None:
    tarball = _tarball()
    if tarball is None:
        pytest.skip(f"{TARBALL} not found (set STCONFIG_SEATUNNEL_SRC)")
    wanted: dict[str, list[str]] = {}
    for recorded in all_reads("2.3.8").values():
        for fact in (*recorded.reads, *recorded.choices):
            wanted.setdefault(fact.java, []).append(fact.code)
    found: dict[str, str] = {}
    with tarfile.open(tarball) as archive:
        for member in archive:
            relative = member.name.split("/", 1)[-1]
            if relative in wanted:
                handle = archive.extractfile(member)
                assert handle is not None
                found[relative] = handle.read().decode("utf-8")
    assert sorted(found) == sorted(wanted)
    for java, codes in wanted.items():
        for code in codes:
            assert code in found[java], f"{java} no longer has {code!r}"
