"""Untrusted text on the way to the terminal."""

from __future__ import annotations

import pytest

from attrib.safety import clean
from attrib.tui.safe import DisplayText, one_line

NASTY = [
    "plain text",
    "a\x1b[31mred\x1b[0m b\r\nc\x07d",
    "\x1b]8;;http://evil.example\x07link\x1b]8;;\x07 and \x1b]0;title\x1b\\ more",
    "\x00\x01\x02",
    "tab\there\x9b31m and C1",
    "line\u2028separator\u2029paragraph",
    "",
]


@pytest.mark.parametrize("text", NASTY)
def test_display_text_is_clean_and_offsets_map_back(text):
    d = DisplayText(text)
    assert d.text == clean(text).replace("\u2028", "\n").replace("\u2029", "\n")
    assert "\x1b" not in d.text and "\x07" not in d.text
    # every kept character maps to itself and back
    for i, ch in enumerate(text):
        j = d.to_display(i)
        if j < len(d.text) and d.to_original(j) == i:
            assert d.text[j] in (ch, "\n")
    for j in range(len(d.text)):
        assert text[d.to_original(j)] in (d.text[j], "\u2028", "\u2029")


def test_locations_are_rows_and_columns_of_the_display_text():
    text = "first line\n\x1b[1mbold\x1b[0m second\nthird"
    d = DisplayText(text)
    assert d.text.splitlines() == ["first line", "bold second", "third"]
    assert d.location(text.index("bold")) == (1, 0)
    assert d.location(text.index("second")) == (1, 5)
    assert d.offset(1, 5) == text.index("second")
    assert d.location(text.index("third")) == (2, 0)


def test_one_line_collapses_and_cuts():
    assert one_line("  a\n\tb \x1b[2Jc  ") == "a b c"
    assert one_line("abcdefghij", 5) == "abcd…"
