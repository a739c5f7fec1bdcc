"""`stconfig import`: a job model turned into readable DSL code that builds the same job.

The code is one `with Job(...) as job:` block: typed env keywords where the value fits them
exactly (the rest in `env={...}`), one variable per plugin, `>>` chains where the wiring is
plain table names, explicit `plugin_input=[...]` otherwise, and quoted `"${name}"`
placeholders as `Var`s. Every result is executed and compared with the original before it
is returned, so a mistake here is an error, never a silently different job. Documents that
are not jobs the builder can express become a verbatim `JobDocument`.
"""

from __future__ import annotations

import builtins
import copy
import json
import keyword
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import import_module
from pathlib import Path
from typing import Literal

from stconfig.dsl._plain_env import ENV_FIELDS, ENV_KEYS, RESTORE_KEYS, plain_env
from stconfig.dsl._values import to_node
from stconfig.dsl.document import JobDocument
from stconfig.dsl.errors import WiringError
from stconfig.dsl.job import Job, _snake
from stconfig.emit._checks import check_object
from stconfig.errors import StconfigError
from stconfig.model import job as model
from stconfig.model.values import ListNode, Node, ObjectNode, PlainValue, Scalar, ScalarValue
from stconfig.secrets import is_secret_key
from stconfig.variables import RESERVED_PLACEHOLDERS, check_names
from stconfig.versions import DEFAULT_TARGET, known, table_keys

LIMIT = 100
_WHOLE_PLACEHOLDER = re.compile(r"\$\{([^:{}\s$]+)(?::([^}]*))?\}")
_REFERENCE = re.compile(r"\$\{\??\s*([^:{}\s\"$]+)\s*\}")
"""An unquoted substitution's name (quoted `"${x}"` placeholders match too, harmlessly)."""
_CLASS = {"source": "Source", "transform": "Transform", "sink": "Sink"}
_RESERVED_NAMES = {
    "job",
    "Job",
    "Source",
    "Transform",
    "Sink",
    "Var",
    "Secret",
    "JobDocument",
    *dir(builtins),
}


class ImportFailure(StconfigError):
    """The generated code did not rebuild the original job (a bug in the importer)."""


@dataclass(slots=True)
class _PluginPlan:
    kind: model.Kind
    name: str
    variable: str
    options: list[tuple[str, Node]]
    output: str | None = None
    inputs: list[_PluginPlan | str] = field(default_factory=list)
    typed: str | None = None
    """The typed class (`stconfig.dsl.connectors`) when the options fit it exactly."""
    fields: dict[str, str] = field(default_factory=dict)
    """Option key -> keyword of the typed class."""
    input_form: str = "none"
    """How the input is written: "none"; "chain" (`a >> b`, one table as a string); "fan-in"
    (`[a, b] >> c`, a list of 2+ plugins); "kwarg" / "kwarg-list" (`plugin_input=`)."""


def import_job(
    job: model.Job,
    *,
    origin: str | None = None,
    target_version: str | None = None,
    write_target: bool = False,
) -> str:
    """Python DSL code that builds `job`; `origin` is named in the module docstring.

    Table keys are written as `target_version` (default: `DEFAULT_TARGET`) spells them, so
    a 2.3.8 file imported for 2.3.12 builds with `plugin_output`, and the other way round.
    `write_target` puts `target_version=` into the code (the version was chosen, not the
    default). Everything else is kept exactly.
    """
    version = known(target_version) if target_version is not None else DEFAULT_TARGET
    check_object(job.root)  # what convert cannot write, code cannot hold either (`inf`)
    shown = None if origin is None else origin.replace("\\", "/").replace('"', "'")
    header = f'"""Imported from {shown} by `stconfig import`."""\n\n' if shown else ""
    reason = _not_a_job(job)
    if reason is not None:
        code = header + _document_code(job, reason)
        _verify(code, job)
        return code
    job = respell_table_keys(job, version)
    pinned = version if write_target else None
    code = header + _job_code(job, check_wiring=True, target_version=pinned)
    try:
        _verify(code, job, version)
    except WiringError as error:
        code = header + _job_code(job, check_wiring=False, why=error.message, target_version=pinned)
        _verify(code, job, version)
    return code


def respell_table_keys(job: model.Job, version: str) -> model.Job:
    """A copy of `job` whose plugins name tables with the keys `version` writes.

    A key is renamed only where its other spelling is not also set, in place, so the order
    of the options is kept.
    """
    output, input_ = table_keys(version)
    renames = {
        other: wanted
        for wanted, other in (
            (output, "result_table_name" if output == "plugin_output" else "plugin_output"),
            (input_, "source_table_name" if input_ == "plugin_input" else "plugin_input"),
        )
    }
    root = copy.deepcopy(job.root)
    for kind in model.KINDS:
        section = root.get(kind)
        if not isinstance(section, ListNode):
            continue
        for item in section.items:
            if not isinstance(item, ObjectNode):
                continue
            if not any(old in item and new not in item for old, new in renames.items()):
                continue
            members = dict(item.members)
            item.members.clear()
            for key, member in members.items():
                new = renames.get(key)
                if new is not None and new not in members:
                    item.members[new] = replace(member, key=new)
                else:
                    item.members[key] = member
    return model.Job(root, source_file=job.source_file)


def execute(code: str, filename: str = "<stconfig import>") -> object:
    """Run generated code and return its `job`."""
    namespace: dict[str, object] = {"__name__": "__stconfig_import__"}
    exec(compile(code, filename, "exec"), namespace)
    return namespace["job"]


def _verify(code: str, original: model.Job, version: str | None = None) -> None:
    built = execute(code)
    assert isinstance(built, Job | JobDocument)
    rebuilt = built.build(target_version=version) if isinstance(built, Job) else built.build()
    if rebuilt.root != original.root:
        raise ImportFailure("the generated code builds a different job")


def _not_a_job(job: model.Job) -> str | None:
    """Why the document cannot be a DSL `Job`, or None when it can."""
    root = job.root
    extra = [key for key in root if key not in ("env", *model.KINDS)]
    if extra:
        return f"top-level keys other than env and the plugin sections: {', '.join(extra)}"
    env = root.get("env")
    if not isinstance(env, ObjectNode):
        return "no env object"
    restore = [key for key in RESTORE_KEYS if key in env]
    if restore:
        return (
            f"env holds {', '.join(restore)}, which SeaTunnel ignores; restore with "
            "stconfig.dsl.Restore instead"
        )
    for kind in model.KINDS:
        section = root.get(kind)
        if section is None and kind == "transform":
            continue
        if not isinstance(section, ListNode):
            return f"no {kind} list"
        for item in section.items:
            if not isinstance(item, ObjectNode):
                return f"a {kind} element that is not an object"
            name = item.get("plugin_name")
            if not (
                isinstance(name, Scalar) and isinstance(name.value, str) and name.value.strip()
            ):
                return f"a {kind} without a plugin_name string"
    return None


def _document_code(job: model.Job, reason: str) -> str:
    data = _render(job.root, 4, 4, variables=False)
    return (
        "from stconfig.dsl import JobDocument\n\n"
        + _comment(f"Not a job the builder can express ({reason}); kept verbatim.")
        + "\n"
        + _call("job = JobDocument", [data])
        + "\n"
    )


def _job_code(
    job: model.Job,
    *,
    check_wiring: bool,
    why: str | None = None,
    target_version: str | None = None,
) -> str:
    root = job.root
    env = root.get("env")
    assert isinstance(env, ObjectNode)
    out_key, in_key = table_keys(target_version or DEFAULT_TARGET)
    plans = _plans(job, out_key, in_key)
    arguments = _env_arguments(env)
    if target_version is not None:
        arguments.append(f"target_version={_string(target_version)}")
    transform = root.get("transform")
    if isinstance(transform, ListNode) and not transform.items:
        arguments.append("empty_transform=True")
    if not check_wiring:
        arguments.append("check_wiring=False")
    names = {"Job", *(plan.typed or _CLASS[plan.kind] for plan in plans)}
    statements = [_plugin_line(plan) for plan in plans] or ["    pass"]
    wiring = _wiring_lines(plans)
    if wiring:
        statements += ["", *("    " + line for line in wiring)]
    body = "\n".join(statements)
    for call in ("Var", "Secret"):
        if f"{call}(" in body or any(f"{call}(" in argument for argument in arguments):
            names.add(call)
    lines = [f"from stconfig.dsl import {', '.join(sorted(names, key=_import_order))}\n"]
    if why is not None:
        lines.append(_comment(f"SeaTunnel would reject this wiring ({why}); kept as written."))
    lines.append(_call("with Job", arguments, " as job:"))
    return "\n".join(lines) + "\n" + body + "\n"


def _import_order(name: str) -> tuple[int, str]:
    """isort's order-by-type, as ruff sorts imported names: CONSTANTS, Classes, functions."""
    return (0 if name.isupper() and len(name) > 1 else 1 if name[0].isupper() else 2), name


def _env_arguments(env: ObjectNode) -> list[str]:
    """The job name first (positionally), then typed options in `Env` order, then `env=`."""
    typed: dict[str, str] = {}
    extra: list[tuple[str, Node]] = []
    for key, member in env.members.items():
        field_name = ENV_KEYS.get(key)
        argument = _typed_env_value(field_name, member.value) if field_name else None
        if field_name is None or argument is None:
            extra.append((key, member.value))
        else:
            typed[field_name] = argument
    arguments = [typed["name"]] if "name" in typed else []
    arguments += [f"{name}={typed[name]}" for name in ENV_FIELDS if name in typed]
    arguments = [a for a in arguments if not a.startswith("name=")]
    if extra:
        extras = ObjectNode()
        for key, value in extra:
            extras.set(key, value)
        arguments.append("env=" + _render(extras, 4, 8, variables=True))
    return arguments


def _typed_env_value(field_name: str, value: Node) -> str | None:
    """The keyword value when the typed option writes back exactly `value`, else None."""
    python = _python(value)
    written = plain_env({field_name: python})
    if written is None:
        from pydantic import ValidationError

        from stconfig.dsl.env import Env

        try:
            written = Env.model_validate({field_name: python}).flat()
        except ValidationError:
            return None
    if len(written) != 1 or to_node(next(iter(written.values())), "env") != value:
        return None
    column = 4 if field_name == "name" else 5 + len(field_name)
    return _render(value, 4, column, variables=True)


def _python(value: Node) -> object:
    """Plain data, with whole-string placeholders as `Var`s or `Secret`s (what the DSL code
    would pass)."""
    from stconfig.dsl.variables import Secret, Var

    if isinstance(value, Scalar):
        var = _as_var(value.value)
        if var is None:
            return value.value
        return Secret(var[0]) if _is_secret(var) else Var(*var)
    if isinstance(value, ListNode):
        return [_python(item) for item in value.items]
    return {key: _python(member.value) for key, member in value.members.items()}


def _is_secret(var: tuple[str, str] | tuple[str]) -> bool:
    """A reference without a default to a variable named like a secret becomes `Secret`."""
    return len(var) == 1 and is_secret_key(var[0])


def _as_var(value: PlainValue) -> tuple[str, str] | tuple[str] | None:
    if not isinstance(value, str):
        return None
    match = _WHOLE_PLACEHOLDER.fullmatch(value)
    if match is None or match.group(1) in RESERVED_PLACEHOLDERS:
        return None
    default = match.group(2)
    return (match.group(1),) if default is None else (match.group(1), default)


def _plans(job: model.Job, out_key: str, in_key: str) -> list[_PluginPlan]:
    plans: list[_PluginPlan] = []
    taken = set(_RESERVED_NAMES)
    producers: dict[str, list[_PluginPlan]] = {}
    other_out = "result_table_name" if out_key == "plugin_output" else "plugin_output"
    other_in = "source_table_name" if in_key == "plugin_input" else "plugin_input"
    pending_inputs: list[tuple[_PluginPlan, Node]] = []
    for plugin in job.plugins:
        name = plugin.name
        assert name is not None
        out = plugin.node.get(out_key)
        readable = out.value if isinstance(out, Scalar) and isinstance(out.value, str) else name
        plan = _PluginPlan(plugin.kind, name, _variable(readable, plugin.kind, taken), [])
        if (
            plugin.kind != "sink"
            and other_out not in plugin.node
            and isinstance(out, Scalar)
            and isinstance(out.value, str)
            and out.value.strip()
        ):
            plan.output = out.value
            producers.setdefault(out.value, []).append(plan)
        wired_input = plugin.kind != "source" and other_in not in plugin.node
        for key, member in plugin.node.members.items():
            if key == "plugin_name" or (key == out_key and plan.output is not None):
                continue
            if key == in_key and wired_input and _input_names(member.value) is not None:
                pending_inputs.append((plan, member.value))
                continue
            plan.options.append((key, member.value))
        _choose_typed(plan)
        plans.append(plan)
    for plan, value in pending_inputs:
        table_names = _input_names(value)
        assert table_names is not None
        resolved: list[_PluginPlan | str] = []
        for table in table_names:
            candidates = producers.get(table, [])
            if len(candidates) == 1 and candidates[0] is not plan:
                resolved.append(candidates[0])
            else:
                resolved.append(table)
        plan.inputs = resolved
        all_plugins = all(not isinstance(item, str) for item in resolved)
        if isinstance(value, Scalar) and all_plugins:
            plan.input_form = "chain"
        elif isinstance(value, ListNode) and all_plugins and len(resolved) >= 2:
            plan.input_form = "fan-in"
        else:
            plan.input_form = "kwarg-list" if isinstance(value, ListNode) else "kwarg"
    return plans


def _choose_typed(plan: _PluginPlan) -> None:
    """Use the catalog's typed class when it writes back exactly these options."""
    connectors = import_module("stconfig.dsl.connectors")
    class_name = connectors.CLASSES.get((plan.kind, plan.name))
    if class_name is None:
        return
    model = getattr(connectors, class_name)
    from pydantic import ValidationError

    by_alias = {info.alias or name: name for name, info in model.model_fields.items()}
    fields: dict[str, str] = {}
    for key, _ in plan.options:
        name = by_alias.get(key)
        if name is None or key in ("plugin_name", "plugin_output", "plugin_input"):
            return
        fields[key] = name
    arguments = {fields[key]: _python(value) for key, value in plan.options}
    try:
        built = model(**arguments)
        written = to_node(built._st_options(), plan.name)
    except (ValidationError, StconfigError, TypeError, ValueError):
        return
    original = ObjectNode()
    for key, value in plan.options:
        original.set(key, value)
    if written == original:
        plan.typed, plan.fields = class_name, fields


def _input_names(value: Node) -> list[str] | None:
    """Table names the DSL writes back exactly: one string, or a list of strings."""
    if isinstance(value, Scalar):
        return [value.value] if isinstance(value.value, str) and value.value.strip() else None
    if isinstance(value, ListNode) and value.items:
        names = [item.value for item in value.items if isinstance(item, Scalar)]
        if len(names) == len(value.items) and all(
            isinstance(name, str) and name.strip() for name in names
        ):
            return [str(name) for name in names]
    return None


def _variable(name: str, kind: str, taken: set[str]) -> str:
    base = _snake(name)[:40].strip("_") or kind
    if base[0].isdigit():
        base = f"{kind}_{base}"
    if keyword.iskeyword(base) or keyword.issoftkeyword(base):
        base = f"{base}_{kind}"
    candidate, counter = base, 1
    while candidate in taken:
        counter += 1
        candidate = f"{base}_{counter}"
    taken.add(candidate)
    return candidate


def _plugin_line(plan: _PluginPlan) -> str:
    """`    name = Class(...)`, indented for the `with` block."""
    if plan.typed is not None:
        arguments = [
            f"{plan.fields[key]}={_render(value, 8, 9 + len(plan.fields[key]), variables=True)}"
            for key, value in plan.options
        ]
    else:
        arguments = [_string(plan.name)]
        if plan.options:
            options = ObjectNode()
            for key, value in plan.options:
                options.set(key, value)
            arguments.append(_render(options, 8, 8, variables=True))
    if plan.output is not None:
        arguments.append(f"plugin_output={_string(plan.output)}")
    if plan.input_form == "kwarg":
        arguments.append(f"plugin_input={_input_ref(plan.inputs[0])}")
    elif plan.input_form == "kwarg-list":
        items = ", ".join(_input_ref(item) for item in plan.inputs)
        arguments.append(f"plugin_input=[{items}]")
    return _call(f"    {plan.variable} = {plan.typed or _CLASS[plan.kind]}", arguments, indent=4)


def _input_ref(item: _PluginPlan | str) -> str:
    return _string(item) if isinstance(item, str) else item.variable


def _wiring_lines(plans: list[_PluginPlan]) -> list[str]:
    """`a >> b >> c` chains, `a >> [b, c]` fan-outs, `[a, b] >> c >> d` fan-ins, in job order."""
    single: dict[int, list[_PluginPlan]] = {}
    for plan in plans:
        if plan.input_form == "chain":
            producer = plan.inputs[0]
            assert not isinstance(producer, str)
            single.setdefault(id(producer), []).append(plan)

    wired: set[int] = set()

    def continuation(start: _PluginPlan) -> list[_PluginPlan]:
        chain = [start]
        while len(single.get(id(chain[-1]), [])) == 1:
            following = single[id(chain[-1])][0]
            if id(following) in wired or following is start:
                break
            wired.add(id(following))
            chain.append(following)
        return chain

    inside_chain = {id(consumers[0]) for consumers in single.values() if len(consumers) == 1}
    statements: list[str] = []
    for plan in plans:
        consumers = single.get(id(plan), [])
        if plan.input_form == "fan-in":
            sources = ", ".join(p.variable for p in plan.inputs if not isinstance(p, str))
            chain = continuation(plan)
            statements.append(f"[{sources}] >> " + " >> ".join(p.variable for p in chain))
        elif len(consumers) == 1 and id(plan) not in inside_chain:
            statements.append(" >> ".join(p.variable for p in continuation(plan)))
        if len(consumers) > 1:
            targets = ", ".join(p.variable for p in consumers)
            statements.append(f"{plan.variable} >> [{targets}]")
            wired.update(id(p) for p in consumers)
    for plan in plans:  # wires a cycle leaves out of every chain
        if plan.input_form != "chain" or id(plan) in wired:
            continue
        upstream = plan.inputs[0]
        if isinstance(upstream, _PluginPlan):
            statements.append(f"{upstream.variable} >> {plan.variable}")
    return statements


def _flat(value: Node, variables: bool) -> str:
    """`value` as a one-line Python literal."""
    if isinstance(value, Scalar):
        return _scalar(value.value, variables)
    if isinstance(value, ListNode):
        return "[" + ", ".join(_flat(item, variables) for item in value.items) + "]"
    parts = [f"{_string(key)}: {_flat(m.value, variables)}" for key, m in value.members.items()]
    return "{" + ", ".join(parts) + "}"


def _render(value: Node, indent: int, column: int, *, variables: bool) -> str:
    """`value` as a literal starting at `column`, split (with trailing commas, as ruff keeps
    them) only when it does not fit the line; continuation lines start at `indent`."""
    flat = _flat(value, variables)
    if isinstance(value, Scalar) or (column + len(flat) + 1 <= LIMIT and "\n" not in flat):
        return flat
    inner = indent + 4
    if isinstance(value, ListNode):
        lines = [_render(item, inner, inner, variables=variables) for item in value.items]
        opening, closing = "[", "]"
    else:
        lines = []
        for key, member in value.members.items():
            prefix = f"{_string(key)}: "
            text = _render(member.value, inner, inner + len(prefix), variables=variables)
            lines.append(prefix + text)
        opening, closing = "{", "}"
    body = "".join(" " * inner + line + ",\n" for line in lines)
    return f"{opening}\n{body}{' ' * indent}{closing}"


def _string(text: str) -> str:
    """A string literal quoted as ruff quotes it: double quotes unless that needs more escapes."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    if text.count('"') > text.count("'"):
        return "'" + body.replace('\\"', '"').replace("'", "\\'") + "'"
    return f'"{body}"'


def _scalar(value: ScalarValue, variables: bool) -> str:
    if not isinstance(value, str):
        return repr(value)
    var = _as_var(value) if variables else None
    if var is not None:
        call = "Secret" if _is_secret(var) else "Var"
        return f"{call}(" + ", ".join(_string(part) for part in var) + ")"
    return _string(value)


def _call(head: str, arguments: list[str], tail: str = "", indent: int = 0) -> str:
    """`head(arguments)tail` on one line when it fits, else one argument per line."""
    line = f"{head}({', '.join(arguments)}){tail}"
    if len(line) <= LIMIT and "\n" not in line:
        return line
    pad = " " * (indent + 4)
    inner = "".join(f"{pad}{argument},\n" for argument in arguments)
    return f"{head}(\n{inner}{' ' * indent}){tail}"


def _comment(text: str) -> str:
    return "\n".join(textwrap.wrap(text, LIMIT - 2, initial_indent="# ", subsequent_indent="# "))


def read_keeping_placeholders(
    text: str,
    *,
    path: str,
    fmt: Literal["hocon", "json"],
    variables: Mapping[str, str] | None = None,
) -> model.Job:
    """Read a job as `stconfig.loads` does, except that variables stay references.

    Unquoted `${x}` that the file defines resolve as SeaTunnel resolves them; every other
    `${x}` (and `${?x}`) reads as the text `${x}`, never as a value of the environment or of
    `variables`, and quoted `"${x}"` / `"${x:default}"` stay as written: all of them become
    `Var`s or `Secret`s, so no value given at run time (a password) is written into code.
    `variables` are only checked as SeaTunnel's `-i` checks them.
    """
    from stconfig.reader import loads

    check_names(variables or {})
    kept = {
        name: "${" + name + "}"
        for name in _REFERENCE.findall(text)
        if name not in RESERVED_PLACEHOLDERS
    }
    return loads(
        text,
        fmt=fmt,
        path=path,
        variables=kept,
        environ={},
        unresolved="keep",
        placeholders="keep",
    )


def load(path: str) -> Job | JobDocument:
    """A job file as DSL objects: what the code `stconfig import` writes builds, ready to edit."""
    built = execute(import_path(path), f"<stconfig import {path}>")
    assert isinstance(built, Job | JobDocument)
    return built


def import_path(
    path: str,
    fmt: Literal["hocon", "json"] | None = None,
) -> str:
    """Read a job file (placeholders kept) and return its DSL code."""
    from stconfig.reader import read_source, syntax_for

    source = read_source(path)
    job = read_keeping_placeholders(source.text, path=path, fmt=fmt or syntax_for(path))
    return import_job(job, origin=Path(path).name)


__all__ = [
    "ImportFailure",
    "execute",
    "import_job",
    "import_path",
    "load",
    "read_keeping_placeholders",
]
