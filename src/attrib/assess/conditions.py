"""Evaluate a rule's ``when`` and ``unless`` conditions against a finding's context."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..model import Statement
from .rule import Conditions
from .sourcing import source_type_key

# The texts a condition may read: of a statement (all of them), of a phrase's sentence
# and paragraph (the last two).
TEXT_FIELDS = ("source", "cue", "from_cue", "content", "sentence", "paragraph")

Texts = Mapping[str, Callable[[], str]]  # field -> the text it names, computed on demand


def _facts(cond: Conditions, st: Statement | None) -> list[bool]:
    if st is None:
        return []
    out = []
    if cond.source_type is not None:
        out.append(source_type_key(st) in cond.source_type)
    if cond.kind is not None:
        out.append(st.kind.value in cond.kind)
    if cond.cue_class is not None:
        out.append(st.cue_class in cond.cue_class)
    if cond.source_given is not None:
        out.append((st.source.span is not None) == cond.source_given)
    if cond.relayed is not None:
        out.append(bool(st.via) == cond.relayed)
    return out


def when_holds(cond: Conditions, texts: Texts, st: Statement | None = None) -> tuple[bool, str]:
    """All conditions hold. Also returns the text the first text condition matched, for
    the ``{context}`` placeholder."""
    if not all(_facts(cond, st)):
        return False, ""
    context = ""
    for name, terms in cond.text:
        text = texts[name]()
        found = terms.search(text)
        if found is None:
            return False, ""
        context = context or text[found[0]:found[1]]
    return True, context


def unless_holds(cond: Conditions, texts: Texts, st: Statement | None = None) -> bool:
    """Any condition holds."""
    if any(_facts(cond, st)):
        return True
    return any(terms.search(texts[name]()) is not None for name, terms in cond.text)
