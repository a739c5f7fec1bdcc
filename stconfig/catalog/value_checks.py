"""Value checks a connector makes itself, beyond the option's type, read from SeaTunnel's source.

These checks of SeaTunnel 2.3.8 refuse well-typed values while the plugin is built:
- the Jdbc source and sink pick a dialect for `url` (`JdbcDialectLoader.load`: the one
  `JdbcDialectFactory` whose `acceptsURL` matches, a case-sensitive `startsWith`) and fail
  with JDBC-06 when none does: 2.3.8 has no `jdbc:opengauss:` dialect, for one;
- the Http sources (Http and the nine sources built on `HttpSource`) read `format` only when the
  block sets `schema`, and then accept only json (`Unsupported data format [text], http
  connector only support json format now`, COMMON-06); its default is text, so a block with
  `schema` must set `format = json`;
- the Pulsar source with `schema` reads only json and canal_json messages (`Unsupported
  format: text`, COMMON-07, in `prepare()`);
- the Paimon source opens its catalog in `createSource`: a `warehouse` such as `hdfs:///path`
  (no host) resolves against `fs.defaultFS`, which only `paimon.hadoop.conf` (or the files of
  `paimon.hadoop.conf-path` / `hdfs_site_path`) can set; without it the Hadoop default
  `file:///` applies and loading fails (`PAIMON-06 Load catalog failed ... Incomplete HDFS
  URI, no host`). The sink opens the catalog only when the job runs;
- the Maxcompute plugins hand `endpoint` to the ODPS client, whose `DefaultConnection` needs a
  URI with an http(s) scheme (`Request URI(http or https) required.`). The source asks for the
  table's schema in `prepare()` unless the block sets `schema`; the sink touches the table in
  `prepare()` only to truncate it (`overwrite = true`) or to create `partition_spec`. Elsewhere
  the endpoint is used only when the job runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from stconfig._records import record

JDBC_DIALECT_PREFIXES_2_3_8: tuple[str, ...] = (
    "jdbc:db2:",
    "jdbc:dm:",
    "jdbc:gbase:",
    "jdbc:hive2:",
    "jdbc:IRIS:",
    "jdbc:kingbase8:",
    "jdbc:mysql:",
    "jdbc:oceanbase:",
    "jdbc:oracle:thin:",
    "jdbc:phoenix:",
    "jdbc:pivotal:greenplum:",
    "jdbc:postgresql:",
    "jdbc:redshift:",
    "jdbc:sap://",
    "jdbc:snowflake:",
    "jdbc:sqlite:",
    "jdbc:sqlserver:",
    "jdbc:teradata:",
    "jdbc:ots:https:",
    "jdbc:vertica:",
    "jdbc:xugu:",
)
"""`acceptsURL` of the 21 `JdbcDialectFactory` classes of connector-jdbc 2.3.8
(`internal/dialect/*/*DialectFactory.java`), each a case-sensitive `url.startsWith(...)`."""

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_NOT_IN_URI = re.compile(r"[\s<>\"{}|\\^`]|%(?![0-9A-Fa-f]{2})")
"""Characters `java.net.URI` refuses unquoted, and a `%` not followed by two hex digits."""


def jdbc_url_problem(url: str) -> str | None:
    """Why 2.3.8's Jdbc connector finds no dialect for `url`, or None."""
    if any(url.startswith(prefix) for prefix in JDBC_DIALECT_PREFIXES_2_3_8):
        return None
    lowered = url.lower()
    near = [p for p in JDBC_DIALECT_PREFIXES_2_3_8 if lowered.startswith(p.lower())]
    spelled = f" (dialects match case-sensitively: write {near[0]!r})" if near else ""
    return (
        f"url {url!r} matches none of SeaTunnel 2.3.8's JDBC dialects{spelled}: the connector "
        "refuses it with JDBC-06 'Could not find any jdbc dialect factory that can handle url'"
    )


def endpoint_problem(endpoint: str) -> str | None:
    """Why the ODPS client refuses `endpoint` as a request URI, or None."""
    bad = _NOT_IN_URI.search(endpoint)
    if bad is not None:
        return (
            f"endpoint {endpoint!r} is not a URI ({bad.group()!r} at column {bad.start() + 1}): "
            "the ODPS client fails with java.net.URISyntaxException"
        )
    scheme = _SCHEME.match(endpoint)
    if scheme is None:
        return (
            f"endpoint {endpoint!r} has no http(s) scheme: the ODPS client fails with "
            "'Request URI(http or https) required.'"
        )
    if not scheme.group(1).lower().startswith(("http", "test")):
        return (
            f"endpoint {endpoint!r} is not an http(s) URI: the ODPS client opens only http and "
            "https endpoints"
        )
    return None


def http_format_problem(format_: str) -> str | None:
    """Why an Http source with `schema` refuses `format`, or None (json, any case)."""
    if format_.strip().lower() == "json":
        return None
    return (
        f"format {format_!r} with `schema` set: the Http sources parse only json rows "
        f"('Unsupported data format [{format_.strip().lower()}], http connector only support "
        "json format now', COMMON-06); drop `schema` to read each response as one `content` string"
    )


def pulsar_format_problem(format_: str) -> str | None:
    """Why the Pulsar source with `schema` refuses `format`, or None."""
    if format_.strip().upper() in ("JSON", "CANAL_JSON"):
        return None
    return (
        f"format {format_!r} with `schema` set: the Pulsar source deserializes only json and "
        f"canal_json ('Unsupported format: {format_}', COMMON-07)"
    )


def paimon_warehouse_problem(warehouse: str) -> str | None:
    """Why Paimon cannot load an `hdfs:` warehouse without a host, or None."""
    if not warehouse.lower().startswith("hdfs:///"):
        return None
    return (
        f"warehouse {warehouse!r} names no HDFS host and nothing sets fs.defaultFS "
        "(paimon.hadoop.conf, paimon.hadoop.conf-path, hdfs_site_path): Paimon fails to load "
        "its catalog with 'Incomplete HDFS URI, no host' (PAIMON-06)"
    )


def _no_hadoop_files(options: Mapping[str, object]) -> bool:
    """No `fs.defaultFS` in `paimon.hadoop.conf` (flat or nested) and no Hadoop files named."""
    if options.get("paimon.hadoop.conf-path") or options.get("hdfs_site_path"):
        return False
    conf = options.get("paimon.hadoop.conf")
    if not isinstance(conf, Mapping):
        return True
    nested = conf.get("fs")
    return not conf.get("fs.defaultFS") and not (
        isinstance(nested, Mapping) and nested.get("defaultFS")
    )


def _always(_options: Mapping[str, object]) -> bool:
    return True


def _has_schema(options: Mapping[str, object]) -> bool:
    return options.get("schema") is not None


def _maxcompute_source_asks(options: Mapping[str, object]) -> bool:
    return options.get("schema") is None


def _maxcompute_sink_asks(options: Mapping[str, object]) -> bool:
    overwrite = str(options.get("overwrite", "false")).strip().lower() == "true"
    return overwrite or options.get("partition_spec") is not None


@record(frozen=True)
class ValueCheck:
    """One connector check of one option's value."""

    plugin: str
    """`kind.Name` as the catalog spells it."""
    key: str
    problem: Callable[[str], str | None]
    at_build: Callable[[Mapping[str, object]], bool]
    """Whether the engine runs the check while it builds this block (else when the job runs)."""
    later: str
    """When the check runs otherwise, for the warning."""
    relevant: Callable[[Mapping[str, object]], bool] = _always
    """Whether the value matters at all for this block (else no finding)."""
    default_applies: bool = False
    """An unset option is checked with its default (the connector reads it all the same)."""


HTTP_SOURCES = (
    "Http",
    "Github",
    "Gitlab",
    "Jira",
    "Klaviyo",
    "Lemlist",
    "MyHours",
    "Notion",
    "OneSignal",
    "Persistiq",
)
"""`HttpSource` and its subclasses in connector-http 2.3.8 (`HttpSource.buildSchemaWithConfig`)."""

VALUE_CHECKS: dict[str, tuple[ValueCheck, ...]] = {
    "2.3.8": (
        *(
            ValueCheck(
                f"source.{name}", "format", http_format_problem, _always, "", _has_schema, True
            )
            for name in HTTP_SOURCES
        ),
        ValueCheck("source.Pulsar", "format", pulsar_format_problem, _always, "", _has_schema),
        ValueCheck(
            "source.Paimon", "warehouse", paimon_warehouse_problem, _always, "", _no_hadoop_files
        ),
        ValueCheck(
            "sink.Paimon",
            "warehouse",
            paimon_warehouse_problem,
            lambda _options: False,
            "the sink opens its catalog when the job runs",
            _no_hadoop_files,
        ),
        ValueCheck("source.Jdbc", "url", jdbc_url_problem, _always, ""),
        ValueCheck("sink.Jdbc", "url", jdbc_url_problem, _always, ""),
        ValueCheck(
            "source.Maxcompute",
            "endpoint",
            endpoint_problem,
            _maxcompute_source_asks,
            "with `schema` set, prepare() does not ask ODPS for the table; the readers use the "
            "endpoint when the job runs",
        ),
        ValueCheck(
            "sink.Maxcompute",
            "endpoint",
            endpoint_problem,
            _maxcompute_sink_asks,
            "prepare() calls ODPS only with `overwrite = true` or a `partition_spec`; the writers "
            "use the endpoint when the job runs",
        ),
    )
}


def value_checks(kind: str, name: str, *, version: str) -> tuple[ValueCheck, ...]:
    """The checks SeaTunnel `version` makes on this plugin's values (none when not recorded)."""
    wanted = f"{kind}.{name}".lower()
    return tuple(c for c in VALUE_CHECKS.get(version, ()) if c.plugin.lower() == wanted)


__all__ = [
    "JDBC_DIALECT_PREFIXES_2_3_8",
    "VALUE_CHECKS",
    "ValueCheck",
    "endpoint_problem",
    "http_format_problem",
    "jdbc_url_problem",
    "paimon_warehouse_problem",
    "pulsar_format_problem",
    "value_checks",
]
