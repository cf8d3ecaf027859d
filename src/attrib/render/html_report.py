"""One self-contained HTML file: no network, no JavaScript, every piece of text escaped.

The article is shown with sources, cues, contents and flags highlighted. Colours come
from the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies)
and every highlight also differs in a way that needs no colour (weight, underline
style, a numbered badge), so the legend holds in greyscale too.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from itertools import pairwise

from .. import __version__
from ..model import Flag, Report, ReviewState, Span, Statement, Verdict
from ..plural import noun
from ..safety import clean
from . import coverage_section
from .context import flag_sentence, heading, share, verdict_words, verdicts_by_finding

# Okabe-Ito colours, and light tints of them for backgrounds.
BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, GREY = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#6b6b6b")
CATEGORY_COLOURS = {"vague-source": ORANGE, "anonymous-source": SKY, "agentless": PURPLE,
                    "hedge": YELLOW, "unattributed-claim": VERMILLION, "loaded-label": BLUE,
                    "single-source": GREEN, "speculation": GREY, "weasel-word": GREY}
TYPE_COLOURS = {"person": BLUE, "organization": SKY, "government": GREEN, "news-agency": PURPLE,
                "document": YELLOW, "anonymous": ORANGE, "vague": VERMILLION, "unknown": GREY,
                "none": "#999999"}
VERDICT_COLOURS = {"strong": GREEN, "fair": BLUE, "weak": ORANGE, "poor": VERMILLION}

CSS = """
del { color: #a0411d; text-decoration: line-through; }
ins { color: #0b6e4f; text-decoration: underline; font-weight: 600; }
.evidence blockquote { margin: 4px 0 10px 0; padding-left: 10px; border-left: 3px solid #ccc; }
.status { font-weight: 600; }
.status.altered { color: #a0411d; }
.status.verbatim, .status.close { color: #0b6e4f; }

:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --paper: #ffffff; --panel: #f6f6f8; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--panel); color: var(--ink);
       font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 24px; }
header h1 { font-size: 1.55rem; margin: 0 0 4px; }
header .meta { color: var(--muted); margin: 0; font-size: .92rem; overflow-wrap: anywhere; }
section { background: var(--paper); border: 1px solid var(--rule); border-radius: 10px;
          padding: 18px 22px; margin-top: 18px; }
h2 { font-size: 1.15rem; margin: 0 0 12px; }
.summary { display: grid; grid-template-columns: 200px 1fr; gap: 18px 28px; }
.score { text-align: center; border-radius: 10px; padding: 18px 8px; color: #fff; align-self: start; }
.score .num { font-size: 3.2rem; font-weight: 700; line-height: 1; display: block; }
.score .of { font-size: .95rem; opacity: .9; }
.score .verdict { display: block; margin-top: 6px; font-size: 1.2rem; font-weight: 600;
                  text-transform: uppercase; letter-spacing: .06em; }
.facts { margin: 0 0 10px; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 8px 22px; }
.facts b { font-size: 1.15rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
th { background: var(--panel); font-weight: 600; }
td.pts { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; font-weight: 600; }
.charts { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 18px 40px; }
.charts figure { margin: 0; }
.charts figcaption { font-weight: 600; font-size: .92rem; margin-bottom: 4px; }
.legend { display: flex; flex-wrap: wrap; gap: 8px 18px; margin: 0 0 14px; padding: 0;
          list-style: none; font-size: .9rem; }
.article { white-space: pre-wrap; overflow-wrap: anywhere; font: 17px/1.75 Georgia, "Noto Serif", serif; }
.src { background: #d4e6f4; font-weight: 700; box-shadow: inset 0 -2px 0 #0072B2; }
.cue { background: #fbe5b6; box-shadow: inset 0 -2px 0 #E69F00; font-style: italic; }
.ct { background: #d2efe5; }
.src.ct { background: #d4e6f4; }
.cue.ct { background: #fbe5b6; }
.claim { background: #f6dbe9; box-shadow: inset 0 -1px 0 #CC79A7; }
.fl { text-decoration: underline wavy #D55E00; text-decoration-thickness: 2px;
      text-underline-offset: 4px; text-decoration-skip-ink: none; }
.fl.info { text-decoration-style: dotted; text-decoration-color: #555; }
.badge { display: inline-block; font: 700 .68rem/1.5 system-ui, sans-serif; color: #fff;
         background: #D55E00; border-radius: 4px; padding: 0 4px; margin: 0 1px;
         vertical-align: super; text-decoration: none; white-space: nowrap; }
.badge.info { background: #666; }
.badge.error { background: #8c2f00; }
.swatch { display: inline-block; padding: 0 6px; border-radius: 3px; }
ol.flags { list-style: none; margin: 0; padding: 0; }
ol.flags li { padding: 10px 0; border-bottom: 1px solid var(--rule); }
ol.flags li:last-child { border-bottom: 0; }
.flag-head { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: baseline; }
.sev { font-weight: 700; text-transform: uppercase; font-size: .75rem; letter-spacing: .05em;
       padding: 1px 6px; border-radius: 4px; color: #fff; background: #D55E00; }
.sev.info { background: #666; }
.sev.error { background: #8c2f00; }
.cat { font-weight: 600; }
code { font-size: .85em; background: var(--panel); padding: 0 4px; border-radius: 3px; }
blockquote { margin: 6px 0; padding: 4px 12px; border-left: 3px solid var(--rule);
             font-family: Georgia, "Noto Serif", serif; }
blockquote mark { background: #fde2cf; padding: 0 2px; }
.why { color: var(--muted); margin: 4px 0 0; font-size: .92rem; }
.muted { color: var(--muted); }
.dismissed > .flag-head, .dismissed > .flag-text, tr.dismissed td.finding, tr.dismissed span.finding { text-decoration: line-through;
  text-decoration-color: #a0411d; opacity: .65; }
.verdict-mark { font-weight: 600; font-size: .85rem; border-radius: 4px; padding: 0 6px; }
.verdict-mark.confirmed { color: #0b6e4f; background: #d2efe5; }
.verdict-mark.dismissed { color: #a0411d; background: #fde2cf; }
.note { margin: 4px 0 0; font-size: .92rem; }
.note::before { content: "Note: "; font-weight: 600; }
header h1 .outlet { color: var(--muted); font-weight: 400; }
footer { color: var(--muted); font-size: .85rem; margin: 18px 0 0; text-align: center; }
a { color: #0062a0; }
@media (max-width: 720px) { .summary { grid-template-columns: 1fr; } }
@media print { body { background: #fff; } section { break-inside: avoid-page; } }
"""


def esc(text: str | None) -> str:
    """Untrusted text made inert: control characters dropped, markup escaped."""
    return html.escape(clean(text or ""), quote=True)


# -- the article with its highlights ---------------------------------------------------

def _layers(report: Report) -> list[tuple[Span, str, str]]:
    """(span, css class, tooltip) for every highlighted stretch."""
    out: list[tuple[Span, str, str]] = []
    for st in report.statements:
        who = st.source.name if st.source.span is not None else "no source given"
        label = f"{st.id}: {who} ({st.source.type.value if st.source.span is not None else 'none'})"
        for c in st.content:
            out.append((c, "ct", f"{label}, content"))
        out.append((st.cue, "cue", f"{label}, cue “{st.cue_text}”"))
        if st.source.span is not None:
            out.append((st.source.span, "src", f"{label}, source"))
    for f in report.flags:
        css = "claim" if f.category == "unattributed-claim" else f"fl {f.severity.value}"
        out.append((f.span, css, f"{f.id}: {f.category}: {f.message}"))
    return [layer for layer in out if layer[0]]


def article_html(report: Report) -> str:
    text = report.article.text
    layers = _layers(report)
    badges: dict[int, list[Flag]] = {}
    for f in report.flags:
        badges.setdefault(f.span.end, []).append(f)
    cuts = sorted({0, len(text), *(s.start for s, _, _ in layers), *(s.end for s, _, _ in layers)})
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for n, (span, _, _) in enumerate(layers):
        opening.setdefault(span.start, []).append(n)
        closing.setdefault(span.end, []).append(n)
    live: set[int] = set()  # layers covering the current piece: one sweep, not a scan per piece
    parts = []
    for a, b in pairwise(cuts):
        live.difference_update(closing.get(a, ()))
        live.update(n for n in opening.get(a, ()) if layers[n][0].end > a)
        active = [layers[n][1:] for n in sorted(live)]
        chunk = esc(text[a:b])
        if active:
            classes = " ".join(dict.fromkeys(c for css, _ in active for c in css.split()))
            tip = " | ".join(dict.fromkeys(t for _, t in active))
            parts.append(f'<span class="{classes}" title="{esc(tip)}">{chunk}</span>')
        else:
            parts.append(chunk)
        for f in badges.get(b, ()):
            parts.append(f'<a class="badge {f.severity.value}" href="#{f.id}" '
                         f'title="{esc(f.message)}">{f.id}</a>')
    return "".join(parts)


def legend_html() -> str:
    items = [
        ('<span class="swatch src">Source</span>', "who the article says spoke"),
        ('<span class="swatch cue">cue</span>', "the attributing words (said, told, according to)"),
        ('<span class="swatch ct">content</span>', "what the source is reported to have said"),
        ('<span class="swatch fl warning">flagged words</span>'
         '<span class="badge warning">f1</span>', "wording a rule flags (dotted: info)"),
        ('<span class="swatch claim">unattributed claim</span>', "a checkable claim with no source"),
    ]
    return '<ul class="legend">' + "".join(f"<li>{s} <span class=\"muted\">{d}</span></li>"
                                          for s, d in items) + "</ul>"


# -- summary ---------------------------------------------------------------------------

def bar_chart(title: str, items: Iterable[tuple[str, int]], colours: dict[str, str]) -> str:
    """A small horizontal bar chart as inline SVG."""
    rows = list(items)
    width, label_w, bar_w, row_h = 380, 150, 180, 24
    height = max(1, len(rows)) * row_h + 8
    top = max([n for _, n in rows] + [1])
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img"><title>{esc(title)}</title>']
    for i, (label, n) in enumerate(rows):
        y = 4 + i * row_h
        w = 0 if n == 0 else max(3, round(bar_w * n / top))
        colour = colours.get(label, GREY)
        out.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" font-size="13" '
                   f'fill="#1d1d1f">{esc(label)}</text>')
        out.append(f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 8}" rx="3" '
                   f'fill="{colour}" stroke="#1d1d1f" stroke-opacity=".25"/>')
        out.append(f'<text x="{label_w + w + 6}" y="{y + 16}" font-size="13" fill="#1d1d1f">{n}</text>')
    if not rows:
        out.append('<text x="0" y="20" font-size="13" fill="#5f6368">none</text>')
    out.append("</svg>")
    return "".join(out)


def summary_html(report: Report) -> str:
    s = report.summary
    score = "–" if s.score is None else f"{s.score:g}"
    of = f"not assessed: {s.not_assessed}" if s.not_assessed else "out of 100"
    colour = VERDICT_COLOURS.get(s.verdict, GREY)
    facts = [(str(s.statements), noun(s.statements, "attributed statement")),
             (str(len(report.flags)), noun(len(report.flags), "flag")),
             (share(s.named_on_record_share), "from named, on-record sources"),
             (str(len(s.distinct_sources)), noun(len(s.distinct_sources), "distinct named source"))]
    rows = "".join(
        f'<tr><td class="pts">{item.points:g}</td><td>{esc(item.reason)}</td><td>'
        + " ".join(f'<a href="#{esc(fid)}">{esc(fid)}</a>' for fid in item.flags) + "</td></tr>"
        for item in s.breakdown) or '<tr><td class="pts">0</td><td>Nothing cost points.</td><td></td></tr>'
    names = ", ".join(esc(n) for n in s.distinct_sources) or "none"
    return (
        '<section class="summary" id="summary">'
        f'<div class="score" style="background:{colour}"><span class="num">{score}</span>'
        f'<span class="of">{esc(of)}</span><span class="verdict">{esc(s.verdict)}</span></div>'
        '<div><ul class="facts">'
        + "".join(f"<li><b>{esc(v)}</b> {esc(label)}</li>" for v, label in facts)
        + "</ul>"
        '<table class="breakdown"><thead><tr><th>Points</th><th>Why</th><th>Flags</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        '<p class="muted">The score starts at 100; every flag costs points by its severity '
        "(each line shows the weight), counted per length of text, and one category's cost eases "
        "toward a cap; a flag the rules are unsure of costs nothing.</p>"
        f'<p><b>Named sources:</b> {names}</p></div>'
        '<div class="charts">'
        f'<figure><figcaption>Statements by source type</figcaption>'
        f'{bar_chart("Statements by source type", s.by_source_type, TYPE_COLOURS)}</figure>'
        f'<figure><figcaption>Flags by category</figcaption>'
        f'{bar_chart("Flags by category", s.by_flag_category, CATEGORY_COLOURS)}</figure>'
        "</div></section>")


# -- flags and statements ----------------------------------------------------------------

def flags_html(report: Report) -> str:
    text = report.article.text
    if not report.flags:
        return '<section id="flags"><h2>Flags</h2><p>No flags.</p></section>'
    items = []
    verdicts = verdicts_by_finding(report)
    for f in report.flags:
        verdict = verdicts.get(f.id)
        sent = flag_sentence(f)
        quote = (esc(text[sent.start:f.span.start]) + f"<mark>{esc(f.span.of(text))}</mark>"
                 + esc(text[f.span.end:sent.end]))
        owner = (f' · statement <a href="#{esc(f.statement)}">{esc(f.statement)}</a>'
                 if f.statement else "")
        items.append(
            f'<li id="{esc(f.id)}"{_state_class(verdict)}><div class="flag-head"><b>{esc(f.id)}</b>'
            f'<span class="sev {f.severity.value}">{f.severity.value}</span>'
            f'<span class="cat">{esc(f.category)}</span><code>{esc(f.rule)}</code>'
            f'<span class="muted">{owner}</span>{_verdict_mark(report, verdict)}</div>'
            f'<div class="flag-text">{esc(f.message)}</div><blockquote>{quote}</blockquote>'
            f'<p class="why">{esc(f.explanation)}</p>{_note(verdict)}</li>')
    return f'<section id="flags"><h2>Flags</h2><ol class="flags">{"".join(items)}</ol></section>'


def _state_class(verdict: Verdict | None) -> str:
    if verdict is None or verdict.state is ReviewState.OPEN:
        return ""
    return f' class="{verdict.state.value}"'


def _verdict_mark(report: Report, verdict: Verdict | None) -> str:
    """A badge saying what the reviewer decided, in the words of the finding's kind."""
    if verdict is None or verdict.state is ReviewState.OPEN:
        return ""
    glyph = "✔" if verdict.state is ReviewState.CONFIRMED else "✖"
    return (f'<span class="verdict-mark {verdict.state.value}">{glyph} '
            f"{esc(verdict_words(report, verdict))}</span>")


def _note(verdict: Verdict | None) -> str:
    if verdict is None:
        return ""
    out = ""
    if verdict.speaker:
        out += f'<p class="note">speaker corrected to <b>{esc(verdict.speaker)}</b></p>'
    if verdict.note:
        out += f'<p class="note">{esc(verdict.note)}</p>'
    return out


def _statement_row(st: Statement, report: Report) -> str:
    text = report.article.text
    verdict = verdicts_by_finding(report).get(st.id)
    src = st.source
    who = esc(src.name) if src.span is not None else '<span class="muted">no source given</span>'
    detail = ", ".join(esc(x) for x in (src.type.value if src.span is not None else "none", src.role) if x)
    via = "; ".join(f"{esc(r.relation)} {esc(r.text)}" for r in st.via)
    flags = " ".join(f'<a href="#{esc(f.id)}">{esc(f.id)}</a>' for f in report.flags if f.statement == st.id)
    return (f'<tr id="{esc(st.id)}"{_state_class(verdict)}><td>{esc(st.id)}</td>'
            f'<td class="finding"><b>{who}</b><br>'
            f'<span class="muted">{detail}</span></td><td class="finding">{esc(st.cue_text)}</td>'
            f'<td>{esc(st.kind.value)}</td><td><span class="finding">{esc(st.content_text(text))}</span>'
            f"{_verdict_mark(report, verdict)}{_note(verdict)}</td>"
            f"<td>{via}</td><td>{flags}</td>"
            + (f"<td>{coverage_section.status_html(report, st.id)}</td>" if report.corroborations else "")
            + "</tr>")


def statements_html(report: Report) -> str:
    if not report.statements:
        return '<section id="statements"><h2>Statements</h2><p>No attributed statements.</p></section>'
    rows = "".join(_statement_row(st, report) for st in report.statements)
    return ('<section id="statements"><h2>Statements</h2><table><thead><tr><th>#</th><th>Source</th>'
            "<th>Cue</th><th>Kind</th><th>Content</th><th>Via</th><th>Flags</th>"
            + ("<th>Coverage</th>" if report.corroborations else "") + "</tr></thead>"
            f"<tbody>{rows}</tbody></table></section>")


def reviews_html(report: Report) -> str:
    """The reviewer's verdicts and notes (from attrib tui); nothing when there are none."""
    if not report.verdicts:
        return ""
    rows = "".join(f'<tr><td><a href="#{esc(v.finding)}">{esc(v.finding)}</a></td>'
                   f"<td>{esc(v.state)}</td><td>{esc(verdict_words(report, v))}</td>"
                   f"<td>{esc(v.speaker)}</td><td>{esc(v.note)}</td></tr>" for v in report.verdicts)
    return ('<section id="reviews"><h2>Review</h2><p class="muted">On a statement the verdict '
            "says whether the extraction (who said what) is right; on a flag, whether the reviewer "
            "agrees. Dismissed findings are struck through above and do not count in the score.</p>"
            "<table><thead><tr><th>Finding</th><th>Verdict</th><th>Meaning</th>"
            "<th>Speaker, corrected</th><th>Note</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></section>")


def to_html(report: Report) -> str:
    a = report.article
    title, outlet, location = heading(a)
    meta = " · ".join(esc(v) for v in (location, a.published, a.byline) if v)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Attribution report: {esc(title)}</title><style>{CSS}</style></head><body><main>"
        f"<header><h1>{esc(title)}"
        + (f' <span class="outlet">— {esc(outlet)}</span>' if outlet else "") + "</h1>"
        + (f'<p class="meta">{meta}</p>' if meta else "") + "</header>"
        + summary_html(report)
        + f'<section id="article"><h2>Article</h2>{legend_html()}'
        f'<div class="article">{article_html(report)}</div></section>'
        + flags_html(report) + statements_html(report) + coverage_section.html_section(report)
        + reviews_html(report)
        + f"<footer>attrib {esc(__version__)} · {esc(report.schema)} · "
        f"sha256 {esc(a.digest[:16])}…</footer></main></body></html>\n")
