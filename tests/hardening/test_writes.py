"""Writes like careful tools: through symlinks, onto streams, keeping modes and hard links,
refusing read-only files, one line naming the user's path on failure, and no temp file left.

The suite runs as root, which ignores file modes: read-only files are refused by their mode
bits, and a read-only folder or a full disk is simulated by making `os.open` / `os.write` /
`os.fsync` fail.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import stconfig._files as files
from stconfig._files import FileWriteError, check_writable, write_atomic, write_many
from tests.conftest import run_cli

LOWER = 'env { job.mode = "batch" }\nsource { FakeSource {} }\nsink { Console {} }\n'
UPPER = LOWER.replace('"batch"', '"BATCH"')


def job(folder: Path, name: str = "job.conf", text: str = LOWER, mode: int = 0o644) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def fix(*paths: Path) -> Any:
    return run_cli("lint", "--fix", "--select", "ST103", *map(str, paths))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def one_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert "Traceback" not in output
    assert ".tmp" not in output  # never the hidden temporary file
    return lines[0]


# Symlinks: written through, the link stays a link.


def test_fix_writes_through_a_symlink(tmp_path: Path) -> None:
    real = job(tmp_path, "real.conf")
    link = tmp_path / "link.conf"
    link.symlink_to("real.conf")
    result = fix(link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == "real.conf"
    assert real.read_text(encoding="utf-8") == UPPER


def test_convert_output_writes_through_a_symlink_chain(tmp_path: Path) -> None:
    source = job(tmp_path)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "job.json"
    target.write_text("old", encoding="utf-8")
    (tmp_path / "middle.json").symlink_to(target)
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "middle.json")
    result = run_cli("convert", str(source), "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and (tmp_path / "middle.json").is_symlink()
    assert '"job.mode": "batch"' in target.read_text(encoding="utf-8")
    assert leftovers(tmp_path / "out") == []


def test_a_dangling_symlink_gets_its_target_created(tmp_path: Path) -> None:
    source = job(tmp_path)
    link = tmp_path / "link.py"
    link.symlink_to("generated.py")
    result = run_cli("import", str(source), "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and (tmp_path / "generated.py").is_file()


# Non-regular targets.


def test_output_to_a_fifo_streams_into_it(tmp_path: Path) -> None:
    source = job(tmp_path)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run_cli("convert", str(source), "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert b'"job.mode": "batch"' in received[0]


def test_output_to_dev_fd_streams(tmp_path: Path) -> None:
    # /dev/fd/1 rather than /dev/stdout: code that replaces its target cannot harm /dev/fd.
    source = job(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "stconfig", "convert", str(source), "-o", "/dev/fd/1"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b'"job.mode": "batch"' in done.stdout


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
def test_output_to_a_full_character_device_is_one_line(tmp_path: Path) -> None:
    result = run_cli("convert", str(job(tmp_path)), "-o", "/dev/full")
    assert result.exit_code == 2
    assert one_line(result.output) == "error: /dev/full: cannot write: no space left on the device"
    assert Path("/dev/full").is_char_device()


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
def test_fix_refuses_a_character_device() -> None:
    with pytest.raises(FileWriteError, match="is a character device, not a regular file"):
        check_writable("/dev/full", special="refuse")


def test_fix_refuses_a_fifo_and_a_folder(tmp_path: Path) -> None:
    fifo = tmp_path / "x.conf"
    os.mkfifo(fifo)
    with pytest.raises(FileWriteError, match=r"x\.conf: is a FIFO, not a regular file"):
        write_atomic(fifo, "text", special="refuse")
    with pytest.raises(FileWriteError, match="is a folder"):
        write_atomic(tmp_path, "text", special="refuse")
    with pytest.raises(FileWriteError, match="is a folder"):
        write_atomic(tmp_path, "text")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_build_output_folder_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    dsl = tmp_path / "jobs.py"
    dsl.write_text(
        "from stconfig.dsl import Job, Sink, Source\n"
        "with Job('chain', mode='BATCH') as job:\n"
        "    Source('FakeSource', {'row.num': 3}) >> Sink('Console')\n",
        encoding="utf-8",
    )
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run_cli("build", str(dsl), "-o", str(blocker) + "/")
    assert result.exit_code == 2
    assert one_line(result.output).startswith("error: ")


# Modes, read-only files, hard links.


def test_fix_keeps_the_mode(tmp_path: Path) -> None:
    path = job(tmp_path, mode=0o640)
    assert fix(path).exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text(encoding="utf-8") == UPPER


def test_fix_refuses_a_read_only_file(tmp_path: Path) -> None:
    path = job(tmp_path, mode=0o444)
    result = fix(path)
    assert result.exit_code == 2
    assert one_line(result.output) == (
        f"error: {path}: is read-only; left unchanged (make it writable with `chmod u+w` first)"
    )
    assert path.read_text(encoding="utf-8") == LOWER


def test_fix_writes_nothing_when_one_of_the_files_is_read_only(tmp_path: Path) -> None:
    writable = job(tmp_path, "a.conf")
    read_only = job(tmp_path, "b.conf", mode=0o444)
    result = fix(writable, read_only)
    assert result.exit_code == 2
    assert str(read_only) in result.output
    assert writable.read_text(encoding="utf-8") == LOWER


def test_convert_refuses_to_overwrite_a_read_only_output(tmp_path: Path) -> None:
    out = job(tmp_path, "out.json", text="keep", mode=0o444)
    result = run_cli("convert", str(job(tmp_path)), "-o", str(out))
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "keep"


def test_fix_keeps_hard_links(tmp_path: Path) -> None:
    path = job(tmp_path, mode=0o600)
    other = tmp_path / "other-name.conf"
    os.link(path, other)
    inode = path.stat().st_ino
    assert fix(path).exit_code == 0
    assert path.stat().st_ino == inode and path.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == UPPER
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_a_hard_linked_file_that_does_not_fit_is_left_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = job(tmp_path)
    os.link(path, tmp_path / "other.conf")
    monkeypatch.setattr(os, "write", _fails(errno.ENOSPC))
    result = fix(path)
    assert result.exit_code == 2
    assert "no space left on the device" in one_line(result.output)
    assert path.read_text(encoding="utf-8") == LOWER
    assert leftovers(tmp_path) == []


# Failures: one line naming the user's path, exit 2, no traceback, no temp file left.


def _fails(code: int) -> Callable[..., Any]:
    def failing(*args: Any, **kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    return failing


def test_fix_in_a_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = job(tmp_path)
    real_open = os.open

    def deny_new_files(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and Path(os.fsdecode(file)).parent == tmp_path:
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny_new_files)
    result = fix(path)
    assert result.exit_code == 2
    assert one_line(result.output) == (
        f"error: {path}: cannot write in folder {tmp_path}: permission denied"
    )
    assert path.read_text(encoding="utf-8") == LOWER
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("call", ["write", "fsync", "syncfs"])
def test_fix_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str) -> None:
    path = job(tmp_path)
    if call == "syncfs":
        if not files._has_syncfs():
            pytest.skip("needs Linux syncfs (kernel 5.8+)")
        monkeypatch.setattr(files, "_sync_file_system", _fails(errno.ENOSPC))
    else:
        monkeypatch.setattr(files, "_has_syncfs", lambda: False)  # fsync file by file
        monkeypatch.setattr(os, call, _fails(errno.ENOSPC))
    result = fix(path)
    assert result.exit_code == 2
    assert one_line(result.output) == (f"error: {path}: cannot write: no space left on the device")
    assert path.read_text(encoding="utf-8") == LOWER
    assert leftovers(tmp_path) == []


def test_convert_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.json"
    source = job(tmp_path)
    monkeypatch.setattr(os, "fsync", _fails(errno.ENOSPC))
    result = run_cli("convert", str(source), "-o", str(out))
    assert result.exit_code == 2
    assert one_line(result.output) == f"error: {out}: cannot write: no space left on the device"
    assert not out.exists() and leftovers(tmp_path) == []


def test_ctrl_c_while_writing_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = job(tmp_path)

    def interrupt(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, UPPER)
    assert path.read_text(encoding="utf-8") == LOWER
    assert leftovers(tmp_path) == []


def test_sigterm_while_writing_cleans_up_then_reaches_the_previous_handler(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = job(tmp_path)
    received: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda number, frame: received.append(number))
    try:
        monkeypatch.setattr(os, "fsync", lambda descriptor: signal.raise_signal(signal.SIGTERM))
        with pytest.raises(FileWriteError, match="interrupted; left unchanged"):
            write_atomic(path, UPPER)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert received == [signal.SIGTERM]
    assert path.read_text(encoding="utf-8") == LOWER
    assert leftovers(tmp_path) == []


def test_sigterm_while_writing_ends_the_process_without_a_temp(tmp_path: Path) -> None:
    path = job(tmp_path)
    script = (
        "import os, signal, sys\n"
        "from stconfig._files import write_atomic\n"
        "os.fsync = lambda descriptor: os.kill(os.getpid(), signal.SIGTERM)\n"
        "write_atomic(sys.argv[1], 'new')\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path)], check=False)
    assert done.returncode == -signal.SIGTERM
    assert path.read_text(encoding="utf-8") == LOWER
    assert leftovers(tmp_path) == []


def test_format_refuses_a_read_only_file_and_keeps_hard_links(tmp_path: Path) -> None:
    messy = "env {job.mode=BATCH}\nsource {FakeSource {}}\nsink {Console {}}\n"
    read_only = job(tmp_path, "ro.conf", text=messy, mode=0o444)
    linked = job(tmp_path, "linked.conf", text=messy)
    os.link(linked, tmp_path / "twin.conf")
    result = run_cli("format", str(read_only), str(linked))
    assert result.exit_code == 2
    assert f"{read_only}: is read-only; left unchanged" in result.output
    assert read_only.read_text(encoding="utf-8") == messy
    assert (tmp_path / "twin.conf").read_text(encoding="utf-8") != messy
    assert linked.stat().st_nlink == 2


# Batches (`write_many`): the same guarantees, one disk sync for the whole batch.


def _nth_call_fails(real: Callable[..., Any], failing_call: int, code: int) -> Callable[..., Any]:
    calls = 0

    def sometimes(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == failing_call:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    return sometimes


def three_jobs(folder: Path) -> list[Path]:
    return [job(folder, f"job{number}.conf") for number in range(3)]


def _record_syncs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def record(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def recorded(*args: Any) -> Any:
            calls.append(name)
            return real(*args)

        return recorded

    monkeypatch.setattr(os, "sync", record("sync", os.sync))
    monkeypatch.setattr(os, "fsync", record("fsync", os.fsync))
    monkeypatch.setattr(os, "replace", record("replace", os.replace))
    monkeypatch.setattr(files, "_sync_file_system", record("syncfs", files._sync_file_system))
    return calls


@pytest.mark.skipif(not files._has_syncfs(), reason="needs Linux syncfs (kernel 5.8+)")
def test_batch_syncs_its_file_system_once_before_and_once_after_the_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = three_jobs(tmp_path)
    calls = _record_syncs(monkeypatch)
    write_many((path, UPPER) for path in paths)
    # No per-file fsync (a disk cache flush each) and no global sync of other processes' data.
    assert calls == ["syncfs"] + ["replace"] * 3 + ["syncfs"]
    assert [path.read_text(encoding="utf-8") for path in paths] == [UPPER] * 3
    assert leftovers(tmp_path) == []


def test_batch_without_syncfs_fsyncs_each_file_then_each_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "sub").mkdir()
    paths = [*three_jobs(tmp_path), job(tmp_path / "sub", "other.conf")]
    monkeypatch.setattr(files, "_has_syncfs", lambda: False)
    calls = _record_syncs(monkeypatch)
    write_many((path, UPPER) for path in paths)
    assert calls == ["fsync"] * 4 + ["replace"] * 4 + ["fsync"] * 2
    assert [path.read_text(encoding="utf-8") for path in paths] == [UPPER] * 4
    assert leftovers(tmp_path) == [] and leftovers(tmp_path / "sub") == []


def test_batch_into_a_folder_it_cannot_open_fsyncs_each_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = three_jobs(tmp_path)
    real_open = os.open

    def no_folder_descriptors(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.path.isdir(file):
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_folder_descriptors)
    calls = _record_syncs(monkeypatch)
    write_many((path, UPPER) for path in paths)
    assert calls == ["fsync"] * 3 + ["replace"] * 3
    assert [path.read_text(encoding="utf-8") for path in paths] == [UPPER] * 3
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not files._has_syncfs(), reason="needs Linux syncfs (kernel 5.8+)")
def test_batch_reports_a_write_back_error_and_leaves_every_target_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = three_jobs(tmp_path)
    monkeypatch.setattr(files, "_sync_file_system", _fails(errno.EIO))
    with pytest.raises(FileWriteError, match=f"^{paths[0]}: cannot write: Input/output error$"):
        write_many((path, UPPER) for path in paths)
    assert [path.read_text(encoding="utf-8") for path in paths] == [LOWER] * 3
    assert leftovers(tmp_path) == []


def test_batch_new_files_get_the_umask_mode_and_replaced_files_keep_theirs_while_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private = job(tmp_path, "private.conf", mode=0o600)
    modes: list[int] = []
    real_write = os.write

    def observe(descriptor: int, data: Any) -> int:
        modes.append(stat.S_IMODE(os.fstat(descriptor).st_mode))
        return real_write(descriptor, data)

    monkeypatch.setattr(os, "write", observe)
    umask = os.umask(0o027)
    try:
        write_many([(private, UPPER), (tmp_path / "new.conf", UPPER)])
    finally:
        os.umask(umask)
    assert modes == [0o600, 0o640]
    assert stat.S_IMODE((tmp_path / "new.conf").stat().st_mode) == 0o640


def test_batch_leaves_files_that_already_hold_their_text_untouched(tmp_path: Path) -> None:
    same, other = job(tmp_path, "same.conf"), job(tmp_path, "other.conf")
    same.write_text(UPPER, encoding="utf-8")
    inode, mtime = same.stat().st_ino, same.stat().st_mtime_ns
    assert write_many([(same, UPPER), (other, UPPER)]) == 1
    assert (same.stat().st_ino, same.stat().st_mtime_ns) == (inode, mtime)
    assert other.read_text(encoding="utf-8") == UPPER
    assert write_many([(same, UPPER), (other, UPPER)]) == 2
    assert leftovers(tmp_path) == []


def test_batch_refuses_a_read_only_file_even_when_it_holds_its_text(tmp_path: Path) -> None:
    path = job(tmp_path, mode=0o444)
    with pytest.raises(FileWriteError, match="is read-only"):
        write_many([(path, LOWER)])


def test_batch_writes_through_symlinks_keeps_modes_and_hard_links(tmp_path: Path) -> None:
    real = job(tmp_path, "real.conf")
    link = tmp_path / "link.conf"
    link.symlink_to("real.conf")
    private = job(tmp_path, "private.conf", mode=0o600)
    linked = job(tmp_path, "linked.conf", mode=0o640)
    os.link(linked, tmp_path / "twin.conf")
    inode = linked.stat().st_ino
    new = tmp_path / "new.conf"
    umask = os.umask(0o022)
    try:
        write_many([(link, UPPER), (private, UPPER), (linked, UPPER), (new, UPPER)])
    finally:
        os.umask(umask)
    assert link.is_symlink() and os.readlink(link) == "real.conf"
    assert real.read_text(encoding="utf-8") == UPPER
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert private.read_text(encoding="utf-8") == UPPER
    assert linked.stat().st_ino == inode and linked.stat().st_nlink == 2
    assert (tmp_path / "twin.conf").read_text(encoding="utf-8") == UPPER
    assert stat.S_IMODE(linked.stat().st_mode) == 0o640
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    assert leftovers(tmp_path) == []


def test_batch_streams_into_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    plain = job(tmp_path)
    write_many([(fifo, "streamed"), (plain, UPPER)])
    reader.join(timeout=10)
    assert received == [b"streamed"]
    assert plain.read_text(encoding="utf-8") == UPPER


def test_batch_with_a_read_only_file_writes_nothing(tmp_path: Path) -> None:
    first, second, third = three_jobs(tmp_path)
    second.chmod(0o444)
    with pytest.raises(FileWriteError, match=f"^{second}: is read-only; left unchanged"):
        write_many((path, UPPER) for path in (first, second, third))
    assert [p.read_text(encoding="utf-8") for p in (first, second, third)] == [LOWER] * 3
    assert leftovers(tmp_path) == []


def test_batch_refuses_special_files_when_asked(tmp_path: Path) -> None:
    first = job(tmp_path)
    fifo = tmp_path / "pipe.conf"
    os.mkfifo(fifo)
    with pytest.raises(FileWriteError, match="is a FIFO, not a regular file"):
        write_many([(first, UPPER), (fifo, UPPER)], special="refuse")
    assert first.read_text(encoding="utf-8") == LOWER
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failing_call", [1, 2, 3])
def test_a_write_failing_in_the_middle_of_a_batch_touches_no_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    paths = three_jobs(tmp_path)
    os.link(paths[2], tmp_path / "twin.conf")  # the in-place path is covered as well
    monkeypatch.setattr(os, "write", _nth_call_fails(os.write, failing_call, errno.ENOSPC))
    with pytest.raises(FileWriteError) as caught:
        write_many((path, UPPER) for path in paths)
    assert str(caught.value) == (
        f"{paths[failing_call - 1]}: cannot write: no space left on the device"
    )
    assert [path.read_text(encoding="utf-8") for path in paths] == [LOWER] * 3
    assert leftovers(tmp_path) == []


def test_a_write_back_error_reported_after_the_sync_touches_no_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = three_jobs(tmp_path)
    monkeypatch.setattr(files, "_has_syncfs", lambda: False)  # fsync file by file
    monkeypatch.setattr(os, "fsync", _nth_call_fails(os.fsync, 2, errno.EIO))
    with pytest.raises(FileWriteError, match=f"^{paths[1]}: cannot write"):
        write_many((path, UPPER) for path in paths)
    assert [path.read_text(encoding="utf-8") for path in paths] == [LOWER] * 3
    assert leftovers(tmp_path) == []


def test_a_rename_failing_leaves_no_temp_and_names_the_users_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = three_jobs(tmp_path)
    monkeypatch.setattr(os, "replace", _fails(errno.EACCES))
    with pytest.raises(FileWriteError, match=f"^{paths[0]}: cannot write: permission denied$"):
        write_many((path, UPPER) for path in paths)
    assert [path.read_text(encoding="utf-8") for path in paths] == [LOWER] * 3
    assert leftovers(tmp_path) == []


def test_sigterm_while_a_batch_is_written_cleans_up_then_reaches_the_previous_handler(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = three_jobs(tmp_path)
    received: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda number, frame: received.append(number))
    real_write = os.write
    calls = 0

    def write_then_signal(descriptor: int, data: Any) -> int:
        nonlocal calls
        calls += 1
        if calls == 2:
            signal.raise_signal(signal.SIGTERM)
        return real_write(descriptor, data)

    try:
        monkeypatch.setattr(os, "write", write_then_signal)
        with pytest.raises(FileWriteError, match="interrupted; left unchanged"):
            write_many((path, UPPER) for path in paths)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert received == [signal.SIGTERM]
    assert [path.read_text(encoding="utf-8") for path in paths] == [LOWER] * 3
    assert leftovers(tmp_path) == []


def test_sigterm_during_the_renames_waits_until_every_file_is_in_place(tmp_path: Path) -> None:
    paths = three_jobs(tmp_path)
    script = (
        "import os, signal, sys\n"
        "from stconfig._files import write_many\n"
        "real_replace = os.replace\n"
        "def replace(*args):\n"
        "    real_replace(*args)\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "os.replace = replace\n"
        "write_many((path, 'new') for path in sys.argv[1:])\n"
        "print('not reached')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, paths)], check=False, capture_output=True
    )
    assert done.returncode == -signal.SIGTERM
    assert done.stdout == b""
    assert [path.read_text(encoding="utf-8") for path in paths] == ["new"] * 3
    assert leftovers(tmp_path) == []


def test_sigterm_in_the_write_phase_ends_the_process_with_every_target_untouched(
    tmp_path: Path,
) -> None:
    paths = three_jobs(tmp_path)
    script = (
        "import os, signal, sys\n"
        "import stconfig._files as files\n"
        "def interrupt(*args):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "files._sync_file_system = files.os.fsync = interrupt\n"
        "files.write_many((path, 'new') for path in sys.argv[1:])\n"
    )
    done = subprocess.run([sys.executable, "-c", script, *map(str, paths)], check=False)
    assert done.returncode == -signal.SIGTERM
    assert [path.read_text(encoding="utf-8") for path in paths] == [LOWER] * 3
    assert leftovers(tmp_path) == []


def test_a_path_given_twice_in_a_batch_is_refused(tmp_path: Path) -> None:
    path = job(tmp_path)
    link = tmp_path / "link.conf"
    link.symlink_to(path.name)
    with pytest.raises(FileWriteError, match="given twice in one batch"):
        write_many([(path, UPPER), (link, UPPER)])
    assert path.read_text(encoding="utf-8") == LOWER


def test_fix_over_many_files_writes_none_when_one_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = three_jobs(tmp_path)
    monkeypatch.setattr(os, "write", _nth_call_fails(os.write, 3, errno.ENOSPC))
    result = fix(*paths)
    assert result.exit_code == 2
    assert "no space left on the device" in one_line(result.output)
    assert [path.read_text(encoding="utf-8") for path in paths] == [LOWER] * 3
    assert leftovers(tmp_path) == []


def test_batch_convert_failing_in_the_middle_leaves_the_output_folder_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = tmp_path / "jobs"
    tree.mkdir()
    three_jobs(tree)
    out = tmp_path / "out"
    out.mkdir()
    (out / "job1.json").write_text("old", encoding="utf-8")
    monkeypatch.setattr(os, "write", _nth_call_fails(os.write, 3, errno.ENOSPC))
    result = run_cli("convert", str(tree), "-o", f"{out}/")
    assert result.exit_code == 2
    assert "no space left on the device" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in out.iterdir()) == ["job1.json"]
    assert (out / "job1.json").read_text(encoding="utf-8") == "old"
