"""A timeline answer as Rich renderables, for `factcheck ask` and the chat app: its
figures as a table, latest first, and a small chart of each asserter's series.

The chart is one Unicode bar per dated report, each asserter's in time order, all on one
scale, with the date, the value as written and the citation on the bar's line, and ↑/↓
where a report revised the one before it. Built here rather than with a widget library:
Textual's own `Sparkline` shows a series' shape but no dates, values or citations, so it
could not say which bar is which; textual-plotext (plotext) draws axes, but is another
dependency for charts of two to ten points, and its braille lines label no point. Bars
with their labels are exact in any terminal, and in an SVG snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.table import Table
from rich.text import Text

from ..answers import TimelinePoint
from ..answers.phrasing import day_label
from ..answers.timeline import TIMELINE_COLUMNS, timeline_cells

BAR = 16
"""Cells of the longest bar."""
_NARROW = 8
"""Cells of the date, figure and revision columns beside the chat's evidence panel:
"Thursday", "at least", "↑ 14 [5]"; a whole terminal gives them `WIDE`."""
WIDE = 12
_EIGHTHS = " ▏▎▍▌▋▊▉"
NO_SOURCE = "no source named"


def timeline_table(points: Sequence[TimelinePoint], narrow: int = _NARROW) -> Table:
    """Every figure, latest first; the latest reports' rows in bold. `narrow` is the width
    of the date, figure and revision columns."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False,
                  padding=(0, 1, 0, 0), header_style="bold")  # fmt: skip
    for column in TIMELINE_COLUMNS:
        # narrow columns of short words, so that names keep their words whole
        table.add_column(
            column,
            no_wrap=column == "cite",
            overflow="fold",
            max_width=narrow if column in ("when", "figure", "revised") else None,
        )
    for point in points:
        when, figure, asserter, outlet, cite, revised = timeline_cells(point, sep="\n")
        table.add_row(when, Text(figure, "bold"), asserter, outlet, Text(cite, "cyan"),
                      Text(revised, "yellow"), style="bold" if point.latest else None)  # fmt: skip
    return table


def bar(value: float, top: float, width: int = BAR) -> str:
    """`value` as a bar of eighth-cell blocks, `width` cells standing for `top`."""
    eighths = round(width * 8 * value / top) if top > 0 else 0
    eighths = max(eighths, 1) if value > 0 else 0
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def timeline_chart(points: Sequence[TimelinePoint]) -> Text:
    """Each asserter's dated figures in time order, one bar a report (see the module doc);
    the undated ones are counted below it, not drawn."""
    dated = [p for p in reversed(points) if p.date]
    series: dict[str, list[TimelinePoint]] = {}
    for point in dated:
        series.setdefault(point.asserter or NO_SOURCE, []).append(point)
    top = max((p.value for p in dated), default=0.0)
    chart = Text()
    for asserter, own in series.items():
        chart.append(f"{asserter}\n", "bold")
        for p in own:
            mark = {"up": " ↑", "down": " ↓"}.get(p.revision or "", "")
            chart.append(f"  {day_label(p.date or ''):>11}  ")
            chart.append(f"{bar(p.value, top):<{BAR}}", "green")
            chart.append(f" {p.text} ")
            chart.append(f"[{p.citation}]", "cyan")
            chart.append(f"{mark}\n", "yellow")
    undated = len(points) - len(dated)
    if undated:
        chart.append(f"{undated} undated figure{'s' if undated > 1 else ''} not charted\n",
                     "italic")  # fmt: skip
    chart.rstrip()
    return chart
