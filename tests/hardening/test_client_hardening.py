"""The REST client against misbehaving servers: redirects, trickles, floods, deep JSON, and
credentials that must never leave the master's origin or reach a message.

Each server here is a small threaded HTTP server on 127.0.0.1 whose every loop is bounded and
which stops by itself when the test ends; no test measures time.
"""

from __future__ import annotations

import base64
import contextlib
import json
import math
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stconfig.client import (
    AnswerTooLarge,
    Client,
    ClientError,
    EngineUnreachable,
    RedirectRefused,
    RequestTimeout,
    UnexpectedResponse,
    UsageError,
    resolve_settings,
)
from stconfig.client import client as client_module
from stconfig.client.urls import split_master
from stconfig.secrets import mask_url
from tests.conftest import run_cli
from tests.hardening.scripted import (
    Handler,
    Request,
    ServeFn,
    Server,
    answer,
    head,
    serving,
)

PASSWORD = "pw-Zq81-never-shown"


OVERVIEW = {"projectVersion": "2.3.9-SNAPSHOT", "gitCommitAbbrev": "15431c9"}


@pytest.fixture
def serve() -> Iterator[ServeFn]:
    yield from serving()


# redirects -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["other port", "other host", "other scheme", "userinfo"])
def test_a_redirect_to_another_origin_is_refused_and_sends_nothing_there(
    serve: ServeFn, kind: str
) -> None:
    elsewhere = serve(answer(OVERVIEW))
    targets = {
        "other port": f"{elsewhere.url}/overview",
        "other host": f"http://localhost:{elsewhere.port}/overview",
        "other scheme": "https://127.0.0.1:1/overview",
        "userinfo": f"http://thief:{PASSWORD}@localhost:{elsewhere.port}/overview",
    }
    master = serve(answer(b"", 307, Location=targets[kind]))
    client = Client(master.url, user="ops", password=PASSWORD)
    with pytest.raises(RedirectRefused) as caught:
        client.overview()
    assert elsewhere.requests == []
    assert PASSWORD not in str(caught.value)
    assert "another origin" in str(caught.value)
    # the master itself got the credentials: they belong to its origin
    assert master.requests[0].headers["authorization"].startswith("Basic ")


def test_a_redirect_of_a_post_to_another_origin_sends_neither_job_nor_credentials(
    serve: ServeFn, tmp_path: Path
) -> None:
    elsewhere = serve(answer({"jobId": "1", "jobName": "x"}))

    def handle(request: Request, connection: socket.socket) -> None:
        if request.target.startswith("/overview"):
            answer(OVERVIEW)(request, connection)
        else:
            answer(b"", 307, Location=f"{elsewhere.url}/submit-job")(request, connection)

    master = serve(handle)
    job = tmp_path / "job.json"
    job.write_text(
        json.dumps(
            {
                "env": {"job.mode": "BATCH"},
                "source": [{"plugin_name": "FakeSource", "result_table_name": "t"}],
                "sink": [{"plugin_name": "Console", "source_table_name": "t"}],
            }
        )
    )
    result = run_cli(
        "submit",
        str(job),
        "--no-lint",
        "--master",
        f"http://ops:{PASSWORD}@127.0.0.1:{master.port}",
    )
    assert result.exit_code == 2, result.output
    line = result.stderr.splitlines()[-1]
    assert "another origin" in line and PASSWORD not in result.output
    assert elsewhere.requests == []


def test_same_origin_redirects_are_followed_with_the_credentials(serve: ServeFn) -> None:
    def handle(request: Request, connection: socket.socket) -> None:
        if request.target == "/overview":
            answer(b"", 307, Location="/ctx/overview")(request, connection)
        else:
            answer(OVERVIEW)(request, connection)

    server = serve(handle)
    client = Client(server.url, user="ops", password=PASSWORD)
    assert client.overview().project_version == "2.3.9-SNAPSHOT"
    assert [r.target for r in server.requests] == ["/overview", "/ctx/overview"]
    assert all("authorization" in r.headers for r in server.requests)


def test_a_post_redirected_as_a_get_is_not_followed(serve: ServeFn) -> None:
    server = serve(answer(b"", 303, Location="/elsewhere"))
    with pytest.raises(UnexpectedResponse, match="would drop the request body"):
        Client(server.url).stop("1")
    assert len(server.requests) == 1


def test_a_same_origin_redirect_with_userinfo_never_prints_it(serve: ServeFn) -> None:
    server = serve(answer(b"", 307, Location=f"http://x:{PASSWORD}@127.0.0.1:1/overview"))
    with pytest.raises(RedirectRefused) as caught:
        Client(server.url).overview()
    assert PASSWORD not in str(caught.value)
    inside = serve(answer(b"", 301, Location="/a"))
    port = inside.port
    inside.handler = answer(b"", 301, Location=f"http://x:{PASSWORD}@127.0.0.1:{port}/loop")
    with pytest.raises(UnexpectedResponse) as looped:
        Client(inside.url).overview()
    assert PASSWORD not in str(looped.value)


def test_redirect_loops_end(serve: ServeFn) -> None:
    server = serve(answer(b"", 302, Location="/overview"))
    with pytest.raises(UnexpectedResponse, match="more than 5 redirects"):
        Client(server.url).overview()
    assert len(server.requests) == 6


# a total deadline per call -------------------------------------------------------------------


def trickle(prefix: bytes, rest: bytes, pause: float) -> Handler:
    """Send `prefix`, then `rest` one byte per `pause` seconds until the client leaves."""
    stop = threading.Event()

    def handle(_: Request, connection: socket.socket) -> None:
        connection.sendall(prefix)
        for byte in rest:
            if stop.wait(pause):
                return
            connection.sendall(bytes([byte]))

    return handle


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_trickling_server_cannot_outlast_the_timeout(serve: ServeFn, where: str) -> None:
    body = json.dumps(OVERVIEW).encode()
    whole = head(200, {"Content-Type": "application/json", "Content-Length": str(len(body))})
    if where == "headers":
        server = serve(trickle(b"", whole + body, 0.05))
    else:
        server = serve(trickle(whole, body, 0.05))
    # each byte comes well within the timeout; the whole answer would take seconds
    with pytest.raises(RequestTimeout, match=r"within 0\.3s"):
        Client(server.url, timeout=0.3).overview()


def test_a_trickle_through_the_cli_is_one_line_and_exit_2(serve: ServeFn) -> None:
    body = json.dumps(OVERVIEW).encode()
    whole = head(200, {"Content-Type": "application/json", "Content-Length": str(len(body))})
    server = serve(trickle(whole, body, 0.05))
    result = run_cli("jobs", "--master", server.url, "--timeout", "0.3")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "within 0.3s" in line


# a size cap on answers -----------------------------------------------------------------------


def test_a_declared_huge_body_is_refused_before_reading(serve: ServeFn) -> None:
    def handle(_: Request, connection: socket.socket) -> None:
        connection.sendall(head(200, {"Content-Length": str(3 << 30)}) + b"[" * 1000)

    server = serve(handle)
    with pytest.raises(AnswerTooLarge, match="more than 64 MiB"):
        Client(server.url).overview()


def hang_up(request: Request, connection: socket.socket) -> None:
    """Read the request, then close without a word (2.3.8's Hazelcast port on unknown paths)."""


def test_a_server_that_always_hangs_up_is_unreachable_after_one_v1_probe(
    serve: ServeFn,
) -> None:
    # GIVEN a server that closes every connection without answering, the v1 probe's too
    server = serve(hang_up)
    # WHEN the client asks it anything
    with pytest.raises(EngineUnreachable, match="closed the connection without answering"):
        Client(server.url).overview()
    # THEN it asked twice (the call and one probe for the v1 API), not until the stack ran out
    assert [request.target for request in server.requests] == [
        "/overview",
        "/hazelcast/rest/maps/overview",
    ]
    result = run_cli("jobs", "--master", server.url)
    assert result.exit_code == 2
    assert "closed the connection without answering" in result.stderr


def endless_chunks(request: Request, connection: socket.socket) -> None:
    """A chunked body that goes on until the client leaves (at most 256 MiB here)."""
    connection.sendall(head(200, {"Transfer-Encoding": "chunked"}))
    chunk = b"10000\r\n" + b" " * 0x10000 + b"\r\n"
    for _count in range(4096):
        connection.sendall(chunk)


def test_an_endless_chunked_body_stops_at_the_cap(
    serve: ServeFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client_module, "MAX_ANSWER_BYTES", 1 << 20)
    server = serve(endless_chunks)
    with pytest.raises(AnswerTooLarge, match="more than 1 MiB"):
        Client(server.url).overview()
    result = run_cli("jobs", "--master", server.url)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "stopped reading" in line


def test_log_files_have_their_own_cap(serve: ServeFn, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client_module, "MAX_LOG_BYTES", 1 << 20)
    server = serve(endless_chunks)
    with pytest.raises(AnswerTooLarge):
        Client(server.url).log("job-1.log")


# answers that are not what a server sends ----------------------------------------------------


@pytest.mark.parametrize("status", [200, 400, 500])
def test_deeply_nested_json_is_an_unexpected_answer(serve: ServeFn, status: int) -> None:
    depth = 200_000
    server = serve(answer(b"[" * depth + b"]" * depth, status))
    with pytest.raises(UnexpectedResponse):
        Client(server.url).job_info("1")


def test_deeply_nested_dag_inside_a_job_is_an_unexpected_answer(serve: ServeFn) -> None:
    depth = 100_000
    body = (
        '{"jobId": "1", "jobName": "x", "jobStatus": "RUNNING", "jobDag": '
        + '{"a": ' * depth
        + "1"
        + "}" * depth
        + "}"
    )
    server = serve(answer(body))
    with pytest.raises(UnexpectedResponse):
        Client(server.url).job_info("1")


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=20,
)
KEYS = st.sampled_from(
    ["jobId", "jobName", "jobStatus", "envOptions", "jobDag", "metrics", "createTime", "x"]
)


@dataclass
class Scripted:
    """The answer the fuzz server gives next."""

    status: int = 200
    body: bytes = b""


@pytest.fixture(scope="module")
def fuzz_server() -> Iterator[tuple[Server, Scripted]]:
    """One server for every example of the fuzz test, answering what the example sets."""
    scripted = Scripted()

    def handle(_: Request, connection: socket.socket) -> None:
        headers = {"Content-Type": "application/json", "Content-Length": str(len(scripted.body))}
        if scripted.status == 302:
            headers["Location"] = "/job-info/1"
        connection.sendall(head(scripted.status, headers) + scripted.body)

    server = Server(handle)
    yield server, scripted
    server.stop()


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    body=st.one_of(
        st.binary(max_size=200),
        JSON.map(lambda value: json.dumps(value).encode()),
        st.dictionaries(KEYS, JSON, max_size=8).map(lambda value: json.dumps(value).encode()),
    ),
    status=st.sampled_from([200, 400, 401, 404, 500, 302, 418]),
)
def test_any_answer_is_a_typed_error_or_a_value(
    fuzz_server: tuple[Server, Scripted], body: bytes, status: int
) -> None:
    server, scripted = fuzz_server
    scripted.status, scripted.body = status, body
    client = Client(server.url, timeout=2)
    for call in (lambda: client.job_info("1"), client.overview, client.running_jobs):
        with contextlib.suppress(ClientError):
            call()


# credentials in the master URL ---------------------------------------------------------------


def test_credentials_in_the_master_url_are_sent_and_stripped(serve: ServeFn) -> None:
    server = serve(answer(OVERVIEW))
    client = Client(f"http://ops:{PASSWORD.replace('-', '%2D')}@127.0.0.1:{server.port}/")
    assert client.master == server.url
    client.overview()
    token = base64.b64encode(f"ops:{PASSWORD}".encode()).decode()
    assert server.requests[0].headers["authorization"] == f"Basic {token}"


def test_credentials_in_the_master_url_never_print() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_cli("status", "1", "--master", f"http://ops:{PASSWORD}@127.0.0.1:{port}")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert PASSWORD not in result.output and "ops" not in line
    assert f"http://127.0.0.1:{port}" in line


def test_settings_take_credentials_from_the_url() -> None:
    settings_ = resolve_settings(
        master=f"https://ops:{PASSWORD}@engine:8443/ctx/", environ={}, start=Path("/")
    )
    assert (settings_.master, settings_.user, settings_.password) == (
        "https://engine:8443/ctx",
        "ops",
        PASSWORD,
    )
    only_user = resolve_settings(
        master="http://ops@engine", password="given", environ={}, start=Path("/")
    )
    assert (only_user.user, only_user.password) == ("ops", "given")
    with pytest.raises(UsageError, match="two users") as caught:
        resolve_settings(
            master=f"http://ops:{PASSWORD}@engine", user="admin", environ={}, start=Path("/")
        )
    assert PASSWORD not in str(caught.value)


@pytest.mark.parametrize(
    "master",
    [
        "http://[::1",
        f"http://ops:{PASSWORD}@[::1",
        "http://host:99999",
        f"ftp://ops:{PASSWORD}@host",
        "http://",
        "http://host:80/x?y=1",
        "http://ho st/",
        "http://bücher.example:8080",
        f"http://ops:{PASSWORD}é@host",
    ],
)
def test_a_bad_master_is_one_line_exit_2_without_the_password(master: str) -> None:
    result = run_cli("jobs", "--master", master)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and PASSWORD not in line


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(max_size=40), st.sampled_from(["http://", "https://", ""]))
def test_any_master_is_a_clean_url_or_a_usage_error(text: str, scheme: str) -> None:
    try:
        clean, _, _ = split_master(scheme + text)
    except UsageError:
        return
    assert "@" not in clean.split("//", 1)[1].split("/", 1)[0]


SECRET = st.text(
    st.characters(blacklist_characters="/?#@", blacklist_categories=("Cs", "Zs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=20,
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(user=SECRET, password=SECRET, around=st.text(max_size=10))
def test_mask_url_hides_userinfo_anywhere(user: str, password: str, around: str) -> None:
    text = f"{around} http://{user}:{password}@host:1/path {around}"
    masked = mask_url(text)
    assert f"{user}:{password}@" not in masked
    assert f":{password}@host" not in masked
    assert "@host:1/path" in masked


# numeric options at the CLI boundary ---------------------------------------------------------


@pytest.mark.parametrize(
    "option",
    [
        ("--timeout", "inf"),
        ("--timeout", "nan"),
        ("--timeout", "1e10"),
        ("--timeout", "-1"),
        ("--timeout", "0"),
        ("--timeout", "soon"),
        ("--poll-interval", "1e308"),
        ("--poll-interval", "inf"),
        ("--wait-timeout", "nan"),
        ("--wait-timeout", "1e400"),
    ],
)
def test_bad_numbers_are_refused_before_any_request(option: tuple[str, str]) -> None:
    result = run_cli("stop", "1", "--master", "http://127.0.0.1:1", *option)
    assert result.exit_code == 2
    assert option[0] in result.stderr and "Traceback" not in result.output


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.floats() | st.text(max_size=8).map(str))
def test_any_timeout_is_exit_2_without_a_server_and_never_a_traceback(value: object) -> None:
    result = run_cli("status", "1", "--master", "http://127.0.0.1:1", "--timeout", str(value))
    assert result.exit_code == 2


@pytest.mark.parametrize("seconds", [math.inf, math.nan, 1e10, -1.0, 0.0])
def test_the_python_api_refuses_unusable_timeouts(seconds: float) -> None:
    with pytest.raises(UsageError, match="timeout must be"):
        Client("http://127.0.0.1:1", timeout=seconds)
