"""Colours and styles for spans and badges, in a dark and a light variant.

Colours come from the Okabe-Ito palette, which stays distinguishable with the common
colour-vision deficiencies (the light variant uses darker shades of the same hues for
contrast), and every distinction also has a non-colour cue (bold, italic, underline,
strike, a glyph or a word), so nothing depends on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rich.style import Style

# Glyphs and words: the same in every theme.
SEVERITY_GLYPH = {"error": "✖", "warning": "▲", "info": "●"}
CORROBORATION_LABEL = {"verbatim": "verbatim", "close": "close", "altered": "altered",
                       "contradicted": "contra", "paraphrase": "para", "not-found": "none",
                       "unchecked": "—", "pending": "…"}
# What a verdict means depends on the finding: a statement's extraction is right or
# wrong; with a flag the reviewer agrees or not (review.meaning says the same in words).
REVIEW_LABEL = {"open": "·", "confirmed": "✔ right", "dismissed": "✖ wrong"}
FLAG_REVIEW_LABEL = {"open": "·", "confirmed": "✔ agree", "dismissed": "✖ disagree"}
TYPE_SHORT = {"organization": "org", "government": "gov", "news-agency": "agency",
              "document": "doc", "anonymous": "anon", "unknown": "?"}


@dataclass(frozen=True)
class Palette:
    sky: str
    orange: str
    green: str
    vermillion: str
    purple: str
    yellow: str
    grey: str
    selected_bg: str
    selected_fg: str

    # -- the article: applied in this order, later ones win where spans overlap ----------
    @cached_property
    def content(self) -> Style:
        return Style(color=self.green)

    @cached_property
    def source(self) -> Style:
        return Style(color=self.sky, bold=True)

    @cached_property
    def relay(self) -> Style:
        return Style(color=self.sky, italic=True)

    @cached_property
    def cue(self) -> Style:
        return Style(color=self.orange, bold=True)

    def flag(self, severity: str) -> Style:
        if severity == "info":
            return Style(color=self.purple, underline=True)
        return Style(color=self.vermillion, underline=True, bold=severity == "error")

    @cached_property
    def selected(self) -> Style:
        return Style(bgcolor=self.selected_bg)

    # -- badges ---------------------------------------------------------------------------
    def severity(self, severity: str) -> str:
        return {"error": f"bold {self.vermillion}", "warning": self.vermillion,
                "info": self.purple}[severity]

    def corroboration(self, status: str) -> tuple[str, str]:
        style = {"verbatim": f"bold {self.sky}", "close": self.sky,
                 "altered": f"bold {self.orange}", "contradicted": f"bold {self.vermillion}",
                 "paraphrase": self.orange,
                 "not-found": self.vermillion}.get(status, self.grey)
        return CORROBORATION_LABEL.get(status, status), style

    def review(self, state: str, is_flag: bool = False) -> tuple[str, str]:
        style = {"confirmed": f"bold {self.sky}", "dismissed": f"bold {self.orange}"}
        return (FLAG_REVIEW_LABEL if is_flag else REVIEW_LABEL)[state], style.get(state, self.grey)

    def verdict(self, word: str | None) -> str:
        """The score's colour, by its verdict (rules/score.yaml's bands), as the HTML
        report colours it: a colour never disagrees with the word beside it."""
        return {"strong": self.green, "fair": self.sky, "weak": self.orange,
                "poor": self.vermillion}.get(word or "", self.grey)

    @cached_property
    def diff_removed(self) -> Style:
        return Style(color=self.vermillion, strike=True)

    @cached_property
    def diff_added(self) -> Style:
        return Style(color=self.sky, bold=True, underline=True)

    def legend(self) -> str:
        """Trusted markup (our own words): the article view's key to its highlights."""
        return (f"[b {self.sky}]source[/] [b {self.orange}]cue[/] [{self.green}]content[/] "
                f"[u {self.vermillion}]flag[/] [{self.selected_fg} on {self.selected_bg}] "
                "selected [/]")


DARK = Palette(sky="#56B4E9", orange="#E69F00", green="#2FB58C", vermillion="#E8743B",
               purple="#CC79A7", yellow="#F0E442", grey="#8A8F98",
               selected_bg="#2B4A6B", selected_fg="#FFFFFF")
LIGHT = Palette(sky="#0064A0", orange="#9A5B00", green="#00704F", vermillion="#B8470A",
                purple="#9A4679", yellow="#7A6A00", grey="#5F646C",
                selected_bg="#C6DCF2", selected_fg="#000000")


def of(node) -> Palette:
    """The palette for the app's current theme (``node`` is any widget or the app)."""
    try:
        dark = node.app.current_theme.dark
    except Exception:  # not running (tests of pure functions): the default theme is dark
        dark = True
    return DARK if dark else LIGHT
