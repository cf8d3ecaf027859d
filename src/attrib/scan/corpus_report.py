"""The corpus report: one self-contained HTML page (inline SVG charts, no script, no
outside file) computed from the scan's tables. Every name, outlet and quotation in it
is corpus text and is escaped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from .. import __version__
from ..files import write_atomic
from ..model import SourceType
from ..safety import clean
from .scan_options import TableFormat
from .svg_charts import bars, columns, stacked
from .table_files import read_table

TOP = 20  # rows in each chart and table
NO_OUTLET = "(no outlet)"

CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}figure{margin:1em 0}
figcaption{font-weight:600;margin-bottom:.3em}svg text{font-size:12px;fill:#222}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #ddd;padding:4px 6px;
text-align:left;vertical-align:top}.legend{font-size:12px;margin:.2em 0}.key{margin-right:1em}
.key i{display:inline-block;width:10px;height:10px;margin-right:4px}.empty{color:#777}
dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{color:#555}dd{margin:0}
.reasons{color:#a40000}"""


def _t(value: object) -> str:
    return escape(" ".join(clean(str(value)).split())) if value is not None else ""


def _counts(table: pa.Table, keys: Sequence[str]) -> list[dict[str, Any]]:
    if table.num_rows == 0:
        return []
    grouped = table.group_by(list(keys)).aggregate([([], "count_all")])
    return grouped.to_pylist()


def _outlets(table: pa.Table) -> pa.Table:
    return table.set_column(table.schema.get_field_index("outlet"), "outlet",
                            pc.fill_null(table["outlet"], NO_OUTLET))


def _top_outlets(st: pa.Table) -> list[str]:
    rows = sorted(_counts(st, ["outlet"]), key=lambda r: (-r["count_all"], r["outlet"]))
    return [r["outlet"] for r in rows[:TOP]]


def _shares(st: pa.Table, key: str, labels: Sequence[str]) -> list[tuple[str, list[float]]]:
    """Per label of ``key``: the share of statements whose source is anonymous, and vague."""
    per: dict[str, dict[str, int]] = {}
    for r in _counts(st, [key, "source_type"]):
        per.setdefault(r[key], {})[r["source_type"]] = r["count_all"]
    series = []
    for kind in (SourceType.ANONYMOUS, SourceType.VAGUE):
        series.append((f"{kind.value} sources", [100 * per.get(label, {}).get(kind.value, 0)
                                                 / max(1, sum(per.get(label, {}).values())) for label in labels]))
    return series


def _sourcing(st: pa.Table) -> str:
    outlets = _top_outlets(st)
    types = [t.value for t in SourceType]
    per: dict[str, dict[str, int]] = {}
    for r in _counts(st, ["outlet", "source_type"]):
        per.setdefault(r["outlet"], {})[r["source_type"]] = r["count_all"]
    parts = [stacked("Source types per outlet (share of statements)",
                     [(o, [per[o].get(t, 0) for t in types]) for o in outlets], types),
             columns("Anonymous and vague sourcing per outlet (share of statements)",
                     _shares(st, "outlet", outlets), outlets)]
    dated = st.filter(pc.is_valid(st["date"]))
    if dated.num_rows:
        month = pc.utf8_slice_codeunits(pc.cast(dated["date"], pa.string()), 0, 7)
        dated = dated.append_column("month", month)
        months = sorted({r["month"] for r in _counts(dated, ["month"])})
        parts.append(columns("Anonymous and vague sourcing per month (share of statements)",
                             _shares(dated, "month", months), months))
    else:
        parts.append('<p class="empty">No article carries a date: no chart per month.</p>')
    return "".join(parts)


def _people(st: pa.Table) -> str:
    people = st.filter(pc.and_(pc.equal(st["source_type"], SourceType.PERSON.value),
                               pc.is_valid(st["speaker_resolved"])))
    rows = sorted(_counts(people, ["speaker_resolved"]), key=lambda r: (-r["count_all"], r["speaker_resolved"]))
    return bars("Most-quoted people (statements)", [(r["speaker_resolved"], r["count_all"]) for r in rows[:TOP]])


def _flag_rate(arts: pa.Table) -> str:
    if arts.num_rows == 0:
        return bars("Flags per 1,000 words, per outlet", [])
    grouped = arts.group_by(["outlet"]).aggregate([("flags", "sum"), ("words", "sum")]).to_pylist()
    rates = sorted(((r["outlet"], 1000 * r["flags_sum"] / r["words_sum"]) for r in grouped if r["words_sum"]),
                   key=lambda x: (-x[1], x[0]))
    return bars("Flags per 1,000 words, per outlet", rates[:TOP], digits=2)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "undated"


def _carried(clusters: pa.Table) -> str:
    rows = [r for r in clusters.to_pylist() if r["outlet_count"] >= 2]
    rows.sort(key=lambda r: (-r["outlet_count"], -r["occurrences"], r["cluster"]))
    if not rows:
        return '<p class="empty">No quotation appears in more than one outlet.</p>'
    body = "".join(
        f"<tr><td>{r['cluster']}</td><td>“{_t(r['text'])}”</td><td>{_t(', '.join(r['speakers']))}</td>"
        f"<td>{r['outlet_count']}: {_t(', '.join(r['outlets'][:8]))}{' …' if len(r['outlets']) > 8 else ''}</td>"
        f"<td>{_t(r['first_outlet'] or '')} {_date(r['first_date'])}<br><small>{_t(r['first_document'])}</small></td>"
        f"<td>{r['versions']}</td></tr>" for r in rows[:TOP])
    return ("<table><tr><th>#</th><th>quotation (first version)</th><th>speakers named</th><th>outlets</th>"
            f"<th>first appearance</th><th>versions</th></tr>{body}</table>"
            f"<p>{len(rows):,} quotations appear in two outlets or more.</p>")


def _changed(clusters: pa.Table, versions: pa.Table) -> str:
    texts = {r["cluster"]: r["text"] for r in clusters.select(["cluster", "text"]).to_pylist()}
    rows = [r for r in versions.to_pylist() if r["status"] == "altered"]
    if not rows:
        return '<p class="empty">No quotation changed on the way between articles.</p>'
    body = "".join(
        f"<tr><td>{r['cluster']}</td><td>“{_t(texts.get(r['cluster'], ''))}”</td><td>“{_t(r['text'])}”</td>"
        f"<td>{_t(', '.join(r['outlets'][:6]))}</td><td class=\"reasons\">{_t('; '.join(r['reasons']))}</td></tr>"
        for r in rows[:TOP * 2])
    return ("<table><tr><th>#</th><th>first version</th><th>changed version</th><th>outlets</th><th>what changed</th>"
            f"</tr>{body}</table><p>{len(rows):,} changed versions in all.</p>")


def _totals(arts: pa.Table, errors: int, clusters: pa.Table) -> str:
    words = pc.sum(arts["words"]).as_py() or 0 if arts.num_rows else 0
    statements = pc.sum(arts["statements"]).as_py() or 0 if arts.num_rows else 0
    flags = pc.sum(arts["flags"]).as_py() or 0 if arts.num_rows else 0
    outlets = len(set(arts["outlet"].to_pylist()) - {NO_OUTLET})
    dates = pc.min_max(arts["date"]).as_py() if arts.num_rows else {"min": None, "max": None}
    span = f"{_date(dates['min'])} to {_date(dates['max'])}" if dates["min"] else "no dates"
    items = [("articles", f"{arts.num_rows:,}"), ("words", f"{words:,}"), ("statements", f"{statements:,}"),
             ("flags", f"{flags:,}"), ("outlets", f"{outlets:,}"), ("dates", span),
             ("documents not read", f"{errors:,} (the errors table)"),
             ("quotations in two articles or more", f"{clusters.num_rows:,}")]
    return "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in items) + "</dl>"


def render_report(out: Path, fmt: TableFormat) -> str:
    st = _outlets(read_table(out, "statements", fmt, ["outlet", "date", "source_type", "speaker_resolved"]))
    arts = _outlets(read_table(out, "articles", fmt, ["outlet", "date", "words", "statements", "flags"]))
    errors = read_table(out, "errors", fmt, ["document"]).num_rows
    clusters = _quote_table(out, "quote_clusters", fmt)
    versions = _quote_table(out, "quote_versions", fmt)
    sections = [
        ("The corpus", _totals(arts, errors, clusters)),
        ("Who is quoted", _people(st)),
        ("How sources are named", _sourcing(st)),
        ("Flags", _flag_rate(arts)),
        ("Quotations carried by several outlets", _carried(clusters)),
        ("Quotations that changed on the way", _changed(clusters, versions)),
    ]
    body = "".join(f"<h2>{escape(title)}</h2>{html}" for title, html in sections)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>attrib corpus report</title>'
            f"<style>{CSS}</style></head><body><h1>attrib corpus report</h1>"
            f"<p>Made by attrib {escape(__version__)} from the tables beside this file. Counts are "
            f"of statements and flags the engine found, not of a person's judgement.</p>{body}</body></html>\n")


def _quote_table(out: Path, name: str, fmt: TableFormat) -> pa.Table:
    from .quote_clusters import COLUMNS
    from .table_files import schema, suffix

    path = out / name / f"{name}{suffix(fmt)}"
    if not path.exists():
        return schema(COLUMNS[name]).empty_table()
    if fmt is TableFormat.PARQUET:
        import pyarrow.parquet as pq

        return pq.read_table(path)
    import pyarrow.json as pj

    if path.stat().st_size == 0:
        return schema(COLUMNS[name]).empty_table()
    return pj.read_json(path, parse_options=pj.ParseOptions(explicit_schema=schema(COLUMNS[name])))


def write_report(out: Path, fmt: TableFormat) -> Path:
    path = out / "report.html"
    write_atomic(path, render_report(out, fmt))
    return path
