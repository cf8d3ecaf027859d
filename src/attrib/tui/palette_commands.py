"""Command palette (ctrl+p): every action, sorting, and jumping to any finding."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from .safe import one_line

if TYPE_CHECKING:
    from .app import ReviewApp


@dataclass(frozen=True, slots=True)
class Command:
    title: str
    help: str
    run: Callable[[], object]


class ActionCommands(Provider):
    """The app's actions, with the key each one is bound to now."""

    def _commands(self) -> list[Command]:
        return cast("ReviewApp", self.app).palette_commands()

    async def discover(self) -> Hits:
        for cmd in self._commands():
            yield DiscoveryHit(escape(cmd.title), cmd.run, help=cmd.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for cmd in self._commands():
            title = escape(cmd.title)
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), cmd.run, help=cmd.help)


class FindingCommands(Provider):
    """“Go to s3 · Tomas Reyes: the authority …”: jump to a finding by what it says."""

    async def search(self, query: str) -> Hits:
        app = cast("ReviewApp", self.app)
        state = app.state
        text = state.report.article.text
        matcher = self.matcher(query)
        for f in state.findings:
            title = escape(f"Go to {f.id} · {one_line(f.summary(text), 90)}")
            score = matcher.match(title)
            if score > 0:
                yield Hit(score * 0.9, matcher.highlight(title), partial(app.go_to, f.id),
                          help="Select it in the list and the article")
