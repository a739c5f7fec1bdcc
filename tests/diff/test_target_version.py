"""`stconfig diff --target-version`: table names read through the keys that version reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import stconfig
from tests.conftest import run_cli

OLD_KEYS_JOB = """\
env { job.mode = "BATCH" }
source { FakeSource { result_table_name = "fake", row.num = 5 } }
transform { Sql { source_table_name = "fake", result_table_name = "t", query = "select 1" } }
sink { Console { source_table_name = "t" } }
"""

NEW_KEYS_JOB = OLD_KEYS_JOB.replace("result_table_name", "plugin_output").replace(
    "source_table_name", "plugin_input"
)


def renamed(job: str) -> str:
    """The job with its table `fake` renamed `raw`, producer and consumer alike."""
    return job.replace('"fake"', '"raw"')


def write_pair(folder: Path, old: str, new: str) -> tuple[str, str]:
    (folder / "old.conf").write_text(old)
    (folder / "new.conf").write_text(new)
    return str(folder / "old.conf"), str(folder / "new.conf")


def changes(folder: Path, *options: str) -> list[dict[str, object]]:
    result = run_cli("diff", *write_pair(folder, *PAIR), "--output-format", "json", *options)
    assert result.exit_code == 1, result.output
    found: list[dict[str, object]] = json.loads(result.stdout)["changes"]
    return found


PAIR = (NEW_KEYS_JOB, renamed(NEW_KEYS_JOB))


def test_new_keys_are_wiring_for_2_3_9_and_options_for_2_3_8(tmp_path: Path) -> None:
    as_2_3_9 = changes(tmp_path, "--target-version", "2.3.9")
    assert [(c["section"], c["action"]) for c in as_2_3_9] == [("wiring", "renamed")]
    as_2_3_8 = changes(tmp_path, "--target-version", "2.3.8")
    # 2.3.8 does not read plugin_output / plugin_input: two option values changed.
    assert sorted((c["section"], c["action"], c["plugin"]) for c in as_2_3_8) == [
        ("option", "changed", "source[0] FakeSource"),
        ("option", "changed", "transform[0] Sql"),
    ]
    assert {tuple(c["key"]) for c in as_2_3_8} == {("plugin_output",), ("plugin_input",)}


def test_without_a_version_either_spelling_names_a_table(tmp_path: Path) -> None:
    assert [(c["section"], c["action"]) for c in changes(tmp_path)] == [("wiring", "renamed")]


def test_old_keys_are_wiring_for_every_version(tmp_path: Path) -> None:
    pair = write_pair(tmp_path, OLD_KEYS_JOB, renamed(OLD_KEYS_JOB))
    for version in ("2.3.8", "2.3.12"):
        result = run_cli("diff", *pair, "--target-version", version)
        assert result.exit_code == 1
        assert "fake" in result.stdout and "raw" in result.stdout
        assert "renamed" in result.stdout and "options:" not in result.stdout, version


def test_2_3_9_reads_the_new_key_before_the_old_one(tmp_path: Path) -> None:
    both = OLD_KEYS_JOB.replace(
        'result_table_name = "fake"', 'plugin_output = "fake2", result_table_name = "fake"'
    )
    both = both.replace('Sql { source_table_name = "fake"', 'Sql { plugin_input = "fake2"')
    pair = write_pair(tmp_path, OLD_KEYS_JOB, both)
    result = run_cli("diff", *pair, "--target-version", "2.3.9", "--output-format", "json")
    found = json.loads(result.stdout)["changes"]
    assert [(c["section"], c["action"], c["old"], c["new"]) for c in found] == [
        ("wiring", "renamed", "fake", "fake2")
    ]


def test_the_version_in_pyproject_applies_and_the_flag_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.stconfig]\ntarget-version = "2.3.8"\n')
    monkeypatch.chdir(tmp_path)
    assert {c["section"] for c in changes(tmp_path)} == {"option"}
    assert {c["section"] for c in changes(tmp_path, "--target-version", "2.3.10")} == {"wiring"}


def test_a_bad_version_in_pyproject_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.stconfig]\ntarget-version = "9.9"\n')
    monkeypatch.chdir(tmp_path)
    result = run_cli("diff", *write_pair(tmp_path, *PAIR))
    assert result.exit_code == 2
    assert "target-version: unknown target version '9.9'" in result.output
    assert "Traceback" not in result.output


def test_textconv_refuses_a_version_it_would_not_use(tmp_path: Path) -> None:
    old, _ = write_pair(tmp_path, *PAIR)
    result = run_cli("diff", "--textconv", old, "--target-version", "2.3.9")
    assert result.exit_code == 2
    assert "--target-version does not apply to --textconv" in result.output


def test_python_api_takes_the_version(tmp_path: Path) -> None:
    old, new = write_pair(tmp_path, *PAIR)
    assert [c.section for c in stconfig.diff(old, new, target_version="2.3.9").changes] == [
        "wiring"
    ]
    assert {c.section for c in stconfig.diff(old, new, target_version="2.3.8").changes} == {
        "option"
    }
    with pytest.raises(ValueError, match=r"unknown target version .2\.4\.0."):
        stconfig.diff(old, new, target_version="2.4.0")
