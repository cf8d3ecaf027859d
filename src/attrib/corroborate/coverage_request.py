"""What coverage to gather for a check, as one value: the pages and folders the user
named, whether to search, and how to fetch. Kept apart from the gathering itself so that
building a request imports no HTTP client."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..ingest.fetch_options import FetchOptions
from ..settings import DiscoverSettings


@dataclass(frozen=True, slots=True)
class CoverageRequest:
    items: tuple[str, ...] = ()  # --coverage: URLs or files
    dirs: tuple[str, ...] = ()  # --coverage-dir
    discover: DiscoverSettings | None = None  # --discover, with where and how politely
    jobs: int = 4  # pages fetched at once
    fetch: FetchOptions = field(default_factory=FetchOptions)
    cache: Path | None = None  # the page cache's file; opened by whoever gathers

    @property
    def wanted(self) -> bool:
        return bool(self.items or self.dirs or self.discover)
