"""Generate the typed plugin models from the catalog data files; `--check` fails with a diff.

For every `stconfig/catalog/data/seatunnel-<version>.json` this writes
`stconfig/catalog/_generated/v<version>/` with one module per plugin (a `PluginSpec` and a
pydantic model) and an index the registry reads without importing any model.
"""

from __future__ import annotations

import argparse
import json
import keyword
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "stconfig" / "catalog" / "data"
OUT_DIR = ROOT / "stconfig" / "catalog" / "_generated"
SCHEMA_OPTIONS = "org.apache.seatunnel.api.table.catalog.schema.TableSchemaOptions"
BASE_CLASS = {"source": "SourceOptions", "sink": "SinkOptions", "transform": "TransformOptions"}
COMMON_ATTRS = {
    "plugin_name": "plugin_name",
    "plugin_output": "plugin_output",
    "plugin_input": "plugin_input",
    "parallelism": "parallelism",
    "schema": "schema_",
    "dag-parsing.mode": "dag_parsing_mode",
    "multi_table_sink_replica": "multi_table_sink_replica",
}
RESERVED = {
    "spec",
    "schema",
    "copy",
    "dict",
    "json",
    "construct",
    "validate",
    "fields",
    "model_config",
    "model_fields",
    "parse_obj",
    "parse_raw",
    "parse_file",
    "from_orm",
    "update_forward_refs",
    "schema_json",
    "seatunnel_options",
}
PY_TYPES = {
    "string": "str",
    "int": "int",
    "long": "int",
    "float": "float",
    "double": "float",
    "decimal": "float",
    "boolean": "bool",
    "enum": "str",
}


def version_package(version: str) -> str:
    """`2.3.8` -> `v2_3_8`."""
    return "v" + re.sub(r"\W", "_", version)


def snake(text: str) -> str:
    """A Python identifier for a SeaTunnel key or plugin name (`row.num` -> `row_num`)."""
    text = re.sub(r"([a-z0-9])([A-Z])(?=[a-z])", r"\1_\2", text)
    text = re.sub(r"([a-z])([A-Z])", r"\1_\2", text)
    text = re.sub(r"[^0-9A-Za-z]+", "_", text).strip("_").lower()
    if not text or text[0].isdigit():
        text = "o_" + text
    return text


def module_name(name: str) -> str:
    """Module for a plugin: `FakeSource` -> `fake_source`, `MySQL-CDC` -> `mysql_cdc`."""
    text = re.sub(r"([a-z0-9])([A-Z])(?=[a-z])", r"\1_\2", name)
    text = re.sub(r"[^0-9A-Za-z]+", "_", text).strip("_").lower()
    return text + "_" if keyword.iskeyword(text) else text


def class_name(name: str, kind: str) -> str:
    """Model class: `FakeSource` stays, `Console` sink -> `ConsoleSink`, `Sql` -> `SqlTransform`."""
    tokens = [t for t in re.split(r"[^0-9A-Za-z]+", name) if t]
    base = "".join(t[0].upper() + t[1:] for t in tokens)
    return base if base.lower().endswith(kind) else base + kind.capitalize()


def python_type(type_text: str) -> str:
    """The Python annotation for a catalog type string."""
    text = type_text.strip()
    if text in PY_TYPES:
        return PY_TYPES[text]
    m = re.fullmatch(r"(?:list|set)<(.*)>", text)
    if m:
        inner = python_type(m.group(1))
        return f"list[{inner}]"
    if text.startswith("map<"):
        return "dict[str, Any]"
    return "Any"


def common_options(data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """The options every plugin of `kind` takes, with the 2.3.9 table-key names first."""
    found = {o["key"]: o for o in data["common_options"]["all"] + data["common_options"][kind]}
    for k in ("result_table_name", "source_table_name"):
        for other in data["common_options"].values():
            for o in other:
                if o["key"] == k:
                    found.setdefault(k, o)
    result = []
    for key in ("plugin_name", "plugin_output", "plugin_input", "parallelism", "schema"):
        if key in found:
            result.append(found[key])
            continue
        old = {"plugin_output": "result_table_name", "plugin_input": "source_table_name"}.get(key)
        if old is not None:
            fact = dict(found[old])
            fact.update(key=key, fallback_keys=[old], declared_in="plugin table name (2.3.9 key)")
            result.append(fact)
        elif key == "schema":
            result.append(
                {
                    "key": "schema",
                    "type": "map<string, any>",
                    "has_default": False,
                    "fallback_keys": [],
                    "in_rule": True,
                    "declared_in": SCHEMA_OPTIONS,
                }
            )
    extra = {"source": "dag-parsing.mode", "sink": "multi_table_sink_replica"}.get(kind)
    if extra is not None:
        result.append(found[extra])
    return result


def literal(value: Any) -> str:
    """Python source for a JSON value."""
    return repr(value)


def option_spec_source(option: dict[str, Any], attr: str) -> str:
    parts = [repr(option["key"]), repr(attr), repr(option["type"])]
    if option.get("enum") is not None:
        parts.append(f"enum={tuple(option['enum'])!r}")
        if option.get("enum_case_sensitive"):
            parts.append("enum_case_sensitive=True")
        if option.get("enum_aliases"):
            pairs = tuple(tuple(pair) for pair in option["enum_aliases"])
            parts.append(f"enum_aliases={pairs!r}")
    if option.get("has_default"):
        parts.append("has_default=True")
        parts.append(f"default={literal(option.get('default'))}")
    if option.get("fallback_keys"):
        parts.append(f"fallback_keys={tuple(option['fallback_keys'])!r}")
    if not option.get("in_rule", True):
        parts.append("in_rule=False")
    parts.append(f"declared_in={option.get('declared_in', '')!r}")
    return "OptionSpec(" + ", ".join(parts) + ")"


def field_source(option: dict[str, Any], attr: str) -> str:
    meta = [repr(option["type"])]
    if option.get("enum") is not None:
        meta.append(repr(tuple(option["enum"])))
        if option.get("enum_case_sensitive"):
            meta.append("case_sensitive=True")
        if option.get("enum_aliases"):
            meta.append(f"aliases={tuple(a for a, _ in option['enum_aliases'])!r}")
    annotation = (
        f"Annotated[{python_type(option['type'])} | None, SeaTunnelType({', '.join(meta)})]"
    )
    default = literal(option.get("default")) if option.get("has_default") else "None"
    if option["key"] == attr and not option.get("fallback_keys"):
        # the key is the field's name: no alias, so pydantic makes one FieldInfo, not two
        return f"    {attr}: {annotation} = {default}"
    args = [default, f"alias={option['key']!r}"]
    if option.get("fallback_keys"):
        choices = ", ".join(repr(k) for k in (option["key"], *option["fallback_keys"]))
        args.append(f"validation_alias=AliasChoices({choices})")
    return f"    {attr}: {annotation} = Field({', '.join(args)})"


def assign_attrs(options: list[dict[str, Any]]) -> dict[str, str]:
    """Key -> unique Python attribute, common options keeping their fixed names."""
    taken = set(COMMON_ATTRS.values())
    result: dict[str, str] = {}
    for option in options:
        key = option["key"]
        if key in COMMON_ATTRS and (key != "schema" or option["type"].startswith("map")):
            result[key] = COMMON_ATTRS[key]
            continue
        if key == "schema":
            # a database schema name (Jdbc), not the table schema block
            result[key] = "db_schema"
            continue
        attr = snake(key)
        if keyword.iskeyword(attr) or attr in RESERVED or attr.startswith("model_"):
            attr += "_"
        candidate, n = attr, 2
        while candidate in taken:
            candidate = f"{attr}_{n}"
            n += 1
        taken.add(candidate)
        result[key] = candidate
    return result


def _options(data: dict[str, Any], plugin: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """The common options this plugin takes, and its own ones."""
    commons = common_options(data, plugin["kind"])
    own_schema = next((o for o in plugin["options"] if o["key"] == "schema"), None)
    if own_schema is not None and not own_schema["type"].startswith("map"):
        # the plugin's own `schema` (a database schema name) is not the table schema block
        commons = [o for o in commons if o["key"] != "schema"]
    common_keys = {o["key"] for o in commons} | {
        k for o in commons for k in o.get("fallback_keys", [])
    }
    return commons, [o for o in plugin["options"] if o["key"] not in common_keys]


def _header(
    data: dict[str, Any], plugin: dict[str, Any], what: str, *, lazy_annotations: bool = True
) -> list[str]:
    """The module docstring; `lazy_annotations=False` leaves out `from __future__ import
    annotations`, so a model's annotations are evaluated once, at import, instead of pydantic
    compiling every annotation string again for each class built on the model (override and
    DSL class): about 5M instructions per plugin a cold `stconfig build` uses."""
    version = data["seatunnel_version"]
    lines = [
        f'"""{plugin["name"]} {plugin["kind"]} {what} (SeaTunnel {version}, {plugin["artifact"]}).',
        "",
        f"Generated by scripts/gen_catalog.py from stconfig/catalog/data/seatunnel-{version}.json.",
        "DO NOT EDIT: hand-written refinements go in stconfig/catalog/overrides.",
        '"""',
        "",
    ]
    return [*lines, "from __future__ import annotations", ""] if lazy_annotations else lines


def spec_module(data: dict[str, Any], plugin: dict[str, Any]) -> str:
    """The plugin's `PluginSpec`, in a module that imports no pydantic."""
    kind = plugin["kind"]
    commons, own = _options(data, plugin)
    attrs = assign_attrs(commons + own)
    lines = _header(data, plugin, "option facts")
    spec_names = ["ConditionalRule", "OptionSpec", "PluginSpec"]
    if plugin["rules"]["run_time"]:
        spec_names.append("RunTimeRule")
    lines += [
        f"from stconfig.catalog.spec import {', '.join(spec_names)}",
        "",
        "SPEC = PluginSpec(",
        f"    kind={kind!r},",
        f"    name={plugin['name']!r},",
        f"    artifact={plugin['artifact']!r},",
        f"    factory={plugin['factory']!r},",
        "    options=(",
    ]
    for option in commons + own:
        lines.append(f"        {option_spec_source(option, attrs[option['key']])},")
    lines.append("    ),")
    rules = plugin["rules"]
    for name in ("required", "exclusive", "bundled"):
        groups = tuple(tuple(g) for g in rules[name])
        lines.append(f"    {name}={groups!r},")
    lines.append("    conditional=(")
    for rule in rules["conditional"]:
        lines.append(
            f"        ConditionalRule({rule['option']!r}, {tuple(rule['values'])!r}, "
            f"{tuple(rule['required'])!r}),"
        )
    lines.append("    ),")
    if rules["run_time"]:
        lines.append("    run_time=(")
        for needed in rules["run_time"]:
            inside = f", inside={needed['inside']!r}" if "inside" in needed else ""
            if "when" in needed:
                when = tuple((key, tuple(values)) for key, values in needed["when"].items())
                inside += f", when={when!r}"
            if "when_prefix" in needed:
                prefixes = needed["when_prefix"].items()
                starts = tuple((key, tuple(values)) for key, values in prefixes)
                inside += f", when_prefix={starts!r}"
            if "when_set" in needed:
                inside += f", when_set={tuple(needed['when_set'])!r}"
            if needed.get("raw"):
                inside += ", raw=True"
            lines.append(
                f"        RunTimeRule({tuple(needed['one_of'])!r}, {needed['engine_message']!r}, "
                f"{needed['java']!r}{inside}),"
            )
        lines.append("    ),")
    lines.append(f"    in_release_mapping={plugin.get('in_release_mapping', True)!r},")
    lines.append(f"    seatunnel_version={data['seatunnel_version']!r},")
    lines += [")", "", '__all__ = ["SPEC"]', ""]
    return "\n".join(lines)


def plugin_module(data: dict[str, Any], plugin: dict[str, Any], spec_path: str) -> str:
    """The plugin's pydantic model, built on its spec module."""
    kind = plugin["kind"]
    version = data["seatunnel_version"]
    commons, own = _options(data, plugin)
    attrs = assign_attrs(commons + own)
    cls = class_name(plugin["name"], kind)
    fields = [field_source(o, attrs[o["key"]]) for o in own]
    if any(o["key"] == "schema" for o in commons):
        fields.insert(0, '    schema_: SchemaBlock | None = Field(None, alias="schema")')
    body = "\n".join(fields)
    used = [name for name in ("AliasChoices", "Field") if f"{name}(" in body]
    lines = _header(data, plugin, "options model", lazy_annotations=False)
    lines += ["from typing import Annotated, Any", ""]
    if used:
        lines += [f"from pydantic import {', '.join(used)}", ""]
    lines += [
        f"from {spec_path} import SPEC",
        f"from stconfig.catalog.base import SchemaBlock, {BASE_CLASS[kind]}",
        "from stconfig.catalog.types import SeaTunnelType",
    ]
    lines += ["", "", f"class {cls}({BASE_CLASS[kind]}):"]
    lines.append(
        f'    """{plugin["name"]} {kind}: every option SeaTunnel {version} knows for it."""'
    )
    lines += ["", "    spec = SPEC", "", *fields]
    lines += ["", "", f'__all__ = ["SPEC", {cls!r}]', ""]
    return "\n".join(line.replace("Annotated[Any | None", "Annotated[Any") for line in lines)


def index_module(data: dict[str, Any], entries: list[tuple[str, str, str, str, str]]) -> str:
    version = data["seatunnel_version"]
    lines = [
        f'"""Index of the SeaTunnel {version} plugin models: names, modules, artifacts.',
        "",
        f"Generated by scripts/gen_catalog.py from stconfig/catalog/data/seatunnel-{version}.json.",
        "DO NOT EDIT. Importing this module imports no model (and no pydantic).",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from stconfig.catalog.spec import OptionSpec",
        "",
        f"VERSION = {version!r}",
        f"SOURCE = {data['source']!r}",
        "",
        "# (kind, lower-case name) -> (name, module relative to this package, class)",
        "PLUGINS: dict[tuple[str, str], tuple[str, str, str]] = {",
    ]
    for kind, name, module, cls, _artifact in entries:
        lines.append(f"    ({kind!r}, {name.lower()!r}): ({name!r}, {module!r}, {cls!r}),")
    lines += [
        "}",
        "",
        "# artifact (jar prefix) -> plugins it provides",
        "ARTIFACTS: dict[str, tuple[tuple[str, str], ...]] = {",
    ]
    by_artifact: dict[str, list[tuple[str, str]]] = {}
    for kind, name, _module, _cls, artifact in entries:
        by_artifact.setdefault(artifact, []).append((kind, name))
    for artifact, plugins in sorted(by_artifact.items()):
        lines.append(f"    {artifact!r}: {tuple(plugins)!r},")
    lines += [
        "}",
        "",
        "# the env block's options (EnvCommonOptions; SeaTunnel 2.3.x does not check env)",
    ]
    lines.append("ENV_OPTIONS: tuple[OptionSpec, ...] = (")
    for option in data.get("env_options", []):
        lines.append(f"    {option_spec_source(option, snake(option['key']))},")
    lines += [")", "", "# database names the Jdbc plugins speak (DatabaseIdentifier)"]
    lines.append(f"JDBC_DIALECTS: tuple[str, ...] = {tuple(data.get('jdbc_dialects', []))!r}")
    names = '"ARTIFACTS", "ENV_OPTIONS", "JDBC_DIALECTS", "PLUGINS", "SOURCE", "VERSION"'
    lines += ["", f"__all__ = [{names}]", ""]
    return "\n".join(lines)


def render(data_dir: Path = DATA_DIR, out_dir: Path = OUT_DIR) -> dict[Path, str]:
    """Every generated file, by path: one package per data file (SeaTunnel version)."""
    files: dict[Path, str] = {}
    versions = []
    for data_file in sorted(data_dir.glob("seatunnel-*.json")):
        data = json.loads(data_file.read_text(encoding="utf-8"))
        version = data["seatunnel_version"]
        package = out_dir / version_package(version)
        versions.append(version)
        entries = []
        for plugin in data["plugins"]:
            kind = plugin["kind"]
            module = module_name(plugin["name"])
            cls = class_name(plugin["name"], kind)
            spec_path = f"stconfig.catalog._generated.{package.name}.specs.{kind}.{module}"
            files[package / "specs" / kind / f"{module}.py"] = spec_module(data, plugin)
            files[package / kind / f"{module}.py"] = plugin_module(data, plugin, spec_path)
            entries.append((kind, plugin["name"], f"{kind}.{module}", cls, plugin["artifact"]))
        files[package / "__init__.py"] = index_module(data, entries)
        files[package / "specs" / "__init__.py"] = (
            f'"""Generated option facts (no pydantic) for SeaTunnel {version}. DO NOT EDIT."""\n'
        )
        for kind in BASE_CLASS:
            files[package / kind / "__init__.py"] = (
                f'"""Generated {kind} models for SeaTunnel {version}. DO NOT EDIT."""\n'
            )
            files[package / "specs" / kind / "__init__.py"] = (
                f'"""Generated {kind} option facts for SeaTunnel {version}. DO NOT EDIT."""\n'
            )
    ordered = sorted(versions, key=lambda v: [int(p) if p.isdigit() else p for p in v.split(".")])
    table = ", ".join(f"{v!r}: {version_package(v)!r}" for v in ordered)
    files[out_dir / "__init__.py"] = "\n".join(
        [
            '"""Generated plugin models, one package per SeaTunnel version.',
            "",
            "Generated by scripts/gen_catalog.py. DO NOT EDIT.",
            '"""',
            "",
            "from __future__ import annotations",
            "",
            "# SeaTunnel version -> package name",
            f"VERSIONS: dict[str, str] = {{{table}}}",
            f"LATEST = {ordered[-1]!r}",
            "",
            '__all__ = ["LATEST", "VERSIONS"]',
            "",
        ]
    )
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from codegen import apply

    return apply(render(), [OUT_DIR], check=args.check, command="python scripts/gen_catalog.py")


if __name__ == "__main__":
    raise SystemExit(main())
