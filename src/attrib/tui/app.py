"""The review app: findings list, article, detail pane; verdicts saved as they are made.

One article at a time, or a queue of them (``queue``): ``]`` and ``[`` move through it,
and everything about the article on screen (report, reviews, screen state) is swapped
and the screen composed again."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from ..errors import AttribError, StoreError
from ..model import Corroboration, CoveragePage, Report, ReviewState
from ..plural import counted, noun
from ..render import FORMATS, render
from ..review import Finding, ReviewBook, findings_of, meaning
from ..safety import clean
from ..settings import Settings
from ..store import ReviewStore
from . import keys, palette
from .article_view import ArticleView
from .coverage_bar import CoverageBar
from .detail_pane import DetailPane
from .export_screen import ExportScreen, default_path, export_formats
from .filter_screen import FilterScreen
from .findings_table import FindingsTable
from .header import ReportHeader
from .key_footer import KeyFooter
from .messages import (
    CorroborationArrived,
    CorroborationFinished,
    CoverageUpdate,
    FindingHighlighted,
    FindingOpened,
    Origin,
    ReportFailed,
    ReportReady,
    SearchChanged,
    SortRequested,
)
from .note_screen import NoteScreen
from .palette_commands import ActionCommands, Command, FindingCommands
from .queue import ArticleQueue
from .safe import one_line
from .search_bar import FilterLine, SearchBar
from .state import SORTS, Filters, ScreenState

if TYPE_CHECKING:  # the coverage stage loads numpy: only when coverage is wanted
    from ..corroborate.stream import CoverageEvent
    from .coverage_worker import Corroborator

POLL_SECONDS = 1.0  # how often to look for reviews saved by another window


class ReviewApp(App[None]):
    CSS_PATH = "review.tcss"
    TITLE = "attrib"
    COMMANDS = App.COMMANDS | {ActionCommands, FindingCommands}
    BINDINGS = keys.bindings(keys.APP)
    NEEDS_FINDING = {"confirm", "dismiss_finding", "note", "speaker"}
    REVIEW_ACTIONS = {k.action for k in keys.APP} - {"quit"}

    def __init__(self, report: Report, *, store: ReviewStore | None = None,
                 corroborate: Corroborator | None = None, settings: Settings | None = None,
                 cursor_blink: bool = True,
                 finish: Callable[[Report], Report] | None = None,
                 rescore: Callable[[Report], Report] | None = None,
                 queue: ArticleQueue | None = None,
                 background: tuple[Callable[[], object], ...] = (),
                 pending: Callable[[], Report] | None = None) -> None:
        """``corroborate``: see coverage_worker.py. ``finish``: a last touch to the report
        as exported (the CLI adds what the outlet list says about the outlets).
        ``rescore``: the report with its verdicts in, summary recomputed (the CLI passes
        ``Checker.reviewed``). ``queue``: more articles to review in turn; ``report`` is
        its current one. ``background``: work to do in a thread once the first frame is up
        (the CLI builds its Checker there, for the score and the export). ``pending``: the
        report is still being made; ``report`` is the article alone, shown meanwhile, and
        ``pending()`` (called in a thread) gives the real one."""
        super().__init__()
        self.store = store
        self.finish = finish
        self.rescore = rescore
        self.queue = queue
        self.settings = settings or Settings()
        self.corroborate_fn = corroborate
        self.cursor_blink = cursor_blink
        self.background = background
        self.pending = pending
        self.failure: Exception | None = None  # why the pending report never came
        self._run = 0  # which coverage run the incoming results belong to
        self._done = 0
        if self.settings.tui.keys:
            self.set_keymap(dict(self.settings.tui.keys))
        if self.settings.tui.theme:
            self.theme = self.settings.tui.theme
        self._load(report)

    def _load(self, report: Report) -> None:
        """Make ``report`` the article on screen: its reviews, its screen state."""
        self.report = report
        self.selected: Finding | None = None
        findings = findings_of(report)
        # while the report is pending, no reviews are read (or written): there is nothing to review
        self.book = ReviewBook(report.article.digest, None if self.pending else self.store, findings)
        self.state = ScreenState(report, self.book, self.rescore)
        if self.corroborate_fn is not None:
            self.state.coverage_enabled = True
            self.state.coverage_hint = (f"Not checked yet: press {self.key_for('corroborate')} "
                                        "to check it against other coverage.")

    def _note_opened(self) -> None:
        """Remember the article for `attrib reviews` (after the first frame: it syncs to disk)."""
        if self.store is not None:
            a = self.report.article
            with suppress(StoreError):  # the list of reviewed articles misses a line; reviews still save
                self.store.opened(a.digest, a.title or "", a.url or a.path or "", len(self.state.findings))

    # -- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ReportHeader(self.state, self.queue_marks(), id="header")
        with Vertical(id="list-area"):
            yield SearchBar(id="search-bar")
            yield FilterLine(id="filter-line")
            yield FindingsTable(self.state, id="findings")
            yield Static(id="list-empty")
        with Horizontal(id="lower"):
            yield ArticleView(self.state, id="article", cursor_blink=self.cursor_blink)
            yield DetailPane(self.state, id="detail")
        yield CoverageBar(id="coverage-bar")
        yield KeyFooter()

    @property
    def table(self) -> FindingsTable:
        return self.query_one(FindingsTable)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.set_interval(POLL_SECONDS, self._poll)
        self._setup()
        if self.pending is not None:
            threading.Thread(target=self._wait_for_report, args=(self.pending,), daemon=True).start()

    def _wait_for_report(self, pending: Callable[[], Report]) -> None:
        """In a thread of its own (it may block until quit): the report, then the screen."""
        try:
            message: ReportReady | ReportFailed = ReportReady(pending())
        except Exception as exc:  # the check failed: quit and let the caller say why
            message = ReportFailed(exc)
        if self.is_running:  # else the user quit before it came: nothing to say
            self.post_message(message)

    def on_report_ready(self, message: ReportReady) -> None:
        """The same article, now checked: every widget stays (the article view keeps its
        text and wrapping) and takes the new screen state."""
        self.pending = None
        self._load(message.report)
        for widget in (self.query_one(ReportHeader), self.table, self.detail):
            widget.state = self.state
        self.article.rebind(self.state)
        self.query_one(ReportHeader).repaint()
        self.table.refill(headers=True)
        self._setup()

    def on_report_failed(self, message: ReportFailed) -> None:
        self.failure = message.error
        self.exit(return_code=2)

    def _setup(self) -> None:
        """After composing: titles, the list, the selection, and what to tell the user."""
        if self.pending is not None:  # the article alone, while it is being checked
            self._setup_panes()
            return
        self._setup_panes()
        self.table.focus()
        start = self._restored_cursor() or (self.state.findings[0] if self.state.findings else None)
        if start is not None:
            self.select(start.id, Origin.APP)
            self.table.show_finding(start.id)
        restored = len(self.book)
        if restored:
            self.notify(f"Restored {counted(restored, 'review')} from an earlier "
                        "session.", title="Welcome back", markup=False)
        orphans = self.book.orphans()
        if orphans:
            n = len(orphans)
            self.notify(f"{counted(n, 'saved review')} {noun(n, 'matches', 'match')} no finding now: "
                        "their words are no longer in the findings (the rules changed); they are kept.",
                        severity="warning", markup=False)
        if self.corroborate_fn is not None:
            self.action_corroborate()
        self.call_after_refresh(self._after_first_frame)

    def _setup_panes(self) -> None:
        self.query_one("#list-area").border_title = "Findings"
        a = self.report.article
        where = a.url or (Path(a.path).name if a.path else "")
        self.article.border_title = f"Article · {one_line(where, 60)}" if where else "Article"
        self.detail.border_title = "Details"
        self.article.border_subtitle = palette.of(self).legend()
        self.query_one("#search-input", Input).cursor_blink = self.cursor_blink
        self.query_one(SearchBar).display = False
        self.query_one(CoverageBar).display = False
        self._refill()

    def _after_first_frame(self) -> None:
        """What can wait until the screen is drawn: noting the article (a disk sync), and
        a little later the background work (it would compete with the drawing)."""
        self._note_opened()
        self.set_timer(0.3, self._prepare_help)

    def _restored_cursor(self) -> Finding | None:
        if self.store is None:
            return None
        try:
            key = self.store.cursor(self.report.article.digest)
        except StoreError:
            return None
        return self.state.by_key.get(key) if key else None

    def _theme_changed(self, _theme: object) -> None:
        """Our colours come in a dark and a light variant: redraw everything that uses them."""
        self.article.border_subtitle = palette.of(self).legend()
        self.article.repaint()
        self.query_one(ReportHeader).repaint()
        self._refill(headers=True)
        self.detail.show(self.selected)

    # -- keys as bound now (after the keymap) ------------------------------------------
    def key_for(self, binding_id: str) -> str:
        spec = self.settings.tui.keys.get(binding_id) or keys.BY_ID[binding_id].keys
        return " ".join(self.get_key_display(Binding(k.strip(), "")) for k in spec.split(","))

    def palette_commands(self) -> list[Command]:
        cmds = [Command(f"{k.label}: {k.help.rstrip('.')}  [{self.key_for(k.id)}]", k.help,
                        partial(self.run_action, k.action)) for k in keys.APP]
        cmds.append(Command(f"Open the finding in the article  [{self.key_for('open')}]",
                            keys.BY_ID["open"].help, self.open_selected))
        for wid, name in (("findings", "findings list"), ("article", "article"),
                          ("detail", "details pane")):
            cmds.append(Command(f"Focus the {name}", f"Move the keyboard focus to the {name}.",
                                partial(self._focus, wid)))
        for column, label in SORTS.items():
            cmds.append(Command(f"Sort by {label}", "Again to reverse the order.",
                                partial(self.sort_by, column)))
        return cmds

    def _focus(self, widget_id: str) -> None:
        self.query_one(f"#{widget_id}").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.REVIEW_ACTIONS and self.screen is not self.screen_stack[0]:
            return False  # a dialog is open: its own keys only
        if self.pending is not None and action in self.REVIEW_ACTIONS - {"show_help"}:
            return None  # the article is still being checked
        if action in ("next_article", "previous_article"):
            if self.queue is None or len(self.queue) < 2:
                return False  # one article: not in the footer at all
            return self.queue.step(1 if action == "next_article" else -1) is not None or None
        if action in self.NEEDS_FINDING and self.selected is None:
            return None
        if action == "speaker" and (self.selected is None or self.selected.is_flag):
            return None
        if action == "undo" and not self.book.can_undo:
            return None
        if action == "corroborate" and self.corroborate_fn is None:
            return None
        if action == "clear_filter" and not self.state.filters.active:
            return False
        return True

    # -- selection ---------------------------------------------------------------------
    def select(self, finding_id: str | None, origin: Origin) -> None:
        finding = self.state.by_id.get(finding_id) if finding_id else None
        if finding is self.selected:
            return
        before, self.selected = self.selected, finding
        self.detail.show(finding)
        self.article.mark(finding, move_cursor=origin is not Origin.ARTICLE)
        if finding is not None and origin is not Origin.LIST:
            self.table.show_finding(finding.id)
        if (before is None) != (finding is None) or (before is not None and finding is not None
                                                     and before.is_flag != finding.is_flag):
            self.refresh_bindings()  # the footer recomposes: only when what it offers changes

    def current(self) -> Finding | None:
        """The finding under the focused view's cursor, read now: key presses can arrive
        before the highlight messages of the moves that preceded them."""
        focused = self.focused
        finding = self.selected
        if focused is self.table and self.table.current_id is not None:
            finding = self.state.by_id.get(self.table.current_id, finding)
        elif focused is self.article:
            finding = self.article.finding_at_cursor() or finding
        if finding is not self.selected and finding is not None:
            self.select(finding.id, Origin.LIST if focused is self.table else Origin.ARTICLE)
        return finding

    def go_to(self, finding_id: str) -> None:
        """Select a finding; clear the filter first if it hides it."""
        if finding_id not in self.table.rows and self.state.filters.active:
            self.action_clear_filter()
        self.select(finding_id, Origin.APP)
        self.table.show_finding(finding_id)

    def on_finding_highlighted(self, message: FindingHighlighted) -> None:
        self.select(message.finding_id, message.origin)

    def on_finding_opened(self, message: FindingOpened) -> None:
        self.select(message.finding_id, message.origin)
        if message.origin is Origin.LIST:
            self.article.mark(self.selected)
            self.article.focus()
        else:
            self.go_to(message.finding_id)
            self.table.focus()

    def open_selected(self) -> None:
        if self.selected is not None:
            self.on_finding_opened(FindingOpened(self.selected.id, Origin.LIST))

    # -- the list: filter, search, sort -------------------------------------------------
    def _refill(self, keep: str | None = None, *, headers: bool = False) -> None:
        table = self.table
        table.refill(keep or (self.selected.id if self.selected else None), headers=headers)
        total, shown = len(self.state.findings), table.row_count
        empty = self.query_one("#list-empty", Static)
        table.display = shown > 0
        empty.display = shown == 0
        if self.pending is not None:
            empty.update("Checking the article…")
        elif not total:
            empty.update("No attributed statements and no flags in this article: nothing "
                         "to review. The article is shown below.")
        elif not shown:
            empty.update(f"No finding matches this filter. Press {self.key_for('clear-filter')} "
                         f"to clear it, or {self.key_for('filter')} to change it.")
        self.query_one(FilterLine).show(shown, total, self.state.filters.describe(),
                                        self.key_for("clear-filter"))
        self.refresh_bindings()

    def _set_filters(self, filters: Filters) -> None:
        self.state.filters = filters
        self._refill()
        current = self.table.current_id
        if current is not None:
            self.select(current, Origin.APP)

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        field = self.query_one("#search-input", Input)
        field.value = self.state.filters.text
        field.focus()

    def on_search_changed(self, message: SearchChanged) -> None:
        if message.text != self.state.filters.text:
            self._set_filters(replace(self.state.filters, text=message.text))
        if message.done:
            self.query_one(SearchBar).display = bool(message.text.strip())
            self.table.focus()

    def action_filter(self) -> None:
        def done(filters: Filters | None) -> None:
            if filters is not None:
                self.query_one(SearchBar).display = bool(filters.text.strip())
                self.query_one("#search-input", Input).value = filters.text
                self._set_filters(filters)
            self.table.focus()

        self.push_screen(FilterScreen(self.state, cursor_blink=self.cursor_blink), done)

    def action_clear_filter(self) -> None:
        self.query_one("#search-input", Input).value = ""
        self.query_one(SearchBar).display = False
        self._set_filters(Filters())
        self.table.focus()

    def sort_by(self, column: str) -> None:
        self.state.sort_by(column)
        self._refill(headers=True)  # the sort arrow moves

    def on_sort_requested(self, message: SortRequested) -> None:
        self.sort_by(message.column)

    # -- reviewing -----------------------------------------------------------------------
    def _save(self, finding: Finding, field: str, value: str, advance: bool = False) -> str | None:
        """Save one field of a finding's review; the error message when it failed."""
        try:
            clash = self.book.set(finding.key, field, value)
        except StoreError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10, markup=False)
            return str(exc)
        if clash is not None:
            theirs = clash.theirs or "(nothing)"
            self.notify(f"{finding.id}: another window had changed the {field} to "
                        f"“{one_line(theirs, 60)}”; yours is saved over it.",
                        title="Changed elsewhere", severity="warning", timeout=10, markup=False)
        self._after_review(finding, advance)
        return None

    def _after_review(self, finding: Finding, advance: bool) -> None:
        table = self.table
        index = table.cursor_row
        if self.state.filters.review or self.state.filters.text:
            self._refill(keep=finding.id)  # the row may have left the filtered list
            if finding.id not in table.rows and table.row_count:
                table.move_cursor(row=min(index, table.row_count - 1))
                advance = False
        else:
            table.update_finding(finding)
        if advance and table.has_focus and table.cursor_row < table.row_count - 1:
            table.action_cursor_down()
        self.detail.show(self.selected)
        self.query_one(ReportHeader).update_stats()
        self.refresh_bindings()

    def _toggle(self, state: ReviewState) -> None:
        finding = self.current()
        if finding is None:
            return
        old = self.book[finding.key].state
        self._save(finding, "state", ReviewState.OPEN if old == state else state, advance=True)

    def action_confirm(self) -> None:
        self._toggle(ReviewState.CONFIRMED)

    def action_dismiss_finding(self) -> None:
        self._toggle(ReviewState.DISMISSED)

    def _edit(self, finding: Finding, field: str, title: str, placeholder: str, hint: str) -> None:
        summary = finding.summary(self.report.article.text)

        def save(text: str) -> str | None:
            self.select(finding.id, Origin.APP)
            return self._save(finding, field, clean(text))

        self.push_screen(NoteScreen(title, summary, getattr(self.book[finding.key], field), save,
                                    placeholder=placeholder, hint=hint, cursor_blink=self.cursor_blink))

    def action_note(self) -> None:
        finding = self.current()
        if finding is not None:
            self._edit(finding, "note", f"Note on {finding.id}",
                       "why you confirmed or dismissed it, what to check…",
                       "enter saves · an empty note removes it · esc cancels")

    def action_speaker(self) -> None:
        finding = self.current()
        if finding is None or finding.statement is None or finding.is_flag:
            return
        self._edit(finding, "speaker", f"Who spoke in {finding.id}?",
                   f"extracted: {one_line(finding.statement.source.name, 40)}",
                   "enter saves · empty: the extracted speaker stands · esc cancels")

    def action_undo(self) -> None:
        try:
            key = self.book.undo()
        except StoreError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10, markup=False)
            return
        if key is None:
            self.notify("Nothing to undo.", markup=False)
            return
        finding = self.state.by_key.get(key)
        if finding is not None:
            self.go_to(finding.id)
            self._after_review(finding, advance=False)
            state = meaning(finding.is_flag, self.book[key].state)
            self.notify(f"Undone: {finding.id} is {state} again.", markup=False)

    # -- another window on the same article ----------------------------------------------
    def _poll(self) -> None:
        try:
            changed = self.book.reload()
        except StoreError:
            return
        found = [f for f in self.state.findings if f.key in set(changed)]
        if not found:
            return
        if self.state.filters.review or self.state.filters.text:
            self._refill()
        for finding in found:
            self.table.update_finding(finding)
        self.detail.show(self.selected)
        self.query_one(ReportHeader).update_stats()
        told = ", ".join(f"{f.id} {meaning(f.is_flag, self.book[f.key].state)}"
                         + (" (note)" if self.book[f.key].note else "") for f in found[:4])
        more = f" and {len(found) - 4} more" if len(found) > 4 else ""
        self.notify(f"Changed in another window: {told}{more}.", title="Reviews updated",
                    markup=False)

    # -- leaving an article: quit, or the next one in the queue --------------------------
    def _leave(self) -> None:
        """Remember where the cursor was, for the next time this article is opened."""
        if self.store is not None and self.selected is not None:
            with suppress(StoreError):
                self.store.set_cursor(self.report.article.digest, self.selected.key)

    async def action_quit(self) -> None:
        self._leave()
        self.exit()

    def queue_marks(self) -> list[tuple[str, bool]]:
        """(mark, is current) per queued article: ✔ all reviewed, ◐ some, · none yet."""
        if self.queue is None or len(self.queue) < 2:
            return []
        out = []
        for i, target in enumerate(self.queue.targets):
            done, total = self._progress(target, current=i == self.queue.index)
            mark = "✖" if target in self.queue.skipped else (
                "✔" if total and done >= total else "◐" if done else "·")
            out.append((mark, i == self.queue.index))
        return out

    def _progress(self, target: str, current: bool) -> tuple[int, int]:
        if current:
            return self.state.reviewed(), len(self.state.findings)
        if self.store is None:
            return 0, 0
        for row in self._reviewed_articles():
            if row.location == target:
                return row.reviewed, row.findings
        return 0, 0

    def _reviewed_articles(self) -> list:
        try:
            return self.store.articles() if self.store is not None else []
        except StoreError:
            return []

    async def _switch(self, delta: int) -> None:
        queue = self.queue
        if queue is None:
            return
        index = queue.step(delta)
        while index is not None:
            try:
                report = queue.load(queue.targets[index])
                break
            except AttribError as exc:
                queue.skipped[queue.targets[index]] = str(exc)
                self.notify(str(exc), title="Skipped", severity="warning", markup=False)
                index = index + delta if 0 <= index + delta < len(queue) else None
        if index is None:
            self.notify("No more articles that way.", markup=False)
            self.query_one(ReportHeader).queue = self.queue_marks()
            self.query_one(ReportHeader).repaint()
            return
        self._leave()
        self._run += 1  # late coverage results of the old article are ignored
        self.workers.cancel_group(self, "coverage")
        queue.index = index
        self._load(report)
        await self.recompose()
        self._setup()

    async def action_next_article(self) -> None:
        await self._switch(1)

    async def action_previous_article(self) -> None:
        await self._switch(-1)

    # -- export --------------------------------------------------------------------------
    def action_export(self) -> None:
        formats = export_formats(FORMATS)
        a = self.report.article
        if a.path:
            base = Path(a.path).expanduser().resolve()
            folder, stem = base.parent, base.stem
        else:  # a URL: the current folder, named for the page
            folder, stem = Path.cwd(), _slug(a.title or a.url or "article")

        def rendered(fmt: str) -> str:
            exported = self.state.exported()
            return render(self.finish(exported) if self.finish else exported, fmt)

        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Wrote {path.resolve()}", title="Exported", timeout=8, markup=False)

        def path_for(fmt: str) -> str:
            path = folder / default_path(stem, fmt)
            here = Path.cwd()  # a path under the current folder reads better relative to it
            return str(path.relative_to(here)) if path.is_relative_to(here) else str(path)

        self.push_screen(ExportScreen(formats, rendered, path_for, cursor_blink=self.cursor_blink), done)

    # -- help ----------------------------------------------------------------------------
    def _help_text(self) -> str:
        from .help_screen import help_markdown

        shown = {k.id: self.key_for(k.id) for k in keys.ALL}
        if self.settings.file is not None:
            note = f"Your key settings are read from `{self.settings.file}`."
        else:
            note = "No `attrib.toml` was found, so the keys above are the defaults."
        return help_markdown(shown, note)

    @work(thread=True, exclusive=True, group="help", exit_on_error=False)
    def _prepare_help(self) -> None:
        """Once the first frame is up, in a thread: render the help, so that ? opens it at
        once, and do the work the caller left for this moment."""
        from .help_screen import rendered, text_width

        rendered(self._help_text(), text_width(self.size.width))
        for job in self.background:
            job()

    def action_show_help(self) -> None:
        from .help_screen import HelpScreen

        self.push_screen(HelpScreen(self._help_text()))

    # -- coverage in the background ------------------------------------------------------
    def action_corroborate(self) -> None:
        fn = self.corroborate_fn
        if fn is None:
            self.notify("No coverage to check against: start attrib tui with --coverage URL "
                        "or --discover.", severity="warning", markup=False)
            return
        statements = [st.id for st in self.report.statements]
        if not statements:
            self.notify("There are no statements to check.", markup=False)
            return
        self._run += 1
        self._done = 0
        self.state.pending = set(statements)
        self.state.coverage_pages.clear()
        self.query_one(CoverageBar).start(len(statements))
        self._refill()
        self._corroborate_thread(self._run, fn)

    @work(thread=True, exclusive=True, group="coverage", exit_on_error=False)
    def _corroborate_thread(self, run: int, fn: Corroborator) -> None:
        worker = get_current_worker()
        try:
            for result in fn(self.report):
                if worker.is_cancelled:
                    return
                self.post_message(_message(run, result))
        except Exception as exc:  # the stage failed: say so, keep the app running
            self.post_message(CorroborationFinished(run, error=_describe(exc)))
            return
        self.post_message(CorroborationFinished(run))

    def on_corroboration_arrived(self, message: CorroborationArrived) -> None:
        if message.run != self._run:
            return  # a late result from a run that was replaced
        c = message.corroboration
        self.state.corroborations[c.statement] = c
        if c.statement in self.state.pending:
            self.state.pending.discard(c.statement)
            self._done += 1
        self.query_one(CoverageBar).advance(self._done, len(self.report.statements))
        finding = self.state.by_id.get(c.statement)
        if self.state.filters.corroboration:
            self._refill()
        elif finding is not None:
            self.table.update_finding(finding)
        if self.selected is not None and self.selected.statement is not None \
                and self.selected.statement.id == c.statement:
            self.detail.show(self.selected)

    def on_coverage_update(self, message: CoverageUpdate) -> None:
        if message.run != self._run:
            return
        if message.page is not None:
            self.state.coverage_pages.append(message.page)
        if message.warning:
            self.notify(clean(message.warning), title="Coverage", severity="warning",
                        timeout=8, markup=False)

    def on_corroboration_finished(self, message: CorroborationFinished) -> None:
        if message.run != self._run:
            return
        self.state.pending.clear()
        self.query_one(CoverageBar).stop()
        self._refill()
        self.detail.show(self.selected)
        if message.error:
            self.notify(message.error, title="Coverage check failed", severity="error",
                        timeout=10, markup=False)
        else:
            checked = len(self.state.corroborations)
            self.notify(f"Checked {checked} of {counted(len(self.report.statements), 'statement')} "
                        "against other coverage.", title="Coverage", markup=False)


def _message(run: int, event: CoverageEvent) -> CorroborationArrived | CoverageUpdate:
    if isinstance(event, Corroboration):
        return CorroborationArrived(run, event)
    if isinstance(event, CoveragePage):
        return CoverageUpdate(run, page=event)
    return CoverageUpdate(run, warning=event.text)


def _describe(exc: Exception) -> str:
    return clean(str(exc)) or type(exc).__name__


def _slug(text: str) -> str:
    words = "".join(c if c.isalnum() else " " for c in text.casefold()).split()
    return "-".join(words)[:60].strip("-") or "article"
