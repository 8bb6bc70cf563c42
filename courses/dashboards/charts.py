"""Small charts as hand-written SVG, drawn on the server: no JavaScript, nothing to load.

Each chart is an image with a title and a description (`role="img"`, `aria-labelledby`); the
page puts a table with the same numbers next to it, which is what screen readers read and
what anyone who prefers numbers reads. Charts take plain values and return markup, so they
are tested without a database. The drawing is 300 units wide and scales with the page, so
its words stay readable on a 320 px screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH = 300
FONT = 13
LABEL_CHARS = 40  # longer labels are cut in the drawing; the table has them whole


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    colour: str


def _cut(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _svg(chart_id: str, title: str, description: str, height: float, body: list[str]) -> str:
    return mark_safe(
        f'<svg class="chart" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'font-size="{FONT}" font-family="system-ui, sans-serif">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = FONT) -> str:
    size_attr = "" if size == FONT else f' font-size="{size}"'
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{size_attr} fill="#0b0c0c">'
        f"{escape(text)}</text>"
    )


def _rect(x: float, y: float, w: float, h: float, colour: str, tip: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" '
        f'fill="{colour}"><title>{escape(tip)}</title></rect>'
    )


def _legend(series: list[Series], top: float) -> tuple[list[str], float]:
    """Two columns of swatches; returns the markup and the height it takes."""
    parts, row_height = [], 20
    for i, item in enumerate(series):
        x, y = (i % 2) * (WIDTH / 2), top + (i // 2) * row_height
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="12" height="12" fill="{item.colour}"/>')
        parts.append(_text(x + 18, y + 11, item.label))
    return parts, ((len(series) + 1) // 2) * row_height + 6


def stacked_bars(
    chart_id: str,
    title: str,
    description: str,
    series: list[Series],
    rows: list[tuple[str, list[int]]],
) -> SafeString:
    """One bar per row, split by series, each bar the row's whole (100%): rows of different
    sizes (a big borough and a small unit) compare fairly. `rows` are (label, counts in the
    order of `series`)."""
    body, y = _legend(series, 0)
    bar = 16
    for label, counts in rows:
        total = sum(counts)
        body.append(_text(0, y + FONT, _cut(f"{label} ({total})")))
        y += FONT + 5
        x = 0.0
        if not total:
            body.append(_rect(0, y, WIDTH, bar, "#f3f2f1", f"{label}: nobody"))
        for item, count in zip(series, counts, strict=True):
            if not total or not count:
                continue
            width = WIDTH * count / total
            body.append(_rect(x, y, width, bar, item.colour, f"{label}, {item.label}: {count}"))
            x += width
        y += bar + 12
    return _svg(chart_id, title, description, y, body)


def bars(
    chart_id: str,
    title: str,
    description: str,
    rows: list[tuple[str, float, str]],
    *,
    maximum: float,
    colour: str = "#1d4f91",
) -> SafeString:
    """One horizontal bar per row: (label, value, the value as words), scaled to `maximum`."""
    body, y, bar = [], 0.0, 14
    value_room = 56
    for label, value, shown in rows:
        body.append(_text(0, y + FONT, _cut(label)))
        y += FONT + 4
        width = (WIDTH - value_room) * (value / maximum) if maximum else 0
        body.append(_rect(0, y, width, bar, colour, f"{label}: {shown}"))
        body.append(_text(width + 6, y + bar - 2, shown))
        y += bar + 10
    return _svg(chart_id, title, description, max(y, 20), body)


def columns(
    chart_id: str,
    title: str,
    description: str,
    rows: list[tuple[str, int]],
    *,
    colour: str = "#00703c",
) -> SafeString:
    """One upright bar per row (a week or a month), its count above it, oldest on the left.
    When the labels would not fit under every bar, every second (or third…) is labelled, so
    they never overlap."""
    plot_top, plot_height, label_room = 18, 140, 22
    count = max(len(rows), 1)
    slot = WIDTH / count
    highest = max((value for _, value in rows), default=0) or 1
    widest = max((len(label) for label, _ in rows), default=1) * 6.5 + 4
    every = max(1, math.ceil(widest / slot))
    body = [
        f'<line x1="0" y1="{plot_top + plot_height}" x2="{WIDTH}" '
        f'y2="{plot_top + plot_height}" stroke="#505a5f"/>'
    ]
    for i, (label, value) in enumerate(rows):
        height = plot_height * value / highest
        x = i * slot + slot * 0.15
        top = plot_top + plot_height - height
        body.append(_rect(x, top, slot * 0.7, height, colour, f"{label}: {value}"))
        centre = i * slot + slot / 2
        body.append(_text(centre, top - 4, str(value), anchor="middle", size=11))
        if i % every == 0:
            body.append(_text(centre, plot_top + plot_height + 15, label, anchor="middle", size=11))
    return _svg(chart_id, title, description, plot_top + plot_height + label_room, body)
