"""How a figure changed: the figures of one kind in time order, from stored claims.

"How did the death toll change?" and "What is the latest figure?" are the first questions
on a developing story. The rows are ordered by the article's date (the claim's own time
reference, "on Thursday", is kept beside it), the latest first; each asserter's series is
told with its revisions ("revised from 19 to 23 to 28"). No model call: every figure is a
verified claim, cited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .models import FigureRow, Sentence
from .phrasing import KIND_WORDS, day_label, source_label, value_text, without_repeats

_TIMELINE = re.compile(
    r"\bhow\s+(?:did|has|have|does|do)\b.*\b(?:chang|evolv|ris|grow|grew|went|gone|develop|"
    r"revis|increas|climb)\w*"
    r"|\b(?:latest|most\s+recent|newest|current|up[\s-]to[\s-]date)\b"
    r"|\bover\s+time\b",
    re.I,
)


_SERIES = 2


def asks_timeline(question: str) -> bool:
    """ "How did the death toll change?", "What is the latest figure?", "... over time"."""
    return _TIMELINE.search(question) is not None


def in_time_order(rows: Sequence[FigureRow]) -> list[FigureRow]:
    """The rows oldest first: dated articles by date, then undated ones as found."""
    dated = sorted((r for r in rows if r.date), key=lambda r: (r.date or "", r.citation))
    return [*dated, *(r for r in rows if not r.date)]


def timeline_sentences(rows: Sequence[FigureRow]) -> list[Sentence]:
    """The latest figure first, then each asserter's series with its revisions."""
    ordered = in_time_order(rows)
    if not ordered:
        return []
    dated = sorted((r for r in ordered if r.date), key=lambda r: r.citation)
    dated.sort(key=lambda r: r.date or "", reverse=True)  # stable: same day, cited order
    newest_first = [*dated, *(r for r in ordered if not r.date)]
    latest_date = max((r.date for r in ordered if r.date), default=None)
    latest = [r for r in ordered if r.date == latest_date] if latest_date else ordered[-1:]
    latest = without_repeats(latest)
    sentences = [
        Sentence(
            text=f"The latest figure{'s' if len(latest) > 1 else ''}: "
            f"{'; '.join(_dated(r) for r in latest)}.",
            citations=sorted({r.citation for r in latest}),
        )
    ]
    series: dict[str, list[FigureRow]] = {}
    for row in ordered:
        series.setdefault(row.asserter or "", []).append(row)
    for asserter, found in series.items():
        # a revision is a later article's figure: one figure per dated article
        own = list({r.doc_id: r for r in found if r.date}.values())
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
    sentences.append(
        Sentence(
            text="Latest first: " + "; ".join(_dated(r) for r in newest_first) + ".",
            citations=sorted({r.citation for r in ordered}),
        )
    )
    return sentences


def _dated(row: FigureRow) -> str:
    thing = KIND_WORDS.get(row.kind or "") or row.counted
    who = f", according to {row.asserter}" if row.asserter else ""
    when = day_label(row.date) if row.date else "undated"
    own = f", {row.when}" if row.when else ""
    return f"{value_text(row)} {thing}{who} ({source_label(row)}, {when}{own}) [{row.citation}]"
