"""A real SeaTunnel engine, and SeaTunnel's own config loader, for tests.

The fake engine and the recorded corpus can drift from SeaTunnel unnoticed; this module runs the
real thing. It fetches SeaTunnel's published jars from Maven Central with Maven (the local Maven
repository is the download cache; `tests/engine/pom.xml` in a source checkout says what is
fetched), lays them out as a SeaTunnel home, writes its own configuration into a temporary
folder and starts the Zeta server (master and worker, one member on 127.0.0.1, free ports,
checkpoints in the temporary folder). `Engine` is a context manager; the pytest fixtures at the
end yield its master URL.

Only the 2.3.8 release has its engine on Maven Central (see `RELEASES`). It predates REST v2:
its REST API is the Hazelcast one (v1), with the same endpoint names under
`/hazelcast/rest/maps`, so `Engine.url` ends with that prefix.

Switches (environment):
- `STCONFIG_ENGINE=1`: real-engine tests must run; a missing tool or artifact fails them.
  `auto`: run them when `java` and `mvn` are on PATH. Unset or anything else: skip them.
- `STCONFIG_TEST_MASTER=http://host:port[/prefix]`: use that running engine instead of starting
  one (loader tests still need `java` and `mvn`).
- `STCONFIG_ENGINE_CACHE`: where assembled homes go (default `~/.cache/stconfig/seatunnel`).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import ctypes
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
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


RELEASES = {
    "2.3.8": Release("2.3.8", engine=True, rest_prefix="/hazelcast/rest/maps"),
    "2.3.10": Release("2.3.10", engine=False, rest_prefix=""),
}

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


def _seatunnel_yaml(run: Path) -> str:
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
"""


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
    return f"""\
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
appender.file.name = file
appender.file.type = File
appender.file.fileName = {log}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{{HH:mm:ss,SSS}} %-5p [%c{{1}}] [%t] - %m%n
"""


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
    """One Zeta server (master and worker) in a background JVM; `with Engine() as e: e.url`."""

    version: str = ENGINE_VERSION
    startup_timeout: float = 180
    keep_files: bool = False
    """Keep the run folder (configuration, logs, checkpoints) after `stop`."""
    port: int = field(default=0, init=False)
    run_dir: Path | None = field(default=None, init=False)
    """Configuration, logs and checkpoints of the current run (a temporary folder)."""
    startup_seconds: float = field(default=0, init=False)
    _process: subprocess.Popen[bytes] | None = field(default=None, init=False, repr=False)

    @property
    def url(self) -> str:
        """The REST API's base: `url + "/overview"` answers."""
        return f"http://127.0.0.1:{self.port}{RELEASES[self.version].rest_prefix}"

    @property
    def log_path(self) -> Path:
        if self.run_dir is None:
            raise RuntimeError("the engine has not been started")
        return self.run_dir / "logs" / "seatunnel-engine-server.log"

    def __enter__(self) -> Engine:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def start(self) -> Engine:
        """Assemble if needed, write the configuration, start the JVM, wait for `/overview`."""
        release = RELEASES.get(self.version)
        if release is None or not release.engine:
            raise EngineUnavailable(f"no engine for SeaTunnel {self.version} on Maven Central")
        home = assemble(self.version, "engine")
        java = _tool("java")
        run = Path(tempfile.mkdtemp(prefix="stconfig-seatunnel-"))
        self.run_dir, self.port = run, free_port()
        cluster = f"stconfig-{os.getpid()}-{self.port}"
        for folder in ("config", "logs", "checkpoint"):
            (run / folder).mkdir()
        config = run / "config"
        (config / "seatunnel.yaml").write_text(_seatunnel_yaml(run), encoding="utf-8")
        (config / "hazelcast.yaml").write_text(_hazelcast_yaml(cluster, self.port), "utf-8")
        client = _hazelcast_client_yaml(cluster, self.port)
        (config / "hazelcast-client.yaml").write_text(client, encoding="utf-8")
        (config / "log4j2.properties").write_text(_log4j2_properties(self.log_path), "utf-8")
        command = [
            java,
            *JVM_OPTIONS,
            f"-DSEATUNNEL_HOME={home}",
            f"-Dseatunnel.config={config / 'seatunnel.yaml'}",
            f"-Dhazelcast.config={config / 'hazelcast.yaml'}",
            f"-Dhazelcast.client.config={config / 'hazelcast-client.yaml'}",
            f"-Dlog4j2.configurationFile={config / 'log4j2.properties'}",
            f"-Djava.io.tmpdir={run}",
            "-cp",
            class_path(home / "lib", self.version),
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
        return "2.3.8" if self.version == "2.3.8" else "latest"

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


@pytest.fixture(scope="session")
def seatunnel_master() -> Iterator[RealMaster]:
    """A running real engine: `STCONFIG_TEST_MASTER`, or one started for the session."""
    given = os.environ.get("STCONFIG_TEST_MASTER")
    if given:
        url = given.rstrip("/")
        try:
            overview = _request(url + "/overview")
        except (OSError, ValueError) as error:
            pytest.fail(f"STCONFIG_TEST_MASTER={given}: /overview fails: {error}", pytrace=False)
        yield RealMaster(url, str(overview.get("projectVersion", "")))
        return
    _require_tools(", or STCONFIG_TEST_MASTER=http://host:port to use a running engine")
    engine = Engine()
    try:
        engine.start()
    except EngineUnavailable as error:
        _unavailable(str(error))
    try:
        yield RealMaster(engine.url, engine.version)
    finally:
        engine.stop()


@pytest.fixture(scope="session")
def seatunnel_master_url(seatunnel_master: RealMaster) -> str:
    """The master URL of the real engine under test (REST base: `+ "/overview"` answers)."""
    return seatunnel_master.url


@pytest.fixture(scope="session")
def seatunnel_tools() -> None:
    """Gate for tests that run SeaTunnel themselves (the loader, a private engine): java, mvn."""
    _require_tools()


def main(argv: list[str] | None = None) -> int:
    """`python -m stconfig.testing.engine assemble|start|validate`: fetch, run one, or judge."""
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["validate"]:  # SeaTunnel's verdict per plugin block: stconfig.testing.validate
        from stconfig.testing.validate import main as validate_main

        return validate_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m stconfig.testing.engine")
    parser.add_argument("action", choices=["assemble", "start"])
    parser.add_argument("--version", default=ENGINE_VERSION)
    options = parser.parse_args(argv)
    if options.action == "assemble":
        parts: list[tuple[str, Literal["engine", "loader"]]] = [(options.version, "engine")]
        parts += [(version, "loader") for version in LOADER_VERSIONS]
        for version, part in parts:
            started = time.monotonic()
            folder = assemble(version, part)
            record = json.loads((folder / "assembly.json").read_text(encoding="utf-8"))
            print(
                f"SeaTunnel {version} {part}: {record['jars']} jars, "
                f"{record['bytes'] / 1e6:.0f} MB in {folder} "
                f"(Maven {record['seconds']} s, this call {time.monotonic() - started:.1f} s)"
            )
        return 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the engine on `kill` too
    with Engine(options.version) as engine:
        print(f"SeaTunnel {engine.version} up in {engine.startup_seconds:.1f} s at {engine.url}")
        print(f"log: {engine.log_path}; Ctrl-C stops it")
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "ENGINE_VERSION",
    "LOADER_VERSIONS",
    "RELEASES",
    "Converted",
    "Engine",
    "EngineUnavailable",
    "RealMaster",
    "assemble",
    "class_path",
    "convert_with_seatunnel",
    "seatunnel_master",
    "seatunnel_master_url",
    "seatunnel_tools",
    "submit",
    "wait_for_job",
]
