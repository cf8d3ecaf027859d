"""Plain-text articles from a file or stdin.

The text is kept exactly as read (no newline translation, no stripping) so that spans
line up with any stand-off annotation of the same file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError
from ..model import Article

MAX_BYTES = 10 * 1024 * 1024  # far above any news article; protects the engine and the UI


def decode(data: bytes, name: str) -> str:
    """Decode article bytes as UTF-8 or fail with a clear reason. A byte-order mark is
    kept as a character, as any stand-off annotation of the file counts it."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: this looks like a binary file, not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it with iconv -t UTF-8"
        ) from None
    return text


def read_bytes(target: str) -> bytes:
    if target == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "stdin"
    else:
        path = Path(target)
        name = target
        if not path.exists():
            raise InputError(f"{name}: no such file")
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not an article")
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise InputError(f"{name}: {size / 1e6:.0f} MB is too large for an article "
                                 f"(limit {MAX_BYTES // (1024 * 1024)} MB)")
            with path.open("rb") as fh:  # bounded: /dev/zero and pipes report no size
                data = fh.read(MAX_BYTES + 1)
        except PermissionError:
            raise InputError(f"{name}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: input is too large for an article "
                         f"(limit {MAX_BYTES // (1024 * 1024)} MB)")
    return data


def read_text_article(target: str) -> Article:
    data = read_bytes(target)
    name = "stdin" if target == "-" else target
    return Article(text=decode(data, name), path=None if target == "-" else target)
