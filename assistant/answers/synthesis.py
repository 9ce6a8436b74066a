"""Why the figures differ, said by code from the rows: every sentence cites its figures.

The reasons are the ones a reader checks first: the range of the figures, who asserted
them, whether they count the same thing, and when they were given. Built from the rows
(no model call), so every number and name in it is in a cited, verified quote.
"""

from __future__ import annotations

from collections.abc import Sequence

from .models import Conflict, FigureRow, Sentence
from .phrasing import range_sentence, source_sentences


def figures_sentences(
    rows: Sequence[FigureRow], scope: Sequence[FigureRow] | None = None
) -> list[Sentence]:
    """One sentence per source document, then the range of the figures (of `scope`'s,
    when given: the whole toll's, not a tally's parts)."""
    sentences = source_sentences(rows)
    spread = range_sentence(rows if scope is None else scope)
    return [*sentences, spread] if spread is not None else sentences


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
        Sentence(
            text=f"{_UNATTRIBUTED if c.unattributed else lead[c.kind]}: {c.summary}.",
            citations=list(c.citations),
        )
        for c in conflicts
    ]


_UNATTRIBUTED = "Sources that name no asserter give different figures"


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
