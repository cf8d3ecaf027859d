"""Messages the review widgets send to the app (dataclasses, as Textual allows)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from textual.message import Message

from ..model import Corroboration, CoveragePage, Report


class Origin(StrEnum):
    """Which view a selection came from."""

    LIST = "list"
    ARTICLE = "article"
    APP = "app"


@dataclass
class FindingHighlighted(Message):
    """A view moved onto a finding."""

    finding_id: str
    origin: Origin


@dataclass
class FindingOpened(Message):
    """Enter on a finding: switch to the other view at the same finding."""

    finding_id: str
    origin: Origin


@dataclass
class SortRequested(Message):
    column: str


@dataclass
class SearchChanged(Message):
    text: str
    done: bool = False  # enter or escape: hand focus back to the list


@dataclass
class CorroborationArrived(Message):
    """One statement's coverage result, posted from the background worker."""

    run: int
    corroboration: Corroboration


@dataclass
class CoverageUpdate(Message):
    """A page considered by the coverage check, or a warning about it."""

    run: int
    page: CoveragePage | None = None
    warning: str = ""


@dataclass
class CorroborationFinished(Message):
    run: int
    error: str | None = None
    cancelled: bool = False


@dataclass
class ReportReady(Message):
    """The report the screen was waiting for (``ReviewApp(pending=...)``)."""

    report: Report


@dataclass
class ReportFailed(Message):
    """Making the report failed: the app quits and the caller says why."""

    error: Exception
