"""The flag fixture set (fixtures/flags/*.yaml): loading, checking one passage, and
precision/recall per category. Shared by tests/test_assess_fixtures.py and
bench/flag_quality.py."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import attrib
from attrib import Flag, Span

CHECKER = attrib.Checker()

FLAG_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "flags"


@dataclass(frozen=True)
class Expectation:
    category: str
    text: str | None = None
    severity: str | None = None


@dataclass(frozen=True)
class Passage:
    id: str
    file: str
    text: str
    expect: tuple[Expectation, ...] = ()
    absent: tuple[Expectation, ...] = ()
    note: str = ""

    def locate(self, exp: Expectation) -> Span | None:
        if exp.text is None:
            return None
        at = self.text.find(exp.text)
        if at < 0:
            raise ValueError(f"{self.file}: passage {self.id!r}: {exp.text!r} is not in the text")
        return Span(at, at + len(exp.text))


def _expectations(items: list, where: str) -> tuple[Expectation, ...]:
    out = []
    for item in items or []:
        if not isinstance(item, list) or not 1 <= len(item) <= 3:
            raise ValueError(f"{where}: each item is [category, text?, severity?]")
        out.append(Expectation(*item))
    return tuple(out)


def load_passages(directory: Path = FLAG_FIXTURES) -> list[Passage]:
    out = []
    for path in sorted(directory.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["passages"]:
            where = f"{path.name}: {item['id']}"
            out.append(Passage(item["id"], path.name, item["text"],
                               _expectations(item.get("expect"), where),
                               _expectations(item.get("absent"), where), item.get("note", "")))
    return out


def _hits(flag: Flag, exp: Expectation, span: Span | None) -> bool:
    return flag.category == exp.category and (span is None or flag.span.overlaps(span))


@dataclass
class Outcome:
    passage: Passage
    flags: tuple[Flag, ...]
    problems: list[str] = field(default_factory=list)
    matched_flags: set[str] = field(default_factory=set)
    found: Counter = field(default_factory=Counter)  # category -> expectations met
    missed: Counter = field(default_factory=Counter)


def evaluate(passage: Passage, checker: attrib.Checker = CHECKER) -> Outcome:
    report = checker.check(passage.text)
    out = Outcome(passage, report.flags)
    for exp in passage.expect:
        span = passage.locate(exp)
        hits = [f for f in report.flags if _hits(f, exp, span)]
        if exp.severity is not None:
            hits = [f for f in hits if f.severity.value == exp.severity]
        if hits:
            out.found[exp.category] += 1
            out.matched_flags.update(f.id for f in hits)
        else:
            out.missed[exp.category] += 1
            out.problems.append(f"expected {exp.category} on {exp.text!r}"
                                + (f" at {exp.severity}" if exp.severity else ""))
    for exp in passage.absent:
        span = passage.locate(exp)
        for f in report.flags:
            if _hits(f, exp, span):
                out.problems.append(f"unexpected {f.category} ({f.rule}) on {f.text!r}")
    return out


def describe(outcome: Outcome) -> str:
    flags = "; ".join(f"{f.category}:{f.text!r}" for f in outcome.flags) or "none"
    return (f"{outcome.passage.file}: {outcome.passage.id}: " + "; ".join(outcome.problems)
            + f" (flags: {flags})")


def scores(outcomes: list[Outcome]) -> dict[str, tuple[int, int, int, int]]:
    """category -> (flags raised, flags matching an expectation, expectations, met)."""
    raised, correct, expected, met = Counter(), Counter(), Counter(), Counter()
    for o in outcomes:
        for f in o.flags:
            raised[f.category] += 1
            if f.id in o.matched_flags:
                correct[f.category] += 1
        for cat in set(o.found) | set(o.missed):
            expected[cat] += o.found[cat] + o.missed[cat]
            met[cat] += o.found[cat]
    cats = sorted(set(raised) | set(expected))
    return {c: (raised[c], correct[c], expected[c], met[c]) for c in cats}
