"""A seeded generator of faulty plugin blocks, for the differential test.

Bases are the corpus's own jobs whose block the engine passed (`accepted`, or `outside`:
checks passed, then it reached for a server). Each generated job is one base with one block
mutated, the others kept, written as SeaTunnel's JSON job format (`plugin_name` lists):
- `drop`: remove a key the block sets that the catalog's rule or the engine's `prepare()`
  requires (the `required` and `conditional` groups, the legacy `requires`);
- `misspell`: rename a set key (required or optional) to a near miss;
- `enum` / `number` / `boolean`: a value SeaTunnel cannot convert; a fraction for an integer;
- `exclusive`: set a second member of an exclusive group; `bundled`: drop one member of a
  complete bundle;
- `placeholder`: a strict-typed value becomes an unset `"${...}"`;
- `choice`: a constant of the option's enum that the single choice selected by the block's
  other values does not allow (the file sinks' `compress_codec` per `file_format_type`);
- `dialect` / `endpoint` / `http format`: a well-typed value the connector itself refuses
  (a Jdbc url without a 2.3.8 dialect, a Maxcompute endpoint without its scheme, an Http
  source with `schema` set to `format = text`).
Whether a mutation makes the block wrong is for the engine to say; the differential test then
asks whether lint agrees. `python -m tests.engine.faulty_jobs OUT N [SEED]` writes N jobs.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stconfig.catalog.build_values import plugin_reads
from stconfig.catalog.engine_checks import engine_check
from stconfig.catalog.registry import canonical_name, plugin_spec
from stconfig.catalog.spec import PluginSpec
from stconfig.errors import StconfigError
from stconfig.reader import load
from stconfig.testing.corpus import corpus_cases

VERSION = "2.3.8"


STRICT = ("int", "long", "double", "float", "boolean", "enum")


@dataclass(frozen=True)
class Base:
    """A corpus job, as plain data, and the index of the block to mutate."""

    path: str
    job: dict[str, Any]
    section: str
    index: int

    @property
    def block(self) -> dict[str, Any]:
        block: dict[str, Any] = self.job[self.section][self.index]
        return block


def _has(block: dict[str, Any], key: str) -> bool:
    if key in block:
        return True
    head, _, rest = key.partition(".")
    inner = block.get(head)
    return bool(rest) and isinstance(inner, dict) and _has(inner, rest)


def _drop(block: dict[str, Any], key: str) -> bool:
    if key in block:
        del block[key]
        return True
    head, _, rest = key.partition(".")
    inner = block.get(head)
    return bool(rest) and isinstance(inner, dict) and _drop(inner, rest)


def _set(block: dict[str, Any], key: str, value: Any) -> None:
    if key in block or "." not in key:
        block[key] = value
        return
    head, _, rest = key.partition(".")
    inner = block.get(head)
    if isinstance(inner, dict):
        _set(inner, rest, value)
    else:
        block[key] = value


def _misspell(key: str, rng: random.Random) -> str:
    last = key.rsplit(".", 1)[-1]
    choices = [last + "s", last[:-1] if len(last) > 3 else last + "x", last.replace("_", "")]
    if len(last) > 3:
        at = rng.randrange(1, len(last) - 1)
        choices.append(last[:at] + last[at + 1] + last[at] + last[at + 2 :])
    wrong = rng.choice([c for c in choices if c != last] or [last + "s"])
    return key[: len(key) - len(last)] + wrong


def mutations(
    base: Base, spec: PluginSpec, rng: random.Random
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(label, mutated block) for every mutation that applies to this block."""
    block = base.block
    keys = [key for key in block if key != "plugin_name"]
    engine = engine_check(spec.kind, spec.name, version=VERSION)
    required = {key for group in spec.required for key in group}
    required |= {key for rule in spec.conditional for key in rule.required}
    if engine is not None:
        required |= set(engine.requires)
        required |= {key for group in engine.one_of for key in group}
    for key in sorted(required):
        if _has(block, key):
            changed = json.loads(json.dumps(block))
            _drop(changed, key)
            yield f"drop {key}", changed
    for key in keys:
        changed = json.loads(json.dumps(block))
        wrong = _misspell(key, rng)
        changed[wrong] = changed.pop(key)
        yield f"misspell {key} as {wrong}", changed
    for key in keys:
        option = spec.option(key)
        if option is None or isinstance(block[key], dict | list):
            continue
        bad: Any = None
        if option.type == "enum":
            bad = "NOT_A_" + key.upper().replace(".", "_")
        elif option.type in ("int", "long", "double", "float"):
            bad = rng.choice(["abc", "1.5x", "ten"])
        elif option.type == "boolean":
            bad = "maybe"
        if bad is not None:
            changed = json.loads(json.dumps(block))
            changed[key] = bad
            yield f"{option.type} {key}={bad!r}", changed
        if option.type in ("int", "long"):
            changed = json.loads(json.dumps(block))
            changed[key] = 2.5  # a fraction where an integer is expected
            yield f"{option.type} {key}=2.5", changed
        if option.type in STRICT:
            changed = json.loads(json.dumps(block))
            changed[key] = "${stconfig_unset_" + key.replace(".", "_") + "}"
            yield f"placeholder {key}", changed
    yield from _value_refusals(block, spec)
    for group in spec.exclusive:
        present = [key for key in group if _has(block, key)]
        absent = [key for key in group if not _has(block, key)]
        if present and absent:
            option = spec.option(absent[0])
            value: Any = option.default if option is not None and option.default else "x"
            changed = json.loads(json.dumps(block))
            _set(changed, absent[0], value)
            yield f"exclusive add {absent[0]}", changed
    for group in spec.bundled:
        if all(_has(block, key) for key in group):
            changed = json.loads(json.dumps(block))
            _drop(changed, group[-1])
            yield f"bundled drop {group[-1]}", changed


def _value_refusals(
    block: dict[str, Any], spec: PluginSpec
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Well-typed values the engine refuses: conditional single choices, connector checks."""
    recorded = plugin_reads(spec.kind, spec.name, version=VERSION)
    for choice in recorded.choices if recorded is not None else ():
        option = spec.option(choice.key)
        holds = all(
            condition.holds(block, option_default(spec, condition.option))
            for condition in choice.when
        )
        if option is None or not option.enum or not holds:
            continue
        outside = [v for v in option.enum if v.upper() not in {c.upper() for c in choice.values}]
        if outside:
            changed = json.loads(json.dumps(block))
            changed[choice.key] = outside[-1].lower()
            yield f"choice {choice.key}={outside[-1].lower()!r}", changed
    url = block.get("url")
    if spec.name == "Jdbc" and isinstance(url, str) and url.startswith("jdbc:"):
        changed = json.loads(json.dumps(block))
        changed["url"] = "jdbc:opengauss:" + url.split(":", 2)[-1]
        yield "dialect url=jdbc:opengauss:", changed
    endpoint = block.get("endpoint")
    if spec.name == "Maxcompute" and isinstance(endpoint, str) and "://" in endpoint:
        changed = json.loads(json.dumps(block))
        changed["endpoint"] = endpoint.split("://", 1)[1]
        yield "endpoint without scheme", changed
    if spec.option("format") is not None and "schema" in block and spec.kind == "source":
        changed = json.loads(json.dumps(block))
        changed["format"] = "text"
        yield "format=text with schema", changed


def option_default(spec: PluginSpec, key: str) -> Any:
    option = spec.option(key)
    return option.default if option is not None and option.has_default else None


def bases(corpus: Path | None = None, accepted: set[tuple[str, str]] | None = None) -> list[Base]:
    """Every plugin block of the corpus (only `accepted` (path, block) pairs when given)."""
    corpus = corpus if corpus is not None else corpus_cases()
    found = []
    for path in sorted(corpus.rglob("*.conf")):
        try:
            job = load(path, environ={}, unresolved="keep", placeholders="keep")
        except (StconfigError, OSError):
            continue
        data = job.to_dict()
        for section in ("source", "transform", "sink"):
            blocks = data.get(section)
            if not isinstance(blocks, list):
                continue
            for index, block in enumerate(blocks):
                name = block.get("plugin_name") if isinstance(block, dict) else None
                if not isinstance(name, str):
                    continue
                if accepted is not None and (str(path), f"{section}[{index}]") not in accepted:
                    continue
                found.append(Base(str(path), data, section, index))
    return found


def generate(
    count: int, seed: int, accepted: set[tuple[str, str]] | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """`count` (label, job) pairs, spread over plugins round-robin, reproducible by seed."""
    rng = random.Random(seed)
    by_plugin: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for base in bases(accepted=accepted):
        kind = base.section
        name = canonical_name(kind, str(base.block["plugin_name"]), version=VERSION)
        if name is None:
            continue
        spec = plugin_spec(kind, name, version=VERSION)
        for label, block in mutations(base, spec, rng):
            job = json.loads(json.dumps(base.job))
            job[base.section][base.index] = block
            where = f"{Path(base.path).name} {base.section}[{base.index}] {name}: {label}"
            by_plugin.setdefault(f"{kind}.{name}", []).append((where, job))
    pools = [rng.sample(items, len(items)) for _, items in sorted(by_plugin.items())]
    produced = 0
    while produced < count and any(pools):
        for pool in pools:
            if pool and produced < count:
                yield pool.pop()
                produced += 1


def write_faulty_jobs(
    folder: Path, count: int, seed: int, accepted: set[tuple[str, str]] | None = None
) -> list[str]:
    """Write the jobs as `NNNNN.json` (SeaTunnel's JSON job format) and `index.tsv`, which
    says what each file is: the base, the block and the mutation."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    index = []
    for number, (label, job) in enumerate(generate(count, seed, accepted)):
        path = folder / f"{number:05d}.json"
        path.write_text(json.dumps(job, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(str(path))
        index.append(f"{path.name}\t{label}\n")
    (folder / "index.tsv").write_text("".join(index), encoding="utf-8")
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    made = write_faulty_jobs(out, int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 17)
    print(f"{len(made)} jobs in {out}")
