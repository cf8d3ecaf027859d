"""Small helpers the report renderers share."""

from __future__ import annotations

from pathlib import PurePath

from ..model import Article, Flag, Report, Span, Verdict


def flag_sentence(flag: Flag) -> Span:
    """The sentence a flag sits in (the assessment records it), else the flag itself."""
    return flag.sentence or flag.span


def share(value: float) -> str:
    return f"{value:.0%}"


def heading(article: Article) -> tuple[str, str | None, str | None]:
    """(headline, outlet, where it was read from) for a report's title: the headline
    (the file name when there is none), the outlet's name (else its domain) and the path
    or URL to put underneath."""
    title = article.title or (PurePath(article.path).name if article.path else "Untitled article")
    return title, article.site_name or article.outlet, article.url or article.path


def verdicts_by_finding(report: Report) -> dict[str, Verdict]:
    return {v.finding: v for v in report.verdicts}


def verdict_words(report: Report, verdict: Verdict) -> str:
    """"extraction right", "disagree", ...: what the verdict means for its kind of finding."""
    from ..review import meaning

    is_flag = verdict.finding not in {st.id for st in report.statements}
    return meaning(is_flag, verdict.state)
