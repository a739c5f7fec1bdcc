"""A bounded, seeded fuzz over hostile input: only documented errors, never a crash.

Three hundred generated job texts (deep nesting, huge repeats, substitution chains and
blow-ups, include loops, odd bytes, and mutations of real jobs) go through the reader
(`stconfig.loads`), the linter (`lint_source`, what `stconfig lint` runs), the fix engine
(`fixed_texts`, what `lint --fix` writes, then the fixed text linted again), and generated
REST answers go through the client's answer parsing. The limits are lowered while the fuzz
runs so that every case, even one that reaches a limit, stays small and fast.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import stconfig
from stconfig import limits
from stconfig.client.client import Client, Response
from stconfig.client.errors import ClientError
from stconfig.errors import StconfigError
from stconfig.lint.engine import lint_source
from stconfig.lint.fix import fixed_texts
from stconfig.lint.settings import LintSettings
from stconfig.source import SourceFile

SEED = 18
CASES = 300
ROOT = Path(__file__).resolve().parents[2]

SEED_JOB = """env { job.mode = "BATCH", parallelism = 2 }
source {
  FakeSource {
    plugin_output = "fake"
    row.num = 16
    schema = { fields { name = "string", age = "int" } }
  }
}
transform { Sql { plugin_input = "fake", plugin_output = "t", query = "select * from fake" } }
sink { Console { plugin_input = "t" } }
"""

PIECES = [
    "{", "}", "[", "]", ",", "=", ":", "+=", "${a}", "${?a}", "${a.b}", '"', '"""', "\\",
    "\\u12", "#", "//", "\n", "\r\n", " ", "\t", "\x00", "\ufeff", "\u2028", "\x7f", "é",
    "include \"x.conf\"", "required(file(\"y\"))", "true", "null", "1e400", "-0", "9" * 30,
    "0x1F", "a.b.c", "->", "source", "sink", "transform", "env", "plugin_input", "password",
    "${x:default}", '"${x}"', "jdbc:mysql://u:p@h/db", "\U0001f600", "\udc80",
]  # fmt: skip


def _corpus_texts() -> list[str]:
    """Real jobs to mutate: the conformance corpus when it is set, else the examples."""
    folder = os.environ.get("STCONFIG_CONFORMANCE")
    base = Path(folder) if folder else ROOT / "examples"
    files = sorted(base.rglob("*.conf"))[:400] + sorted(base.rglob("*.json"))[:50]
    texts = [SEED_JOB]
    for file in files:
        if file.name.endswith(".expected.json"):
            continue
        try:
            texts.append(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    return texts


def deep_nesting(rng: random.Random) -> str:
    depth = rng.choice([10, 127, 128, 129, 300, 2000])
    if rng.random() < 0.5:
        return "a = " + "[" * depth + "1" + "]" * depth + "\n"
    return "a " + "{ b " * depth + "= 1" + " }" * depth + "\n"


def huge_repeat(rng: random.Random) -> str:
    count = rng.choice([100, 1000, 5000, 30000])
    unit = rng.choice(["1,", "x ", '"y",', "{},", "[],", "k = v\n", "a.b.c.d = 1\n"])
    body = unit * count
    return f"a = [{body}]\n" if unit.endswith(",") else body


def long_token(rng: random.Random) -> str:
    length = rng.choice([limits.MAX_TOKEN_CHARS - 1, limits.MAX_TOKEN_CHARS + 1, 50_000])
    shape = rng.choice(["x", "x/", '"', "#", "1"])
    if shape == '"':
        return 'a = "' + "q" * length + '"\n'
    if shape == "#":
        return "# " + "c" * length + "\na = 1\n"
    return "a = " + (shape * length)[:length] + "\n"


def substitution_chain(rng: random.Random) -> str:
    levels = rng.randint(2, 60)
    first, step = rng.choice(
        [
            ('"x"', "{p}{p}"),
            ("{x = 1}", "{{l = {p}, r = {p}}}"),
            ("[1]", "{p} {p}"),
            ("{x = 1}", "{{l = {p}}} {{r = {p}}}"),
            ('"x"', "{p}"),
            ("1", "[{p}, {p}, {p}]"),
        ]
    )
    lines = [f"a0 = {first}"]
    lines += [f"a{n} = " + step.format(p=f"${{a{n - 1}}}") for n in range(1, levels + 1)]
    if rng.random() < 0.2:
        lines.append(f"a0 = ${{a{levels}}}")  # a cycle
    if rng.random() < 0.2:
        lines.append(f"b += ${{a{levels}}}")
    return "\n".join(lines) + "\n"


def odd_bytes(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 80)))


def mutated_job(rng: random.Random, corpus: list[str]) -> str:
    text = rng.choice(corpus)
    for _ in range(rng.randint(1, 6)):
        if not text:
            break
        start = rng.randrange(len(text))
        end = min(len(text), start + rng.randint(0, 40))
        action = rng.randrange(5)
        if action == 0:
            text = text[:start] + text[end:]
        elif action == 1:
            text = text[:start] + text[start:end] * rng.randint(2, 50) + text[end:]
        elif action == 2:
            text = text[:start] + rng.choice(PIECES) + text[start:]
        elif action == 3:
            text = text[:start]
        else:
            text = text[:start] + text[start:end][::-1] + text[end:]
    return text


def hostile_texts() -> Iterator[tuple[int, str, str]]:
    rng = random.Random(SEED)
    corpus = _corpus_texts()
    makers: list[tuple[str, Callable[[random.Random], str]]] = [
        ("deep nesting", deep_nesting),
        ("huge repeat", huge_repeat),
        ("long token", long_token),
        ("substitution chain", substitution_chain),
        ("odd bytes", odd_bytes),
        ("mutated job", lambda r: mutated_job(r, corpus)),
        ("mutated job", lambda r: mutated_job(r, corpus)),
    ]
    for case in range(CASES):
        kind, make = makers[case % len(makers)]
        yield case, kind, make(rng)


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Limits low enough that reaching one costs milliseconds."""
    monkeypatch.setattr(limits, "MAX_TOKEN_CHARS", 20_000)
    monkeypatch.setattr(limits, "MAX_TOKENS", 40_000)
    monkeypatch.setattr(limits, "MAX_RESOLVED_VALUES", 20_000)
    monkeypatch.setattr(limits, "MAX_RESOLVED_CHARS", 200_000)


def _describe(case: int, kind: str, text: str) -> str:
    return f"case {case} ({kind}, {len(text)} chars): {text[:200]!r}"


@pytest.mark.usefixtures("small_limits")
def test_reader_raises_only_documented_errors() -> None:
    for case, kind, text in hostile_texts():
        for fmt in ("hocon", "json") if case % 5 == 0 else ("hocon",):
            try:
                stconfig.loads(text, fmt=fmt, environ={})  # type: ignore[arg-type]
            except StconfigError:
                pass
            except Exception as error:  # pragma: no cover - the failure being looked for
                message = f"{type(error).__name__}: {_describe(case, kind, text)}"
                raise AssertionError(message) from error


@pytest.mark.usefixtures("small_limits")
def test_lint_and_fix_never_crash() -> None:
    settings = LintSettings(environ={})
    fixed_any = 0
    # The seed job itself first: its fixes reach the fix engine whatever the corpus holds.
    for case, kind, text in [(0, "seed job", SEED_JOB), *hostile_texts()]:
        if case % 3:  # every third case: the linter costs more than the reader
            continue
        name = "fuzz.json" if case % 9 == 0 and kind != "seed job" else "fuzz.conf"
        try:
            findings = lint_source(SourceFile(name, text), settings)
            assert all(finding.line >= 1 for finding in findings)
            for source, fixed, _ in fixed_texts(findings).values():
                assert source.path == name
                fixed_any += 1
                lint_source(SourceFile(name, fixed), settings)
        except Exception as error:  # pragma: no cover - the failure being looked for
            message = f"{type(error).__name__}: {_describe(case, kind, text)}"
            raise AssertionError(message) from error
    assert fixed_any > 0, "no case reached the fix engine; the fuzz is too weak"


def deeply_nested_answers() -> Iterator[bytes]:
    for depth in (1000, 100_000):
        yield b"[" * depth + b"]" * depth
        yield b'{"k": ' * depth + b"1" + b"}" * depth
        yield json.dumps({"jobId": "1", "jobDag": "[" * depth + "]" * depth}).encode()


def hostile_answers() -> Iterator[bytes]:
    rng = random.Random(SEED)
    shapes: list[object] = [
        {}, [], "x", 1, None, 1.5, True, {"jobId": "1"}, {"jobId": [1]}, {"jobDag": "{"},
        {"jobId": "1", "jobName": None, "jobStatus": 7, "jobDag": "[" * 5000},
        {"projectVersion": {"a": []}, "totalSlot": "many"}, [{"node": 1}], [None],
    ]  # fmt: skip
    for case in range(CASES // 3):
        choice = case % 8
        if choice == 0:
            depth = rng.choice([10, 100, 500])
            yield b"[" * depth + b"]" * depth
        elif choice == 1:
            yield json.dumps(rng.choice(shapes)).encode()
        elif choice == 2:
            yield bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))
        elif choice == 3:
            whole = json.dumps(rng.choice(shapes)).encode()
            yield whole[: rng.randint(0, len(whole))]
        elif choice == 4:
            yield b'{"a": ' + b"1e400" * rng.randint(1, 3) + b"}"
        elif choice == 5:
            yield b'{"jobId": "' + b"9" * rng.choice([10, 100_000]) + b'"}'
        elif choice == 6:
            yield b"NaN"
        else:
            yield b'{"' + b"k" * 10 + b'": ' * rng.randint(1, 5000) + b"1"


def test_client_answer_parsing_raises_only_client_errors() -> None:
    _parse_answers(hostile_answers())


def test_client_deeply_nested_answer_is_a_client_error() -> None:
    _parse_answers(deeply_nested_answers())


def _parse_answers(answers: Iterator[bytes]) -> None:
    """Each answer through the client's parsing of four endpoints: ClientError or a result."""
    client = Client("http://127.0.0.1:9")
    for index, body in enumerate(answers):
        answer = Response(200, "application/json", body)
        client.request = lambda *args, answer=answer, **kwargs: answer  # type: ignore[method-assign]
        calls: list[Callable[[], object]] = [
            client.overview,
            lambda: client.job_info("1"),
            client.running_jobs,
            client.log_files,
        ]
        for call in calls:
            try:
                call()
            except ClientError:
                pass
            except Exception as error:  # pragma: no cover - the failure being looked for
                raise AssertionError(
                    f"{type(error).__name__} for answer {index}: {body[:120]!r}"
                ) from None
