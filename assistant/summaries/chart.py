"""A figure that changed over time, drawn as an inline SVG for the HTML digest.

Dates run along the x axis (each report's date labelled), values up the y axis from zero;
each asserter's reports are joined by a line, and every dated figure is one point
labelled with its value as written and its citation number, which links to the quote.
The chart says what it shows in a `<title>` and `<desc>` (`role="img"`,
`aria-labelledby`), and each point has its own `<title>`; the page puts the same numbers
in a table beside it, so the chart is never their only carrier.

Our own small writer rather than a plotting library (measured on this 2-core machine):
- matplotlib 3.11.2 draws good SVG, but brings about 80 MB besides numpy (matplotlib
  35 MB, fontTools 30 MB, Pillow 7 MB, kiwisolver 5 MB, contourpy 1 MB) and takes
  0.8 s to import its figure and SVG backend, for charts of two to ten points; it has no
  way to give the chart a role or an aria label, or a point a title.
- pygal 3.1.3 is small (1.3 MB, 0.09 s to import), but LGPL-3.0 in an Apache-2.0
  project, writes a random chart id and the day's date into every SVG (the same digest
  would differ run to run), 18 KB of CSS per chart, loads its tooltips' JavaScript from
  a web address unless told not to, and gives no `role` or `aria-label` either, so we
  would be editing its output as text.
This module is some 160 lines of the standard library, writes the same bytes for the
same digest, and escapes every piece of text; the HTML page imports it, and only the
summarize command imports the page, so `factcheck --help` never loads it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable, Sequence
from html import escape

from ..answers.models import FigureSeries, TimelinePoint
from ..answers.phrasing import day_label

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 40, 28, 56
COLOURS = ("#1f5fa8", "#c0392b", "#2e7d32", "#8e44ad", "#b26a00", "#00838f")
NO_SOURCE = "no source named"
INSET = 36  # px between the y axis and the first date, the last date and the edge
_LABEL_W, _LABEL_H = 64, 13  # px a point's label is kept from another's
_MIN_LABEL_GAP = 76  # px between two date labels ("12 Jul 2031" at 12 px)


def series_svg(series: FigureSeries, chart_id: str, link: str = "k") -> str:
    """The chart of `series` (its dated points); ids start with `chart_id`, and a point's
    citation links to `#{link}-{n}`."""
    points = [p for p in series.points if p.date]
    days = {p.citation: _day(p) for p in points}
    first, last = min(days.values()), max(days.values())
    step = _step(max(p.value for p in points))
    top = step * max(1, math.ceil(max(p.value for p in points) * 1.1 / step))

    def x(p: TimelinePoint) -> float:
        span = (last - first).days or 1
        offset = (days[p.citation] - first).days if last > first else span / 2
        return LEFT + INSET + offset / span * (WIDTH - LEFT - RIGHT - 2 * INSET)

    def y(value: float) -> float:
        return HEIGHT - BOTTOM - value / top * (HEIGHT - TOP - BOTTOM)

    title = f"{series.about} over time"
    parts = [
        f'<svg class="series-chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui,sans-serif" '
        f'font-size="12">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(_described(points))}</desc>',
        *_y_axis(top, step, y),
        *_x_axis(sorted(set(days.values())), [x(p) for p in points], points),
    ]
    legend_x = float(LEFT)
    placed: list[tuple[float, float]] = []
    for colour, (who, own) in zip(itertools.cycle(COLOURS), _by_asserter(points).items()):
        line = " ".join(f"{x(p):.1f},{y(p.value):.1f}" for p in own)
        parts.append(f'<polyline class="series" points="{line}" fill="none" '
                     f'stroke="{colour}" stroke-width="2"/>')  # fmt: skip
        parts += [_point(p, x(p), y(p.value), colour, link, placed) for p in own]
        parts.append(f'<rect x="{legend_x:.0f}" y="{HEIGHT - 20}" width="10" height="10" '
                     f'fill="{colour}"/><text class="legend" x="{legend_x + 14:.0f}" '
                     f'y="{HEIGHT - 11}">{escape(who)}</text>')  # fmt: skip
        legend_x += 14 + 7 * len(who) + 18
    parts.append("</svg>")
    return "".join(parts)


def _point(
    p: TimelinePoint, px: float, py: float, colour: str, link: str,
    placed: list[tuple[float, float]],
) -> str:  # fmt: skip
    """A point, its title, and its label above it (raised clear of labels `placed`)."""
    who = p.asserter or NO_SOURCE
    ly = py - 9
    while any(abs(px - ox) < _LABEL_W and abs(ly - oy) < _LABEL_H for ox, oy in placed):
        ly -= _LABEL_H
    placed.append((px, ly))
    said = f"{p.text} on {day_label(p.date or '')}, {who} ({p.outlet}) [{p.citation}]"
    return (
        f'<g class="point-group"><circle class="point" cx="{px:.1f}" cy="{py:.1f}" r="4.5" '
        f'fill="{colour}" data-citation="{p.citation}"><title>{escape(said)}</title></circle>'
        f'<text class="point-label" x="{px:.1f}" y="{ly:.1f}" text-anchor="middle">'
        f'{escape(p.text)} <a href="#{link}-{p.citation}">[{p.citation}]</a></text></g>'
    )


def _y_axis(top: float, step: float, y: Callable[[float], float]) -> list[str]:
    out = [f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}" '
           'stroke="#444"/>']  # fmt: skip
    for i in range(round(top / step) + 1):
        value = step * i
        at = y(value)
        out.append(f'<line x1="{LEFT}" y1="{at:.1f}" x2="{WIDTH - RIGHT}" y2="{at:.1f}" '
                   'stroke="#ddd"/>')  # fmt: skip
        out.append(f'<text class="y-label" x="{LEFT - 6}" y="{at + 4:.1f}" '
                   f'text-anchor="end">{value:,g}</text>')  # fmt: skip
    return out


def _x_axis(
    dates: Sequence[dt.date], xs: Sequence[float], points: Sequence[TimelinePoint]
) -> list[str]:
    base = HEIGHT - BOTTOM
    out = [f'<line class="axis" x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" '
           'stroke="#444"/>']  # fmt: skip
    at = {_day(p): x for p, x in zip(points, xs, strict=True)}
    shown = -float(_MIN_LABEL_GAP)
    for day in dates:
        if at[day] - shown < _MIN_LABEL_GAP:
            continue  # too close to the label before it (the table has every date)
        shown = at[day]
        out.append(f'<text class="x-label" x="{at[day]:.1f}" y="{base + 20}" '
                   f'text-anchor="middle">{escape(day_label(day.isoformat()))}</text>')  # fmt: skip
    return out


def _described(points: Sequence[TimelinePoint]) -> str:
    told = [f"{who}: " + ", then ".join(f"{p.text} on {day_label(p.date or '')} [{p.citation}]"
                                        for p in own)
            for who, own in _by_asserter(points).items()]  # fmt: skip
    return "; ".join(told) + "."


def _by_asserter(points: Sequence[TimelinePoint]) -> dict[str, list[TimelinePoint]]:
    """Each asserter's points, oldest first."""
    series: dict[str, list[TimelinePoint]] = {}
    for p in sorted(points, key=lambda p: (p.date or "", p.citation)):
        series.setdefault(p.asserter or NO_SOURCE, []).append(p)
    return series


def _day(p: TimelinePoint) -> dt.date:
    return dt.date.fromisoformat((p.date or "")[:10])


def _step(value: float) -> float:
    """A round step (1, 2 or 5 x 10^n) giving the y axis about four lines up to `value`."""
    if value <= 0:
        return 1.0
    raw = value * 1.1 / 4
    scale = 10.0 ** math.floor(math.log10(raw))
    return next(k * scale for k in (1.0, 2.0, 5.0, 10.0) if k * scale >= raw)
