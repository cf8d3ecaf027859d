"""Styles for spans and badges.

Colours come from the Okabe-Ito palette, which stays distinguishable with the common
colour-vision deficiencies, and every distinction also has a non-colour cue (bold,
underline, strike, a glyph or a word), so nothing depends on colour alone.
"""

from __future__ import annotations

from rich.style import Style

SKY = "#56B4E9"
ORANGE = "#E69F00"
GREEN = "#2FB58C"  # Okabe-Ito bluish green, lightened a step to read on dark backgrounds
VERMILLION = "#E8743B"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
GREY = "#8A8F98"

# Article highlighting, applied in this order (later ones win where they overlap).
CONTENT = Style(color=GREEN)
SOURCE = Style(color=SKY, bold=True)
RELAY = Style(color=SKY, italic=True)
CUE = Style(color=ORANGE, bold=True)
FLAG = {"error": Style(color=VERMILLION, underline=True, bold=True),
        "warning": Style(color=VERMILLION, underline=True),
        "info": Style(color=PURPLE, underline=True)}
SELECTED = Style(bgcolor="#2B4A6B")  # the finding picked in the list

# Glyphs as well as colours for severities, statuses and review states.
SEVERITY_GLYPH = {"error": "✖", "warning": "▲", "info": "●"}
SEVERITY_STYLE = {"error": f"bold {VERMILLION}", "warning": VERMILLION, "info": PURPLE}

CORROBORATION = {  # status -> (short label, style)
    "verbatim": ("verbatim", f"bold {SKY}"),
    "close": ("close", SKY),
    "altered": ("altered", f"bold {ORANGE}"),
    "paraphrase": ("para", ORANGE),
    "not-found": ("none", VERMILLION),
    "unchecked": ("—", GREY),
    "pending": ("…", GREY),
}

REVIEW = {  # state -> (glyph and word, style)
    "open": ("·", GREY),
    "confirmed": ("✔ yes", f"bold {SKY}"),
    "dismissed": ("✖ no", f"bold {ORANGE}"),
}

DIFF_SAME = Style()
DIFF_REMOVED = Style(color=VERMILLION, strike=True)
DIFF_ADDED = Style(color=SKY, bold=True, underline=True)

TYPE_SHORT = {"organization": "org", "government": "gov", "news-agency": "agency",
              "document": "doc", "anonymous": "anon", "unknown": "?"}
