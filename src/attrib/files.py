"""Writing reports where the user asked, so that a failure never leaves half a report
behind and never harms what was there.

- A regular file (or a new one) is written beside itself under a temporary name and
  renamed into place: the old file stays intact until the new one is complete, and keeps
  its permission bits (a mode-600 report stays 600) and, where allowed, its owner.
- A symbolic link is followed: its target is written, the link stays a link.
- Anything else that exists (``/dev/null``, ``/dev/stdout``, a FIFO, a terminal) is
  written directly: renaming over a device would replace it with a regular file.
- Standard output is written as it is; a closed stream, a broken pipe, a full disk or a
  character its encoding cannot show is one OutputError, never a traceback.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

from .errors import OutputError


def os_reason(exc: OSError) -> str:
    """Why a write failed, in words (a broken pipe says whose end went away)."""
    if exc.errno == errno.EPIPE:
        return "broken pipe: the reader went away"
    if exc.errno == errno.EBADF:
        return "the stream is closed"
    return exc.strerror or type(exc).__name__


def _target(path: str | Path) -> tuple[Path, os.stat_result | None]:
    """The file that will be written (symbolic links followed) and what is there now."""
    raw = str(path)
    if raw.endswith(("/", os.sep)):
        raise OutputError(f"{raw}: names a directory; give a file name to write the report to")
    real = Path(os.path.realpath(raw))
    try:
        st: os.stat_result | None = real.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"{raw}: cannot write ({os_reason(exc)})") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{raw}: is a directory")
    if st is None and not real.parent.is_dir():
        raise OutputError(f"{raw}: directory {real.parent} does not exist")
    return real, st


def check_destination(target: str | None) -> None:
    """Fail now, before any work, if a report could not go to ``target`` (None or "-":
    standard output): a directory, a missing folder, a closed standard output."""
    if target in (None, "-"):
        if sys.stdout is None:
            raise OutputError("standard output is closed; write the report to a file with -o FILE")
        return
    _target(target)


@contextmanager
def atomic_open(path: str | Path) -> Iterator[TextIO]:
    """A text file to write at ``path`` (UTF-8): a regular or new file appears only when
    the block succeeds; a device or FIFO is written directly. Write errors are
    OutputErrors naming ``path``."""
    real, st = _target(path)
    try:
        if st is not None and not stat.S_ISREG(st.st_mode):
            with open(real, "w", encoding="utf-8", newline="") as fh:
                yield fh
        else:
            with _replacing(real, st) as fh:
                yield fh
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({os_reason(exc)}); nothing was changed"
                          if st is None or stat.S_ISREG(st.st_mode)
                          else f"{path}: cannot write ({os_reason(exc)})") from None


@contextmanager
def _replacing(real: Path, st: os.stat_result | None) -> Iterator[TextIO]:
    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if st is None:
            os.chmod(tmp, 0o666 & ~_UMASK)
        else:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            if (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                with suppress(OSError):  # only root may give a file away
                    os.chown(tmp, st.st_uid, st.st_gid)
        os.replace(tmp, real)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, data: str) -> None:
    with atomic_open(path) as fh:
        fh.write(data)


@contextmanager
def standard_output() -> Iterator[TextIO]:
    """Standard output, flushed at the end of the block; its failures as OutputErrors."""
    out = sys.stdout
    if out is None:
        raise OutputError("standard output is closed; write the report to a file with -o FILE")
    try:
        yield out
        out.flush()
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start] if isinstance(exc.object, str) else "?"
        raise OutputError(f"standard output cannot show the character U+{ord(bad):04X} (its encoding "
                          f"is {out.encoding}); set PYTHONIOENCODING=utf-8 or write to a file with -o FILE") from None
    except OSError as exc:
        silence_stdout()
        raise OutputError(f"cannot write to standard output ({os_reason(exc)})") from None


def silence_stdout() -> None:
    """Point a failed standard output at /dev/null, so the interpreter's last flush of
    what is still buffered does not fail a second time (and print a traceback) at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _read_umask() -> int:
    # Reading the umask means setting it; done once, at import, before any thread runs.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()
