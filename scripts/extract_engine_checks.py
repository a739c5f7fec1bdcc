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

from stconfig.testing import connectors
from stconfig.testing.validate import BlockVerdict, validate_with_seatunnel

OUT = Path(__file__).resolve().parents[1] / "stconfig/catalog/data/engine-checks-2.3.8.json"
SOURCE = 'FakeSource { schema { fields { id = "int" } } }'
ALL_OF = re.compile(r"please specify \[([^\]]*)\] as non-empty")
ONE_OF = re.compile(r"please specify at least one config of \[([^\]]*)\] as non-empty")
ONE_KEY = re.compile(r"No configuration setting found for key '([^']+)'|Key: '([^']+)'")
NOT_FOUND = re.compile(r"Plugin PluginIdentifier\{[^}]*\} not found")


LEGACY = frozenset(
    [
        *(f"source.{name}" for name in ("AmazonDynamodb", "Cassandra", "Clickhouse", "CosFile")),
        *(f"source.{name}" for name in ("Easysearch", "FtpFile", "GoogleSheets", "HdfsFile")),
        *(f"source.{name}" for name in ("InfluxDB", "IoTDB", "Maxcompute", "Neo4j", "OpenMldb")),
        *(f"source.{name}" for name in ("RabbitMQ", "SftpFile", "Socket", "TDengine")),
        *(f"sink.{name}" for name in ("AmazonDynamodb", "Cassandra", "Clickhouse", "CosFile")),
        *(f"sink.{name}" for name in ("ClickhouseFile", "DataHub", "DingTalk", "Easysearch")),
        *(f"sink.{name}" for name in ("GoogleFirestore", "HdfsFile", "IoTDB", "Maxcompute")),
        *(f"sink.{name}" for name in ("MongoDB", "Neo4j", "RabbitMQ", "Sentry", "Slack")),
        *(f"sink.{name}" for name in ("Socket", "Tablestore", "TDengine")),
    ]
)
"""2.3.8's legacy-path plugins, from its source (for connectors the harness cannot load)."""


def job(kind: str, name: str) -> str:
    block = f"{name} {{\n}}"
    source = block if kind == "source" else SOURCE
    transform = block if kind == "transform" else ""
    sink = block if kind == "sink" else "Console {}"
    return (
        'env { job.mode = "BATCH" }\n'
        f"source {{\n{source}\n}}\ntransform {{\n{transform}\n}}\nsink {{\n{sink}\n}}\n"
    )


def entry(verdict: BlockVerdict) -> dict[str, object]:
    record: dict[str, object] = {"check": verdict.check or "none"}
    if verdict.check == "prepare" and verdict.verdict == "refused":
        message = verdict.message.split(" | caused by")[0]
        if NOT_FOUND.search(message):
            record["check"] = "none"  # legacy path, but no legacy plugin loads under that name
        required = [key.strip() for group in ALL_OF.findall(message) for key in group.split(",")]
        required += [a or b for a, b in ONE_KEY.findall(message)]
        if required:
            record["requires"] = required
        groups = [[key.strip() for key in group.split(",")] for group in ONE_OF.findall(message)]
        if groups:
            record["requires_one_of"] = groups
        record["engine_message"] = message[:400]
    return record


def main() -> int:
    old = json.loads(OUT.read_text("utf-8")) if OUT.is_file() else {"plugins": {}}
    plugins: dict[str, dict[str, object]] = {}
    mapped = [key.removeprefix("seatunnel.") for key in connectors.plugin_mapping()]
    mapped = [key for key in mapped if re.fullmatch(r"(source|sink|transform)\.[\w-]+", key)]
    for key in mapped:
        known = {k.lower(): v for k, v in old["plugins"].items()}.get(key.lower())
        if known is not None and known.get("verified", True) is not False:
            plugins[key] = known
        else:
            legacy = key.lower() in {name.lower() for name in LEGACY}
            plugins[key] = {"check": "prepare" if legacy else "option_rule", "verified": False}
    with tempfile.TemporaryDirectory() as folder:
        files: dict[str, str] = {}
        for key in mapped:
            kind, name = key.split(".", 1)
            path = Path(folder) / f"{kind}.{name}.conf"
            path.write_text(job(kind, name), encoding="utf-8")
            files[str(path)] = f"{kind}.{name}"
        results = validate_with_seatunnel(files)
        for written, plugin in files.items():
            kind = plugin.split(".", 1)[0]
            verdicts = results.get(written) or []
            for verdict in verdicts:
                if verdict.block == f"{kind}[0]" and verdict.verdict != "not_checkable":
                    plugins[plugin] = entry(verdict)
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
