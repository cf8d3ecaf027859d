"""Corroboration: each statement's content looked for in other coverage of the story."""

from .documents import CoverageDoc
from .match import corroborate, speaker_conflicts
from .summary import corroboration_counts

__all__ = ["CoverageDoc", "corroborate", "corroboration_counts", "speaker_conflicts"]
