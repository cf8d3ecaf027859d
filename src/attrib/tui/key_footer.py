"""The footer: the keys that fit, most important first, never a word cut in half.

Textual's Footer lays every binding out in a row and crops what does not fit ("q Qui").
This one measures each key ("c Confirm" plus its margin), keeps them in order of
``keys.Key.rank`` while they fit the width (help and quit always), and shows the kept
ones in their usual order; the rest stay in the help screen and the command palette.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from .keys import RANK

PALETTE_LABEL = "palette"


def fit(entries: list[tuple[int, int]], width: int) -> set[int]:
    """Indexes of the entries (rank, width) to keep within ``width``: by rank, then in
    order; rank 0 is always kept."""
    kept: set[int] = set()
    used = 0
    for i in sorted(range(len(entries)), key=lambda i: (entries[i][0], i)):
        rank, w = entries[i]
        if rank == 0 or used + w <= width:
            kept.add(i)
            used += w
    return kept


class KeyFooter(Footer):
    def __init__(self, **kwargs) -> None:
        super().__init__(compact=True, **kwargs)

    def _shown_bindings(self) -> Iterator[tuple[Binding, bool, str]]:
        seen: set[str] = set()
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                yield binding, enabled, tooltip

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        width = self.size.width or self.app.size.width
        bindings = list(self._shown_bindings())
        shown = [(b, enabled, tip, self.app.get_key_display(b)) for b, enabled, tip in bindings]
        entries = [(RANK.get(b.id or "", 5), len(key) + 1 + len(b.description) + 1)
                   for b, _, _, key in shown]
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, ""))
            entries.append((6, len(palette) + 1 + len(PALETTE_LABEL) + 2))
        kept = fit(entries, width)
        for i, (binding, enabled, tooltip, key) in enumerate(shown):
            if i in kept:
                yield FooterKey(binding.key, key, binding.description, binding.action,
                                disabled=not enabled,
                                tooltip=tooltip or binding.description).data_bind(compact=Footer.compact)
        if palette is not None and len(shown) in kept:
            yield FooterKey(self.app.COMMAND_PALETTE_BINDING, palette, PALETTE_LABEL,
                            "app.command_palette", classes="-command-palette")

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready:
            self.call_after_refresh(self.recompose)
