"""Expected findings for the fixture articles: loading, validation and matching.

The format is documented in fixtures/articles/README.md. Every check returns a list of
readable problems (empty when all is well) so a failing test says which article, which
expectation and what the engine found instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from attrib.model import Kind, SourceType, Span, Statement

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"

KINDS = {k.value for k in Kind}
TYPES = {t.value for t in SourceType}
ROLES = ("cue", "source", "content")
STATEMENT_KEYS = {"cue", "occurrence", "source", "type", "role", "resolved", "kind", "via",
                  "cites", "content", "content_excludes"}
REQUIRED_KEYS = {"cue", "source", "type", "role", "resolved", "kind", "content"}
MAX_EXTRA_CUE_WORDS = 4  # "said in a statement on Monday" still covers "said"
EDGE = " \t\r\n,.;:"
QUOTE_OPENERS = "\"“"


class FixtureError(ValueError):
    """The expectation file itself is wrong (not the engine)."""


@dataclass(frozen=True)
class Located:
    """One occurrence of an exact string in the article."""

    text: str
    occurrence: int  # 1-based
    span: Span


@dataclass(frozen=True)
class RelayExp:
    text: str
    type: str | None


@dataclass(frozen=True)
class Expected:
    article: str
    number: int  # 1-based position in the file
    cue: Located
    source: tuple[str, ...] | None  # acceptable texts; None: the statement has no source
    types: tuple[str, ...]
    roles: tuple[str | None, ...]
    resolved: tuple[str | None, ...]
    kind: str
    via: tuple[RelayExp, ...]
    cites: tuple[RelayExp, ...]
    content: tuple[str, ...]
    content_excludes: tuple[str, ...]

    @property
    def label(self) -> str:
        return (f"{self.article} expectation #{self.number}: cue {self.cue.text!r} "
                f"(occurrence {self.cue.occurrence}, offset {self.cue.span.start})")


@dataclass(frozen=True)
class Absent:
    where: tuple[Located, ...]
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Fixture:
    name: str
    text: str
    statements: tuple[Expected, ...]
    maybe: tuple[Located, ...]
    absent: tuple[Absent, ...]


# -- loading -----------------------------------------------------------------------------

def article_names() -> list[str]:
    return sorted(p.stem for p in ARTICLES.glob("*.txt"))


def occurrences(text: str, needle: str) -> list[Span]:
    """Every occurrence of ``needle``, as a whole word where it starts or ends with one."""
    pattern = re.escape(needle)
    if needle[:1].isalnum():
        pattern = r"(?<!\w)" + pattern
    if needle[-1:].isalnum():
        pattern += r"(?!\w)"
    return [Span(m.start(), m.end()) for m in re.finditer(pattern, text)]


def locate(text: str, needle: Any, occurrence: Any, where: str) -> Located:
    if not isinstance(needle, str) or not needle:
        raise FixtureError(f"{where}: expected a non-empty string, got {needle!r}")
    if not isinstance(occurrence, int) or occurrence < 1:
        raise FixtureError(f"{where}: occurrence must be a positive integer, got {occurrence!r}")
    found = occurrences(text, needle)
    if len(found) < occurrence:
        raise FixtureError(f"{where}: {needle!r} occurs {len(found)} time(s) in the article, "
                           f"occurrence {occurrence} asked for")
    return Located(needle, occurrence, found[occurrence - 1])


def _alternatives(value: Any, where: str, allowed: set[str] | None = None,
                  nullable: bool = True) -> tuple[Any, ...]:
    values = tuple(value) if isinstance(value, list) else (value,)
    if not values:
        raise FixtureError(f"{where}: an empty list allows nothing")
    for v in values:
        if v is None and nullable:
            continue
        if not isinstance(v, str) or not v:
            raise FixtureError(f"{where}: expected a string{' or null' if nullable else ''}, got {v!r}")
        if allowed is not None and v not in allowed:
            raise FixtureError(f"{where}: {v!r} is not one of {sorted(allowed)}")
    return values


def _relays(value: Any, where: str) -> tuple[RelayExp, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FixtureError(f"{where}: expected a list")
    out = []
    for item in value:
        if isinstance(item, str):
            out.append(RelayExp(item, None))
        elif isinstance(item, dict) and set(item) <= {"text", "type"} and isinstance(item.get("text"), str):
            rtype = item.get("type")
            if rtype is not None and rtype not in TYPES:
                raise FixtureError(f"{where}: relay type {rtype!r} is not one of {sorted(TYPES)}")
            out.append(RelayExp(item["text"], rtype))
        else:
            raise FixtureError(f"{where}: a relay is a string or {{text, type}}, got {item!r}")
    return tuple(out)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    values = tuple(value) if isinstance(value, list) else (value,)
    if not values or not all(isinstance(v, str) and v for v in values):
        raise FixtureError(f"{where}: expected a string or a list of strings, got {value!r}")
    return values


def _expected(name: str, text: str, n: int, raw: Any) -> Expected:
    where = f"{name}.expected.yaml statement #{n}"
    if not isinstance(raw, dict):
        raise FixtureError(f"{where}: expected a mapping")
    unknown = set(raw) - STATEMENT_KEYS
    missing = REQUIRED_KEYS - set(raw)
    if unknown or missing:
        raise FixtureError(f"{where}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    cue = locate(text, raw["cue"], raw.get("occurrence", 1), f"{where} cue")
    source = None if raw["source"] is None else _alternatives(raw["source"], f"{where} source", nullable=False)
    for s in source or ():
        if s not in text:
            raise FixtureError(f"{where}: source {s!r} does not occur in the article")
    content = _strings(raw["content"], f"{where} content")
    for c in content:
        if c not in text:
            raise FixtureError(f"{where}: content excerpt {c!r} does not occur in the article")
    excludes = _strings(raw["content_excludes"], f"{where} content_excludes") \
        if raw.get("content_excludes") else ()
    kind = raw["kind"]
    if kind not in KINDS:
        raise FixtureError(f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
    return Expected(
        article=name, number=n, cue=cue, source=source,
        types=_alternatives(raw["type"], f"{where} type", TYPES, nullable=False),
        roles=_alternatives(raw["role"], f"{where} role"),
        resolved=_alternatives(raw["resolved"], f"{where} resolved"),
        kind=kind,
        via=_relays(raw.get("via"), f"{where} via"),
        cites=_relays(raw.get("cites"), f"{where} cites"),
        content=content, content_excludes=excludes)


def _absent(name: str, text: str, n: int, raw: Any) -> Absent:
    where = f"{name}.expected.yaml absent #{n}"
    if isinstance(raw, str):
        raw = {"text": raw}
    if not isinstance(raw, dict) or not set(raw) <= {"text", "occurrence", "roles"}:
        raise FixtureError(f"{where}: a string or {{text, occurrence, roles}}, got {raw!r}")
    roles = tuple(raw.get("roles", ["cue"]))
    if not roles or not set(roles) <= set(ROLES):
        raise FixtureError(f"{where}: roles must be some of {list(ROLES)}")
    if "occurrence" in raw:
        where_ = (locate(text, raw.get("text"), raw["occurrence"], where),)
    else:
        locate(text, raw.get("text"), 1, where)  # validates that it occurs at all
        where_ = tuple(Located(raw["text"], i, s) for i, s in enumerate(occurrences(text, raw["text"]), 1))
    return Absent(where_, roles)


def load_fixture(name: str, directory: Path = ARTICLES) -> Fixture:
    text = (directory / f"{name}.txt").read_text(encoding="utf-8")
    path = directory / f"{name}.expected.yaml"
    if not path.exists():
        raise FixtureError(f"{path.name} is missing: every fixture article needs its expectations")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not set(data) <= {"statements", "maybe", "absent"}:
        raise FixtureError(f"{path.name}: top-level keys are statements, maybe, absent")
    statements = tuple(_expected(name, text, n, raw)
                       for n, raw in enumerate(data.get("statements") or [], 1))
    maybe = []
    for n, raw in enumerate(data.get("maybe") or [], 1):
        if not isinstance(raw, dict) or not set(raw) <= {"cue", "occurrence"}:
            raise FixtureError(f"{path.name} maybe #{n}: expected {{cue, occurrence}}")
        maybe.append(locate(text, raw.get("cue"), raw.get("occurrence", 1), f"{path.name} maybe #{n}"))
    absent = tuple(_absent(name, text, n, raw) for n, raw in enumerate(data.get("absent") or [], 1))
    cues = [e.cue.span for e in statements]
    for e in statements:
        if cues.count(e.cue.span) > 1:
            raise FixtureError(f"{e.label}: two expectations name the same cue occurrence")
    return Fixture(name, text, statements, tuple(maybe), absent)


# -- matching ----------------------------------------------------------------------------

def _norm(s: str) -> str:
    return s.strip(EDGE)


def _norm_role(s: str | None) -> str | None:
    if s is None:
        return None
    s = " ".join(s.split()).strip(EDGE).lower()
    return re.sub(r"^(?:a|an|the)\s+", "", s)


def _short(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 3] + "..."


def describe(st: Statement, text: str) -> str:
    src = st.source
    relays = ", ".join(f"{r.relation} {r.text!r} ({r.type.value})" for r in st.via) or "none"
    return (f"{st.id}: cue {st.cue_text!r} {st.cue.as_list()} | source {src.text!r} "
            f"[{src.type.value}] role {src.role!r} resolved {src.resolved!r} | {st.kind.value} "
            f"| relays {relays} | content {_short(st.content_text(text))!r}")


def context(text: str, span: Span, width: int = 60) -> str:
    return _short(text[max(0, span.start - width): span.end + width].replace("\n", " / "), 200)


def mismatches(exp: Expected, st: Statement, text: str) -> list[str]:
    """What differs between an expectation and the statement found at its cue."""
    out = []
    extra = len(st.cue_text.split()) - len(exp.cue.text.split())
    if extra > MAX_EXTRA_CUE_WORDS:
        out.append(f"cue {st.cue_text!r} is much longer than {exp.cue.text!r}")
    src = st.source
    if exp.source is None:
        if src.span is not None:
            out.append(f"source: expected none, found {src.text!r}")
    elif src.span is None or _norm(src.text) not in {_norm(s) for s in exp.source}:
        out.append(f"source: expected {' or '.join(map(repr, exp.source))}, found {src.text!r}")
    if src.type.value not in exp.types:
        out.append(f"type: expected {' or '.join(exp.types)}, found {src.type.value}")
    if _norm_role(src.role) not in {_norm_role(r) for r in exp.roles}:
        out.append(f"role: expected {' or '.join(map(repr, exp.roles))}, found {src.role!r}")
    name = src.resolved or src.text
    ok = any((src.resolved in (None, src.text)) if r is None else name == r for r in exp.resolved)
    if not ok:
        out.append(f"resolved: expected {' or '.join(map(repr, exp.resolved))}, found {src.resolved!r}")
    if st.kind.value != exp.kind:
        out.append(f"kind: expected {exp.kind}, found {st.kind.value}")
    for relation, wanted in (("via", exp.via), ("cites", exp.cites)):
        got = [r for r in st.via if r.relation == relation]
        if sorted(_norm(r.text) for r in got) != sorted(_norm(r.text) for r in wanted):
            out.append(f"{relation}: expected {[r.text for r in wanted]}, found {[r.text for r in got]}")
            continue
        for r in wanted:
            match = next(g for g in got if _norm(g.text) == _norm(r.text))
            if r.type is not None and match.type.value != r.type:
                out.append(f"{relation} {r.text!r}: expected type {r.type}, found {match.type.value}")
    content = st.content_text(text)
    for piece in exp.content:
        if piece not in content:
            out.append(f"content lacks {piece!r}")
    for piece in exp.content_excludes:
        if any(piece in c.of(text) for c in st.content):
            out.append(f"content should not contain {piece!r}")
    if out:
        out.append(f"content found: {_short(content, 300)!r}")
    return out


def check_expectation(exp: Expected, statements: tuple[Statement, ...], text: str) -> list[str]:
    """Problems with one expectation; empty when a statement at its cue matches it."""
    at = [st for st in statements if st.cue.contains(exp.cue.span)]
    if not at:
        near = [st for st in statements if st.sentence.overlaps(Span(exp.cue.span.start, exp.cue.span.end))]
        lines = [f"{exp.label}: no statement has a cue covering it",
                 f"  context: {context(text, exp.cue.span)!r}"]
        lines += [f"  in the same sentence: {describe(st, text)}" for st in near] or \
                 ["  no statement in that sentence at all"]
        return lines
    problems, st = min(((mismatches(exp, st, text), st) for st in at), key=lambda pair: len(pair[0]))
    if not problems:
        return []
    return [f"{exp.label}: the statement found differs",
            f"  context: {context(text, exp.cue.span)!r}",
            f"  found: {describe(st, text)}",
            *(f"  - {p}" for p in problems)]


def check_absent(fx: Fixture, statements: tuple[Statement, ...]) -> list[str]:
    out = []
    for absent in fx.absent:
        for loc in absent.where:
            for st in statements:
                spans = {"cue": [st.cue], "source": [st.source.span] if st.source.span else [],
                         "content": list(st.content)}
                for role in absent.roles:
                    if any(s.overlaps(loc.span) for s in spans[role]):
                        out.append(f"{fx.name}: {loc.text!r} (occurrence {loc.occurrence}) must not be "
                                   f"part of any statement's {role}, but {describe(st, fx.text)}")
    return out


def check_unexpected(fx: Fixture, statements: tuple[Statement, ...]) -> list[str]:
    """Statements whose cue is neither expected nor tolerated (``maybe``)."""
    allowed = [e.cue.span for e in fx.statements] + [m.span for m in fx.maybe]
    return [f"{fx.name}: not an expected attribution: {describe(st, fx.text)}\n"
            f"  context: {context(fx.text, st.cue)!r}"
            for st in statements if not any(st.cue.overlaps(a) for a in allowed)]


def check_invariants(name: str, statements: tuple[Statement, ...], text: str) -> list[str]:
    """Shape rules every statement keeps, whatever the article.

    A content span may cross a paragraph break only where a quotation genuinely goes on:
    every later paragraph in it reopens with a quotation mark. Content never overlaps the
    statement's own cue or source."""
    out = []
    for st in statements:
        for span in st.content:
            paragraphs = [p for p in span.of(text).split("\n") if p.strip()]
            if len(paragraphs) > 1:
                continues = st.kind != Kind.INDIRECT and all(
                    p.lstrip()[:1] in QUOTE_OPENERS for p in paragraphs[1:])
                if not continues:
                    out.append(f"{name}: content {span.as_list()} runs over {len(paragraphs)} "
                               f"paragraphs: {describe(st, text)}")
            if span.overlaps(st.cue):
                out.append(f"{name}: content {span.as_list()} overlaps the cue: {describe(st, text)}")
            if st.source.span is not None and span.overlaps(st.source.span):
                out.append(f"{name}: content {span.as_list()} overlaps the source: {describe(st, text)}")
    return out
