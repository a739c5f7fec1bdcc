"""A real SeaTunnel engine, and SeaTunnel's own config loader, for tests.

The fake engine and the recorded corpus can drift from SeaTunnel unnoticed; this module runs the
real thing. It fetches SeaTunnel's published jars from Maven Central with Maven (the local Maven
repository is the download cache; `tests/engine/pom.xml` in a source checkout says what is
fetched), lays them out as a SeaTunnel home, writes its own configuration into a temporary
folder and starts the Zeta server (master and worker, one member on 127.0.0.1, free ports,
checkpoints in the temporary folder). `Engine` is a context manager; the pytest fixtures at the
end yield its master URL.

Two engines, one per REST API (see `RELEASES`):
- v1: the 2.3.8 release, the newest whose engine is on Maven Central. It predates REST v2: its
  REST API is the Hazelcast one, with the same endpoint names under `/hazelcast/rest/maps` on
  the member port, so `Engine.url` ends with that prefix.
- v2: SeaTunnel's dev tree at 15431c9 (`2.3.9-SNAPSHOT`, the first tree with the Jetty REST v2
  API), built here from the source tarball in `<repo>/../shared/seatunnel-src` (or
  `STCONFIG_SEATUNNEL_SRC`): the five engine modules that differ from 2.3.8 compiled with
  `javac` against the 2.3.8 jars plus Jetty 9.4.56 from Central (`assemble_rest_v2`).
Both bind 127.0.0.1 only, the Hazelcast member included.

Switches (environment):
- `STCONFIG_ENGINE=1`: real-engine tests must run; a missing tool or artifact fails them.
  `auto`: run them when `java` and `mvn` are on PATH. Unset or anything else: skip them.
- `STCONFIG_TEST_MASTER=http://host:port[/prefix]`: use that running engine instead of starting
  one, for the fixture of its API (`seatunnel_master` v1, `seatunnel_v2_master` v2; the other
  one skips); loader tests still need `java` and `mvn`.
- `STCONFIG_ENGINE_CACHE`: where assembled homes go (default `~/.cache/stconfig/seatunnel`).
- `STCONFIG_SEATUNNEL_SRC`: the folder holding the 15431c9 source tarball.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NoReturn

import pytest

from stconfig.testing import HookUnavailable

ENGINE_VERSION = "2.3.8"
"""The newest release whose engine, connectors and Hadoop uber jar all resolve from Central."""

LOADER_VERSIONS = ("2.3.8", "2.3.10")
"""Releases whose config loader (seatunnel-config-shade, seatunnel-core-starter) resolves."""


@dataclass(frozen=True)
class Release:
    """What a SeaTunnel release offers the tests, as found on Maven Central."""

    version: str
    engine: bool
    rest_prefix: str
    """Path of the REST API under the master's address: v1 (Hazelcast) or v2 (Jetty, "")."""
    built_from_source: bool = False
    """Assembled by `assemble_rest_v2` from the shared source tarball, not only from Central."""

    @property
    def api(self) -> Literal["v1", "v2"]:
        return "v2" if self.rest_prefix == "" else "v1"


REST_V2_VERSION = "2.3.9-SNAPSHOT"
"""What the engine built from the 15431c9 tree reports as `projectVersion`."""

RELEASES = {
    "2.3.8": Release("2.3.8", engine=True, rest_prefix="/hazelcast/rest/maps"),
    REST_V2_VERSION: Release(REST_V2_VERSION, engine=True, rest_prefix="", built_from_source=True),
    "2.3.10": Release("2.3.10", engine=False, rest_prefix=""),
}

API_VERSIONS: dict[str, str] = {"v1": ENGINE_VERSION, "v2": REST_V2_VERSION}
"""The engine each REST API is tested on."""

PLUGIN_MAPPING = {
    "seatunnel.source.FakeSource": "connector-fake",
    "seatunnel.sink.Console": "connector-console",
    "seatunnel.source.LocalFile": "connector-file-local",
    "seatunnel.sink.LocalFile": "connector-file-local",
}
"""The `connectors/plugin-mapping.properties` lines for the connectors the home holds."""

MAIN_CLASS = "org.apache.seatunnel.engine.server.SeaTunnelServerStarter"
"""The server's own entry point. The distribution's launcher (`seatunnel-starter`, class
`SeaTunnelServer`) is not on Central; it only parses `-r ROLE` and calls the same start method."""

CONFIG_JAR = "seatunnel-config-shade-{version}.jar"
"""Must precede `seatunnel-config-base` on the class path: both hold the shaded parser's
`ConfigParser$ParseContext`, and only this jar's copy turns plugin blocks into lists."""

TERMINAL_STATES = frozenset({"FINISHED", "CANCELED", "FAILED", "SAVEPOINT_DONE", "UNKNOWABLE"})

JVM_OPTIONS = (
    "-Xms256m",
    "-Xmx1g",
    "-XX:+UseG1GC",
    "-Dlog4j2.isThreadContextMapInheritable=true",
    "-Dhazelcast.logging.type=log4j2",
    "-Dhazelcast.phone.home.enabled=false",
    # Hazelcast's documented module openings for Java 9 and later
    "--add-modules=java.se",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.management/sun.management=ALL-UNNAMED",
    "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
)


class EngineUnavailable(Exception):
    """A tool, artifact or the engine itself is missing; the message says what and why."""


def _checkout_files() -> Path:
    """`tests/engine` of the source checkout: the Maven file and the converter harness."""
    folder = Path(__file__).resolve().parents[2] / "tests" / "engine"
    if not (folder / "pom.xml").is_file():
        raise EngineUnavailable(f"{folder}/pom.xml not found: the engine needs a source checkout")
    return folder


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise EngineUnavailable(f"`{name}` is not on PATH")
    return found


def cache_dir() -> Path:
    """Where assembled homes live; Maven's own cache (~/.m2) holds the downloads."""
    given = os.environ.get("STCONFIG_ENGINE_CACHE")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "stconfig" / "seatunnel"


def _recipe() -> str:
    """What an assembled home was made from: the pom and the plugin mapping, hashed."""
    digest = hashlib.sha256((_checkout_files() / "pom.xml").read_bytes())
    digest.update(json.dumps(PLUGIN_MAPPING, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def assemble(version: str = ENGINE_VERSION, part: Literal["engine", "loader"] = "engine") -> Path:
    """The folder holding `lib/` (and for the engine `connectors/`); fetched once, then reused.

    A failure raises `EngineUnavailable` with Maven's error line, e.g. an artifact that is not
    on Central.
    """
    target = cache_dir() / version / part
    recipe = _recipe()
    if (target / "assembly.json").is_file():
        if json.loads((target / "assembly.json").read_text("utf-8")).get("recipe") == recipe:
            return target
        shutil.rmtree(target)  # assembled from another pom.xml or plugin mapping
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"{part}.", dir=target.parent))
    command = [
        _tool("mvn"),
        "-B",
        "-q",
        "-f",
        str(_checkout_files() / "pom.xml"),
        f"-Dseatunnel.version={version}",
        f"-Dengine.out={work}",
        *(["-Dloader"] if part == "loader" else []),
        "generate-resources",
    ]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        errors = [line for line in done.stdout.splitlines() if line.startswith("[ERROR]")]
        raise EngineUnavailable(
            f"SeaTunnel {version} ({part}) cannot be fetched: " + (errors[0] if errors else "")
        )
    if part == "engine":
        mapping = "".join(f"{key} = {value}\n" for key, value in PLUGIN_MAPPING.items())
        (work / "connectors" / "plugin-mapping.properties").write_text(mapping, encoding="utf-8")
    jars = sorted((work / "lib").glob("*.jar"))
    record = {
        "version": version,
        "part": part,
        "recipe": recipe,
        "seconds": round(seconds, 1),
        "jars": len(jars),
        "bytes": sum(jar.stat().st_size for jar in jars),
    }
    (work / "assembly.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    try:
        work.rename(target)
    except OSError:  # another process assembled it meanwhile
        shutil.rmtree(work, ignore_errors=True)
    return target


SOURCE_TARBALL = "seatunnel-15431c94d9-engine-modules.tar.gz"
SOURCE_SHA256 = "a77e5d0c567fe7229ae9deb21c2192ec9c0baa92692e5c0fd388c81c7fbbc00a"
SOURCE_COMMIT = "15431c94d9b9f34839173d67c1b638f058f58722"
SOURCE_COMMIT_TIME = "2024-10-23T20:05:13+0800"
"""The dev commit the tarball holds (README.md of `shared/seatunnel-src`)."""

REST_V2_MODULES = (
    "seatunnel-common",
    "seatunnel-api",
    "seatunnel-engine/seatunnel-engine-common",
    "seatunnel-engine/seatunnel-engine-core",
    "seatunnel-engine/seatunnel-engine-server",
)
"""The engine modules whose main sources differ from 2.3.8; their 2.3.8 jars are replaced."""

_REPLACED_JAR = re.compile(
    r"seatunnel-(api|common|engine-common|engine-core|engine-server)-2\.3\.8\.jar"
)
_SHADED_JETTY = "org.apache.seatunnel.shade.org.eclipse"
"""SeaTunnel's relocated Jetty package (seatunnel-jetty9 is not on Central: plain Jetty here)."""
_JETTY_ALL_INTERFACES = "new Server(seaTunnelConfig.getEngineConfig().getHttpConfig().getPort())"
_JETTY_LOOPBACK = (
    'new Server(new java.net.InetSocketAddress("127.0.0.1", '
    "seaTunnelConfig.getEngineConfig().getHttpConfig().getPort()))"
)
_AUTO_SERVICE = re.compile(r"@AutoService\((\w+)\.class\)")


def _repository_roots() -> list[Path]:
    """This checkout, then (for a git worktree) the main checkout it belongs to."""
    root = Path(__file__).resolve().parents[2]
    roots = [root]
    dot_git = root / ".git"
    if dot_git.is_file():  # a worktree: "gitdir: <main>/.git/worktrees/<name>"
        text = dot_git.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            gitdir = (root / text.removeprefix("gitdir:").strip()).resolve()
            common = gitdir / "commondir"
            if common.is_file():
                main_git = (gitdir / common.read_text(encoding="utf-8").strip()).resolve()
                roots.append(main_git.parent)
    return roots


def shared_source(name: str) -> Path:
    """A file of `shared/seatunnel-src`: in `STCONFIG_SEATUNNEL_SRC` (a folder), else in
    `<repo>/../shared/seatunnel-src` (CI clones the repository beside `shared/`)."""
    given = os.environ.get("STCONFIG_SEATUNNEL_SRC")
    folders = (
        [Path(given)]
        if given
        else [root.parent / "shared" / "seatunnel-src" for root in _repository_roots()]
    )
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    where = " or ".join(str(folder) for folder in folders)
    raise EngineUnavailable(
        f"{name} not found in {where}; set STCONFIG_SEATUNNEL_SRC to its folder"
    )


def source_tarball() -> Path:
    """The 15431c9 source tarball."""
    return shared_source(SOURCE_TARBALL)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _extract(tarball: Path, target: Path) -> None:
    """Unpack without the top folder (`seatunnel-15431c94d9/`), refusing paths that escape."""
    with tarfile.open(tarball) as archive:
        members = []
        for member in archive.getmembers():
            parts = Path(member.name).parts[1:]
            if not parts or not (member.isfile() or member.isdir()) or ".." in parts:
                continue
            member.name = str(Path(*parts))
            members.append(member)
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            archive.extractall(target, members=members, filter="data")
        else:  # the members were checked above
            archive.extractall(target, members=members)


def _maven(pom: Path, out: Path, what: str, *defines: str) -> float:
    """Run `generate-resources` on one of our poms; seconds taken. Maven's error line on failure."""
    command = [_tool("mvn"), "-B", "-q", "-f", str(pom), f"-Dengine.out={out}", *defines]
    started = time.monotonic()
    done = subprocess.run(
        [*command, "generate-resources"], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        errors = [line for line in done.stdout.splitlines() if line.startswith("[ERROR]")]
        raise EngineUnavailable(f"{what} cannot be fetched: " + (errors[0] if errors else ""))
    return time.monotonic() - started


def _rest_v2_recipe(tarball_sha: str) -> str:
    """What the v2 home is made from: the tarball, the extras pom, the 2.3.8 home, the edits."""
    digest = hashlib.sha256(tarball_sha.encode())
    digest.update((_checkout_files() / "rest-v2-pom.xml").read_bytes())
    digest.update(_recipe().encode())
    digest.update(json.dumps([REST_V2_MODULES, _JETTY_LOOPBACK, SOURCE_COMMIT]).encode())
    return digest.hexdigest()[:16]


def _compile_modules(src: Path, build: Path, class_path_jars: list[Path], tools: Path) -> None:
    """`javac -source 8 -target 8` of every main source of the five modules in one go, lombok
    as annotation processor, after the two edits: plain Jetty's package and a loopback bind."""
    sources = build / "src"
    for module in REST_V2_MODULES:
        shutil.copytree(src / module / "src" / "main" / "java", sources, dirs_exist_ok=True)
    for java in sources.rglob("*.java"):
        text = java.read_text(encoding="utf-8")
        if _SHADED_JETTY in text:
            java.write_text(text.replace(_SHADED_JETTY, "org.eclipse"), encoding="utf-8")
    jetty = sources / "org/apache/seatunnel/engine/server/JettyService.java"
    text = jetty.read_text(encoding="utf-8")
    if text.count(_JETTY_ALL_INTERFACES) != 1:
        raise EngineUnavailable(f"{jetty.name}: the Jetty bind to edit is not where it was")
    jetty.write_text(text.replace(_JETTY_ALL_INTERFACES, _JETTY_LOOPBACK), encoding="utf-8")
    listing = build / "sources.txt"
    listing.write_text(
        "".join(f"{path}\n" for path in sorted(sources.rglob("*.java"))), encoding="utf-8"
    )
    lombok = tools / "lombok-1.18.24.jar"
    compile_path = [*class_path_jars, *sorted(tools.glob("*.jar"))]
    command = [
        _tool("javac"),
        "-nowarn",
        "-encoding",
        "UTF-8",
        "-source",
        "8",
        "-target",
        "8",
        "-processorpath",
        str(lombok),
        "-cp",
        os.pathsep.join(str(jar) for jar in compile_path),
        "-d",
        str(build / "classes"),
        f"@{listing}",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        errors = [line for line in done.stderr.splitlines() if ": error:" in line]
        raise EngineUnavailable(
            f"javac of the 15431c9 modules failed ({len(errors)} errors): "
            + (errors[0] if errors else done.stderr.strip()[-500:])
        )


def _module_jar(src: Path, classes: Path, module: str, project_version: str, out: Path) -> None:
    """One module's jar: the classes of its own sources, its resources, and what SeaTunnel's
    Maven build adds (auto-service's service files, the filtered `zeta.version.properties`)."""
    import zipfile

    root = src / module / "src" / "main"
    entries: dict[str, bytes] = {}
    services: dict[str, list[str]] = {}
    for java in sorted((root / "java").rglob("*.java")):
        relative = java.relative_to(root / "java").with_suffix("")
        for compiled in sorted(classes.glob(f"{relative}.class")) + sorted(
            classes.glob(f"{relative}$*.class")
        ):
            entries[compiled.relative_to(classes).as_posix()] = compiled.read_bytes()
        text = java.read_text(encoding="utf-8")
        found = re.search(r"^package ([\w.]+);", text, re.MULTILINE)
        package = found.group(1) if found else ""
        for interface in _AUTO_SERVICE.findall(text):
            imported = re.search(rf"^import ([\w.]+\.{interface});", text, re.MULTILINE)
            name = imported.group(1) if imported else f"{package}.{interface}"
            services.setdefault(name, []).append(f"{package}.{java.stem}")
    resources = root / "resources"
    if resources.is_dir():
        for resource in sorted(resources.rglob("*")):
            if resource.is_file() and resource.suffix != ".sh":
                entries[resource.relative_to(resources).as_posix()] = resource.read_bytes()
    for interface, implementations in services.items():
        entries[f"META-INF/services/{interface}"] = "".join(
            f"{name}\n" for name in implementations
        ).encode()
    filtered = root / "resources-filtered" / "zeta.version.properties"
    if filtered.is_file():
        values = {
            "project.version": project_version,
            "git.commit.id": SOURCE_COMMIT,
            "git.commit.id.abbrev": SOURCE_COMMIT[:7],
            "git.commit.time": SOURCE_COMMIT_TIME,
            "git.build.time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        text = filtered.read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("${" + key + "}", value)
        entries["zeta.version.properties"] = text.encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as jar:
        jar.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n")
        for name, data in entries.items():
            jar.writestr(name, data)


def assemble_rest_v2() -> Path:
    """The REST v2 engine home (15431c9, `2.3.9-SNAPSHOT`), built once from the source tarball.

    The 2.3.8 home minus the five replaced jars, plus those five compiled here, Jetty, the 2.3.8
    connectors and the tarball's `config/log4j2.properties` (the log endpoints look for its
    appender names). Cached under `cache_dir()/2.3.9-SNAPSHOT/engine`, rebuilt when the tarball,
    the extras pom or the 2.3.8 recipe change. `assembly.json` records the build's seconds.
    """
    tarball = source_tarball()
    tarball_sha = _sha256(tarball)
    if tarball_sha != SOURCE_SHA256:
        raise EngineUnavailable(f"{tarball}: sha256 {tarball_sha}, expected {SOURCE_SHA256}")
    target = cache_dir() / REST_V2_VERSION / "engine"
    recipe = _rest_v2_recipe(tarball_sha)
    if (target / "assembly.json").is_file():
        if json.loads((target / "assembly.json").read_text("utf-8")).get("recipe") == recipe:
            return target
        shutil.rmtree(target)
    started = time.monotonic()
    base = assemble(ENGINE_VERSION, "engine")
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="engine.", dir=target.parent))
    build = Path(tempfile.mkdtemp(prefix="build.", dir=target.parent))
    try:
        src = build / "source"
        _extract(tarball, src)
        revision = re.search(r"<revision>([^<]+)</revision>", (src / "pom.xml").read_text("utf-8"))
        project_version = revision.group(1) if revision else REST_V2_VERSION
        extra = build / "extra"
        maven_seconds = _maven(
            _checkout_files() / "rest-v2-pom.xml", extra, "Jetty and the compile-only tools"
        )
        kept = [
            jar
            for jar in sorted((base / "lib").glob("*.jar"))
            if not _REPLACED_JAR.fullmatch(jar.name)
        ]
        jetty = sorted((extra / "jetty").glob("*.jar"))
        compiled = time.monotonic()
        _compile_modules(src, build, kept + jetty, extra / "tools")
        javac_seconds = time.monotonic() - compiled
        lib = work / "lib"
        lib.mkdir()
        for jar in kept:
            (lib / jar.name).symlink_to(jar.resolve())
        for module in REST_V2_MODULES:
            name = module.rsplit("/", 1)[-1]
            _module_jar(
                src,
                build / "classes",
                module,
                project_version,
                lib / f"{name}-{project_version}.jar",
            )
        for jar in jetty:
            shutil.copy2(jar, lib / jar.name)
        shutil.copytree(base / "connectors", work / "connectors")
        (work / "config").mkdir()
        shutil.copy2(src / "config" / "log4j2.properties", work / "config" / "log4j2.properties")
        jars = sorted(lib.glob("*.jar"))
        record = {
            "version": project_version,
            "part": "engine",
            "commit": SOURCE_COMMIT,
            "recipe": recipe,
            "seconds": round(time.monotonic() - started, 1),
            "maven_seconds": round(maven_seconds, 1),
            "javac_seconds": round(javac_seconds, 1),
            "jars": len(jars),
            "bytes": sum(jar.stat().st_size for jar in jars),
        }
        (work / "assembly.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        try:
            work.rename(target)
        except OSError:  # another process assembled it meanwhile
            shutil.rmtree(work, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(build, ignore_errors=True)
    return target


def assemble_engine(version: str) -> Path:
    """The engine home of a version in `RELEASES`: from Central, or built for REST v2."""
    release = RELEASES.get(version)
    if release is None or not release.engine:
        raise EngineUnavailable(f"no engine for SeaTunnel {version} on Maven Central")
    return assemble_rest_v2() if release.built_from_source else assemble(version, "engine")


def class_path(lib: Path, version: str) -> str:
    """Every jar of `lib`, SeaTunnel's patched config parser first (see `CONFIG_JAR`)."""
    first = lib / CONFIG_JAR.format(version=version)
    if not first.is_file():
        raise EngineUnavailable(f"{first} is missing")
    rest = sorted(jar for jar in lib.glob("*.jar") if jar != first)
    return os.pathsep.join(str(jar) for jar in [first, *rest])


@dataclass(frozen=True)
class Converted:
    """What SeaTunnel's loader made of one file: an object, unresolved, or an error."""

    path: str
    json: Any = None
    unresolved: bool = False
    error: str | None = None


def convert_with_seatunnel(
    paths: Iterable[str | os.PathLike[str]],
    version: str = ENGINE_VERSION,
    mode: Literal["parse", "builder"] = "parse",
    environ: Mapping[str, str] | None = None,
) -> dict[str, Converted]:
    """Convert job files with SeaTunnel's loader, all in one JVM.

    `parse` is the dialect parser plus resolve (what the conformance corpus records);
    `builder` is the starter's whole `ConfigBuilder.of(path, [])`. `environ` is the JVM's
    whole environment (default: empty), which unresolved substitutions fall back on.
    """
    lib = assemble(version, "loader") / "lib"
    harness = _checkout_files() / "ConvertJobs.java"
    listing = "".join(f"{os.fspath(path)}\n" for path in paths)
    command = [
        _tool("java"),
        "-Dfile.encoding=UTF-8",
        "-cp",
        class_path(lib, version),
        str(harness),
        mode,
    ]
    done = subprocess.run(
        command,
        input=listing,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(environ or {}),
        check=False,
    )
    if done.returncode != 0:
        raise EngineUnavailable(f"the converter harness failed: {done.stderr.strip()[-2000:]}")
    results = {}
    for line in done.stdout.splitlines():
        if line.startswith('{"path":'):
            item = json.loads(line)
            results[item["path"]] = Converted(
                item["path"], item.get("json"), bool(item.get("unresolved")), item.get("error")
            )
    return results


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _seatunnel_yaml(run: Path, http_port: int | None) -> str:
    """Checkpoints in the run folder; with `http_port`, the Jetty REST v2 API on that port."""
    http = f"    http:\n      enable-http: true\n      port: {http_port}\n" if http_port else ""
    return f"""\
seatunnel:
  engine:
    history-job-expire-minutes: 60
    backup-count: 0
    queue-type: blockingqueue
    print-execution-info-interval: 10
    print-job-metrics-info-interval: 10
    slot-service:
      dynamic-slot: true
    checkpoint:
      interval: 2000
      timeout: 30000
      storage:
        type: hdfs
        max-retained: 3
        plugin-config:
          namespace: {run / "checkpoint"}
          storage.type: hdfs
          fs.defaultFS: file:///
{http}"""


def _hazelcast_yaml(cluster: str, port: int) -> str:
    return f"""\
hazelcast:
  cluster-name: {cluster}
  network:
    rest-api:
      enabled: true
      endpoint-groups:
        CLUSTER_WRITE:
          enabled: true
        DATA:
          enabled: true
    interfaces:
      enabled: true
      interfaces:
        - 127.0.0.1
    join:
      multicast:
        enabled: false
      tcp-ip:
        enabled: true
        member-list:
          - 127.0.0.1:{port}
    port:
      auto-increment: false
      port: {port}
  properties:
    hazelcast.logging.type: log4j2
    hazelcast.phone.home.enabled: false
    hazelcast.socket.bind.any: false
"""


def _hazelcast_client_yaml(cluster: str, port: int) -> str:
    return f"""\
hazelcast-client:
  cluster-name: {cluster}
  properties:
    hazelcast.logging.type: log4j2
  network:
    cluster-members:
      - 127.0.0.1:{port}
"""


def _log4j2_properties(log: Path) -> str:
    """For the v1 engine, whose home has no log4j2 config: one file, `log`."""
    return f"""\
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
appender.file.name = file
appender.file.type = File
appender.file.fileName = {log}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{{HH:mm:ss,SSS}} %-5p [%c{{1}}] [%t] - %m%n
"""


LOG_FILE_NAME = "seatunnel-engine-server"
"""The server log in the run's `logs/` folder (the distribution's `seatunnel.logs.file_name`)."""


def _distribution_log4j2(home: Path, job_logs: bool) -> str:
    """The distribution's log4j2 config of the v2 home; with `job_logs`, SeaTunnel's documented
    switch of the root logger to the routing appender (one `job-<id>.log` per job)."""
    text = (home / "config" / "log4j2.properties").read_text(encoding="utf-8")
    if job_logs:
        text, count = re.subn(
            r"^rootLogger\.appenderRef\.file\.ref\s*=\s*fileAppender\s*$",
            "rootLogger.appenderRef.file.ref = routingAppender",
            text,
            flags=re.MULTILINE,
        )
        if count != 1:
            raise EngineUnavailable("log4j2.properties: no root file appender to route per job")
    return text


PR_SET_PDEATHSIG = 1


def _detach_but_die_with(parent: int) -> Callable[[], None]:
    """Run in the JVM's process before exec: its own session (so stopping it can signal the
    whole group, and a Ctrl-C meant for pytest does not race `stop`), and on Linux a SIGTERM
    when the Python process dies in any way, even by SIGKILL, so no JVM outlives its tests."""

    def prepare() -> None:
        os.setsid()
        if sys.platform == "linux":
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
            if os.getppid() != parent:  # the parent died before prctl took effect
                os._exit(1)

    return prepare


def _request(url: str, body: Any = None, timeout: float = 10) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method="GET" if data is None else "POST")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"null")


@dataclass
class Engine:
    """One Zeta server (master and worker) in a background JVM; `with Engine() as e: e.url`.

    `version` picks the engine (`API_VERSIONS`: "2.3.8" for v1, "2.3.9-SNAPSHOT" for v2).
    `rest_port` is where the REST API listens (the member port for v1, Jetty's for v2); 0 picks
    a free one. `job_logs` writes one `job-<id>.log` per job (v2: the routing appender).
    """

    version: str = ENGINE_VERSION
    startup_timeout: float = 180
    keep_files: bool = False
    """Keep the run folder (configuration, logs, checkpoints) after `stop`."""
    rest_port: int = 0
    job_logs: bool = False
    port: int = field(default=0, init=False)
    """The Hazelcast member port (v1's REST API too)."""
    http_port: int = field(default=0, init=False)
    """Jetty's port (v2 only; 0 for v1)."""
    run_dir: Path | None = field(default=None, init=False)
    """Configuration, logs and checkpoints of the current run (a temporary folder)."""
    startup_seconds: float = field(default=0, init=False)
    _process: subprocess.Popen[bytes] | None = field(default=None, init=False, repr=False)

    @property
    def release(self) -> Release:
        release = RELEASES.get(self.version)
        if release is None or not release.engine:
            raise EngineUnavailable(f"no engine for SeaTunnel {self.version} on Maven Central")
        return release

    @property
    def url(self) -> str:
        """The REST API's base: `url + "/overview"` answers."""
        if self.release.api == "v2":
            return f"http://127.0.0.1:{self.http_port}"
        return f"http://127.0.0.1:{self.port}{self.release.rest_prefix}"

    @property
    def log_dir(self) -> Path:
        if self.run_dir is None:
            raise RuntimeError("the engine has not been started")
        return self.run_dir / "logs"

    @property
    def log_path(self) -> Path:
        return self.log_dir / f"{LOG_FILE_NAME}.log"

    def __enter__(self) -> Engine:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def start(self) -> Engine:
        """Assemble if needed, write the configuration, start the JVM, wait for `/overview`."""
        v2 = self.release.api == "v2"
        if self.job_logs and not v2:
            raise EngineUnavailable("per-job log files need the v2 engine's log4j2 config")
        home = assemble_engine(self.version)
        java = _tool("java")
        run = Path(tempfile.mkdtemp(prefix="stconfig-seatunnel-"))
        self.run_dir = run
        if v2:
            self.http_port, self.port = self.rest_port or free_port(), free_port()
        else:
            self.http_port, self.port = 0, self.rest_port or free_port()
        cluster = f"stconfig-{os.getpid()}-{self.port}"
        for folder in ("config", "logs", "checkpoint"):
            (run / folder).mkdir()
        config = run / "config"
        seatunnel_yaml = _seatunnel_yaml(run, self.http_port or None)
        (config / "seatunnel.yaml").write_text(seatunnel_yaml, encoding="utf-8")
        (config / "hazelcast.yaml").write_text(_hazelcast_yaml(cluster, self.port), "utf-8")
        client = _hazelcast_client_yaml(cluster, self.port)
        (config / "hazelcast-client.yaml").write_text(client, encoding="utf-8")
        log4j2 = (
            _distribution_log4j2(home, self.job_logs) if v2 else _log4j2_properties(self.log_path)
        )
        (config / "log4j2.properties").write_text(log4j2, "utf-8")
        command = [
            java,
            *JVM_OPTIONS,
            f"-DSEATUNNEL_HOME={home}",
            f"-Dseatunnel.config={config / 'seatunnel.yaml'}",
            f"-Dhazelcast.config={config / 'hazelcast.yaml'}",
            f"-Dhazelcast.client.config={config / 'hazelcast-client.yaml'}",
            f"-Dlog4j2.configurationFile={config / 'log4j2.properties'}",
            f"-Dseatunnel.logs.path={self.log_dir}",
            f"-Dseatunnel.logs.file_name={LOG_FILE_NAME}",
            f"-Djava.io.tmpdir={run}",
            "-cp",
            class_path(home / "lib", ENGINE_VERSION if v2 else self.version),
            MAIN_CLASS,
        ]
        environment = {**os.environ, "SEATUNNEL_HOME": str(home)}
        started = time.monotonic()
        with (run / "logs" / "stdout.log").open("wb") as stdout:
            self._process = subprocess.Popen(
                command,
                cwd=run,
                env=environment,
                stdout=stdout,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                preexec_fn=_detach_but_die_with(os.getpid()),
            )
        atexit.register(self.stop)
        try:
            self._wait_until_up(started)
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - started
        return self

    def _wait_until_up(self, started: float) -> None:
        process = self._process
        if process is None:
            raise RuntimeError("the engine has not been started")
        while time.monotonic() - started < self.startup_timeout:
            if process.poll() is not None:
                raise EngineUnavailable(
                    f"the engine exited with {process.returncode}:\n{self.log_tail()}"
                )
            try:
                overview = self.overview()
            except (OSError, ValueError):
                time.sleep(0.2)
                continue
            if isinstance(overview, dict) and "projectVersion" in overview:
                return
            time.sleep(0.2)
        raise EngineUnavailable(
            f"/overview did not answer within {self.startup_timeout:.0f} s:\n{self.log_tail()}"
        )

    def log_tail(self, lines: int = 40) -> str:
        """The end of the server's log and of its standard output, for error messages."""
        parts = []
        for log in (self.log_path, self.log_path.with_name("stdout.log")):
            if log.is_file():
                text = log.read_text(encoding="utf-8", errors="replace").splitlines()
                parts.append(f"--- {log.name}\n" + "\n".join(text[-lines:]))
        return "\n".join(parts)

    def stop(self, timeout: float = 30) -> None:
        """SIGTERM (Hazelcast's shutdown hook), then SIGKILL to the whole process group."""
        process, self._process = self._process, None
        atexit.unregister(self.stop)
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if self.run_dir is not None and not self.keep_files:
            shutil.rmtree(self.run_dir, ignore_errors=True)

    def overview(self) -> Any:
        return _request(self.url + "/overview", timeout=2)


def submit(master: str, job: Mapping[str, Any], name: str = "stconfig-test") -> str:
    """Submit a job.json body; the engine's job id."""
    query = urllib.parse.urlencode({"jobName": name})
    answer = _request(f"{master}/submit-job?{query}", dict(job))
    return str(answer["jobId"])


def wait_for_job(master: str, job_id: str, timeout: float = 120) -> dict[str, Any]:
    """Poll `job-info` until the job reaches a terminal state; its last job-info."""
    deadline = time.monotonic() + timeout
    while True:
        info: dict[str, Any] = _request(f"{master}/job-info/{job_id}")
        if info.get("jobStatus") in TERMINAL_STATES:
            return info
        if time.monotonic() > deadline:
            raise TimeoutError(f"job {job_id} still {info.get('jobStatus')} after {timeout} s")
        time.sleep(0.5)


@dataclass(frozen=True)
class RealMaster:
    """A real engine as an `EngineMaster`: no test hooks, engine time is wall-clock time."""

    url: str
    version: str
    credentials: tuple[str, str] | None = None
    hooks: frozenset[str] = frozenset()

    @property
    def profile(self) -> str:
        """The fake profile that models this engine, from the version its `/overview` reports
        (2.3.8 and older: "2.3.8"; 2.3.9-SNAPSHOT: "2.3.9-snapshot"; newer: "latest")."""
        from stconfig.testing.fake_engine import profile_for_version

        return profile_for_version(self.version)

    def advance(self, ticks: int = 1) -> None:
        time.sleep(ticks)

    def fail_job(self, job_id: str | int, message: str = "failed by the test") -> None:
        raise HookUnavailable("a real engine cannot fail a job on cue")


def _mode() -> str:
    value = os.environ.get("STCONFIG_ENGINE", "")
    return {"1": "required", "auto": "auto"}.get(value, "off")


def _unavailable(reason: str) -> NoReturn:
    """Skip, or fail when the run asked for the real engine (`STCONFIG_ENGINE=1`)."""
    if _mode() == "required":
        pytest.fail(f"STCONFIG_ENGINE=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def _require_tools(alternative: str = "") -> None:
    """Skip unless the run may fetch and run SeaTunnel itself (and can: java, mvn)."""
    if _mode() == "off":
        pytest.skip(
            "real-engine tests are off: set STCONFIG_ENGINE=1 (or auto) to fetch SeaTunnel "
            f"from Maven Central and run it with java and mvn{alternative}"
        )
    for tool in ("java", "mvn"):
        if shutil.which(tool) is None:
            _unavailable(f"`{tool}` is not on PATH")


def _given_master() -> RealMaster | None:
    """The running engine `STCONFIG_TEST_MASTER` names, its version read from `/overview`."""
    given = os.environ.get("STCONFIG_TEST_MASTER")
    if not given:
        return None
    url = given.rstrip("/")
    try:
        overview = _request(url + "/overview")
    except (OSError, ValueError) as error:
        pytest.fail(f"STCONFIG_TEST_MASTER={given}: /overview fails: {error}", pytrace=False)
    return RealMaster(url, str(overview.get("projectVersion", "")))


def _api_of(version: str) -> str:
    from stconfig.versions import has

    try:
        return "v2" if has(version, "rest_v2") else "v1"
    except ValueError:
        return "v2"


def _session_master(api: str) -> Iterator[RealMaster]:
    """The session's real engine of one REST API: `STCONFIG_TEST_MASTER` when it serves that
    API, else one started here (assembled or built first if need be)."""
    given = _given_master()
    if given is not None:
        if _api_of(given.version) != api:
            pytest.skip(
                f"STCONFIG_TEST_MASTER is SeaTunnel {given.version}, not a REST {api} engine"
            )
        yield given
        return
    _require_tools(", or STCONFIG_TEST_MASTER=http://host:port to use a running engine")
    if api == "v2" and shutil.which("javac") is None:
        _unavailable("`javac` is not on PATH (the REST v2 engine is compiled from source)")
    engine = Engine(API_VERSIONS[api])
    try:
        engine.start()
        overview = engine.overview()
    except EngineUnavailable as error:
        _unavailable(str(error))
    try:
        yield RealMaster(engine.url, str(overview.get("projectVersion", engine.version)))
    finally:
        engine.stop()


@pytest.fixture(scope="session")
def seatunnel_master() -> Iterator[RealMaster]:
    """A running real engine with REST v1 (2.3.8): `STCONFIG_TEST_MASTER`, or one started for
    the session."""
    yield from _session_master("v1")


@pytest.fixture(scope="session")
def seatunnel_v2_master() -> Iterator[RealMaster]:
    """A running real engine with REST v2 (15431c9, `2.3.9-SNAPSHOT`, built from the shared
    source tarball): `STCONFIG_TEST_MASTER` when it is one, or one started for the session."""
    yield from _session_master("v2")


@pytest.fixture(scope="session")
def seatunnel_master_url(seatunnel_master: RealMaster) -> str:
    """The master URL of the real engine under test (REST base: `+ "/overview"` answers)."""
    return seatunnel_master.url


@pytest.fixture(scope="session")
def seatunnel_tools() -> None:
    """Gate for tests that run SeaTunnel themselves (the loader, a private engine): java, mvn."""
    _require_tools()


def main(argv: list[str] | None = None) -> int:
    """`python -m stconfig.testing.engine assemble|start|validate`: build ahead of tests, run
    one, or judge job files with SeaTunnel's own checks."""
    from stconfig.testing.fake_engine import OneLineErrors

    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["validate"]:  # SeaTunnel's verdict per plugin block: stconfig.testing.validate
        from stconfig.testing.validate import main as validate_main

        return validate_main(argv[1:])
    parser = OneLineErrors(
        prog="python -m stconfig.testing.engine",
        description="Assemble SeaTunnel engines for the tests, start one on 127.0.0.1, or "
        "validate job files with the engine's own checks (validate --help).",
    )
    parser.add_argument("action", choices=["assemble", "start"])
    parser.add_argument(
        "--api",
        choices=sorted(API_VERSIONS),
        default="v1",
        help="v1: the 2.3.8 release from Maven Central (Hazelcast REST); v2: 15431c9 "
        "(2.3.9-SNAPSHOT) built from ../shared/seatunnel-src (Jetty REST v2)",
    )
    parser.add_argument("--port", type=int, default=0, help="REST port for `start` (default: free)")
    parser.add_argument(
        "--job-logs", action="store_true", help="v2: one job-<id>.log per job (routing appender)"
    )
    options = parser.parse_args(argv)
    version = API_VERSIONS[options.api]
    try:
        if options.action == "assemble":
            return _assemble_for_tests(options.api)
        if options.job_logs and options.api != "v2":
            parser.error("--job-logs needs --api v2")
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the engine on `kill` too
        with Engine(version, rest_port=options.port, job_logs=options.job_logs) as engine:
            print(
                f"SeaTunnel {version} (REST {options.api}) up in "
                f"{engine.startup_seconds:.1f} s at {engine.url}",
                flush=True,
            )
            print(f"logs: {engine.log_dir}; Ctrl-C or SIGTERM stops it", flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                signal.pause()
    except EngineUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _assemble_for_tests(api: str) -> int:
    """Everything the tests of one API need: the engine home, and for v1 the loaders too."""
    parts: list[tuple[str, Literal["engine", "loader"]]] = [(API_VERSIONS[api], "engine")]
    if api == "v1":
        parts += [(version, "loader") for version in LOADER_VERSIONS]
    for version, part in parts:
        started = time.monotonic()
        folder = assemble_engine(version) if part == "engine" else assemble(version, part)
        record = json.loads((folder / "assembly.json").read_text(encoding="utf-8"))
        how = (
            f"build {record['seconds']} s: Maven {record['maven_seconds']} s, "
            f"javac {record['javac_seconds']} s"
            if "javac_seconds" in record
            else f"Maven {record['seconds']} s"
        )
        print(
            f"SeaTunnel {version} {part}: {record['jars']} jars, "
            f"{record['bytes'] / 1e6:.0f} MB in {folder} "
            f"({how}; this call {time.monotonic() - started:.1f} s)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "API_VERSIONS",
    "ENGINE_VERSION",
    "LOADER_VERSIONS",
    "RELEASES",
    "REST_V2_VERSION",
    "Converted",
    "Engine",
    "EngineUnavailable",
    "RealMaster",
    "assemble",
    "assemble_engine",
    "assemble_rest_v2",
    "class_path",
    "convert_with_seatunnel",
    "seatunnel_master",
    "seatunnel_master_url",
    "seatunnel_tools",
    "seatunnel_v2_master",
    "source_tarball",
    "submit",
    "wait_for_job",
]
