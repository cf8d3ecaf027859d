"""Small inline SVG charts for the corpus report: no script, no external file, every
label escaped. Labels are corpus text (names, outlets), so they are untrusted."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..safety import clean

PALETTE = ("#3465a4", "#f57900", "#73d216", "#cc0000", "#75507b", "#c17d11", "#edd400", "#555753",
           "#729fcf", "#fcaf3e")
LABEL_W, BAR_W, ROW_H, VALUE_W = 220, 420, 22, 90


def _label(text: str, limit: int = 34) -> str:
    text = " ".join(clean(text).split())
    return escape(text if len(text) <= limit else text[: limit - 1] + "…")


def bars(title: str, items: Sequence[tuple[str, float]], unit: str = "", digits: int = 0) -> str:
    """A horizontal bar per item, longest first as given."""
    if not items:
        return f'<p class="empty">{escape(title)}: nothing to show.</p>'
    top = max(v for _, v in items) or 1.0
    height = ROW_H * len(items) + 8
    rows = []
    for i, (label, value) in enumerate(items):
        y = 4 + i * ROW_H
        w = max(1.0, BAR_W * value / top)
        rows.append(f'<text x="{LABEL_W - 6}" y="{y + 15}" text-anchor="end">{_label(label)}</text>'
                    f'<rect x="{LABEL_W}" y="{y + 3}" width="{w:.1f}" height="{ROW_H - 6}" fill="{PALETTE[0]}">'
                    f'<title>{_label(label, 200)}: {value:,.{digits}f}{escape(unit)}</title></rect>'
                    f'<text x="{LABEL_W + w + 6:.1f}" y="{y + 15}">{value:,.{digits}f}{escape(unit)}</text>')
    return (f'<figure><figcaption>{escape(title)}</figcaption><svg role="img" width="{LABEL_W + BAR_W + VALUE_W}" '
            f'height="{height}" viewBox="0 0 {LABEL_W + BAR_W + VALUE_W} {height}">{"".join(rows)}</svg></figure>')


def stacked(title: str, rows: Sequence[tuple[str, Sequence[float]]], segments: Sequence[str]) -> str:
    """One bar per row, split into shares of ``segments`` (each row sums to 100 %)."""
    if not rows:
        return f'<p class="empty">{escape(title)}: nothing to show.</p>'
    height = ROW_H * len(rows) + 8
    out = []
    for i, (label, values) in enumerate(rows):
        y = 4 + i * ROW_H
        total = sum(values) or 1.0
        x = float(LABEL_W)
        out.append(f'<text x="{LABEL_W - 6}" y="{y + 15}" text-anchor="end">{_label(label)}</text>')
        for k, value in enumerate(values):
            w = BAR_W * value / total
            if w > 0:
                out.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{ROW_H - 6}" '
                           f'fill="{PALETTE[k % len(PALETTE)]}"><title>{_label(label, 200)}: '
                           f'{escape(segments[k])} {100 * value / total:.1f}% ({value:,.0f})</title></rect>')
            x += w
    legend = "".join(f'<span class="key"><i style="background:{PALETTE[k % len(PALETTE)]}"></i>{escape(s)}</span>'
                     for k, s in enumerate(segments))
    return (f'<figure><figcaption>{escape(title)}</figcaption><div class="legend">{legend}</div>'
            f'<svg role="img" width="{LABEL_W + BAR_W + 10}" height="{height}" '
            f'viewBox="0 0 {LABEL_W + BAR_W + 10} {height}">{"".join(out)}</svg></figure>')


def columns(title: str, series: Sequence[tuple[str, Sequence[float]]], labels: Sequence[str], unit: str = "%") -> str:
    """Grouped columns over time: one group per label (a month), one column per series."""
    if not labels or not series:
        return f'<p class="empty">{escape(title)}: nothing to show.</p>'
    top = max((v for _, vs in series for v in vs), default=0.0) or 1.0
    group_w = max(18, 12 * len(series) + 8)
    plot_h, width = 160, 50 + group_w * len(labels)
    out = [f'<line x1="40" y1="{plot_h + 4}" x2="{width}" y2="{plot_h + 4}" stroke="#888"/>',
           f'<text x="36" y="14" text-anchor="end">{top:,.1f}{escape(unit)}</text>']
    for g, label in enumerate(labels):
        x0 = 44 + g * group_w
        for k, (name, values) in enumerate(series):
            v = values[g]
            h = plot_h * v / top
            out.append(f'<rect x="{x0 + 12 * k}" y="{plot_h + 4 - h:.1f}" width="10" height="{h:.1f}" '
                       f'fill="{PALETTE[k % len(PALETTE)]}"><title>{escape(name)} {_label(label)}: '
                       f'{v:,.1f}{escape(unit)}</title></rect>')
        out.append(f'<text x="{x0}" y="{plot_h + 18}" font-size="10" transform="rotate(45 {x0} {plot_h + 18})">'
                   f'{_label(label, 12)}</text>')
    legend = "".join(f'<span class="key"><i style="background:{PALETTE[k % len(PALETTE)]}"></i>{escape(n)}</span>'
                     for k, (n, _) in enumerate(series))
    return (f'<figure><figcaption>{escape(title)}</figcaption><div class="legend">{legend}</div>'
            f'<svg role="img" width="{width}" height="{plot_h + 50}" viewBox="0 0 {width} {plot_h + 50}">'
            f'{"".join(out)}</svg></figure>')
