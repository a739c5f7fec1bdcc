"""Every connector of a SeaTunnel release, for the validation harness (`stconfig.testing.validate`).

Maven Central serves only part of 2.3.8's connectors (`NOT_ON_CENTRAL` lists the rest). This
module fetches the served ones with Maven and builds the others from the release's source tree
(`seatunnel-2.3.8-connectors.tar.gz` in `../shared/seatunnel-src`, or in `STCONFIG_SEATUNNEL_SRC`)
with Maven against the jars Central has, one reactor build (`-fae`, so one failing connector does
not stop the others). Both results are cached under `cache_dir()/VERSION/connectors-*`; nothing
of SeaTunnel's is ever written into the source checkout.

`home(version)` lays out a SeaTunnel home (`lib/` of the assembled engine, `connectors/` with
every jar available and the release's whole `plugin-mapping.properties`), which is what the
engine's plugin discovery reads.

Command line: `python -m stconfig.testing.connectors fetch|build|status`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from stconfig.testing.engine import (
    ENGINE_VERSION,
    EngineUnavailable,
    _tool,
    assemble,
    cache_dir,
    shared_source,
)

SOURCE_TARBALL = "seatunnel-2.3.8-connectors.tar.gz"
"""The 2.3.8 tag's connector, format and shade trees (Apache License 2.0)."""

NOT_ON_CENTRAL = frozenset(
    f"connector-{name}"
    for name in (
        *("activemq", "amazondynamodb", "amazonsqs", "assert", "datahub", "dingtalk", "druid"),
        *("cdc-mongodb", "cdc-opengauss", "cdc-oracle", "cdc-postgres", "cdc-tidb"),
        *("easysearch", "file-cos", "file-jindo-oss", "file-obs", "google-firestore"),
        *("google-sheets", "hbase", "http-feishu", "http-github", "http-gitlab", "iotdb"),
        *("http-persistiq", "kudu", "milvus", "mongodb", "pulsar", "qdrant", "rocketmq"),
        *("s3-redshift", "selectdb-cloud", "sls", "socket", "starrocks", "tdengine"),
        *("typesense", "web3j"),
    )
)
"""2.3.8 connector artifacts that Maven Central does not serve (checked one by one with Maven)."""

INTERNAL_MODULES = (
    "seatunnel-formats/seatunnel-format-text",
    "seatunnel-formats/seatunnel-format-compatible-debezium-json",
    "seatunnel-formats/seatunnel-format-compatible-connect-json",
    "seatunnel-connectors-v2/connector-cdc/connector-cdc-base",
    "seatunnel-connectors-v2/connector-file/connector-file-base",
    "seatunnel-connectors-v2/connector-file/connector-file-base-hadoop",
)
"""Modules the built connectors need that Central lacks; built in the same reactor."""

TRANSFORMS = "seatunnel-transforms-v2"
"""Transforms ship in `lib/` (the engine assembly holds them), not as a connector."""


def source_tree(version: str = ENGINE_VERSION) -> Path:
    """The release's source tree, unpacked once into the cache."""
    target = cache_dir() / version / "source"
    if (target / "plugin-mapping.properties").is_file():
        return target
    tarball = shared_source(SOURCE_TARBALL)
    work = Path(tempfile.mkdtemp(prefix="source.", dir=cache_dir() / version))
    with tarfile.open(tarball) as archive:
        archive.extractall(work, filter="data")
    tops = [child for child in work.iterdir() if child.is_dir()]
    root = tops[0] if len(tops) == 1 and not (work / "pom.xml").exists() else work
    shutil.move(str(root), target)
    shutil.rmtree(work, ignore_errors=True)
    return target


def plugin_mapping(version: str = ENGINE_VERSION) -> dict[str, str]:
    """`seatunnel.source.FakeSource` -> `connector-fake`, as the release's mapping file says."""
    mapping = {}
    text = (source_tree(version) / "plugin-mapping.properties").read_text("utf-8")
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip().startswith("seatunnel."):
            mapping[key.strip()] = value.strip()
    return mapping


def artifacts(version: str = ENGINE_VERSION) -> list[str]:
    """The connector artifacts the mapping names (transforms excluded)."""
    return sorted(set(plugin_mapping(version).values()) - {TRANSFORMS})


def _central_dir(version: str) -> Path:
    return cache_dir() / version / "connectors-central"


def _built_dir(version: str) -> Path:
    return cache_dir() / version / "connectors-built"


def _pom(items: list[str], version: str) -> str:
    entries = "".join(
        "<artifactItem><groupId>org.apache.seatunnel</groupId>"
        f"<artifactId>{escape(item)}</artifactId><version>{escape(version)}</version>"
        "</artifactItem>"
        for item in items
    )
    return f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
<modelVersion>4.0.0</modelVersion><groupId>io.github.stconfig</groupId>
<artifactId>stconfig-connectors</artifactId><version>1</version><packaging>pom</packaging>
<build><plugins><plugin><groupId>org.apache.maven.plugins</groupId>
<artifactId>maven-dependency-plugin</artifactId><version>3.6.1</version>
<executions><execution><id>connectors</id><phase>generate-resources</phase>
<goals><goal>copy</goal></goals><configuration><outputDirectory>OUT</outputDirectory>
<artifactItems>{entries}</artifactItems></configuration></execution></executions>
</plugin></plugins></build></project>
"""


def fetch_central(version: str = ENGINE_VERSION) -> Path:
    """The connector jars Central serves, fetched once with Maven (`~/.m2` caches downloads)."""
    target = _central_dir(version)
    if (target / "fetched.json").is_file():
        return target
    items = [item for item in artifacts(version) if item not in NOT_ON_CENTRAL]
    work = Path(tempfile.mkdtemp(prefix="central.", dir=cache_dir() / version))
    (work / "pom.xml").write_text(_pom(items, version).replace("OUT", str(work / "jars")), "utf-8")
    started = time.monotonic()
    done = subprocess.run(
        [_tool("mvn"), "-B", "-q", "-f", str(work / "pom.xml"), "generate-resources"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        errors = [line for line in done.stdout.splitlines() if line.startswith("[ERROR]")]
        raise EngineUnavailable("connectors cannot be fetched: " + (errors[0] if errors else ""))
    record = {"artifacts": items, "seconds": round(time.monotonic() - started, 1)}
    (work / "jars" / "fetched.json").write_text(json.dumps(record, indent=2) + "\n", "utf-8")
    (work / "jars").rename(target)
    shutil.rmtree(work, ignore_errors=True)
    return target


def _reactor_pom(modules: list[str]) -> str:
    listed = "".join(f"<module>{escape(module)}</module>" for module in modules)
    return f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
<modelVersion>4.0.0</modelVersion><groupId>io.github.stconfig</groupId>
<artifactId>stconfig-connector-build</artifactId><version>1</version><packaging>pom</packaging>
<modules>{listed}</modules></project>
"""


BUILD_FLAGS = (
    "-DskipTests",
    "-Dskip.spotless=true",
    "-Dmaven.javadoc.skip=true",
    "-Dmaven.source.skip=true",
    "-Dlicense.skipAddThirdParty=true",
    "-Dcheckstyle.skip=true",
    "-De2e.dependency.skip=true",
)


def build_from_source(version: str = ENGINE_VERSION, only: list[str] | None = None) -> Path:
    """Build the connectors Central lacks from the source tree; the jars that built, cached.

    `built.json` records per artifact `built` or the Maven error line, so a later call rebuilds
    nothing. Takes about a quarter of an hour on two cores the first time.
    """
    target = _built_dir(version)
    target.mkdir(parents=True, exist_ok=True)
    record_path = target / "built.json"
    record: dict[str, str] = (
        json.loads(record_path.read_text("utf-8")) if record_path.is_file() else {}
    )
    tree = source_tree(version)
    poms = {
        path.parent.name: path.parent.relative_to(tree).as_posix()
        for path in tree.glob("seatunnel-connectors-v2/**/pom.xml")
    }
    wanted = [item for item in (only or sorted(NOT_ON_CENTRAL)) if record.get(item) != "built"]
    wanted = [item for item in wanted if not _harvest(tree / poms.get(item, "-"), item, target)]
    if wanted:
        modules = [*INTERNAL_MODULES, *(poms[item] for item in wanted if item in poms)]
        (tree / "stconfig-build.xml").write_text(_reactor_pom(modules), "utf-8")
        log = cache_dir() / version / "connectors-build.log"
        with log.open("w", encoding="utf-8") as output:
            reactor = str(tree / "stconfig-build.xml")
            subprocess.run(
                [_tool("mvn"), "-B", "-fae", "-f", reactor, *BUILD_FLAGS, "package"],
                stdout=output,
                stderr=subprocess.STDOUT,
                check=False,
            )
        for item in wanted:
            if not _harvest(tree / poms.get(item, "-"), item, target):
                record[item] = "not built: " + _failure(log, item)
    for item in only or sorted(NOT_ON_CENTRAL):
        if (target / f"{item}-{version}.jar").is_file():
            record[item] = "built"
    record_path.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", "utf-8")
    return target


def _harvest(module: Path, item: str, target: Path) -> bool:
    """Copy the module's shaded jar (named `ARTIFACT-VERSION[-SCALA].jar`) into the cache."""
    for jar in sorted((module / "target").glob(f"{item}-*.jar")):
        if jar.name.endswith(("-sources.jar", "-tests.jar")):
            continue
        version = jar.name.removeprefix(f"{item}-").split("-")[0].removesuffix(".jar")
        shutil.copy2(jar, target / f"{item}-{version}.jar")
        return True
    return False


def _failure(log: Path, item: str) -> str:
    """The first Maven error line that names the artifact, or the reason it was not tried."""
    for line in log.read_text("utf-8", errors="replace").splitlines():
        if line.startswith("[ERROR]") and item in line:
            return line[len("[ERROR] ") :][:300]
    return "see " + str(log)


def available_jars(version: str = ENGINE_VERSION) -> dict[str, Path]:
    """Artifact -> jar, for every connector fetched or built so far."""
    found = {}
    for folder in (_central_dir(version), _built_dir(version)):
        for jar in sorted(folder.glob("*.jar")):
            found[jar.name.removesuffix(f"-{version}.jar")] = jar
    return found


def home(version: str = ENGINE_VERSION) -> Path:
    """A SeaTunnel home with the engine's `lib/` and every available connector.

    Another harness may be running on the same cache (one per developer on a shared machine):
    a home with the same links is reused as it is, and a changed one is built beside it and
    swapped in, never emptied under a running JVM."""
    engine = assemble(version, "engine")
    target = cache_dir() / version / "validate-home"
    links = {jar.name: jar for jar in available_jars(version).values()}
    links["plugin-mapping.properties"] = source_tree(version) / "plugin-mapping.properties"
    if _home_matches(target, engine / "lib", links):
        return target
    built = Path(tempfile.mkdtemp(prefix="validate-home.", dir=target.parent))
    (built / "connectors").mkdir()
    (built / "lib").symlink_to(engine / "lib")
    for name, jar in links.items():
        (built / "connectors" / name).symlink_to(jar)
    retired = target.with_name(f"{built.name}.old")
    if target.exists():
        target.rename(retired)
    built.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
    return target


def _home_matches(target: Path, lib: Path, links: dict[str, Path]) -> bool:
    connectors = target / "connectors"
    if not (target / "lib").is_symlink() or (target / "lib").readlink() != lib:
        return False
    if not connectors.is_dir() or sorted(p.name for p in connectors.iterdir()) != sorted(links):
        return False
    return all(
        (connectors / name).is_symlink() and (connectors / name).readlink() == path
        for name, path in links.items()
    )


def coverage(version: str = ENGINE_VERSION) -> tuple[list[str], list[str]]:
    """Plugins (`source.X` / `sink.X` / `transform.X`) whose jar is available, and the rest."""
    jars = available_jars(version)
    have: list[str] = []
    missing: list[str] = []
    for key, artifact in sorted(plugin_mapping(version).items()):
        name = key.removeprefix("seatunnel.")
        (have if artifact == TRANSFORMS or artifact in jars else missing).append(name)
    return have, missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stconfig.testing.connectors")
    parser.add_argument("action", choices=["fetch", "build", "status"])
    parser.add_argument("--version", default=ENGINE_VERSION)
    parser.add_argument("--only", nargs="*", help="artifacts to build (default: all missing)")
    options = parser.parse_args(argv)
    try:
        if options.action == "fetch":
            fetch_central(options.version)
        elif options.action == "build":
            build_from_source(options.version, options.only)
    except EngineUnavailable as error:
        print(f"error: {error}")
        return 2
    have, missing = coverage(options.version)
    print(f"SeaTunnel {options.version}: {len(have)} of {len(have) + len(missing)} plugins")
    record = _built_dir(options.version) / "built.json"
    failures = json.loads(record.read_text("utf-8")) if record.is_file() else {}
    for name in missing:
        artifact = plugin_mapping(options.version)["seatunnel." + name]
        print(f"  unavailable: {name} ({artifact}: {failures.get(artifact, 'not built yet')})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
