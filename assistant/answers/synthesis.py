"""Why the figures differ, said by code from the rows: every sentence cites its figures.

The reasons are the ones a reader checks first: the range of the figures, who asserted
them, whether they count the same thing, and when they were given. Built from the rows
(no model call), so every number and name in it is in a cited, verified quote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .models import Conflict, FigureRow, Sentence


def figures_sentences(rows: Sequence[FigureRow], about: str) -> list[Sentence]:
    """One line per source, then the range of figures."""
    by_outlet: dict[str, list[FigureRow]] = defaultdict(list)
    for row in rows:
        by_outlet[row.outlet].append(row)
    sentences: list[Sentence] = []
    for outlet, own in by_outlet.items():
        figures = ", ".join(_figure(r, with_asserter=True) for r in own)
        sentences.append(Sentence(text=f"{outlet} reports {figures}.", citations=_cited(own)))
    low = min(rows, key=lambda r: r.low if r.low is not None else r.value)
    high = max(rows, key=lambda r: r.high if r.high is not None else r.value)
    if len(rows) > 1 and low.citation != high.citation and low.value != high.value:
        sentences.append(
            Sentence(
                text=f"The figures for {about} range from {low.surface} [{low.citation}] "
                f"to {high.surface} [{high.citation}].",
                citations=sorted({low.citation, high.citation}),
            )
        )
    return sentences


def why_sentences(conflicts: Sequence[Conflict]) -> list[Sentence]:
    """One sentence per conflict, saying its kind in words."""
    lead = {
        "asserter": "They come from different asserters",
        "update": "A figure was updated between reports",
        "contradiction": "The same asserter is reported with different figures",
        "scope": "They do not all count the same thing",
        "spelling": "Sources spell one name differently",
    }
    return [
        Sentence(text=f"{lead[c.kind]}: {c.summary}.", citations=list(c.citations))
        for c in conflicts
    ]


def _figure(row: FigureRow, *, with_asserter: bool = False) -> str:
    hedge = f"{row.hedge} " if row.hedge else ""
    text = f"{hedge}{row.surface} {row.counted}".strip()
    if with_asserter and row.asserter:
        text += f" according to {row.asserter}"
    if row.when:
        text += f" ({row.when})"
    return f"{text} [{row.citation}]"


def _cited(rows: Sequence[FigureRow]) -> list[int]:
    return sorted({r.citation for r in rows})
