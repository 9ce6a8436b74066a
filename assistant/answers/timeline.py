"""How a figure changed: the figures of one kind in time order, from stored claims.

"How did the death toll change?" and "What is the latest figure?" are the first questions
on a developing story. The rows are ordered by the article's date (the claim's own time
reference, "on Thursday", is kept beside it), the latest first; each asserter's series is
told with its revisions ("revised from 19 to 23 to 28"). No model call: every figure is a
verified claim, cited. When no source is dated there is no order to tell: the figures are
listed as such, and none is called the latest. For a question naming no place, a figure
stated for a place ("four in Guerrero") is left out of the whole toll's series.

The same series travel as data for the views: `timeline_points` (the answer's
`timeline`, shown by the terminal UI as a table and a chart) marks each figure that
revised its asserter's previous report, and `figure_series` is a digest's figure that
changed over time across the sources (drawn as an SVG chart in the HTML digest).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .classify import CHANGE_VERB
from .models import FigureRow, FigureSeries, Sentence, TimelinePoint
from .phrasing import KIND_WORDS, day_label, source_label, value_text, without_repeats

_TIMELINE = re.compile(
    rf"\bhow\s+(?:did|has|have|does|do)\b.*\b{CHANGE_VERB.pattern}"
    r"|\b(?:latest|most\s+recent|newest|current|up[\s-]to[\s-]date)\b"
    r"|\bover\s+time\b",
    re.I,
)


_SERIES = 2
UNDATED = "No source is dated, so these figures cannot be put in time order: "
"""How a timeline of undated sources begins: it names no latest figure."""
LISTING = "Before that: "
"""How the sentence listing the earlier figures, latest first, begins (a table can show
it instead)."""


def asks_timeline(question: str) -> bool:
    """ "How did the death toll change?", "What is the latest figure?", "... over time"."""
    return _TIMELINE.search(question) is not None


def in_time_order(rows: Sequence[FigureRow]) -> list[FigureRow]:
    """The rows oldest first: dated articles by date, then undated ones as found."""
    dated = sorted((r for r in rows if r.date), key=lambda r: (r.date or "", r.citation))
    return [*dated, *(r for r in rows if not r.date)]


def newest_first(rows: Sequence[FigureRow]) -> list[FigureRow]:
    """The rows latest first (same day: in cited order), undated ones last."""
    ordered = in_time_order(rows)
    dated = sorted((r for r in ordered if r.date), key=lambda r: r.citation)
    dated.sort(key=lambda r: r.date or "", reverse=True)  # stable: same day, cited order
    return [*dated, *(r for r in ordered if not r.date)]


def _latest(ordered: Sequence[FigureRow]) -> list[FigureRow]:
    """The rows of the latest dated report (the last row when none is dated)."""
    latest_date = max((r.date for r in ordered if r.date), default=None)
    return [r for r in ordered if r.date == latest_date] if latest_date else list(ordered[-1:])


def _series(ordered: Sequence[FigureRow]) -> dict[str, list[FigureRow]]:
    """Each asserter's dated figures in time order ("" for figures without a source), one
    a dated article (its last): a revision is a later article's figure."""
    series: dict[str, dict[str, FigureRow]] = {}
    for row in ordered:
        if row.date:
            series.setdefault(row.asserter or "", {})[row.doc_id] = row
    return {who: list(own.values()) for who, own in series.items()}


def timeline_sentences(rows: Sequence[FigureRow]) -> list[Sentence]:
    """The latest figure first, then each asserter's series with its revisions, then the
    earlier figures."""
    ordered = in_time_order(rows)
    if not ordered:
        return []
    if not any(r.date for r in ordered):  # no order to tell, and no latest figure
        return [
            Sentence(
                text=f"{UNDATED}{'; '.join(_dated(r) for r in ordered)}.",
                citations=sorted({r.citation for r in ordered}),
            )
        ]
    newest = _latest(ordered)
    latest = without_repeats(newest)
    sentences = [
        Sentence(
            text=f"The latest figure{'s' if len(latest) > 1 else ''}: "
            f"{'; '.join(_dated(r) for r in latest)}.",
            citations=sorted({r.citation for r in latest}),
        )
    ]
    for asserter, own in _series(ordered).items():
        if len(own) < _SERIES or len({r.value for r in own}) < _SERIES:
            continue
        steps = " to ".join(f"{value_text(r)} [{r.citation}]" for r in own)
        who = f"{asserter}'s figure" if asserter else "The figure reported without a source"
        sentences.append(
            Sentence(
                text=f"{who[:1].upper()}{who[1:]} went from {steps}.",
                citations=sorted({r.citation for r in own}),
            )
        )
    shown = {id(r) for r in newest}
    earlier = [r for r in newest_first(ordered) if id(r) not in shown]
    if earlier:  # the latest were said first: not again
        sentences.append(
            Sentence(
                text=LISTING + "; ".join(_dated(r) for r in earlier) + ".",
                citations=sorted({r.citation for r in earlier}),
            )
        )
    return sentences


def timeline_points(rows: Sequence[FigureRow]) -> list[TimelinePoint]:
    """Every figure latest first, undated last, each marked with the report it revised:
    its asserter's figure in the previous dated article, when it differs."""
    ordered = in_time_order(rows)
    series = _series(ordered)
    latest = {id(r) for r in _latest(ordered) if r.date}
    return [_point(r, _revises(r, series), id(r) in latest) for r in newest_first(ordered)]


def _revises(row: FigureRow, series: dict[str, list[FigureRow]]) -> FigureRow | None:
    own = series.get(row.asserter or "", []) if row.date else []
    at = next((i for i, r in enumerate(own) if r.doc_id == row.doc_id), 0)
    before = own[at - 1] if at > 0 else None
    return before if before is not None and before.value != row.value else None


def _point(row: FigureRow, before: FigureRow | None, latest: bool) -> TimelinePoint:
    return TimelinePoint(
        asserter=row.asserter, outlet=source_label(row), date=row.date, when=row.when,
        value=row.value, text=value_text(row), citation=row.citation, latest=latest,
        revision=None if before is None else "up" if row.value > before.value else "down",
        revised_from=None if before is None else value_text(before),
        revised_from_citation=None if before is None else before.citation,
    )  # fmt: skip


TIMELINE_COLUMNS = ("when", "figure", "asserter", "outlet", "cite", "revised")


def timeline_cells(point: TimelinePoint, sep: str = ", ") -> tuple[str, str, str, str, str, str]:
    """The timeline table's columns: the article's date and (after `sep`) the claim's own
    time, the value with its hedge, asserter, outlet, citation, and the report it revised
    ("↑ 14 [5]": up from 14)."""
    when = day_label(point.date) if point.date else "undated"
    if point.when:
        when += f"{sep}{point.when}"
    revised = ""
    if point.revision is not None:
        arrow = "↑" if point.revision == "up" else "↓"
        revised = f"{arrow} {point.revised_from} [{point.revised_from_citation}]"
    return (when, point.text, point.asserter or "not named", point.outlet,
            f"[{point.citation}]", revised)  # fmt: skip


def _dated(row: FigureRow) -> str:
    thing = KIND_WORDS.get(row.kind or "") or row.counted
    if row.place:
        thing += f" in {row.place}"
    who = f", according to {row.asserter}" if row.asserter else ""
    when = day_label(row.date) if row.date else "undated"
    own = f", {row.when}" if row.when else ""
    return f"{value_text(row)} {thing}{who} ({source_label(row)}, {when}{own}) [{row.citation}]"


def figure_series(rows: Sequence[FigureRow], about: str) -> FigureSeries | None:
    """The dated figures of one counted kind, when they changed over time: two dates or
    more, and two values or more (exact repeats within an article left out)."""
    by_doc: dict[str, list[FigureRow]] = {}
    for row in rows:
        if row.date:
            by_doc.setdefault(row.doc_id, []).append(row)
    dated = [r for own in by_doc.values() for r in without_repeats(own)]
    if len({r.date for r in dated}) < _SERIES or len({r.value for r in dated}) < _SERIES:
        return None
    return FigureSeries(about=about, points=timeline_points(dated))
