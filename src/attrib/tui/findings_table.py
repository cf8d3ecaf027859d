"""The list of statements and flags."""

from __future__ import annotations

from textual import events
from textual.widgets import DataTable

from ..review import Finding
from . import keys, palette
from .cells import Column, coverage_cell, layout, review_cell, row_cells
from .messages import FindingHighlighted, FindingOpened, Origin, SortRequested
from .safe import Shown
from .state import ScreenState

FIRST_ROWS = 60  # rows added before the first frame; the rest right after it


class FindingsTable(DataTable):
    BINDINGS = keys.bindings(keys.LIST)

    def __init__(self, state: ScreenState, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, cursor_foreground_priority="renderable",
                         **kwargs)
        self.state = state
        self._layout: list[tuple[Column, int]] = []
        self._generation = 0  # which refill the rows still being added belong to

    # -- building ----------------------------------------------------------------------
    @property
    def _width(self) -> int:
        # before the first layout: the screen's width less the list's border
        return self.size.width or max(self.app.size.width - 2, 20)

    def refill(self, keep: str | None = None, *, headers: bool = False) -> None:
        """Rebuild the rows from the state (filter and sort); keep the cursor on ``keep``.
        ``headers``: rebuild the columns too (the sort arrow moved)."""
        keep = keep or self.current_id
        shape = layout(self.state, self._width)
        if headers or shape != self._layout or not self.columns:
            self.clear(columns=True)
            self._layout = shape
            for column, width in shape:
                self.add_column(self._header(column), width=width, key=column.key)
        else:
            self.clear()
        rows = self.state.visible()
        self._generation += 1
        # A long article's rows past the first screenfuls are added after the first frame
        # is drawn (each row is measured as it is added); the kept row is always in the first part.
        where = next((i for i, f in enumerate(rows) if f.id == keep), 0)
        first = max(FIRST_ROWS, where + FIRST_ROWS)
        self._add(rows[:first], shape)
        if keep is not None and keep in self.rows:
            self.move_cursor(row=self.get_row_index(keep), animate=False)
        if len(rows) > first:
            self.call_after_refresh(self._add_rest, self._generation, rows[first:], shape)

    def _add(self, rows: list[Finding], shape: list[tuple[Column, int]]) -> None:
        p = palette.of(self)
        for f in rows:
            self.add_row(*row_cells(p, self.state, f, shape), key=f.id)

    def _add_rest(self, generation: int, rows: list[Finding], shape: list[tuple[Column, int]]) -> None:
        if generation == self._generation:  # not replaced by a newer refill meanwhile
            self._add(rows, shape)

    def _header(self, column: Column) -> Shown:
        if column.key == self.state.sort or (column.key == "id" and self.state.sort == "position"):
            arrow = "▼" if self.state.reverse else "▲"
            return Shown(f"{column.header} {arrow}", "bold")
        return Shown(column.header)

    def _width_of(self, key: str) -> int:
        return next((w for c, w in self._layout if c.key == key), 12)

    def update_finding(self, finding: Finding) -> None:
        """Redraw the review and coverage cells of one row."""
        if finding.id in self.rows:
            p = palette.of(self)
            if "review" in self.columns:
                self.update_cell(finding.id, "review",
                                 review_cell(p, self.state, finding, self._width_of("review")))
            if "corroboration" in self.columns:
                self.update_cell(finding.id, "corroboration",
                                 coverage_cell(p, self.state, finding))

    # -- cursor ------------------------------------------------------------------------
    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except Exception:  # cursor outside the rows, e.g. while rebuilding
            return None
        return key.value

    def show_finding(self, finding_id: str) -> bool:
        if finding_id not in self.rows:
            return False
        index = self.get_row_index(finding_id)
        if index != self.cursor_row:
            self.move_cursor(row=index)
        return True

    def action_open(self) -> None:
        if self.current_id is not None:
            self.post_message(FindingOpened(self.current_id, Origin.LIST))

    # -- events ------------------------------------------------------------------------
    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(FindingHighlighted(event.row_key.value, Origin.LIST))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # a click on the highlighted row, like enter
        event.stop()
        if event.row_key.value is not None:
            self.post_message(FindingOpened(event.row_key.value, Origin.LIST))

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        column = event.column_key.value or "position"
        self.post_message(SortRequested("position" if column == "id" else column))

    def on_resize(self, event: events.Resize) -> None:
        if self.columns and layout(self.state, self._width) != self._layout:
            self.refill()
