"""How a statement's speaker was established, in one short line for a reader:

    “he” → Ryan Dillon (pronoun, named 1 sentence before; sure 0.92)

The text comes from the article: callers clean it for their medium."""

from __future__ import annotations

from ..model import Resolution, Source
from ..text import split_sentences

_HOW = {
    Resolution.NAMED: "named here",
    Resolution.SHORT_FORM: "short form",
    Resolution.PRONOUN: "pronoun",
    Resolution.DESCRIPTION: "description",
    Resolution.UNNAMED: "unnamed source, as written",
    Resolution.UNRESOLVED: "points at no one found",
    Resolution.NONE: "no source given",
}


def sentences_between(text: str, earlier: int, later: int) -> int:
    """How many sentence breaks lie between two offsets (0: the same sentence)."""
    if later <= earlier:
        return 0
    # up to the first character at ``later``, so a sentence opening there is counted
    return max(len(split_sentences(text[earlier:later + 1])) - 1, 0)


def provenance(src: Source, text: str) -> str:
    """The speaker, how it was found and how sure, e.g. "“he” → Ryan Dillon (pronoun,
    named 1 sentence before; sure 0.92)"."""
    how = _HOW[src.resolution]
    sure = f"sure {round(src.confidence, 2):g}"
    if src.span is None:
        return f"{how}; {sure}"
    if src.resolution in (Resolution.NAMED, Resolution.UNNAMED):
        return f"{how}; {sure}"
    if src.resolution is Resolution.UNRESOLVED or not src.resolved:
        return f"“{src.text}” {how}; {sure}"
    where = ""
    if src.antecedent is not None and src.antecedent.end <= src.span.start:
        n = sentences_between(text, src.antecedent.end, src.span.start)
        where = ", named in the same sentence" if n == 0 else \
            f", named {n} sentence{'s' if n != 1 else ''} before"
    return f"“{src.text}” → {src.resolved} ({how}{where}; {sure})"
