"""Counts of corroboration results, for the summary and the renderers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import Corroboration, Status, Unchecked


def corroboration_counts(corroborations: Sequence[Corroboration]) -> tuple[tuple[str, int], ...]:
    """``checked``; ``corroborated`` (verbatim or close somewhere); one count per status;
    ``unconfirmed`` (found nowhere); ``speaker-conflict`` (another outlet surely gives the
    words to someone else); ``contradicted``; ``unchecked``. Empty when no coverage was
    checked."""
    if not corroborations:
        return ()
    by = {s: sum(c.status is s for c in corroborations) for s in Status}
    checked = len(corroborations) - by[Status.UNCHECKED]
    return (("checked", checked),
            ("corroborated", by[Status.VERBATIM] + by[Status.CLOSE]),
            ("verbatim", by[Status.VERBATIM]), ("close", by[Status.CLOSE]),
            ("altered", by[Status.ALTERED]), ("paraphrase", by[Status.PARAPHRASE]),
            ("unconfirmed", by[Status.NOT_FOUND]),
            ("speaker-conflict", sum(bool(c.speaker_conflicts) for c in corroborations)),
            ("contradicted", by[Status.CONTRADICTED]), ("unchecked", by[Status.UNCHECKED]))


def unchecked_reasons(corroborations: Sequence[Corroboration]) -> tuple[tuple[Unchecked, int], ...]:
    """Why statements went unchecked, with how many: no page could be read, or too short."""
    counts = Counter(c.unchecked for c in corroborations if c.status is Status.UNCHECKED and c.unchecked)
    return tuple((reason, counts[reason]) for reason in Unchecked if counts[reason])
