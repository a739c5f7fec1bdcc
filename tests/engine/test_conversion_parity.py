"""Conversion parity: SeaTunnel's own loader, from the released jars, against `stconfig convert`.

The corpus's expected JSON was recorded once; these tests convert the same files with the
loader classes of each release in `LOADER_VERSIONS` and compare. Tables and explanations:
docs/engine-parity.md.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

import stconfig
from stconfig.emit import emit_hocon, emit_json
from stconfig.errors import UnresolvedVariableError
from stconfig.testing.engine import LOADER_VERSIONS, Converted, convert_with_seatunnel
from tests.conftest import run_cli
from tests.corpus.compare import first_difference

pytestmark = pytest.mark.engine

RECORDED = "2.3.8"
"""The release the conformance corpus was recorded with."""

STARTER_REFUSALS = {
    r'NullPointerException: .*"(sources|sinks)" is null': (
        "no source or no sink block: ConfigShadeUtils needs both"
    ),
    r"ClassCastException: class java\.lang\.String cannot be cast to class java\.util\.Map": (
        "a top-level list whose elements are not objects"
    ),
    r"IllegalArgumentException: Illegal base64 character": (
        "shade.identifier = base64 on a value that is not base64"
    ),
}
"""Errors the starter raises after the dialect step (`ConfigBuilder.of`, §2.2 step 5), for
files stconfig reads: they are load-time checks, not reading differences."""

KNOWN_READER_GAPS = {
    "seatunnel-e2e/seatunnel-connector-v2-e2e/connector-file-local-e2e/src/test/resources/"
    "json/fake_to_local_file_json_with_encoding.conf",
    "seatunnel-e2e/seatunnel-connector-v2-e2e/connector-file-local-e2e/src/test/resources/"
    "text/fake_to_local_file_with_encoding.conf",
}
"""Files where stconfig's `load` differs from the starter for an unexplained reason (reported
to the reader's owner): ConfigShadeUtils rebuilds the config with `parseMap`, which reads every
key as a path expression, so the key `aA"测试"` comes out as `aA测试`."""


def _cases(folder: Path) -> Path:
    return folder / "seatunnel-2.3.8" / "cases"


@pytest.fixture(scope="module")
def corpus(conformance_dir: Path) -> list[Path]:
    return sorted(_cases(conformance_dir).rglob("*.conf"))


@pytest.fixture(scope="module")
def seatunnel(seatunnel_tools: None, corpus: list[Path]) -> dict[str, dict[str, Converted]]:
    """Each release's parse of the corpus, with this process's environment (as the CLI has)."""
    return {
        version: convert_with_seatunnel(corpus, version, "parse", os.environ)
        for version in LOADER_VERSIONS
    }


@pytest.fixture(scope="module")
def recorded(seatunnel_tools: None, corpus: list[Path]) -> dict[str, Converted]:
    """The recording release's parse of the corpus with an empty environment, as recorded."""
    return convert_with_seatunnel(corpus, RECORDED, "parse", {})


def _short(path: str | Path, folder: Path) -> str:
    return str(Path(path).relative_to(_cases(folder)))


def test_the_harness_reproduces_the_recorded_corpus(
    recorded: dict[str, Converted], corpus: list[Path], conformance_dir: Path
) -> None:
    # GIVEN the loader of the release the corpus was recorded with, and an empty environment
    results = recorded
    # THEN its output is the recorded output, file for file
    failures, matched, unresolved = [], 0, 0
    for path in corpus:
        result = results[str(path)]
        expected = path.with_name(path.name[: -len(".conf")] + ".expected.json")
        if expected.is_file() and result.json is not None:
            difference = first_difference(result.json, json.loads(expected.read_text("utf-8")))
            if difference is None:
                matched += 1
                continue
            failures.append(f"{_short(path, conformance_dir)}: {difference}")
        elif path.with_suffix(".unresolved").is_file() and result.unresolved:
            unresolved += 1
        else:
            failures.append(f"{_short(path, conformance_dir)}: {result}")
    assert not failures, "\n".join(failures)
    assert (matched, unresolved) == (661, 11)


@pytest.mark.parametrize("version", LOADER_VERSIONS)
def test_stconfig_convert_matches_seatunnel(
    seatunnel: dict[str, dict[str, Converted]], conformance_dir: Path, version: str
) -> None:
    failures = []
    for path, result in seatunnel[version].items():
        converted = run_cli("convert", path)
        name = _short(path, conformance_dir)
        if result.json is not None:
            if converted.exit_code != 0:
                failures.append(f"{name}: stconfig refuses it: {converted.output.strip()}")
                continue
            difference = first_difference(json.loads(converted.stdout), result.json)
            if difference:
                failures.append(f"{name}: {difference}")
        elif result.unresolved:
            if converted.exit_code != 2 or "unresolved" not in converted.output:
                failures.append(f"{name}: unresolved in SeaTunnel, stconfig: {converted.output}")
        else:
            failures.append(f"{name}: SeaTunnel fails ({result.error}), stconfig converts it")
    assert not failures, "\n".join(failures)


def test_the_dialect_is_the_same_in_every_release(
    seatunnel: dict[str, dict[str, Converted]], conformance_dir: Path
) -> None:
    first, *later = LOADER_VERSIONS
    changed = [
        f"{_short(path, conformance_dir)}: {first} {result} / {version} {other}"
        for version in later
        for path, result in seatunnel[first].items()
        if (other := seatunnel[version][path]) != result
    ]
    assert not changed, "the dialect changed; the reader needs a target version:\n" + "\n".join(
        changed
    )


@pytest.mark.parametrize("target", ["hocon", "json"])
def test_what_stconfig_writes_seatunnel_reads_back_unchanged(
    recorded: dict[str, Converted],
    corpus: list[Path],
    conformance_dir: Path,
    tmp_path: Path,
    target: str,
) -> None:
    # GIVEN every resolvable corpus file, and stconfig's HOCON or job.json rendering of it
    readable = [path for path in corpus if not path.with_suffix(".unresolved").is_file()]
    emitted = []
    for index, path in enumerate(readable):
        job = stconfig.load(path, environ={})
        text = emit_hocon(job) if target == "hocon" else emit_json(job)
        written = tmp_path / f"{index}.{'conf' if target == 'hocon' else 'json'}"
        written.write_text(text, encoding="utf-8")
        emitted.append(written)
    # WHEN SeaTunnel's loader reads both
    rendered = convert_with_seatunnel(emitted, RECORDED, "parse", {})
    # THEN it gets the same job from each
    failures = []
    for path, written in zip(readable, emitted, strict=True):
        theirs, ours = recorded[str(path)], rendered[str(written)]
        name = _short(path, conformance_dir)
        if ours.json is None:
            failures.append(f"{name}: SeaTunnel cannot read stconfig's {target}: {ours}")
        elif difference := first_difference(ours.json, theirs.json):
            failures.append(f"{name}: {difference}")
    assert not failures, "\n".join(failures)


def _decrypted_only(ours: Any, theirs: Any) -> bool:
    """Whether the only differences are strings SeaTunnel base64-decoded (ConfigShade)."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(
            _decrypted_only(ours[key], theirs[key]) for key in ours
        )
    if isinstance(ours, list) and isinstance(theirs, list):
        return len(ours) == len(theirs) and all(map(_decrypted_only, ours, theirs))
    if isinstance(ours, str) and isinstance(theirs, str) and ours != theirs:
        try:
            return base64.b64decode(ours, validate=True).decode() == theirs
        except (binascii.Error, UnicodeDecodeError):
            return False
    return first_difference(ours, theirs) is None


def test_the_starter_pipeline_differs_only_where_explained(
    seatunnel_tools: None, corpus: list[Path], conformance_dir: Path
) -> None:
    # GIVEN the starter's whole loading pipeline, ConfigBuilder.of(path, no -i variables)
    results = convert_with_seatunnel(corpus, RECORDED, "builder", {})
    unexplained = {}
    for path in corpus:
        result, name = results[str(path)], _short(path, conformance_dir)
        try:
            ours: Any = stconfig.load(path, variables={}, environ={}).to_dict()
        except UnresolvedVariableError:
            ours = None
            if result.error is not None and "NotResolved" in result.error:
                continue
        if result.json is not None and ours is not None:
            shaded = ours.get("env", {}).get("shade.identifier") == "base64"
            if first_difference(ours, result.json) is None:
                continue
            if shaded and _decrypted_only(ours, result.json):
                continue
            unexplained[name] = first_difference(ours, result.json)
        elif result.error is not None and ours is not None:
            if not any(re.search(pattern, result.error) for pattern in STARTER_REFUSALS):
                unexplained[name] = f"SeaTunnel fails: {result.error}"
        else:
            unexplained[name] = f"SeaTunnel: {result}; stconfig: {ours!r:.200}"
    assert set(unexplained) == KNOWN_READER_GAPS, "\n".join(
        f"{name}: {why}" for name, why in sorted(unexplained.items())
    )
