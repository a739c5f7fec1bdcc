"""SeaTunnel's own verdict on each plugin block of job files (the validation harness).

`validate_with_seatunnel(paths)` runs `tests/engine/ValidateJobs.java` in one JVM over all the
files, with the assembled 2.3.8 engine's `lib/` and a home holding every connector available
(`stconfig.testing.connectors`). Per file it yields the engine's verdict on the load, the env,
the graph and every source / transform / sink block: `accepted`, `refused` (with the engine's
exception class and message), `outside` (its checks passed and it went on to open a socket or
write a file, which the harness's guard stopped) or `not_checkable` (why, in `note`), and the
check kind the engine applied: `option_rule` (factory path), `prepare` (legacy path) or `none`.

Command line: `python -m stconfig.testing.validate FILES... [--json]` (also reachable as
`python -m stconfig.testing.engine validate ...`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from stconfig.testing import connectors
from stconfig.testing.engine import (
    ENGINE_VERSION,
    EngineUnavailable,
    _checkout_files,
    _tool,
    class_path,
)

Verdict = str
"""`accepted`, `refused`, `outside` or `not_checkable`."""

DEFAULT_TIMEOUT = 20.0
"""Seconds one block may take before it is `not_checkable` (a plugin waiting on a server)."""


@dataclass(frozen=True)
class BlockVerdict:
    """The engine's verdict on one part of one job file."""

    path: str
    block: str
    """`load`, `env`, `jars`, `graph`, `source[0]`, `transform[1]`, `sink[0]`, `harness`."""
    kind: str
    plugin: str
    check: str
    """`option_rule`, `prepare`, `none` for plugin blocks; the step's name otherwise."""
    verdict: Verdict
    exception: str = ""
    message: str = ""
    note: str = ""


def validate_with_seatunnel(
    paths: Iterable[str | os.PathLike[str]],
    version: str = ENGINE_VERSION,
    timeout: float = DEFAULT_TIMEOUT,
) -> dict[str, list[BlockVerdict]]:
    """Every file's verdicts, in file order; files the harness never finished are missing."""
    if version != ENGINE_VERSION:
        raise EngineUnavailable(f"the validation harness runs SeaTunnel {ENGINE_VERSION} only")
    home = connectors.home(version)
    harness = _checkout_files() / "ValidateJobs.java"
    listing = "".join(f"{os.path.abspath(os.fspath(path))}\n" for path in paths)
    command = [
        _tool("java"),
        "-Dfile.encoding=UTF-8",
        "-Djava.security.manager=allow",
        "-Dorg.apache.logging.log4j.level=OFF",
        "-Xmx1g",
        f"-DSEATUNNEL_HOME={home}",
        "-cp",
        class_path(home / "lib", version),
        str(harness),
        str(int(timeout * 1000)),
    ]
    done = subprocess.run(
        command,
        input=listing,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={"PATH": os.environ.get("PATH", ""), "SEATUNNEL_HOME": str(home)},
        check=False,
    )
    results: dict[str, list[BlockVerdict]] = {}
    finished: set[str] = set()
    for line in done.stdout.splitlines():
        if not line.startswith('{"path":'):
            continue
        item = json.loads(line)
        if item.get("done"):
            finished.add(item["path"])
            continue
        results.setdefault(item["path"], []).append(BlockVerdict(**item))
    if done.returncode != 0 and not finished:
        raise EngineUnavailable(f"the validation harness failed: {done.stderr.strip()[-2000:]}")
    return {path: verdicts for path, verdicts in results.items() if path in finished}


def _text(path: str, verdicts: list[BlockVerdict]) -> list[str]:
    lines = [path]
    for item in verdicts:
        head = f"  {item.block:<13} {item.plugin or '-':<20} {item.check or '-':<12} {item.verdict}"
        detail = f"{item.exception}: {item.message}" if item.exception else ""
        extra = "; ".join(part for part in (detail, item.note) if part)
        lines.append(f"{head}  {extra}" if extra else head)
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the engine's verdicts; exit 1 when some block is refused, 2 on bad input."""
    parser = argparse.ArgumentParser(
        prog="python -m stconfig.testing.validate",
        description="SeaTunnel 2.3.8's own verdict on each plugin block of job files.",
    )
    parser.add_argument("files", nargs="+", metavar="FILES")
    parser.add_argument("--json", action="store_true", help="one JSON object per block")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds/block")
    options = parser.parse_args(argv)
    missing = [name for name in options.files if not Path(name).is_file()]
    if missing:
        print(f"error: {missing[0]}: no such file", file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        results = validate_with_seatunnel(options.files, timeout=options.timeout)
    except EngineUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    refused = False
    for name in options.files:
        key = os.path.abspath(name)
        verdicts = results.get(key)
        if verdicts is None:
            print(f"error: {name}: the harness did not finish this file", file=sys.stderr)
            return 2
        refused |= any(item.verdict == "refused" for item in verdicts)
        if options.json:
            for item in verdicts:
                print(json.dumps({**asdict(item), "path": name}, ensure_ascii=False))
        else:
            print("\n".join(_text(name, verdicts)))
    if not options.json:
        seconds = time.monotonic() - started
        print(f"{len(options.files)} file(s) in {seconds:.1f} s", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    raise SystemExit(main())
