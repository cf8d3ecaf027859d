"""Messages the review widgets send to the app."""

from __future__ import annotations

from textual.message import Message

from ..model import Corroboration, CoveragePage


class FindingHighlighted(Message):
    """A view moved onto a finding (``origin`` is "list" or "article")."""

    def __init__(self, finding_id: str, origin: str) -> None:
        super().__init__()
        self.finding_id = finding_id
        self.origin = origin


class FindingOpened(Message):
    """Enter on a finding: switch to the other view at the same finding."""

    def __init__(self, finding_id: str, origin: str) -> None:
        super().__init__()
        self.finding_id = finding_id
        self.origin = origin


class SortRequested(Message):
    def __init__(self, column: str) -> None:
        super().__init__()
        self.column = column


class SearchChanged(Message):
    def __init__(self, text: str, done: bool = False) -> None:
        super().__init__()
        self.text = text
        self.done = done  # enter or escape: hand focus back to the list


class CorroborationArrived(Message):
    """One statement's coverage result, posted from the background worker."""

    def __init__(self, run: int, corroboration: Corroboration) -> None:
        super().__init__()
        self.run = run
        self.corroboration = corroboration


class CoverageNote(Message):
    """A page considered by the coverage check, or a warning about it."""

    def __init__(self, run: int, page: CoveragePage | None = None, warning: str = "") -> None:
        super().__init__()
        self.run = run
        self.page = page
        self.warning = warning


class CorroborationFinished(Message):
    def __init__(self, run: int, error: str | None = None, cancelled: bool = False) -> None:
        super().__init__()
        self.run = run
        self.error = error
        self.cancelled = cancelled
