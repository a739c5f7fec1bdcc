"""Record how SeaTunnel 2.3.8 checks each plugin, by asking the engine (the validation harness).

For every plugin of the release's plugin mapping whose connector is available, the script
writes a job where that plugin's block is empty (beside a valid FakeSource / Console), runs
`stconfig.testing.validate` over all of them in one JVM and records per plugin:
- `check`: `option_rule` (factory path: `ConfigValidator` with the factory's `optionRule()`),
  `prepare` (legacy path, `isFallback`: the plugin's own `prepare(Config)`), or `none`;
- for `prepare`, `requires`: the keys the engine names when `prepare()` refuses an empty block
  (`CheckConfigUtil`'s "please specify [a,b] as non-empty"), and `engine_message`: its message.
Plugins whose connector is not available get the check kind read from SeaTunnel's source
(`LEGACY`: factories without `createSource` / `createSink`, and TDengine, which has no
factory), marked `"verified": false`. Every plugin of the mapping is listed: a name the file
lacks is not a plugin of that release.

    python scripts/extract_engine_checks.py  # rewrites the catalog data file named in OUT
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from stconfig.testing import connectors
from stconfig.testing.corpus import corpus_cases
from stconfig.testing.validate import BlockVerdict, validate_with_seatunnel

CORPUS = corpus_cases()
OUT = Path(__file__).resolve().parents[1] / "stconfig/catalog/data/engine-checks-2.3.8.json"
SOURCE = 'FakeSource { schema { fields { id = "int" } } }'
ALL_OF = re.compile(r"please specify \[([^\]]*)\] as non-empty")
ONE_OF = re.compile(r"please specify at least one config of \[([^\]]*)\] as non-empty")
EXPLICIT_KEY = re.compile(r"Config must include column : Key: '([^']+)'")
"""An explicit check (Sentry); a bare `getString` of a missing key is not one: it may sit
behind a condition, and it names only the first key missing."""
NOT_FOUND = re.compile(r"Plugin PluginIdentifier\{[^}]*\} not found")


LEGACY = frozenset(
    [
        *(f"source.{name}" for name in ("AmazonDynamodb", "Cassandra", "Clickhouse", "CosFile")),
        *(f"source.{name}" for name in ("Easysearch", "FtpFile", "GoogleSheets", "HdfsFile")),
        *(f"source.{name}" for name in ("InfluxDB", "IoTDB", "Maxcompute", "Neo4j", "OpenMldb")),
        *(f"source.{name}" for name in ("RabbitMQ", "SftpFile", "Socket", "TDengine", "ObsFile")),
        *(f"sink.{name}" for name in ("AmazonDynamodb", "Cassandra", "Clickhouse", "CosFile")),
        *(f"sink.{name}" for name in ("ClickhouseFile", "DataHub", "DingTalk", "Easysearch")),
        *(f"sink.{name}" for name in ("GoogleFirestore", "HdfsFile", "IoTDB", "Maxcompute")),
        *(f"sink.{name}" for name in ("MongoDB", "Neo4j", "RabbitMQ", "Sentry", "Slack")),
        *(f"sink.{name}" for name in ("Socket", "Tablestore", "TDengine", "ObsFile")),
    ]
)
"""2.3.8's legacy-path plugins, from its source (for connectors the harness cannot load)."""


FILLERS: dict[str, str] = {"schema": "{ fields { id = int } }", "port": "1"}
"""Values given to keys an earlier probe named, so the next probe reaches the next check."""


def job(kind: str, name: str, given: list[str] | None = None) -> str:
    body = "".join(f'"{key}" = {FILLERS.get(key, json.dumps("x"))}\n' for key in given or [])
    block = f"{name} {{\n{body}}}"
    source = block if kind == "source" else SOURCE
    transform = block if kind == "transform" else ""
    sink = block if kind == "sink" else "Console {}"
    return (
        'env { job.mode = "BATCH" }\n'
        f"source {{\n{source}\n}}\ntransform {{\n{transform}\n}}\nsink {{\n{sink}\n}}\n"
    )


def entry(verdict: BlockVerdict) -> dict[str, Any]:
    record: dict[str, Any] = {"check": verdict.check or "none"}
    if verdict.check == "prepare" and verdict.verdict == "refused":
        message = verdict.message.split(" | caused by")[0]
        if NOT_FOUND.search(message):
            record["check"] = "none"  # legacy path, but no legacy plugin loads under that name
        required = [key.strip() for group in ALL_OF.findall(message) for key in group.split(",")]
        required += EXPLICIT_KEY.findall(message)
        if required:
            record["requires"] = required
        groups = [[key.strip() for key in group.split(",")] for group in ONE_OF.findall(message)]
        if groups:
            record["requires_one_of"] = groups
        record["engine_message"] = message[:400]
    return record


UNLESS = {
    "sink.Neo4j": {"queryParamPosition": ["write_mode", ["BATCH"]]},
}
"""Keys a probe found required under default values that prepare() skips for other values, read
from SeaTunnel's source (Neo4jSinkQueryInfo: `queryParamPosition` only when write_mode is not
BATCH)."""

TOGETHER = {
    "sink.Clickhouse": [
        {
            "keys": ["username", "password"],
            "engine_message": "ErrorCode:[API-01], ErrorDescription:[Configuration item validate "
            "failed] - PluginName: Clickhouse, PluginType: SINK, Message: please specify "
            "[password] as non-empty",
        }
    ],
}
"""Groups prepare() requires whole once one key is set, read from SeaTunnel's source (the
Clickhouse sink: `isCredential = hasPath(username) || hasPath(password)`, then
`checkAllExists(username, password)`); the message is the harness's refusal of a block with
username alone. An empty-block probe never sees these."""

BAD_VALUES = {"enum": "STCONFIG_NOT_A_CONSTANT", "boolean": "maybe"}
"""A value SeaTunnel cannot convert, per option type (numbers get `abc`)."""
PASSED = ("accepted", "outside")
STRICT_TYPES = ("int", "long", "double", "float", "boolean", "enum")


def probe_values(plugins: dict[str, dict[str, Any]]) -> None:
    """Which typed options the engine converts while it builds the block (`strict_values`).

    From one corpus block per plugin that the engine passes, one job per typed option with a
    value SeaTunnel cannot convert: refused means the engine reads the option at once; passed
    means it reads it only when the job runs (or never). Plugins without such a block get no
    `strict_values` (the linter then trusts the types as before).
    """
    from stconfig.catalog.registry import canonical_name, plugin_spec
    from stconfig.errors import StconfigError
    from stconfig.reader import load

    corpus = sorted(str(path) for path in CORPUS.rglob("*.conf"))
    verdicts = validate_with_seatunnel(corpus)
    bases: dict[str, tuple[dict[str, Any], str, int]] = {}
    for path in corpus:
        for verdict in verdicts.get(path, []):
            kind, _, rest = verdict.block.partition("[")
            if kind not in ("source", "transform", "sink") or verdict.verdict not in PASSED:
                continue
            name = canonical_name(kind, verdict.plugin, version="2.3.8")
            if name is None or f"{kind}.{name}" in bases:
                continue
            try:
                data = load(path, environ={}, unresolved="keep", placeholders="keep").to_dict()
            except (StconfigError, OSError):
                continue
            bases[f"{kind}.{name}"] = (data, kind, int(rest.rstrip("]")))
    with tempfile.TemporaryDirectory() as folder:
        probes: dict[str, tuple[str, str, str]] = {}
        for plugin, (data, kind, index) in sorted(bases.items()):
            spec = plugin_spec(kind, plugin.split(".", 1)[1], version="2.3.8")
            for option in spec.options:
                if option.type not in STRICT_TYPES or option.key.endswith("."):
                    continue
                job = json.loads(json.dumps(data))
                job[kind][index][option.key] = BAD_VALUES.get(option.type, "abc")
                probe = Path(folder) / f"{len(probes):05d}.json"
                probe.write_text(json.dumps(job), encoding="utf-8")
                probes[str(probe)] = (plugin, option.key, f"{kind}[{index}]")
        results = validate_with_seatunnel(probes)
    strict: dict[str, list[str]] = {plugin: [] for plugin in bases}
    for written, (plugin, key, block) in probes.items():
        for verdict in results.get(written, []):
            if verdict.block == block and verdict.verdict == "refused":
                strict[plugin].append(key)
    for plugin, keys in strict.items():
        if plugin in plugins:
            plugins[plugin]["strict_values"] = sorted(keys)


ROUNDS = 6
"""Probes per plugin: each gives the keys the previous refusal named, until prepare() passes."""


def main() -> int:
    old = json.loads(OUT.read_text("utf-8")) if OUT.is_file() else {"plugins": {}}
    plugins: dict[str, dict[str, Any]] = {}
    mapped = [key.removeprefix("seatunnel.") for key in connectors.plugin_mapping()]
    mapped = [key for key in mapped if re.fullmatch(r"(source|sink|transform)\.[\w-]+", key)]
    for key in mapped:
        known = {k.lower(): v for k, v in old["plugins"].items()}.get(key.lower())
        if known is not None and known.get("verified", True) is not False:
            plugins[key] = known
        else:
            legacy = key.lower() in {name.lower() for name in LEGACY}
            plugins[key] = {"check": "prepare" if legacy else "option_rule", "verified": False}
    pending: dict[str, list[str]] = {key: [] for key in mapped}  # plugin -> keys given so far
    for _round in range(ROUNDS):
        with tempfile.TemporaryDirectory() as folder:
            files: dict[str, str] = {}
            for key, given in pending.items():
                kind, name = key.split(".", 1)
                path = Path(folder) / f"{kind}.{name}.conf"
                path.write_text(job(kind, name, given), encoding="utf-8")
                files[str(path)] = key
            results = validate_with_seatunnel(files)
        following: dict[str, list[str]] = {}
        for written, plugin in files.items():
            kind = plugin.split(".", 1)[0]
            verdicts = results.get(written) or []
            for verdict in verdicts:
                if verdict.block != f"{kind}[0]" or verdict.verdict == "not_checkable":
                    continue
                found = entry(verdict)
                given = pending[plugin]
                if not given:
                    plugins[plugin] = found
                elif found.get("requires") or found.get("requires_one_of"):
                    merged = plugins[plugin]
                    required = [*merged.get("requires", []), *found.get("requires", [])]
                    merged["requires"] = list(dict.fromkeys(required))
                    groups = [*merged.get("requires_one_of", []), *found.get("requires_one_of", [])]
                    if groups:
                        merged["requires_one_of"] = groups
                newly = [*found.get("requires", [])]
                newly += [group[0] for group in found.get("requires_one_of", [])]
                if found["check"] == "prepare" and newly and not set(newly) <= set(given):
                    following[plugin] = [*given, *newly]
        if not following:
            break
        pending = following
    probe_values(plugins)
    for plugin, conditions in UNLESS.items():
        entry_ = plugins.get(plugin)
        if entry_ is not None:
            entry_["requires"] = [k for k in entry_.get("requires", []) if k not in conditions]
            entry_["requires_unless"] = conditions
    for plugin, groups in TOGETHER.items():
        if plugin in plugins:
            plugins[plugin]["requires_together"] = groups
    record = {
        "about": old.get("about", ""),
        "version": "2.3.8",
        "plugins": dict(sorted(plugins.items())),
    }
    OUT.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(plugins)} plugins in {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
