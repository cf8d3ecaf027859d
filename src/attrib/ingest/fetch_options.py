"""How pages are fetched: limits and switches, kept apart from the fetcher so that asking
for them costs no import of the HTTP client."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FetchOptions:
    timeout: float = 10.0  # seconds, for the connection and for each read
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 8
    refresh: bool = False  # ignore the cache (and refill it)
    allow_private: bool = False  # discovered URLs may point at private/loopback addresses

    @property
    def deadline(self) -> float:
        """The whole request, however slowly the server trickles bytes."""
        return self.timeout * 3
