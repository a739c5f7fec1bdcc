"""Writing output files the way careful tools do.

A regular file is replaced atomically: the new text goes to a hidden temporary file beside
the target (same folder, so the rename cannot cross file systems), is flushed to disk, gets
the target's mode, and is renamed over it. Readers see the old file or the whole new one.

- A symlink is written through: its final target is replaced and the link stays a link.
- A file with other hard links is overwritten in place, after the complete new text was
  first written to a temporary file (so a full disk or a missing permission stops us before
  the file is touched): replacing it would silently split it from its other names.
- A file without any write permission bit (0444) is refused: someone marked it read-only.
- A target that is not a regular file is written to as a stream when it is a character
  device, a FIFO or anything under /dev or /proc (`-o /dev/stdout`, `-o /dev/null`,
  `-o >(gzip > x.gz)`), as shell redirection does; a folder, a block device or a socket is
  refused. `lint --fix` refuses every non-regular file (`special="refuse"`).
- Every error names the user's path, never the temporary file, and the temporary file is
  removed on any exit Python can catch: an exception, Ctrl-C, or SIGTERM/SIGHUP arriving
  while the file is written (the signal is delivered again once the file is cleaned up).
  Only SIGKILL or a power cut can leave a `.NAME.*.tmp` file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any, Literal, TypeAlias

from stconfig.errors import StconfigError

Special = Literal["stream", "refuse"]
"""What to do with a target that is not a regular file."""

STREAM_PREFIXES = ("/dev/", "/proc/")
"""Paths written to as streams even when they lead to a regular file (`-o /dev/stdout`)."""

CAUGHT_SIGNALS = ("SIGTERM", "SIGHUP")

Handler: TypeAlias = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


class FileWriteError(StconfigError):
    """An output file that cannot be written; names the path the user gave."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def write_atomic(path: str | os.PathLike[str], text: str, *, special: Special = "stream") -> None:
    """Write `text` to `path` (see the module docstring); FileWriteError when it cannot be."""
    name = os.fspath(path)
    data = text.encode("utf-8")
    if _streams(name, special):
        _stream(name, data)
        return
    real = os.path.realpath(name)
    current = check_writable(name, special=special)
    with _signals_raise(name):
        if current is not None and current.st_nlink > 1:
            _overwrite_in_place(name, real, data, current)
        else:
            _replace(name, real, data, current)


def check_writable(path: str, *, special: Special = "stream") -> os.stat_result | None:
    """The current file's status (None when it does not exist yet), or FileWriteError when it
    must not be written: read-only, not a regular file, or its folder is missing."""
    if _streams(path, special):
        return None
    try:
        current = os.stat(path)
    except FileNotFoundError:
        folder = os.path.dirname(os.path.realpath(path))
        if not os.path.isdir(folder):
            raise FileWriteError(path, f"cannot write: folder {folder} does not exist") from None
        return None
    except OSError as error:
        raise FileWriteError(path, f"cannot write: {_reason(error)}") from None
    kind = _kind(current.st_mode)
    if kind is not None:
        raise FileWriteError(path, f"is {kind}, not a regular file; refusing to write it")
    if not current.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FileWriteError(
            path, "is read-only; left unchanged (make it writable with `chmod u+w` first)"
        )
    return current


def _streams(path: str, special: Special) -> bool:
    """True when `path` is written as a stream rather than replaced."""
    if special == "refuse":
        return False
    if os.path.abspath(path).startswith(STREAM_PREFIXES):
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _stream(path: str, data: bytes) -> None:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = 0
    if stat.S_ISDIR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise FileWriteError(path, f"is {_kind(mode)}; refusing to write it")
    try:
        with open(path, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise FileWriteError(path, f"cannot write: {_reason(error)}") from None


def _replace(name: str, real: str, data: bytes, current: os.stat_result | None) -> None:
    """Write a temporary file beside the real target, then rename it over the target."""
    temporary = _write_temporary(name, real, data)
    try:
        if current is not None:
            os.chmod(temporary, stat.S_IMODE(current.st_mode))
            if (current.st_uid, current.st_gid) != _owner(temporary):
                with contextlib.suppress(OSError):  # only root may give files away
                    os.chown(temporary, current.st_uid, current.st_gid)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, real)
    except BaseException as error:
        _remove(temporary)
        if isinstance(error, OSError):
            raise FileWriteError(name, f"cannot write: {_reason(error)}") from None
        raise
    _sync_folder(os.path.dirname(real))


def _overwrite_in_place(name: str, real: str, data: bytes, current: os.stat_result) -> None:
    """Keep a hard-linked file's identity: prove the text fits, then rewrite the file itself.

    When the in-place write fails half-way, the old content is put back.
    """
    _remove(_write_temporary(name, real, data))
    try:
        with open(real, "rb") as original:
            old = original.read()
    except OSError as error:
        raise FileWriteError(name, f"cannot read it back: {_reason(error)}") from None
    try:
        _rewrite(real, data)
    except BaseException as error:
        with contextlib.suppress(OSError):
            _rewrite(real, old)
        if isinstance(error, OSError):
            raise FileWriteError(name, f"cannot write: {_reason(error)}") from None
        raise


def _rewrite(path: str, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY)
    try:
        _write_all(descriptor, data)
        os.ftruncate(descriptor, len(data))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _write_temporary(name: str, real: str, data: bytes) -> str:
    """A flushed temporary file holding `data` beside `real`; FileWriteError naming `name`."""
    target = Path(real)
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise FileWriteError(
            name, f"cannot write in folder {target.parent}: {_reason(error)}"
        ) from None
    try:
        try:
            _write_all(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except BaseException as error:
        _remove(temporary)
        if isinstance(error, OSError):
            raise FileWriteError(name, f"cannot write: {_reason(error)}") from None
        raise
    return temporary


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _sync_folder(folder: str) -> None:
    """Make the rename durable; some file systems cannot open a folder, which is fine."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _owner(path: str) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_uid, status.st_gid


def _reason(error: OSError) -> str:
    """The system's words for an error (`No space left on device`), without any file name."""
    if error.errno == errno.ENOSPC:
        return "no space left on the device"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.EROFS:
        return "the file system is read-only"
    return error.strerror or str(error)


class _Interrupted(BaseException):
    """A caught termination signal, raised so that clean-up code runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_raise(name: str) -> Iterator[None]:
    """While writing, turn SIGTERM/SIGHUP into an exception, then deliver them once cleaned up.

    Signals already ignored (nohup) stay ignored; outside the main thread nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, Handler] = {}

    def interrupt(signum: int, _frame: FrameType | None) -> None:
        raise _Interrupted(signum)

    for signal_name in CAUGHT_SIGNALS:
        number = getattr(signal, signal_name, None)
        if number is None or signal.getsignal(number) is signal.SIG_IGN:
            continue
        previous[number] = signal.signal(number, interrupt)
    try:
        yield
    except _Interrupted as caught:
        _restore(previous)
        signal.raise_signal(caught.signum)
        raise FileWriteError(name, "interrupted; left unchanged") from None
    finally:
        _restore(previous)


def _restore(previous: dict[int, Handler]) -> None:
    for number, handler in previous.items():
        signal.signal(number, handler)
    previous.clear()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


__all__ = ["FileWriteError", "Special", "check_writable", "write_atomic"]
