"""`stconfig.lint(...)` in Python: paths and in-memory jobs, suppressions, includes, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import stconfig
from stconfig.errors import FileReadError
from stconfig.lint import Severity
from stconfig.lint.fix import fixed_texts
from stconfig.model.job import Job, plugin_node
from stconfig.model.values import ObjectNode, Scalar


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def codes(diagnostics: list[stconfig.lint.Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def test_lint_path_returns_sorted_located_diagnostics(tmp_path: Path) -> None:
    path = write(tmp_path, "job.conf", 'env { job.mode = "stream" }\nsource { FakeSource {} }\n')
    found = stconfig.lint(path, select=["ST1"])
    assert codes(found) == ["ST101", "ST102"]
    assert (found[1].line, found[1].column, found[1].end) == (1, 18, (1, 26))
    assert str(found[1]).startswith(f"{path}:1:18: ST102 job.mode 'stream'")
    assert found[1].help == "did you mean 'STREAMING'?"


def test_lint_job_built_in_memory_has_no_spans() -> None:
    env = ObjectNode()
    env.set("job.mode", Scalar("BATCH"))
    job = Job.build(
        env, [plugin_node("FakeSource"), plugin_node("FakeSource")], sinks=[plugin_node("Console")]
    )
    found = stconfig.lint(job, select=["ST2"])
    assert codes(found) == ["ST204", "ST204", "ST206"]
    assert all(d.path == "<job>" and d.span is None and d.line == 1 for d in found)


def test_suppressions_on_the_line_and_above_and_unused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "job.conf",
        (
            'env { job.mode = "batch" }  // stconfig: ignore[ST103]\n'
            "source {\n"
            "  # stconfig: ignore[ST2]\n"
            '  FakeSource { plugin_input = "x" }\n'
            "}\n"
            "sink { Console {} }  # stconfig: ignore[ST201]\n"
        ),
    )
    found = stconfig.lint(path, select=["ST103", "ST207", "ST201", "ST002"])
    assert [(d.code, d.line) for d in found] == [("ST002", 6)]
    assert found[0].message == "unused suppression for ST201"


def test_diagnostics_in_included_files_point_at_them(tmp_path: Path) -> None:
    write(tmp_path, "env.conf", 'env { job.mode = "Batch" }\n')
    path = write(
        tmp_path, "job.conf", 'include "env.conf"\nsource { FakeSource {} }\nsink { Console {} }\n'
    )
    found = stconfig.lint(path, select=["ST103"])
    assert [(d.path, d.line, d.column) for d in found] == [(str(tmp_path / "env.conf"), 1, 18)]
    texts = fixed_texts(found)
    assert texts[str(tmp_path / "env.conf")][1] == 'env { job.mode = "BATCH" }\n'


def test_syntax_error_is_a_finding_and_syntax_rules_still_run(tmp_path: Path) -> None:
    broken = write(tmp_path, "broken.conf", "env {\n  job.mode = BATCH\n")
    assert [(d.code, d.line) for d in stconfig.lint(broken)] == [("ST001", 1)]
    unresolvable = write(tmp_path, "list.conf", "[ 1, 2 ]\n")
    assert codes(stconfig.lint(unresolvable)) == ["ST001"]
    include_error = write(
        tmp_path,
        "inc.conf",
        ('include required("missing.conf")\nsource = [ { plugin_name = "FakeSource" } ]\n'),
    )
    assert codes(stconfig.lint(include_error)) == ["ST001", "ST901"]


def test_unreadable_path_raises(tmp_path: Path) -> None:
    with pytest.raises(FileReadError):
        stconfig.lint(tmp_path / "absent.conf")
    with pytest.raises(ValueError, match="unknown target version"):
        stconfig.lint(tmp_path / "absent.conf", target_version="9.9")


def test_variables_and_environment_resolve_references(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "job.conf",
        "env { job.mode = ${MODE} }\n"
        "source { FakeSource { schema { fields { id = bigint } } } }\n"
        "sink { Console {} }\n",
    )
    assert codes(stconfig.lint(path, environ={})) == ["ST701"]
    assert codes(stconfig.lint(path, environ={"MODE": "BATCH"})) == []
    assert codes(stconfig.lint(path, environ={}, variables={"MODE": "batch"})) == ["ST103"]


def test_pre_submit_check_prints_and_refuses_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from stconfig.lint.presubmit import pre_submit_check
    from stconfig.reader import load

    good = write(
        tmp_path,
        "good.conf",
        (
            'env { job.mode = "STREAMING", checkpoint.interval = 1000, job.id = "42" }\n'
            "source { FakeSource { schema { fields { id = bigint } } } }\nsink { Console {} }\n"
        ),
    )
    assert pre_submit_check(load(good), str(good)) is True
    assert capsys.readouterr().err == ""
    bad = write(
        tmp_path,
        "bad.conf",
        (
            'env { job.mode = "stream" }\n'
            "source { FakeSource { schema { fields { id = bigint } } } }\nsink { Console {} }\n"
        ),
    )
    assert pre_submit_check(load(bad), str(bad)) is False
    assert f"{bad}:1:18: ST102 job.mode 'stream'" in capsys.readouterr().err


def test_pre_submit_check_reads_new_key_names_as_2_3_9(tmp_path: Path) -> None:
    from stconfig.lint.presubmit import pre_submit_check
    from stconfig.reader import load

    path = write(
        tmp_path,
        "new.conf",
        (
            'env { job.mode = "BATCH" }\n'
            'source { FakeSource { plugin_output = "a", schema { fields { id = bigint } } } }\n'
            'sink { Console { plugin_input = "a" } }\n'
        ),
    )
    assert pre_submit_check(load(path), str(path)) is True
    assert pre_submit_check(load(path), str(path), target_version="2.3.8") is False


def test_unknown_plugins_only_against_a_catalog_of_the_target_version(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "job.conf",
        (
            'env { job.mode = "BATCH" }\n'
            "source {\n"
            "  NewSource2025 {}\n"
            "  FakeSource { row.nums = 3, schema { fields { id = bigint } } }\n"
            "}\n"
            "sink { Console {} }\n"
        ),
    )
    exact = stconfig.lint(path, select=["ST3"], target_version="2.3.8")
    assert [(d.code, d.severity) for d in exact] == [
        ("ST306", Severity.ERROR),
        ("ST301", Severity.WARNING),
    ]
    # No catalog describes 2.3.12: an unknown name is a warning that says the catalog ends
    # at 2.3.8, and option checks say they used 2.3.8's options.
    newer = stconfig.lint(path, select=["ST3"], target_version="2.3.12")
    assert [(d.code, d.severity) for d in newer] == [
        ("ST306", Severity.WARNING),
        ("ST301", Severity.WARNING),
    ]
    assert "the plugin catalog ends at SeaTunnel 2.3.8; 2.3.12 may have more" in newer[0].message
    assert newer[1].message.endswith(
        "(checked with SeaTunnel 2.3.8's options; the target is 2.3.12)"
    )


def test_a_job_with_plugin_output_keys_is_checked_as_the_default_2_3_8(tmp_path: Path) -> None:
    job = write(
        tmp_path,
        "job.conf",
        'env { job.mode = "BATCH" }\n'
        'source { FakeSource { plugin_output = "t", schema { fields { id = int } } } }\n'
        'sink { Console { plugin_input = "t" } }\n',
    )
    # WHEN no version is chosen THEN the job is checked as 2.3.8, which ignores the keys, and
    # the finding says to choose the version if the cluster is newer
    default = stconfig.lint(job)
    assert {d.code for d in default} == {"ST402"}
    assert all("--target-version" in (d.help or "") for d in default)
    chosen = stconfig.lint(job, target_version="2.3.8")
    assert {d.code for d in chosen} == {"ST402"}
    assert not any("--target-version" in (d.help or "") for d in chosen)
    assert stconfig.lint(job, target_version="2.3.9") == []
