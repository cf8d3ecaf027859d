"""Where a flag sits, for renderers that show it in its sentence."""

from __future__ import annotations

import bisect
from functools import lru_cache

from ..model import Flag, Report, Span
from ..rulebook import load_rulebook
from ..text import split_sentences


@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[Span, ...]:
    rules = load_rulebook()
    abbreviations = rules.lexicon("abbreviations") if "abbreviations" in rules.lexicons else ()
    return tuple(split_sentences(text, abbreviations))


def flag_sentence(report: Report, flag: Flag) -> Span:
    """The sentence a flag sits in: its statement's sentence, else the sentences its span
    touches (an article-level flag shows the sentence of its anchor)."""
    text = report.article.text
    if flag.statement is not None:
        for st in report.statements:
            if st.id == flag.statement and st.sentence.contains(flag.span):
                return st.sentence
    sentences = _sentences(text)
    starts = [s.start for s in sentences]
    if not sentences:
        return flag.span
    first = sentences[max(bisect.bisect_right(starts, flag.span.start) - 1, 0)]
    last = sentences[max(bisect.bisect_right(starts, max(flag.span.end - 1, flag.span.start)) - 1, 0)]
    return Span(min(first.start, flag.span.start), max(last.end, flag.span.end))


def share(value: float) -> str:
    return f"{value:.0%}"
