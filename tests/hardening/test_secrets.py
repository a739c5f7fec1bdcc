"""Secrets never reach a terminal, a log or a file stconfig writes (issue 18).

Every test writes a job holding a secret, runs the command line as a user would, and checks
that the secret text appears nowhere in what was printed or written; the hypothesis test
does the same for generated jobs through every output format and every error path.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stconfig.cli import main
from stconfig.errors import ParseError
from stconfig.reader import loads
from stconfig.secrets import (
    _KEY_QUALIFIERS,
    _PARAMETER,
    MASK,
    _may_name_a_secret,
    _occurrences,
    is_secret_key,
    job_secrets,
    mask_line,
    mask_text,
    mask_url,
    redact,
    secret_regions,
)
from stconfig.testing import FakeEngine

SECRETS = ("hunter2", "S3cr3t!")
FORMATS = ("full", "concise", "json", "sarif", "github")
MASTER = ("--master", "http://127.0.0.1:9")
"""Nothing is sent in these tests: every job is refused before the client connects."""
SINK = "sink { Console {} }\n"
JDBC = 'Jdbc { url = "jdbc:mysql://db/x", driver = "d", user = "app", query = "select 1"'


def run(*args: str, env: dict[str, str] | None = None, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, input=input, catch_exceptions=False)


def assert_hidden(result: Result, *secrets: str) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for secret in secrets or SECRETS:
        assert secret not in result.output, result.output


def write(tmp_path: Path, text: str | bytes, name: str = "job.conf") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def every_printer(path: Path, *extra: str, env: dict[str, str] | None = None) -> list[Result]:
    """The job through convert (its errors: a job it converts is its output), submit (refused
    before sending) and lint in every format."""
    converted = run("convert", str(path), "-o", str(path.with_suffix(".out")), *extra, env=env)
    results = [converted, run("submit", str(path), *extra, *MASTER, env=env)]
    for form in FORMATS:
        results.append(run("lint", "--output-format", form, str(path), *extra, env=env))
        results.append(
            run("lint", "--ignore", "ST801", "--output-format", form, str(path), *extra, env=env)
        )
    return results


# -- syntax and unresolved-variable errors print the line masked ------------------------------

BROKEN = {
    "stray-brace": 'env { job.mode = "BATCH" }\nsource { Jdbc { password = "hunter2" } } }\n',
    "unresolved": f'env {{ job.mode = "BATCH" }}\nsource {{ {JDBC}, password = "hunter2", '
    "table = ${MISSING} } }\n" + SINK,
    "unterminated": 'env { job.mode = "BATCH" }\nsource { Jdbc { password = "hunter2\n',
    "reserved-char": 'env { job.mode = "BATCH" }\nsource { Jdbc { password = S3cr3t!hunter2 } }\n',
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_jobs_show_their_line_masked(tmp_path: Path, case: str) -> None:
    path = write(tmp_path, BROKEN[case])
    for result in every_printer(path):
        assert result.exit_code in (1, 2), result.output
        assert_hidden(result)
    shown = run("convert", str(path)).output
    assert "password = " in shown and MASK in shown


def test_a_json_trailing_comma_shows_the_line_masked(tmp_path: Path) -> None:
    text = '{"env": {}, "source": [{"plugin_name": "Jdbc", "password": "hunter2",}]}'
    path = write(tmp_path, text, "job.json")
    for result in every_printer(path):
        assert "trailing ','" in result.output
        assert_hidden(result)


def test_an_unquoted_json_secret_is_not_quoted_back_in_the_message(tmp_path: Path) -> None:
    path = write(tmp_path, '{"env": {}, "source": [{"password": hunter2}]}', "job.json")
    result = run("convert", str(path))
    assert "is not allowed in JSON" in result.output
    assert_hidden(result)


def test_invalid_utf8_on_a_secret_line_is_masked(tmp_path: Path) -> None:
    path = write(
        tmp_path, b'env { job.mode = "BATCH" }\nsource { Jdbc { password = "hunter2\xff" } }\n'
    )
    for result in every_printer(path):
        assert "invalid UTF-8" in result.output
        assert_hidden(result)


def test_the_caret_points_at_the_same_text_after_masking(tmp_path: Path) -> None:
    path = write(tmp_path, 'a { password = "hunter2", b = ${MISSING} }\n')
    lines = run("convert", str(path)).output.splitlines()
    assert lines[1].strip() == "|"  # the snippet's empty gutter line, then source and caret
    text, caret = lines[2].split("| ", 1)[1], lines[3].split("| ", 1)[1]
    assert text[caret.index("^") :].startswith("${MISSING}")
    assert len(caret.strip()) == len("${MISSING}")


def test_the_parse_error_api_is_masked_too() -> None:
    with pytest.raises(ParseError) as caught:
        loads('a { password = "hunter2" } }')
    assert "hunter2" not in caught.value.render()
    assert "hunter2" not in str(caught.value)


# -- snippets are masked whichever rules run ---------------------------------------------------

FORMS = {
    "quoted": 'password = "hunter2"',
    "number": "password = 7719023",
    "unquoted": "password = hunter2",
    "concatenated": 'password = "S3cr3t!" "hunter2"',
    "concatenated-with-reference": 'password = "hunter2"${?SUFFIX}',
    "triple-quoted": 'password = """hunter2"""',
    "glued-key": 'mypassword = "hunter2"',
    "numbered-key": 'password1 = "hunter2"',
    "camel-key": 'secretKey = "hunter2"',
    "quoted-dotted-key": '"fs.s3a.secret.key" = "hunter2"',
    "jdbc-userinfo": 'url = "jdbc:mysql://app:hunter2@db:3306/x"',
    "jdbc-query": 'url = "jdbc:mysql://db:3306/x?user=app&password=hunter2"',
    "sqlserver": 'url = "jdbc:sqlserver://db;user=sa;password=hunter2;database=x"',
    "oracle-thin": 'url = "jdbc:oracle:thin:app/hunter2@db:1521/x"',
    "jaas": 'sasl.jaas.config = "PlainLoginModule required password=\\"hunter2\\";"',
    "placeholder-default": 'password = "${DB_PASSWORD:hunter2}"',
    "default-under-other-key": 'conn = "${DB_PASSWORD:hunter2}"',
    "object": 'credentials { user = "app", key = "hunter2" }',
    "list": 'api_keys = ["hunter2", "S3cr3t!"]',
}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_every_secret_form_is_masked_in_every_format(tmp_path: Path, form: str) -> None:
    # `fetch_sizee` is a misspelled option on the secret's line, so another rule shows it.
    text = f'env {{ job.mode = "BATCH" }}\nsource {{ {JDBC}, {FORMS[form]}, fetch_sizee = 1 }} }}\n'
    path = write(tmp_path, text + SINK)
    for result in every_printer(path):
        assert_hidden(result, "hunter2")
    full = run("lint", "--ignore", "ST801", str(path)).output
    assert "fetch_sizee" in full and MASK in full


def test_st801_flags_the_new_forms(tmp_path: Path) -> None:
    for form in ("number", "glued-key", "numbered-key", "jdbc-userinfo", "placeholder-default"):
        text = f'env {{ job.mode = "BATCH" }}\nsource {{ {JDBC}, {FORMS[form]} }} }}\n' + SINK
        path = write(tmp_path, text)
        assert "ST801" in run("lint", "--select", "ST801", str(path)).output, form


def test_a_dsl_line_is_masked(tmp_path: Path) -> None:
    code = (
        "from stconfig.dsl import Console, Job, Source\n"
        'with Job(mode="BATCH") as job:\n'
        '    src = Source("Jdbc", {"url": "jdbc:mysql://app:S3cr3t!@db/x", "driver": "d", '
        '"user": "u", "password": "hunter2", "query": "select 1", "fetch_sizee": 1})\n'
        "    src >> Console()\n"
    )
    path = write(tmp_path, code, "job.py")
    for form in FORMATS:
        result = run("lint", "--output-format", form, str(path))
        assert "fetch_sizee" in result.output
        assert_hidden(result)


def test_a_reference_stays_visible(tmp_path: Path) -> None:
    text = 'a { password = ${?DB_PASSWORD}, p2 = "${DB_PASSWORD}", x = ${MISSING} }\n'
    shown = run("convert", str(write(tmp_path, text))).output
    assert "password = ${?DB_PASSWORD}" in shown and 'p2 = "${DB_PASSWORD}"' in shown


# -- values from variables are never echoed -------------------------------------------------


def fetch_size_job(tmp_path: Path) -> Path:
    text = f'env {{ job.mode = "BATCH" }}\nsource {{ {JDBC}, fetch_size = ${{DB_PASSWORD}} }} }}\n'
    return write(tmp_path, text + SINK)


def test_a_secret_variable_is_not_echoed_from_the_environment(tmp_path: Path) -> None:
    path = fetch_size_job(tmp_path)
    for result in every_printer(path, env={"DB_PASSWORD": "hunter2"}):
        assert_hidden(result)
    assert "fetch_size is" in run("lint", str(path), env={"DB_PASSWORD": "hunter2"}).output


def test_a_secret_variable_is_not_echoed_from_var(tmp_path: Path) -> None:
    path = fetch_size_job(tmp_path)
    for result in every_printer(path, "--var", "DB_PASSWORD=hunter2"):
        assert_hidden(result)


def test_a_value_that_lands_under_a_secret_key_is_not_echoed(tmp_path: Path) -> None:
    # `pw` is not named like a secret, but its value becomes a password and an invalid
    # number elsewhere: messages about either never repeat it.
    text = (
        f'pw = "hunter2"\nenv {{ job.mode = "BATCH" }}\n'
        f"source {{ {JDBC}, password = ${{pw}}, fetch_size = ${{pw}} }} }}\n"
    )
    path = write(tmp_path, text + SINK)
    for result in every_printer(path):
        assert_hidden(result)


@pytest.mark.parametrize("argument", ["hunter2", "=hunter2", " =hunter2"])
@pytest.mark.parametrize("command", ["convert", "lint", "graph", "submit", "import"])
def test_a_malformed_var_is_not_echoed(tmp_path: Path, command: str, argument: str) -> None:
    path = write(tmp_path, 'env { job.mode = "BATCH" }\n' + SINK)
    extra = MASTER if command == "submit" else ()
    result = run(command, str(path), "--var", argument, *extra)
    assert result.exit_code == 2
    assert "KEY=VALUE" in result.output
    assert_hidden(result)


def test_an_emit_error_does_not_echo_a_secret_number(tmp_path: Path) -> None:
    path = write(tmp_path, 'env { job.mode = "BATCH" }\nsource { Jdbc { password = 1e400 } }\n')
    result = run("convert", str(path))
    assert result.exit_code == 2
    assert "inf" not in result.output


# -- --diff and the JSON fix edits --------------------------------------------------------------


def test_diff_never_shows_a_secret_line_in_clear(tmp_path: Path) -> None:
    text = (
        'env { job.mode = "batch" }\n'
        f'source {{ {JDBC}, password = "hunter2", url2 = "jdbc:mysql://u:S3cr3t!@h/x" }} }}\n'
        + SINK
    )
    path = write(tmp_path, text)
    result = run("lint", "--diff", str(path))
    assert '+env { job.mode = "BATCH" }' in result.output
    assert f' source {{ {JDBC}, password = "{MASK}"' in result.output
    assert_hidden(result)
    assert path.read_text(encoding="utf-8") == text


def test_fix_still_writes_the_real_value(tmp_path: Path) -> None:
    text = 'env { job.mode = "batch" }\nsource { Jdbc { password = "hunter2" } }\n' + SINK
    path = write(tmp_path, text)
    assert_hidden(run("lint", "--fix", str(path)))
    assert 'password = "hunter2"' in path.read_text(encoding="utf-8")


# -- the rule: what is a secret ----------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [
        "password",
        "passwd",
        "pwd",
        "db_password",
        "mypassword",
        "password1",
        "DBPassword",
        "secretKey",
        "secret_key",
        "client_secret",
        "access_key_id",
        "AWS_SECRET_ACCESS_KEY",
        "fs.s3a.secret.key",
        "api-key",
        "private_key",
        "token",
        "access_token",
        "apitoken",
        "credentials",
        "auth",
        "sasl.password",
    ],
)
def test_secret_keys(key: str) -> None:
    assert is_secret_key(key)


@pytest.mark.parametrize(
    "key",
    [
        "user",
        "username",
        "primary_key",
        "partition_key",
        "max_tokens",
        "tokenizer",
        "password_file",
        "secret_name",
        "token_url",
        "hadoop.security.authentication",
        "keytab_path",
        "query",
        "fs.s3a.aws.credentials.provider",
        "token_expire",
    ],
)
def test_keys_that_are_not_secret(key: str) -> None:
    assert not is_secret_key(key)


def test_mask_url_keeps_the_user_and_host() -> None:
    assert mask_url("http://admin:hunter2@engine:8080/") == f"http://admin:{MASK}@engine:8080/"
    assert mask_url("http://engine:8080/") == "http://engine:8080/"


def test_mask_line_moves_columns_past_the_mask() -> None:
    line = 'password = "hunter2", x = 1'
    masked = mask_line(line, secret_regions(line))
    assert masked.text == f'password = "{MASK}", x = 1'
    x_column = line.index("x =") + 1
    assert masked.text[masked.column(x_column) - 1 :].startswith("x = 1")


def test_redact_matches_escaped_and_short_values() -> None:
    assert redact(r"value 'a\\b' here", ["a\\b"]) == f"value '{MASK}' here"
    assert redact("line 123 of pw 123x", ["123"]) == f"line {MASK} of pw 123x"


def test_one_and_two_character_values_are_not_searched_for_in_messages() -> None:
    # they are masked where they are written; searched for, they would eat every `a`
    message = "'RowKindExtractor' is not a SeaTunnel 2.3.8 transform: 2.3.8's mapping"
    assert redact(message, ["a", "s"]) == message


def test_a_dummy_password_does_not_hide_key_names(tmp_path: Path) -> None:
    text = 'env { job.mode = "BATCH" }\nsource { Jdbc { password = "password", pass = "pass" } }\n'
    output = run("lint", "--select", "ST801", str(write(tmp_path, text + SINK))).output
    assert "'password' holds a secret" in output and "'pass' holds a secret" in output
    assert f'password = "{MASK}", pass = "{MASK}"' in output


def test_job_secrets_follow_substitution() -> None:
    job = loads('x = "hunter2"\na { password = ${x} }\n')
    assert "hunter2" in job_secrets(job, {}, {})


# -- generated jobs through every printer ----------------------------------------------------

SECRET_TEXT = st.text(string.ascii_letters + string.digits + "!%^*-_+", min_size=6, max_size=14)
WIDE_TEXT = st.text(
    string.ascii_letters + string.digits + "!%^*-_+ \"'\\#${},:=[]/@?&;", min_size=6, max_size=14
)
"""Secrets written as escaped strings may hold any character."""
KEYS = st.sampled_from(
    ["password", "db_password", "mypassword", "password1", "secretKey", "access_key", "token"]
)


@st.composite
def secret_jobs(draw: st.DrawFn) -> tuple[str, str, dict[str, str], bool, str]:
    """A job text whose secret is `Zq<text>9`, how it breaks, its environment, whether the
    secret reaches the job only through a variable, and the file name (HOCON or JSON)."""
    secret = "Zq" + draw(SECRET_TEXT) + "9"
    wide = "Zq" + draw(WIDE_TEXT) + "9"
    key = draw(KEYS)
    if draw(st.booleans()):
        value = draw(st.sampled_from([json.dumps(wide), json.dumps(secret), "7719023"]))
        secret = wide if value == json.dumps(wide) else "7719023" if value == "7719023" else secret
        breakage = draw(st.sampled_from(["", ",", "]", ", hunter"]))
        text = (
            '{"env": {"job.mode": "BATCH"}, "source": [{"plugin_name": "Jdbc", '
            f'"url": "jdbc:mysql://db/x", {json.dumps(key)}: {value}{breakage}}}], '
            '"sink": [{"plugin_name": "Console"}]}\n'
        )
        return text, secret, {}, False, "job.json"
    shape = draw(
        st.sampled_from(
            [
                f"{key} = {json.dumps(wide)}",
                f'{key} = "{secret[:3]}" "{secret[3:]}"',
                f'{key} = """{secret}"""',
                f"{key} = {secret}",
                f'url = "jdbc:mysql://app:{secret}@db/x"',
                f'url = "jdbc:mysql://db/x?password={secret}"',
                f'conn = "${{DB_PASSWORD:{secret}}}"',
                "fetch_size = ${DB_PASSWORD}",
                "fetch_size = ${?DB_TOKEN}",
            ]
        )
    )
    if shape.startswith(f"{key} = {json.dumps(wide)}"):
        secret = wide
    breakage = draw(
        st.sampled_from(["", " }", ", t = ${MISSING}", ', "x" "y" : ]', " fetch_sizee = 1"])
    )
    mode = draw(st.sampled_from(["BATCH", "batch"]))
    text = f'env {{ job.mode = "{mode}" }}\nsource {{ {JDBC}, {shape}{breakage} }} }}\n{SINK}'
    environment = {"DB_PASSWORD": secret, "DB_TOKEN": secret}
    return text, secret, environment, "fetch_size" in shape, "job.conf"


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(secret_jobs())
def test_generated_secrets_never_print(
    tmp_path: Path, job: tuple[str, str, dict[str, str], bool, str]
) -> None:
    text, secret, env, from_variable, name = job
    path = write(tmp_path, text, name)
    results = every_printer(path, env=env)
    results.append(run("lint", "--diff", str(path), env=env))
    results.append(run("graph", str(path), env=env))
    if from_variable:
        # Only a value given at run time must stay out of imported code; a value written
        # in the file is the file's own content.
        results.append(run("import", str(path), env=env))
        results.append(run("import", str(path), "--var", f"DB_PASSWORD={secret}", env=env))
    for result in results:
        for shown in (secret, json.dumps(secret)[1:-1]):
            assert shown not in result.output, (text, result.output)
    assert path.read_text(encoding="utf-8") == text
    assert secret not in mask_text(text)


# -- import never writes a value given at run time into code (issue 13, item 4) ----------------

IMPORTED = (
    'env { job.mode = "BATCH" }\n'
    "source { Jdbc { password = ${MYSQL_PASSWORD}, user = ${?DB_USER}, "
    'url = "jdbc:mysql://app:"${MYSQL_PASSWORD}"@db/x", driver = "d", query = "select 1" } }\n'
    + SINK
)


def test_import_keeps_a_secret_reference_whatever_var_says(tmp_path: Path) -> None:
    path = write(tmp_path, IMPORTED)
    result = run(
        "import",
        str(path),
        "--var",
        "MYSQL_PASSWORD=hunter2",
        "--var",
        "DB_USER=S3cr3t!",
        env={"MYSQL_PASSWORD": "hunter2"},
    )
    assert result.exit_code == 0, result.output
    assert 'Secret("MYSQL_PASSWORD")' in result.stdout
    assert 'Var("DB_USER")' in result.stdout
    assert "warning: --var values are not written into the code" in result.stderr
    assert_hidden(result)


def test_import_never_reads_the_environment_into_code(tmp_path: Path) -> None:
    path = write(tmp_path, IMPORTED)
    output = tmp_path / "job.py"
    result = run("import", str(path), "-o", str(output), env={"MYSQL_PASSWORD": "hunter2"})
    assert result.exit_code == 0, result.output
    assert "hunter2" not in output.read_text(encoding="utf-8")


def test_imported_code_takes_the_value_when_the_job_is_built(tmp_path: Path) -> None:
    path = write(tmp_path, IMPORTED)
    code = tmp_path / "job.py"
    assert run("import", str(path), "-o", str(code)).exit_code == 0
    variables = ("--var", "MYSQL_PASSWORD=hunter2", "--var", "DB_USER=bob")
    built = run("convert", str(code), *variables)
    assert built.exit_code == 0, built.output
    source = json.loads(built.stdout)["source"][0]
    assert source["password"] == "hunter2" and source["user"] == "bob"


# -- a server's answer that repeats a value, and large files ----------------------------------


def test_a_refusal_that_quotes_a_secret_is_scrubbed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_engine: FakeEngine
) -> None:
    from stconfig.client import Client, ServerRefused

    def refuse(self: Client, submission: object) -> None:
        message = "Option fetch_size: 'hunter2' is not an int\n\tat Java stack"
        raise ServerRefused(400, message, f"{fake_engine.url}/submit-job")

    monkeypatch.setattr(Client, "send", refuse)
    path = fetch_size_job(tmp_path)
    master = ("--master", fake_engine.url)
    for verbose in ((), ("--verbose",)):
        result = run(
            "submit", str(path), "--no-lint", *verbose, *master, env={"DB_PASSWORD": "hunter2"}
        )
        assert result.exit_code == 1
        assert "the server refused (400)" in result.output
        assert_hidden(result)


def test_a_line_of_a_large_file_is_masked(tmp_path: Path) -> None:
    filler = "".join(f'k{i} = "value {i}"\n' for i in range(20000))
    text = 'env { job.mode = "BATCH" }\n' + filler + 'a { password = "hunter2" } }\n'
    assert len(text) > 256 * 1024
    path = write(tmp_path, text)
    for result in (run("convert", str(path)), run("lint", str(path))):
        assert "unbalanced '}'" in result.output
        assert f'password = "{MASK}"' in result.output
        assert_hidden(result)


def test_format_diff_never_shows_a_secret_line_in_clear(tmp_path: Path) -> None:
    text = (
        'env{job.mode="BATCH"}\nsource{Jdbc{password="hunter2",url="jdbc:mysql://u:S3cr3t!@h/x"}}\n'
    )
    path = write(tmp_path, text)
    result = run("format", "--diff", str(path))
    assert result.exit_code == 1, result.output
    assert f'password = "{MASK}"' in result.output
    assert_hidden(result)
    assert path.read_text(encoding="utf-8") == text


def test_secrets_of_a_large_text_cost_one_search_however_many_lines_ask(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A large text is searched in windows around the lines asked for, until the windows
    add up to a quarter of the text: then it is searched whole, once, and each line takes
    its part."""
    import stconfig.secrets
    from stconfig.source import WHOLE_SCAN_LIMIT, SourceFile

    blocks = [
        f'  Jdbc{i} {{\n    password = "pw{i}"\n    url = "u{i}"\n  }}\n' for i in range(9000)
    ]
    text = "source {\n" + "".join(blocks) + "}\n"
    assert len(text) > WHOLE_SCAN_LIMIT
    searched: list[int] = []
    search = stconfig.secrets.secret_regions

    def counted(part: str, values: Iterable[str] = ()) -> list[tuple[int, int]]:
        searched.append(len(part))
        return search(part, values)

    monkeypatch.setattr(stconfig.secrets, "secret_regions", counted)
    source = SourceFile("big.conf", text)
    for i in range(0, 9000, 7):
        line = 3 + 4 * i
        regions = source.line_secret_regions(line)
        start = source.line_start(line)
        assert (start + len('    password = "'), start + len(f'    password = "pw{i}')) in regions
        assert all(
            source.line_start(max(1, line - 200)) <= first and last <= source.line_start(line + 201)
            for first, last in regions
        )
    assert sum(searched) <= 1.25 * len(text) + 20_000
    assert len(text) in searched  # searched whole once


def redacted_one_form_at_a_time(text: str, values: list[str]) -> str:
    """`redact` as it was first written: every form of every value looked for in turn."""
    from stconfig.secrets import SEARCHED_LENGTH, _names_a_secret, _occurrences

    forms: set[str] = set()
    for value in values:
        if len(value.strip()) >= SEARCHED_LENGTH and not _names_a_secret(value):
            forms |= {value, repr(value)[1:-1], value.encode("unicode_escape").decode()}
            forms.add(value.replace("\\", "\\\\").replace('"', '\\"'))
    for form in sorted(forms, key=lambda form: (-len(form), form)):
        if form in text:
            text = _occurrences(form).sub(MASK, text)
    return text


secret_texts = st.text(alphabet='ab*"\\ é-_xy', min_size=0, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(secret_texts, max_size=60), st.lists(secret_texts, max_size=8))
def test_a_redactor_for_many_values_masks_what_one_search_per_value_masks(
    values: list[str], words: list[str]
) -> None:
    from stconfig.secrets import Redactor

    # Built from the values themselves, so that many of them do occur in the text.
    text = " ".join(words + values[::3]) + " " + "".join(values[1::5])
    redactor = Redactor(values)
    assert redactor(text) == redacted_one_form_at_a_time(text, values)
    assert all(value not in redactor(text) for value in values if len(value.strip()) >= 8)


def test_redacting_every_finding_of_a_job_with_thousands_of_secrets_is_linear() -> None:
    """Each text is searched only for the secrets whose first characters it holds."""
    from stconfig.secrets import Redactor

    values = [f"pw-{i:05d}-secret" for i in range(5000)] + ["tok", "x"]
    redactor = Redactor(values)
    text = "the password pw-00042-secret leaked, and tok too"
    assert redactor(text) == "the password ****** leaked, and ****** too"
    assert redactor("nothing here") == "nothing here"
    assert 1 <= len(redactor.candidates(text)) <= 4
    assert redactor.candidates("nothing here") == []


KEY_PARTS = st.sampled_from(
    [
        "pass", "word", "password", "Passwd", "secret", "Secret", "token", "TOKEN", "api",
        "Key", "key", "keys", "auth", "access", "private", "credential", "pwd", "user",
        "name", "file", "url", "db", "s3a", "x", "1", "é", "ß", "account", "App", "client",
        "encryption", "Master", "sas", "shared", "signing", "storage",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from(["", "", ".", "_", "-", " ", "é"])


@settings(max_examples=3000, deadline=None)
@given(parts=st.lists(st.tuples(KEY_PARTS, SEPARATORS), min_size=1, max_size=5))
def test_the_quick_skip_never_hides_a_key_that_names_a_secret(
    parts: list[tuple[str, str]],
) -> None:
    """`_may_name_a_secret` lets the scanner skip a text; it must never skip one holding a key
    `is_secret_key` accepts, however the key is cased, split or quoted."""
    key = "".join(part + separator for part, separator in parts).strip(" .")
    if not key or not is_secret_key(key):
        return
    for text in (key, f'{key} = "v"', f'"{key}": "v"', f"env {{ {key} = v }}"):
        assert _may_name_a_secret(text), text


@pytest.mark.parametrize("qualifier", sorted(_KEY_QUALIFIERS))
def test_the_quick_skip_keeps_every_qualifiers_key(qualifier: str) -> None:
    """Each `<qualifier> key` spelling `is_secret_key` accepts is scanned, for every qualifier."""
    spellings = [
        f"{qualifier}_key",
        f"{qualifier}-keys",
        f"{qualifier.capitalize()}Key",
        f"{qualifier.upper()}.KEY",
        f"{qualifier} key",
        f"azure.{qualifier}_key",
    ]
    accepted = [key for key in spellings if is_secret_key(key)]
    assert accepted, f"is_secret_key accepts no spelling of {qualifier!r} key"
    for key in accepted:
        assert _may_name_a_secret(f"{key} = v"), key


WORDY = st.text(alphabet="ab_1 .=@-\n", max_size=40)


@settings(max_examples=2000, deadline=None)
@given(value=st.text(alphabet="ab_1 .=@-", min_size=1, max_size=9), text=WORDY)
def test_a_value_is_found_where_the_plain_patterns_find_it(value: str, text: str) -> None:
    """The fast patterns (`_occurrences`, with the word test after the value) find a value
    exactly where the plain ones do: anywhere when long, else as a whole word."""
    escaped = re.escape(value)
    plain = escaped if len(value) >= 8 else rf"(?<![A-Za-z0-9_]){escaped}(?![A-Za-z0-9_])"
    text = text.replace("a", value, 2)
    expected = [m.span() for m in re.finditer(plain, text)]
    assert [m.span() for m in _occurrences(value).finditer(text)] == expected


@settings(max_examples=2000, deadline=None)
@given(text=st.text(alphabet="aZ9_.-= \t\n\"'x", max_size=40))
def test_a_parameter_is_found_where_the_plain_pattern_finds_it(text: str) -> None:
    """`_PARAMETER` takes the key and the spaces after it possessively: the same matches as
    the pattern that gives characters back."""
    plain = r"(?<![A-Za-z0-9_.\-])(?P<key>[A-Za-z][A-Za-z0-9_.\-]*)\s*=\s*"
    expected = [(m.span(), m["key"]) for m in re.finditer(plain, text)]
    assert [(m.span(), m["key"]) for m in _PARAMETER.finditer(text)] == expected
