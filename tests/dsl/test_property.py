"""Generated DSL jobs survive DSL -> JSON -> load -> import -> build unchanged."""

from __future__ import annotations

import ast

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

import stconfig
from stconfig.dsl import Console, FakeSource, Job, Secret, Sink, Source, Transform, Var, Wired
from stconfig.dsl.env import ENV_KEYS, RESTORE_KEYS
from stconfig.dsl.importer import execute, import_job, read_keeping_placeholders, respell_table_keys
from stconfig.emit import emit_hocon, emit_json
from stconfig.model.values import Node
from stconfig.versions import has
from tests.property.strategies import option_keys, values

TABLE_KEYS = {"plugin_name", "plugin_output", "plugin_input", "result_table_name"}
TABLE_KEYS |= {"source_table_name"}
identifiers = st.from_regex(r"[A-Z][A-Za-z0-9_]{0,8}", fullmatch=True)
plugin_names = st.one_of(
    st.sampled_from(["FakeSource", "Console", "MySQL-CDC", "Sql"]), identifiers
)
table_names = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)
variables = st.one_of(
    st.builds(Var, identifiers),
    st.builds(Var, identifiers, st.from_regex(r"[a-z0-9:/._-]{0,8}", fullmatch=True)),
    st.builds(Secret, identifiers),
)


def plain(node: Node) -> object:
    return node.to_python()


option_values = st.one_of(values.map(plain), variables)
options = st.dictionaries(
    option_keys.filter(lambda key: key not in TABLE_KEYS), option_values, max_size=3
)
# FakeSource needs a schema when the job starts (ST311), so generated ones always have one
fake_schemas = st.builds(
    lambda fields: {"fields": fields},
    st.dictionaries(
        table_names,
        st.sampled_from(["bigint", "string", "int", "double", "boolean", "decimal(10, 2)"]),
        min_size=1,
        max_size=3,
    ),
)
env_extras = st.dictionaries(
    option_keys.filter(lambda key: key not in ENV_KEYS and key not in RESTORE_KEYS),
    values.map(plain),
    max_size=2,
)


@st.composite
def dsl_jobs(draw: st.DrawFn) -> Job:
    """A valid job: every transform and sink reads earlier tables, every table is read."""
    target = draw(st.sampled_from([None, "2.3.8", "2.3.9-SNAPSHOT", "2.3.9", "2.3.12"]))
    spellings: list[str | None] = [None, "result_table_name"]
    if target is not None and has(target, "plugin_output_keys"):
        spellings.append("plugin_output")
    job = Job(
        draw(
            st.one_of(
                st.none(), st.text(max_size=8), variables.filter(lambda v: isinstance(v, Var))
            )
        ),
        mode=draw(st.sampled_from([None, "BATCH", "STREAMING"])),
        parallelism=draw(st.one_of(st.none(), st.integers(1, 64))),
        checkpoint_interval=draw(st.one_of(st.none(), st.integers(1, 10**6))),
        env=draw(env_extras),
        target_version=target,
        table_keys=draw(st.sampled_from(spellings)),
        empty_transform=draw(st.booleans()),
    )
    used_names: set[str] = set()

    def output() -> str | None:
        name = draw(st.one_of(st.none(), table_names))
        if name is None or name in used_names:
            return None
        used_names.add(name)
        return name

    with job:
        producers: list[Wired] = [
            FakeSource(
                row_num=draw(st.integers(0, 10**6)),
                schema_=draw(fake_schemas),
                plugin_output=output(),
            )
            if draw(st.booleans())
            else Source(draw(plugin_names), draw(options), plugin_output=output())
            for _ in range(draw(st.integers(1, 3)))
        ]
        for _ in range(draw(st.integers(0, 3))):
            transform = Transform(draw(plugin_names), draw(options), plugin_output=output())
            reads = draw(st.lists(st.sampled_from(producers), min_size=1, max_size=2))
            reads >> transform if len(reads) > 1 else reads[0] >> transform
            producers.append(transform)
        sinks: list[Wired] = [
            Console(log_print_data=draw(st.booleans()))
            if draw(st.booleans())
            else Sink(draw(plugin_names), draw(options))
            for _ in range(draw(st.integers(1, 3)))
        ]
        unread = list(producers)
        for sink in sinks:
            reads = draw(st.lists(st.sampled_from(producers), min_size=1, max_size=2))
            reads >> sink if len(reads) > 1 else reads[0] >> sink
            unread = [p for p in unread if all(p is not r for r in reads)]
        if unread:
            unread >> sinks[0]
    return job


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dsl_jobs())
def test_dsl_json_load_import_build_is_unchanged(job: Job) -> None:
    built = job.build()
    text = emit_json(built)
    note(text)
    # SeaTunnel's reading of both outputs (no -i variables) is the DSL's own
    as_read = job.build(variables={})
    assert stconfig.loads(text, fmt="json", environ={}) == as_read
    assert stconfig.loads(emit_hocon(built), environ={}) == as_read
    loaded = read_keeping_placeholders(text, path="job.json", fmt="json")
    assert loaded == built
    # import writes the keys of the job's version, so compare with the job spelled that way
    version = job.version()
    code = import_job(loaded, target_version=version, write_target=job.target_version is not None)
    note(code)
    rebuilt = execute(code)
    assert isinstance(rebuilt, Job)
    assert rebuilt.build() == respell_table_keys(built, version)


@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_generated_string_literals_read_back(text: str) -> None:
    from stconfig.dsl.importer import _string

    assert ast.literal_eval(_string(text)) == text
