"""Plain-text articles from a file or stdin.

The text is kept exactly as read (no newline translation, no stripping) so that spans
line up with any stand-off annotation of the same file.
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path

from ..errors import InputError
from ..model import Article

MAX_BYTES = 10 * 1024 * 1024  # far above any news article; protects the engine and the UI


def _utf16_without_bom(head: bytes) -> str | None:
    """"LE" or "BE" when the bytes look like UTF-16 text with no byte-order mark: mostly
    ASCII letters, so every other byte is zero."""
    pairs = len(head) // 2
    if pairs < 8:
        return None
    odd_zero = sum(1 for b in head[1:2 * pairs:2] if b == 0)
    even_zero = sum(1 for b in head[0:2 * pairs:2] if b == 0)
    if odd_zero > 0.6 * pairs and even_zero < 0.1 * pairs:
        return "LE"
    if even_zero > 0.6 * pairs and odd_zero < 0.1 * pairs:
        return "BE"
    return None


def _utf16(data: bytes, name: str) -> str:
    codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    try:
        return data.decode(codec)  # the byte-order mark stays a character, as for UTF-8
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: starts like UTF-16 but is not valid UTF-16 (at byte offset "
                         f"{exc.start}); convert it with iconv -t UTF-8") from None


def decode(data: bytes, name: str) -> str:
    """Decode article bytes as UTF-8 (or UTF-16 with a byte-order mark) or fail with a
    clear reason. A byte-order mark is kept as a character, as any stand-off annotation
    of the file counts it."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InputError(f"{name}: this is UTF-32 text; convert it with iconv -f UTF-32 -t UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _utf16(data, name)
        if not text.replace("\ufeff", "").strip():
            raise InputError(f"{name}: the file is empty")
        return text
    if b"\x00" in data[:8192]:
        order = _utf16_without_bom(data[:8192])
        if order is not None:
            raise InputError(f"{name}: this looks like UTF-16 text without a byte-order mark; "
                             f"convert it with iconv -f UTF-16{order} -t UTF-8")
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
        name = "stdin"
        if sys.stdin is None:  # started with standard input closed (<&-)
            raise InputError("stdin: standard input is closed; give the article as a file")
        try:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(f"stdin: cannot read ({exc.strerror})") from None
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


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
_DATE_WORD = re.compile(r"(?i)^(?:" + "|".join(_MONTHS + _DAYS) + r")\.?$")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b")
_TIME = re.compile(r"(?i)^\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?$|^[ap]\.?m\.?$|^(?:gmt|utc|[a-z]{1,2}[sd]t)$")
_DOMAIN = re.compile(r"(?i)^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/?$")
_FILLER = {"updated", "published", "posted", "last", "on", "at", "of", "the"}


def _date_only(part: str) -> bool:
    """Every word a month or day name, a number, a time or a filler ("updated", "at")."""
    words = [w.strip(",;()[]") for w in part.split()]
    words = [w for w in words if w and w not in {"-", "—", "–", "|", "·"}]
    return bool(words) and all(_DATE_WORD.match(w) or _TIME.match(w) or w.lower() in _FILLER
                               or re.fullmatch(r"\d[\d,./:-]*(?:st|nd|rd|th)?", w, re.I)
                               for w in words)


def _is_dateline(line: str) -> bool:
    """"Sunday, October 15, 2017", "Sun Oct 15, 2017 11:03AM", "2017-10-15": a date; or
    "Port Selden, 3 March": a place (up to four words, no date in it), a comma, a date."""
    dated = bool(_NUMERIC_DATE.search(line)) or any(_DATE_WORD.match(w.strip(",;()[]")) for w in line.split())
    if not dated:
        return False
    if _date_only(line):
        return True
    place, comma, rest = line.partition(",")
    return bool(comma) and len(place.split()) <= 4 and not _date_only(place) and _date_only(rest)


def headline(text: str) -> str | None:
    """The headline of a plain-text article: the first short line at the top that is not
    a date, a dateline, a web address or a byline (stories often open with the date or
    the site above the headline). None when the text opens straight into the story."""
    seen = 0
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        seen += 1
        if seen > 5:
            return None
        words = line.split()
        if len(words) > 30:
            return None  # a paragraph: the story has begun
        if _is_dateline(line) or _DOMAIN.match(line) or line.lower().startswith("by "):
            continue
        if len(words) < 2 or len(line) > 200 or line.endswith((".", ",", ":", ";")):
            return None
        return line
    return None


def read_text_article(target: str) -> Article:
    data = read_bytes(target)
    name = "stdin" if target == "-" else target
    text = decode(data, name)
    return Article(text=text, title=headline(text), path=None if target == "-" else target)
