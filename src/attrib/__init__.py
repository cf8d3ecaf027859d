"""attrib: source attribution and reliability checking for news articles.

    >>> import attrib
    >>> report = attrib.check("The bridge will reopen on Monday, the mayor said.")
    >>> [(st.source.text, st.cue_text) for st in report.statements]
    [('the mayor', 'said')]

``check`` is the one-shot form; build a ``Checker`` once to check many articles (it
compiles the rules once, and pickles for worker processes). The names in ``__all__`` are
the public API; everything else in the package is internal and may change.

Names are imported on first use, so ``import attrib`` (and ``attrib --help``) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    ".checker": ("Checker", "check"),
    ".errors": ("AttribError", "ConfigError", "ExitCode", "FetchError", "InputError", "OutputError",
                "RuleError", "StoreError"),
    ".model": ("SCHEMA", "Article", "Change", "Corroboration", "CoveragePage", "Evidence", "Flag", "Kind",
               "OutletInfo", "PageOrigin", "Reason", "ReasonKind", "Relay", "RelayRelation", "Report", "Resolution",
               "ReviewState", "ScoreItem", "Severity", "Source", "SourceType", "Span", "SpeakerCheck", "SpeakerGap",
               "SpeakerSide", "SpeakerVerdict", "Statement", "Status", "Summary", "Unchecked", "Verdict"),
    ".settings": ("DiscoverSettings", "Settings", "TuiSettings", "load_settings"),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = sorted([*_WHERE, "__version__"])

if TYPE_CHECKING:
    from .checker import Checker, check
    from .errors import AttribError, ConfigError, ExitCode, FetchError, InputError, OutputError, RuleError, StoreError
    from .model import (
        SCHEMA,
        Article,
        Change,
        Corroboration,
        CoveragePage,
        Evidence,
        Flag,
        Kind,
        OutletInfo,
        PageOrigin,
        Reason,
        ReasonKind,
        Relay,
        RelayRelation,
        Report,
        Resolution,
        ReviewState,
        ScoreItem,
        Severity,
        Source,
        SourceType,
        Span,
        SpeakerCheck,
        SpeakerGap,
        SpeakerSide,
        SpeakerVerdict,
        Statement,
        Status,
        Summary,
        Unchecked,
        Verdict,
    )
    from .settings import DiscoverSettings, Settings, TuiSettings, load_settings


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'attrib' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
