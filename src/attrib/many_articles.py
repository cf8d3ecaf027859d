"""``attrib check FILE...`` and ``attrib check DIR``: several articles with one Checker,
one row each (score, statements, flags, worst flag), or with ``--format json`` one
report per line (JSON Lines). An article that cannot be read gets a row saying why and
the others go on; the exit status is then 1 (some inputs were skipped)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .checker import Checker
from .errors import AttribError, ExitCode, InputError
from .model import Report, Severity
from .safety import clean

SUFFIXES = (".txt", ".html", ".htm")
MANY_FORMATS = ("text", "json")


@dataclass(frozen=True, slots=True)
class Outcome:
    target: str
    report: Report | None = None
    error: str | None = None


def targets(items: Sequence[str]) -> Iterator[str]:
    """The articles named, with folders searched (in name order) for .txt and .html files."""
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = []
            for here, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [str(Path(here) / f) for f in sorted(files)
                          if not f.startswith(".") and f.lower().endswith(SUFFIXES)]
            if not found:
                raise InputError(f"{item}: a directory with no .txt or .html articles in it")
            yield from found
        else:
            yield item


def outcomes(checker: Checker, items: Sequence[str]) -> Iterator[Outcome]:
    for target in targets(items):
        try:
            yield Outcome(target, checker.check(checker.read(target)))
        except AttribError as exc:
            yield Outcome(target, error=str(exc).removeprefix(f"{target}: "))


def worst_flag(report: Report) -> str:
    """The most severe flag, first in the text among equals: "warning vague-source"."""
    top: tuple[int, str] | None = None
    for f in report.flags:
        if top is None or f.severity.rank > top[0]:
            top = (f.severity.rank, f"{f.severity.value} {f.category}")
    return top[1] if top else "-"


def _cell(text: str) -> str:
    return " ".join(clean(text).split())


class Table:
    """One row per article, written as each is checked; a long name is cut at its start
    so the file name stays visible."""

    HEAD = ("ARTICLE", "SCORE", "STATEMENTS", "FLAGS", "WORST FLAG")

    def __init__(self, out: TextIO, width: int):
        self.out, self.width = out, width
        self.out.write(self._line(self.HEAD))

    def _line(self, cells: Sequence[str]) -> str:
        name = cells[0] if len(cells[0]) <= self.width else "…" + cells[0][-(self.width - 1):]
        return f"{name:<{self.width}}  {cells[1]:>5}  {cells[2]:>10}  {cells[3]:>5}  {cells[4]}\n"

    def row(self, o: Outcome) -> None:
        if o.report is None:
            self.out.write(self._line((_cell(o.target), "-", "-", "-", f"not read: {_cell(o.error or '')}")))
            return
        s = o.report.summary
        score = "-" if s.score is None else f"{s.score:.0f}"
        self.out.write(self._line((_cell(o.target), score, str(len(o.report.statements)),
                                   str(len(o.report.flags)), worst_flag(o.report))))


def check_many(checker: Checker, items: Sequence[str], fmt: str, out: TextIO,
               fail_on: Severity | None, warn: Callable[[str], None]) -> int:
    """Check every article, writing as it goes; the exit status. In JSON Lines an
    article that cannot be read is a warning on stderr, so every line is a report."""
    from .assess import at_or_above
    from .render.jsonreport import report_to_dict

    skipped = failed = False
    names = list(targets(items))
    table = Table(out, min(60, max(len("ARTICLE"), *(len(_cell(n)) for n in names)))) if fmt == "text" else None
    for o in outcomes(checker, names):
        skipped |= o.report is None
        if o.report is not None and fail_on is not None and at_or_above(o.report.flags, fail_on):
            failed = True
        if table is not None:
            table.row(o)
        elif o.report is not None:
            out.write(json.dumps(report_to_dict(o.report), ensure_ascii=False) + "\n")
        else:
            warn(f"{o.target}: {o.error}")
    return ExitCode.FINDINGS if skipped or failed else ExitCode.OK
