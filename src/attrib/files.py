"""Writing files so that a crash never leaves half a report behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import AttribError


def write_atomic(path: str | Path, data: str) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    if path.is_dir():
        raise AttribError(f"{path}: is a directory")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise AttribError(f"{path}: directory {directory} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise AttribError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
