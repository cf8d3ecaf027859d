"""Untrusted text (articles, web pages) made safe to show."""

from __future__ import annotations

import re

# CSI/OSC/other escape sequences, then any remaining C0/C1 control except tab and newline.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]")
# C0/C1 controls (tab and newline kept), bidi overrides and invisible marks such as a BOM.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# The user-information part of a URL's authority: everything up to the last @ before the host.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s]*@")


def clean(text: str) -> str:
    """Strip terminal control and escape sequences; keep tabs and newlines."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def unsafe_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) stretches ``clean`` removes, in order: for views that must map
    offsets of the original text (the report's spans) onto the cleaned one."""
    removed = [m.span() for m in _ESCAPES.finditer(text)]
    kept_from = 0
    controls = []
    for start, end in [*removed, (len(text), len(text))]:
        controls += [m.span() for m in _CONTROLS.finditer(text, kept_from, start)]
        kept_from = end
    return sorted(removed + controls)


# What json.dumps(ensure_ascii=False) leaves raw that a terminal or an editor may act on:
# DEL and C1 controls, bidi marks and overrides, invisible marks, line/paragraph separators.
_JSON_RAW = re.compile(r"[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def json_escaped(dumped: str) -> str:
    """JSON text from ``json.dumps(..., ensure_ascii=False)`` with those characters written
    as ``\\uXXXX`` escapes (they only occur inside strings, so the value is unchanged)."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def markdown_inline(text: str) -> str:
    """Untrusted text for a line of Markdown: cleaned, on one line, markup escaped."""
    text = " ".join(clean(text).split())
    for ch in "\\`*_[]<>|#~":
        text = text.replace(ch, "\\" + ch)
    return text


def without_credentials(text: str) -> str:
    """A URL (or text holding URLs) with any ``user:secret@`` taken out of the address."""
    return _USERINFO.sub(r"\1", text)


def shown(url: str, limit: int = 160) -> str:
    """A URL (or any outside text) as it may appear in a one-line message: cleaned, on one
    line, without credentials, cut to ``limit`` characters."""
    url = without_credentials(" ".join(clean(url).split()))
    return url if len(url) <= limit else url[: limit - 1] + "…"
