"""`stconfig convert PATH... -o DIR/`: many files in one process, all or nothing, and --check."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

from tests.conftest import REPOSITORY, run_cli
from tests.corpus.compare import first_difference
from tests.corpus.test_conformance import corpus_cases

JOB = 'env { job.mode = "BATCH" }\nsource { FakeSource { row.num = 5 } }\nsink { Console {} }\n'


def make_tree(root: Path) -> Path:
    jobs = root / "jobs"
    (jobs / "a").mkdir(parents=True)
    (jobs / "a" / "x.conf").write_text(JOB)
    (jobs / "y.hocon").write_text(JOB.replace("5", "6"))
    (jobs / ".hidden").mkdir()
    (jobs / ".hidden" / "skip.conf").write_text("not { a job")
    (jobs / "notes.txt").write_text("ignored")
    return jobs


def tree(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): path.read_text()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_folder_is_mirrored_with_the_target_extension(tmp_path: Path) -> None:
    jobs = make_tree(tmp_path)
    out = tmp_path / "out"
    result = run_cli("convert", str(jobs), "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    assert sorted(tree(out)) == ["a/x.json", "y.json"]
    assert json.loads((out / "a" / "x.json").read_text())["source"][0]["row.num"] == 5
    assert "converted 2 files" in result.stderr


def test_files_and_folders_mixed_to_hocon(tmp_path: Path) -> None:
    jobs = make_tree(tmp_path)
    single = tmp_path / "single.json"
    single.write_text('{"source": [{"plugin_name": "FakeSource"}], "sink": []}')
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli("convert", str(jobs), str(single), "--to", "hocon", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(tree(out)) == ["a/x.conf", "single.conf", "y.conf"]
    again = run_cli("convert", str(out / "single.conf"))
    assert json.loads(again.stdout) == json.loads(single.read_text())


def test_one_bad_file_writes_nothing_and_reports_every_error(tmp_path: Path) -> None:
    jobs = make_tree(tmp_path)
    (jobs / "a" / "bad.conf").write_text("source {\n  Fake { a = ")
    (jobs / "b.conf").write_text("a = ${nowhere}\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("untouched")
    result = run_cli("convert", str(jobs), "-o", f"{out}/")
    assert result.exit_code == 2
    assert f"{jobs / 'a' / 'bad.conf'}:2:" in result.stderr
    assert f"{jobs / 'b.conf'}:1:5: unresolved variable 'nowhere'" in result.stderr
    assert "2 errors; nothing written" in result.stderr
    assert tree(out) == {"keep.txt": "untouched"}
    assert "Traceback" not in result.output


def test_check_lists_missing_and_stale_outputs(tmp_path: Path) -> None:
    jobs = make_tree(tmp_path)
    out = tmp_path / "out"
    assert run_cli("convert", str(jobs), "-o", f"{out}/").exit_code == 0
    clean = run_cli("convert", str(jobs), "-o", f"{out}/", "--check")
    assert clean.exit_code == 0 and clean.stdout == ""
    before = tree(out)
    (jobs / "a" / "x.conf").write_text(JOB.replace("5", "7"))  # a one-character change
    (jobs / "z.conf").write_text(JOB)
    result = run_cli("convert", str(jobs), "-o", f"{out}/", "--check")
    assert result.exit_code == 1
    assert sorted(result.stdout.splitlines()) == [
        f"{out / 'a' / 'x.json'}: differs (converted from {jobs / 'a' / 'x.conf'})",
        f"{out / 'z.json'}: missing (converted from {jobs / 'z.conf'})",
    ]
    assert tree(out) == before


def test_check_for_one_file(tmp_path: Path) -> None:
    source = tmp_path / "job.conf"
    source.write_text(JOB)
    target = tmp_path / "job.json"
    assert run_cli("convert", str(source), "-o", str(target), "--check").exit_code == 1
    assert not target.exists()
    assert run_cli("convert", str(source), "-o", str(target)).exit_code == 0
    assert run_cli("convert", str(source), "-o", str(target), "--check").exit_code == 0
    target.write_text(target.read_text().replace("5", "4"))
    result = run_cli("convert", str(source), "-o", str(target), "--check")
    assert result.exit_code == 1
    assert result.stdout == f"{target}: differs (converted from {source})\n"


def test_outputs_inside_an_input_folder_are_not_read_back(tmp_path: Path) -> None:
    jobs = make_tree(tmp_path)
    out = jobs / "generated"
    assert run_cli("convert", str(jobs), "-o", f"{out}/").exit_code == 0
    again = run_cli("convert", str(jobs), "-o", f"{out}/")
    assert again.exit_code == 0, again.output
    assert sorted(tree(out)) == ["a/x.json", "y.json"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    jobs = make_tree(tmp_path)
    one, two = jobs / "a" / "x.conf", jobs / "y.hocon"
    cases = [
        (["convert", str(one), str(two)], "need -o DIR/"),
        (["convert", str(jobs), "-o", str(tmp_path / "file.json")], "need -o DIR/"),
        (["convert", str(one), "--check"], "--check compares with an output"),
        (["convert", "-", str(one), "-o", f"{tmp_path}/o/"], "converted alone"),
        (["convert", str(tmp_path / "empty"), "-o", f"{tmp_path}/o/"], "no such file"),
    ]
    for args, message in cases:
        result = run_cli(*args)
        assert result.exit_code == 2, args
        assert message in result.stderr, (args, result.stderr)


def test_two_inputs_for_one_output_are_refused(tmp_path: Path) -> None:
    jobs = make_tree(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "y.conf").write_text(JOB)
    out = tmp_path / "out"
    result = run_cli("convert", str(jobs), str(other / "y.conf"), "-o", f"{out}/")
    assert result.exit_code == 2
    assert "would both be written to" in result.stderr
    assert not out.exists()
    (out / "y.json").mkdir(parents=True)
    folder = run_cli("convert", str(jobs), "-o", f"{out}/")
    assert folder.exit_code == 2
    assert "the output" in folder.stderr and "is a folder" in folder.stderr
    assert not (out / "a").exists()
    same = run_cli("convert", str(jobs), "--to", "hocon", "-o", f"{jobs}/")
    assert same.exit_code == 2
    assert "is an input" in same.stderr


def test_single_file_stdout_unchanged(tmp_path: Path) -> None:
    source = tmp_path / "job.conf"
    source.write_text(JOB)
    result = run_cli("convert", str(source))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["sink"] == [{"plugin_name": "Console"}]
    into_folder = run_cli("convert", str(source), "-o", f"{tmp_path}/out/")
    assert into_folder.exit_code == 0
    assert (tmp_path / "out" / "job.json").is_file()


def test_whole_corpus_in_one_call_matches_the_expected_json(
    conformance_dir: Path, tmp_path: Path
) -> None:
    cases_root = conformance_dir / "seatunnel-2.3.8" / "cases"
    tree_in = tmp_path / "in"
    pairs = corpus_cases(conformance_dir)
    for conf, _ in pairs:
        copy = tree_in / conf.relative_to(cases_root)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(conf, copy)
    out = tmp_path / "out"
    result = run_cli("convert", str(tree_in), "-o", f"{out}/")
    assert result.exit_code == 0, result.stderr[-2000:]
    matched = 0
    for conf, expected in pairs:
        written = out / conf.relative_to(cases_root).with_suffix(".json")
        actual = json.loads(written.read_text(encoding="utf-8"))
        assert first_difference(actual, json.loads(expected.read_text("utf-8"))) is None, conf
        matched += 1
    assert matched == len(pairs) == 661
    assert len(list(out.rglob("*.json"))) == 661


def test_pre_commit_hook_checks_the_folder_given_in_args(tmp_path: Path) -> None:
    """The `stconfig-convert-check` hook runs its entry with the args the README shows."""
    text = (REPOSITORY / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    block = text.split("- id: stconfig-convert-check\n", 1)[1].split("\n- id:", 1)[0]
    fields = dict(re.findall(r"^  (\w+): (.+)$", block, re.MULTILINE))
    assert fields["pass_filenames"] == "false"
    program, *arguments = shlex.split(fields["entry"])
    assert program == "stconfig"
    assert "args: [conf, -o, rest/]" in (REPOSITORY / "README.md").read_text(encoding="utf-8")
    conf = make_tree(tmp_path)
    rest = tmp_path / "rest"
    missing = run_cli(*arguments, str(conf), "-o", f"{rest}/")
    assert missing.exit_code == 1
    assert run_cli("convert", str(conf), "-o", f"{rest}/").exit_code == 0
    assert run_cli(*arguments, str(conf), "-o", f"{rest}/").exit_code == 0


def test_a_read_only_output_stops_the_batch_before_anything_is_written(tmp_path: Path) -> None:
    jobs = make_tree(tmp_path)
    out = tmp_path / "out"
    (out / "a").mkdir(parents=True)
    locked = out / "y.json"
    locked.write_text("old\n")
    locked.chmod(0o444)
    result = run_cli("convert", str(jobs), "-o", f"{out}/")
    assert result.exit_code == 2
    assert f"{locked}: is read-only" in result.stderr
    assert "nothing written" in result.stderr
    assert tree(out) == {"y.json": "old\n"}


def test_converting_again_leaves_up_to_date_outputs_untouched(tmp_path: Path) -> None:
    jobs = make_tree(tmp_path)
    out = tmp_path / "out"
    assert run_cli("convert", str(jobs), "-o", f"{out}/").exit_code == 0
    same, changed = out / "a" / "x.json", out / "y.json"
    before = {path: path.stat() for path in (same, changed)}
    (jobs / "y.hocon").write_text(JOB.replace("5", "7"))
    result = run_cli("convert", str(jobs), "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    assert "converted 2 files" in result.stderr
    assert "(1 already up to date, left untouched)" in result.stderr
    after = {path: path.stat() for path in (same, changed)}
    assert (after[same].st_ino, after[same].st_mtime_ns) == (
        before[same].st_ino,
        before[same].st_mtime_ns,
    )
    assert after[changed].st_ino != before[changed].st_ino
    assert json.loads(changed.read_text())["source"][0]["row.num"] == 7
