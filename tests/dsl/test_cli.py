"""`stconfig build` and `stconfig import` through click: outputs, --check, errors."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPOSITORY, run_cli

CHAIN = """\
from stconfig.dsl import Job, Sink, Source

with Job("chain", mode="BATCH") as job:
    Source("FakeSource", {"row.num": 3}) >> Sink("Console")
"""

HELPER_RAISES = """\
from stconfig.dsl import Job, Source


def make(rows):
    return Source("FakeSource", {"row.num": rows}, plugin_output=rows)


with Job("bad") as job:
    make(3)
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_build_writes_beside_the_file_and_check_passes(tmp_path: Path) -> None:
    source = write(tmp_path, "chain.py", CHAIN)
    result = run_cli("build", str(source), "--format", "json", "--format", "hocon")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "chain.json").read_text().startswith('{\n  "env"')
    assert "Console" in (tmp_path / "chain.conf").read_text()
    check = run_cli("build", "--check", str(source), "--format", "json", "--format", "hocon")
    assert check.exit_code == 0, check.output


def test_check_reports_stale_and_missing_outputs(tmp_path: Path) -> None:
    source = write(tmp_path, "chain.py", CHAIN)
    run_cli("build", str(source))
    (tmp_path / "chain.json").write_text("{}\n")
    result = run_cli("build", "--check", str(source), "--format", "json", "--format", "hocon")
    assert result.exit_code == 1
    assert "chain.json: stale" in result.output
    assert "chain.conf: missing" in result.output
    assert (tmp_path / "chain.json").read_text() == "{}\n"


def test_a_refused_typed_plugin_is_one_line_at_its_call(tmp_path: Path) -> None:
    source = write(
        tmp_path,
        "noschema.py",
        "from stconfig.dsl import Console, FakeSource, Job\n\n"
        'with Job("x", mode="BATCH"):\n'
        "    FakeSource(row_num=1) >> Console()\n",
    )
    result = run_cli("build", str(source))
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {source}:4:5: FakeSource: schema: set 'schema' or")
    assert len(result.output.splitlines()) == 1


def test_any_python_error_is_named_with_its_message(tmp_path: Path) -> None:
    source = write(tmp_path, "typo.py", "settings = {}\nrows = settings['rows']\n")
    result = run_cli("build", str(source))
    assert (result.exit_code, result.output) == (2, f"error: {source}:2:8: KeyError: 'rows'\n")


def test_output_file_and_folder(tmp_path: Path) -> None:
    source = write(tmp_path, "chain.py", CHAIN)
    target = tmp_path / "out" / "job.conf"
    target.parent.mkdir()
    assert run_cli("build", str(source), "--format", "hocon", "-o", str(target)).exit_code == 0
    assert target.read_text().startswith("# Built by stconfig for SeaTunnel 2.3.8.\nenv {")
    folder = tmp_path / "built"
    assert run_cli("build", str(source), "-o", f"{folder}/").exit_code == 0
    assert (folder / "chain.json").is_file()


def test_every_job_object_of_a_file(tmp_path: Path) -> None:
    source = write(
        tmp_path,
        "tables.py",
        "from stconfig.dsl import Job, Sink, Source\n\n\n"
        "def copy(table):\n"
        "    with Job(f'copy-{table}') as job:\n"
        "        Source('Jdbc', {'query': f'select * from {table}'}) >> Sink('Console')\n"
        "    return job\n\n\n"
        "jobs = [copy(t) for t in ('users', 'orders')]\n",
    )
    result = run_cli("build", str(source))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("*.json")) == [
        "tables.copy-orders.json",
        "tables.copy-users.json",
    ]


def test_a_raising_file_shows_only_the_users_frames(tmp_path: Path) -> None:
    source = write(tmp_path, "bad.py", HELPER_RAISES)
    result = run_cli("build", str(source))
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0] == f"error: {source}:5: plugin_output must be a non-empty string, got 3"
    assert lines[1:] == [f"  called from {source}:9 (<module>)"]
    assert "Traceback" not in result.output
    assert "stconfig/dsl" not in result.output
    assert not list(tmp_path.glob("*.json"))


def test_syntax_errors_and_files_without_jobs(tmp_path: Path) -> None:
    broken = write(tmp_path, "broken.py", "with Job(:\n")
    result = run_cli("build", str(broken))
    assert result.exit_code == 2
    assert "broken.py:1:10: syntax error" in result.output
    empty = write(tmp_path, "empty.py", "x = 1\n")
    result = run_cli("build", str(empty))
    assert result.exit_code == 2
    assert "defines no job" in result.output


def test_a_build_time_wiring_error_is_one_line(tmp_path: Path) -> None:
    source = write(
        tmp_path,
        "dangling.py",
        "from stconfig.dsl import Job, Sink, Source\n"
        "with Job('x') as job:\n"
        "    Source('FakeSource', plugin_output='a')\n"
        "    Sink('Console', plugin_input='b')\n",
    )
    result = run_cli("build", str(source))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"error: {source}:4: Console reads table 'b', which no source or transform produces"
    )


def test_import_then_build_reproduces_the_file(tmp_path: Path) -> None:
    original = REPOSITORY / "examples" / "conf" / "fake_to_console.conf"
    code = tmp_path / "fake.py"
    result = run_cli("import", str(original), "-o", str(code))
    assert result.exit_code == 0, result.output
    text = code.read_text()
    assert "with Job(" in text and " >> " in text
    assert run_cli("build", str(code), "--format", "hocon").exit_code == 0
    assert run_cli("convert", str(tmp_path / "fake.conf")).output == (
        run_cli("convert", str(original)).output
    )


def test_import_keeps_variables_and_reads_standard_input() -> None:
    result = run_cli(
        "import",
        "-",
        input='env { job.mode = "BATCH" }\n'
        'source { Jdbc { url = "${URL:jdbc:mysql://db/x}" } }\n'
        "sink { Console {} }\n",
    )
    assert result.exit_code == 0, result.output
    assert 'Var("URL", "jdbc:mysql://db/x")' in result.output


def test_import_bad_input_is_one_line(tmp_path: Path) -> None:
    missing = run_cli("import", str(tmp_path / "nope.conf"))
    assert missing.exit_code == 2
    assert missing.output.startswith("error: ")
    broken = write(tmp_path, "broken.conf", "env { \n")
    result = run_cli("import", str(broken))
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def build_check_hook() -> dict[str, str]:
    """The `stconfig-build-check` hook's fields, read from .pre-commit-hooks.yaml."""
    text = (REPOSITORY / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    block = text.split("- id: stconfig-build-check\n", 1)[1].split("\n- id:", 1)[0]
    fields = dict(re.findall(r"^  (\w+): (.+)$", block, re.MULTILINE))
    return {key: value.strip("'") for key, value in fields.items()}


@pytest.mark.parametrize(
    ("name", "matched"),
    [("jobs/orders.py", True), ("etl/seatunnel/copy.py", True), ("setup.py", False)],
)
def test_hook_file_pattern(name: str, matched: bool) -> None:
    assert (re.search(build_check_hook()["files"], name) is not None) is matched


def test_pre_commit_entry_checks_the_examples(tmp_path: Path) -> None:
    # GIVEN a copy of the examples, as pre-commit would pass them to the hook's entry
    copy = tmp_path / "jobs"
    shutil.copytree(REPOSITORY / "examples" / "dsl", copy)
    files = sorted(str(p) for p in copy.glob("*.py"))
    program, *arguments = shlex.split(build_check_hook()["entry"])
    assert program == "stconfig"
    # THEN the committed outputs are up to date, and a stale one fails the hook
    assert run_cli(*arguments, *files).exit_code == 0
    (copy / "fan_out.json").write_text("{}\n")
    stale = run_cli(*arguments, *files)
    assert stale.exit_code == 1
    assert "fan_out.json: stale" in stale.output


def test_load_reads_a_file_into_dsl_objects() -> None:
    from stconfig.dsl import Job, load

    job = load(str(REPOSITORY / "examples" / "conf" / "fake_to_console.conf"))
    assert isinstance(job, Job)
    assert [repr(plugin).split("(")[0] for plugin in job] == [
        "FakeSource",
        "FieldMapper",
        "Filter",
        "Console",
    ]
    assert "row_num=16" in repr(job.plugins[0])


def test_convert_and_graph_take_a_dsl_file_with_one_job(tmp_path: Path) -> None:
    source = write(tmp_path, "chain.py", CHAIN)
    converted = run_cli("convert", str(source), "--to", "hocon")
    assert converted.exit_code == 0, converted.output
    assert converted.output.startswith("# Built by stconfig for SeaTunnel 2.3.8.\nenv {")
    assert "FakeSource {" in converted.output
    drawn = run_cli("graph", str(source))
    assert drawn.exit_code == 0, drawn.output
    assert '-->|"fake_source"|' in drawn.output


def test_one_job_commands_refuse_a_dsl_file_with_several(tmp_path: Path) -> None:
    source = write(
        tmp_path,
        "two.py",
        CHAIN.replace("as job", "as chain") + 'with Job("other", mode="BATCH") as other:\n'
        '    Source("FakeSource", {"row.num": 1}) >> Sink("Console")\n',
    )
    result = run_cli("convert", str(source))
    assert result.exit_code == 2
    assert "defines 2 jobs (two.chain, two.other); this command takes one job" in result.output


SECRET_JOB = """\
env { job.mode = "BATCH", job.name = ${NAME} }
source {
  Jdbc {
    url = "jdbc:mysql://db/x", driver = "com.mysql.cj.jdbc.Driver", query = "select 1"
    user = root
    password = ${MYSQL_PASSWORD}
  }
}
sink { Console {} }
"""


def test_import_never_writes_a_variables_value_into_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NAME", "from-the-environment")
    job = write(tmp_path, "secret.conf", SECRET_JOB)
    result = run_cli("import", str(job), "--var", "MYSQL_PASSWORD=hunter2")
    assert result.exit_code == 0, result.output
    assert "hunter2" not in result.stdout and "from-the-environment" not in result.stdout
    assert 'password=Secret("MYSQL_PASSWORD")' in result.stdout
    assert 'Var("NAME")' in result.stdout
    assert "warning: --var values are not written into the code" in result.stderr
    from stconfig.dsl import load

    loaded = load(str(job))
    assert "hunter2" not in repr(loaded.to_dict())


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'with Job(mode="batch") as job:',
            "bad.py:3:6: Env: mode='batch' is not one of 'BATCH', 'STREAMING' "
            "(did you mean 'BATCH'?)",
        ),
        (
            "with Job(mode='BATCH') as job:\n    FakeSource(row_nums=3) >> Console()",
            "bad.py:4:5: FakeSource: unknown option 'row_nums' (did you mean 'row_num'?)",
        ),
        (
            "with Job(mode='BATCH') as job:\n    FakeSource(row_num='many') >> Console()",
            "bad.py:4:5: FakeSource: row_num: expected an integer, got 'many'",
        ),
    ],
)
def test_dsl_errors_read_like_the_linter(tmp_path: Path, line: str, expected: str) -> None:
    header = "from stconfig.dsl import Console, FakeSource, Job\n\n"
    body = line if "\n" in line else line + "\n    FakeSource(row_num=1) >> Console()"
    bad = write(tmp_path, "bad.py", header + body + "\n")
    result = run_cli("build", str(bad))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and lines[0].endswith(expected)
    assert "Input should" not in result.stderr and "is-instance" not in result.stderr
