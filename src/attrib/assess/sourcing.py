"""Who an article's statements rest on: named, on-record sources and how they group.

Shared by the single-source rules and the summary so that both count the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Source, SourceType, Statement

NAMED_TYPES = frozenset({SourceType.PERSON, SourceType.ORGANIZATION, SourceType.GOVERNMENT,
                         SourceType.NEWS_AGENCY, SourceType.DOCUMENT})


def is_named(src: Source) -> bool:
    """A source a reader could look up: a person with a name, an organization, a
    government body, a news agency or a document. "He" counts when it resolves to a
    named person; "a spokesman" with no name does not."""
    if src.span is None or src.type not in NAMED_TYPES:
        return False
    return src.type != SourceType.PERSON or bool(src.resolved)


def source_key(src: Source) -> str:
    """One key per source however it is written ("the Reuters news agency" = "Reuters
    news agency")."""
    return re.sub(r"^(the|a|an)\s+", "", " ".join(src.name.lower().split()))


def source_type_key(st: Statement) -> str:
    """The statement's source type, or ``none`` when the sentence gives no source."""
    return "none" if st.source.span is None else st.source.type.value


@dataclass(frozen=True, slots=True)
class SourceGroup:
    key: str
    name: str
    type: SourceType
    statements: tuple[Statement, ...]


def named_groups(statements: Iterable[Statement]) -> list[SourceGroup]:
    """Named sources in order of first appearance, each with its statements."""
    groups: dict[str, list[Statement]] = {}
    for st in statements:
        if is_named(st.source):
            groups.setdefault(source_key(st.source), []).append(st)
    return [SourceGroup(k, sts[0].source.name, sts[0].source.type, tuple(sts)) for k, sts in groups.items()]
