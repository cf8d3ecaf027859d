"""Saved reviews outside the review screen: ``attrib check --with-reviews`` and
``attrib reviews`` (the list of reviewed articles, and exporting all their reports)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .checker import Checker
from .errors import AttribError, ExitCode
from .files import write_atomic
from .model import Report, Verdict
from .review import ReviewBook, findings_of
from .safety import clean
from .store import ReviewedArticle, ReviewStore, default_path

EXTENSIONS = {"md": "md", "json": "json", "html": "html"}


def verdicts_from(store: ReviewStore, report: Report) -> tuple[Verdict, ...]:
    """The saved verdicts of a report's findings (nothing is moved or written)."""
    book = ReviewBook(report.article.digest, store, findings_of(report), migrate=False)
    return book.verdicts()


def with_reviews(checker: Checker, report: Report, store: ReviewStore | None = None) -> Report:
    """The report with the verdicts saved for its text, the score recomputed. Without a
    review database nothing changes (none is created)."""
    if store is None:
        if not default_path().is_file():
            return report
        store = ReviewStore()
        try:
            return with_reviews(checker, report, store)
        finally:
            store.close()
    return checker.reviewed(replace(report, verdicts=verdicts_from(store, report)))


def _one_line(text: str, limit: int) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def listing(rows: list[ReviewedArticle]) -> str:
    """``attrib reviews``: one line per article, most recently changed first."""
    if not rows:
        return "No reviews yet: review an article with attrib tui ARTICLE.\n"
    out = [f"{'reviewed':>9}  {'right/agree':>11}  {'wrong/disagree':>14}  {'notes':>5}  "
           f"{'last change (UTC)':<17}  article"]
    for r in rows:
        progress = f"{r.reviewed}/{r.findings}" if r.findings else str(r.reviewed)
        when = r.last_change[:16].replace("T", " ")
        title = _one_line(r.title or "(untitled)", 60)
        where = " ".join(clean(r.location).split()) if r.location else f"sha256 {r.digest[:12]}…"
        out.append(f"{progress:>9}  {r.confirmed:>11}  {r.dismissed:>14}  {r.notes:>5}  "
                   f"{when:<17}  {title}\n{'':>67}{where}")
    return "\n".join(out) + "\n"


def _name(row: ReviewedArticle, taken: set[str]) -> str:
    if row.location and "://" not in row.location:
        stem = Path(row.location).stem
    else:
        words = "".join(c if c.isalnum() else " " for c in (row.title or "article").casefold()).split()
        stem = "-".join(words)[:60] or "article"
    name = stem if stem not in taken else f"{stem}-{row.digest[:8]}"
    taken.add(name)
    return name


def export_all(checker: Checker, store: ReviewStore, folder: Path, fmt: str) -> tuple[str, int]:
    """A report for every reviewed article, read again from where it was reviewed and
    checked with its verdicts. Articles that cannot be read, or whose text has changed
    since, are skipped and named; the exit status is 1 when any was."""
    from .ingest.fetch_options import FetchOptions
    from .render import render
    from .request import read_target

    if not folder.is_dir():
        raise AttribError(f"{folder}: no such folder")
    lines: list[str] = []
    skipped = 0
    taken: set[str] = set()
    for row in store.articles():
        if not row.reviewed and not row.notes:
            continue
        if not row.location:
            lines.append(f"skipped sha256 {row.digest[:12]}…: no record of where it was read from")
            skipped += 1
            continue
        try:
            article, _ = read_target(checker, row.location, FetchOptions())
        except AttribError as exc:
            lines.append(f"skipped {clean(row.location)}: {exc}")
            skipped += 1
            continue
        if article.digest != row.digest:
            lines.append(f"skipped {clean(row.location)}: the text has changed since it was reviewed")
            skipped += 1
            continue
        report = with_reviews(checker, checker.check(article), store)
        report = replace(report, outlets=checker.outlets_named(report))
        path = folder / f"{_name(row, taken)}.attrib.{EXTENSIONS[fmt]}"
        write_atomic(path, render(report, fmt))
        lines.append(f"wrote {path}")
    if not lines:
        lines.append("No reviews yet: nothing to export.")
    return "\n".join(lines) + "\n", ExitCode.FINDINGS if skipped else ExitCode.OK
