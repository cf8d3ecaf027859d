"""The value types that flow through the pipeline.

Every stage takes values and returns values; nothing here does I/O. All types are
frozen dataclasses with tuples instead of lists so a Report can be shared between the
CLI, the renderers and the TUI without anyone mutating it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

SCHEMA = "attrib.report/1"


class Kind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class SourceType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    NEWS_AGENCY = "news-agency"
    DOCUMENT = "document"
    ANONYMOUS = "anonymous"
    VAGUE = "vague"
    UNKNOWN = "unknown"


class Resolution(StrEnum):
    """How a statement's speaker was established."""

    NAMED = "named"  # the source names itself in the sentence: "Mostafa Bali said"
    SHORT_FORM = "short-form"  # a surname or title plus surname: "Bali", "Mr. Bali" -> the full name met earlier
    PRONOUN = "pronoun"  # "he", "they" -> an entity named earlier
    DESCRIPTION = "description"  # a role or body noun: "the spokesman", "the company" -> an entity
    UNNAMED = "unnamed"  # an unnamed or vague source stands as written: "officials", "critics"
    UNRESOLVED = "unresolved"  # a pronoun or description that points at no one we could find
    NONE = "none"  # the sentence gives no source at all (an agentless passive)


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)


class RelayRelation(StrEnum):
    VIA = "via"  # the channel: "told AFP", "in an interview with Radio Tamsby"
    CITES = "cites"  # the source it rests on: "citing two captains"


class PageOrigin(StrEnum):
    """How a coverage page came to be considered."""

    COVERAGE = "coverage"  # --coverage URL_OR_FILE
    COVERAGE_DIR = "coverage-dir"  # --coverage-dir DIR
    DISCOVER = "discover"  # found by --discover


class ReviewState(StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class Status(StrEnum):
    VERBATIM = "verbatim"
    CLOSE = "close"
    ALTERED = "altered"
    PARAPHRASE = "paraphrase"
    CONTRADICTED = "contradicted"  # the aligned passages differ by a negation or an antonym
    NOT_FOUND = "not-found"
    UNCHECKED = "unchecked"


class Unchecked(StrEnum):
    """Why a statement was not checked against coverage (status ``unchecked``)."""

    TOO_SHORT = "too-short"  # too few content words, even with the rest of its sentence
    NO_PAGES = "no-pages"  # no coverage page could be read: nothing to check against


class ReasonKind(StrEnum):
    """What differs between the article's words and the other outlet's."""

    NEGATION = "negation"
    ANTONYM = "antonym"  # "rose" against "fell", "at odds" against "in line"
    NUMBER = "number"  # a figure in the same place changed, or replaced by words
    DATE = "date"
    QUALIFIER = "qualifier"  # "may", "always", "some"
    STRONGER = "stronger-wording"
    NAME = "name"
    WORDS_CHANGED = "words-changed"
    WORDS_OMITTED = "words-omitted"  # words of the statement the other outlet does not have
    WORDS_ADDED = "words-added"  # words inside the other outlet's passage the statement does not have
    ELLIPSIS = "ellipsis"  # words left out where one side marks the omission with "..."
    TRUNCATED = "truncated"  # words cut from an end
    SPELLING = "spelling"  # the same words in another form: "two days" / "2 days", "min" / "minute"
    FILLER = "filler"
    WORD_ORDER = "word-order"


class Change(StrEnum):
    DROPPED = "dropped"  # in the article only
    ADDED = "added"  # in the other outlet only
    CHANGED = "changed"  # one for the other


class SpeakerVerdict(StrEnum):
    SAME = "same"
    DIFFERENT = "different"  # both speakers established with confidence, and not one side
    NOT_ESTABLISHED = "not-established"  # see the gaps: no accusation is made


class SpeakerGap(StrEnum):
    """Why the speakers of a statement and its passage elsewhere were not compared."""

    ARTICLE_UNNAMED = "article-unnamed"  # the article gives no named source (officials, he, none)
    ARTICLE_UNCERTAIN = "article-uncertain"  # resolved, but not surely enough to accuse anyone
    OTHER_UNATTRIBUTED = "other-unattributed"  # the other outlet gives the passage to no one
    OTHER_UNNAMED = "other-unnamed"
    OTHER_UNCERTAIN = "other-uncertain"
    RELAYED = "relayed"  # one side names a news agency or a reporter who passes the words on
    PERSON_AND_BODY = "person-and-body"  # a person on one side, a body on the other: may speak for it
    UNLIKE_BODIES = "unlike-bodies"  # two bodies named too differently to tell apart


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Offsets into ``Article.text``: Python str indices, end exclusive."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def __bool__(self) -> bool:
        return self.end > self.start

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None  # registered domain, e.g. "example.com"
    published: str | None = None  # ISO 8601 date as given by the page
    byline: str | None = None
    path: str | None = None  # where it was read from, for messages
    site_name: str | None = None  # the name the page gives its site ("Tidewater Post")

    @property
    def digest(self) -> str:
        """Content hash: the key under which review state is stored."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Source:
    span: Span | None  # None: the sentence gives no source (passive, "is expected to")
    text: str
    type: SourceType = SourceType.UNKNOWN
    role: str | None = None  # "SDF spokesman", "a senior official of the Raqqah Civil Council"
    resolved: str | None = None  # "He" -> "Mostafa Bali"; "Bali" -> "Mostafa Bali"
    resolution: Resolution = Resolution.NAMED  # how the speaker was established
    confidence: float = 1.0  # how sure that is, 0-1: checks that accuse (speaker conflicts) need it high
    antecedent: Span | None = None  # where the resolved name is written, when it is not the source itself

    @property
    def name(self) -> str:
        """The name to show and to group by."""
        return self.resolved or self.text


@dataclass(frozen=True, slots=True)
class Relay:
    """A channel the statement passed through: "told AFP" -> AFP (``via``);
    "X said, citing Y" -> Y (``cites``)."""

    text: str
    span: Span
    relation: RelayRelation
    type: SourceType = SourceType.UNKNOWN


@dataclass(frozen=True, slots=True)
class Statement:
    id: str  # "s1", "s2", ... in text order
    kind: Kind
    source: Source
    cue: Span
    cue_text: str
    content: tuple[Span, ...]
    sentence: Span
    via: tuple[Relay, ...] = ()
    cue_class: str = "speech"  # speech | belief | intention | evidence | ...

    def content_text(self, text: str) -> str:
        return " ".join(span.of(text) for span in self.content)

    @property
    def span(self) -> Span:
        """The smallest span covering source, cue and content."""
        parts = [self.cue, *self.content]
        if self.source.span is not None:
            parts.append(self.source.span)
        return Span(min(p.start for p in parts), max(p.end for p in parts))


@dataclass(frozen=True, slots=True)
class Flag:
    id: str  # "f1", "f2", ...
    rule: str  # rule id, e.g. "vague-source.observers"
    category: str  # vague-source | anonymous-source | agentless | hedge | ...
    severity: Severity
    span: Span
    text: str
    message: str
    explanation: str = ""
    statement: str | None = None  # id of the statement it belongs to
    sentence: Span | None = None  # the sentence(s) it sits in, for showing it in context
    confidence: float = 1.0  # 0-1: how sure the rule is; a heuristic's guess is below 1 (docs/assess.md)


@dataclass(frozen=True, slots=True)
class Reason:
    """One difference a copy editor would name: ``kind`` and ``change`` with the words as
    each side writes them (``before``: the article's, ``after``: the other outlet's)."""

    kind: ReasonKind
    change: Change = Change.CHANGED
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """For people: "number changed: 20 → 30", "negation dropped", "truncated"."""
        before, after = ", ".join(self.before), ", ".join(self.after)
        match self.kind:
            case ReasonKind.TRUNCATED:
                return "truncated"
            case ReasonKind.WORD_ORDER:
                return "word order changed"
            case ReasonKind.NEGATION:
                return f"negation {self.change}"
            case ReasonKind.SPELLING:
                return f"spelling: {' '.join(self.before) or '∅'} → {' '.join(self.after) or '∅'}"
            case ReasonKind.STRONGER:
                return f"stronger wording: {after}"
        name = self.kind.value.replace("-", " ")
        if self.kind is ReasonKind.WORDS_CHANGED:
            return f"words changed: {' '.join(self.before) or '∅'} → {' '.join(self.after) or '∅'}"
        if self.change is Change.CHANGED:
            return f"{name} changed: {' '.join(self.before) or '∅'} → {' '.join(self.after) or '∅'}"
        if self.kind in (ReasonKind.WORDS_OMITTED, ReasonKind.WORDS_ADDED, ReasonKind.ELLIPSIS):
            return f"{name}: {before or after}"
        return f"{name} {self.change}: {before or after}"


@dataclass(frozen=True, slots=True)
class SpeakerSide:
    """Who one side gives the words to, and the sentence where that speaker is named
    (the antecedent's sentence for "he" or "the spokesman")."""

    name: str
    resolution: Resolution
    confidence: float
    sentence: str


@dataclass(frozen=True, slots=True)
class SpeakerCheck:
    verdict: SpeakerVerdict
    gaps: tuple[SpeakerGap, ...] = ()  # why not established (empty otherwise)
    article: SpeakerSide | None = None
    other: SpeakerSide | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    outlet: str
    url: str
    passage: str
    score: float  # 0-100, rapidfuzz scale
    status: Status
    diff: tuple[tuple[str, str], ...] = ()  # (op, words): op is "=", "-", "+"
    speaker: str | None = None  # who the other outlet gives as the source
    same_speaker: bool | None = None  # None: not established (see speaker_check)
    reasons: tuple[Reason, ...] = ()  # why it is close, altered or contradicted
    speaker_check: SpeakerCheck | None = None  # how the speakers compare, and the sentences naming them


@dataclass(frozen=True, slots=True)
class Corroboration:
    statement: str
    status: Status = Status.UNCHECKED
    evidence: tuple[Evidence, ...] = ()
    unchecked: Unchecked | None = None  # why, when the status is unchecked

    @property
    def speaker_conflicts(self) -> tuple[Evidence, ...]:
        """Evidence where another outlet gives the passage to someone else: a finding."""
        return tuple(e for e in self.evidence if e.same_speaker is False)


@dataclass(frozen=True, slots=True)
class OutletInfo:
    """What the curated outlet list (rules/outlets.yaml) says about a domain. Information
    for the reader, never a verdict on the article."""

    domain: str  # registered domain, e.g. "reuters.com"
    name: str
    kinds: tuple[str, ...] = ()  # "wire-agency", "public-broadcaster", "state-affiliated", ...
    note: str = ""
    sources: tuple[str, ...] = ()  # citations for the entry


@dataclass(frozen=True, slots=True)
class CoveragePage:
    """One page of other coverage that was considered, used or not."""

    url: str  # the URL, or the path of a saved page
    origin: PageOrigin
    outlet: str | None = None
    title: str | None = None
    error: str | None = None  # None: used for matching; else why it was skipped


@dataclass(frozen=True, slots=True)
class Verdict:
    """A reviewer's judgement on one finding, saved by the TUI."""

    finding: str  # statement or flag id
    state: ReviewState
    note: str = ""
    speaker: str = ""  # on a statement: the speaker as the reviewer corrected it


@dataclass(frozen=True, slots=True)
class ScoreItem:
    """One line of the score breakdown: what cost points and where."""

    reason: str
    points: float
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Summary:
    statements: int = 0
    by_kind: tuple[tuple[str, int], ...] = ()
    by_source_type: tuple[tuple[str, int], ...] = ()
    by_flag_category: tuple[tuple[str, int], ...] = ()
    distinct_sources: tuple[str, ...] = ()
    named_on_record_share: float = 0.0
    score: float | None = None
    breakdown: tuple[ScoreItem, ...] = ()
    verdict: str = ""
    not_assessed: str | None = None  # why there is no score: too little to judge (None: assessed)
    unscored: tuple[str, ...] = ()  # flags left out of the score for their low confidence
    corroboration: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    article: Article
    statements: tuple[Statement, ...] = ()
    flags: tuple[Flag, ...] = ()
    corroborations: tuple[Corroboration, ...] = ()
    summary: Summary = field(default_factory=Summary)
    verdicts: tuple[Verdict, ...] = ()
    schema: str = SCHEMA
    coverage: tuple[CoveragePage, ...] = ()  # pages considered for corroboration
    outlets: tuple[OutletInfo, ...] = ()  # curated information on outlets named in the report
