"""The cross-source digest: key figures with asserters, grouped by what they count, the
conflicts within each group (typed as in answers), and each figure of one kind that
changed over time across the sources, as a series (`figure_series`).

Figures are grouped by what they count: the lower-case word that, by word embeddings,
names the most figures ("troops" ~ "soldiers" ~ "infantrymen") forms the first group,
then the next among the rest; "officers" and "shells" stay apart from "troops".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..answers.cite import CitationBook
from ..answers.conflicts import figure_conflicts
from ..answers.figures import SAME_THING, Selected, figure_rows
from ..answers.models import FigureRow, FigureSeries
from ..answers.timeline import figure_series
from ..claims.models import Claim
from ..store import Document, Store
from .models import Digest, DocSummary

_WORD = re.compile(r"\b[a-z]{4,}\b")
_FRAME_WORDS = """
    that this these those there their them they have been being were will would could
    more most many much some than then from into with about over under after before
    currently already also only still soon
"""
_FRAME = frozenset(_FRAME_WORDS.split())


def build_digest(
    store: Store, docs: Sequence[Document], claims: Sequence[Claim], summaries: Sequence[DocSummary]
) -> Digest:
    """Key figures (claims with a figure and a named asserter) and their conflicts."""
    by_id = {d.id: d for d in docs}
    figures = [c for c in claims if c.quantity is not None and c.asserter and c.doc_id in by_id]
    groups = _groups(store, figures)
    book = CitationBook()
    rows = []
    conflicts = []
    series: list[FigureSeries] = []
    for group in groups:
        own = figure_rows([Selected(c, by_id[c.doc_id], 1.0) for c in group], book)
        rows.extend(own)
        assert group[0].quantity is not None
        conflicts.extend(figure_conflicts(own, group[0].quantity.counted))
        series.extend(_changed(own))
    return Digest(key_figures=rows, conflicts=conflicts, series=series, citations=book.all(),
                  sources=list(summaries))  # fmt: skip


def _changed(rows: Sequence[FigureRow]) -> list[FigureSeries]:
    """The group's figures of each kind ("deaths", "missing") that changed over time."""
    kinds: dict[str, list[FigureRow]] = {}
    for row in rows:
        kinds.setdefault(row.kind or "", []).append(row)
    found = [figure_series(own, kind or own[0].counted) for kind, own in kinds.items()]
    return [s for s in found if s is not None]


def _groups(store: Store, claims: Sequence[Claim]) -> list[list[Claim]]:
    """Greedy cover: the noun naming most figures forms a group, then the next."""
    if not claims:
        return []
    words = [_nouns(c.quantity.counted if c.quantity else c.statement) for c in claims]
    vocabulary = sorted({w for ws in words for w in ws})
    if not vocabulary:
        return [list(claims)]
    vectors = store.embedder.embed(vocabulary)
    close = (vectors @ vectors.T) >= SAME_THING
    index = {w: i for i, w in enumerate(vocabulary)}
    covers = [
        {i for i, ws in enumerate(words) if any(close[index[v], index[w]] for w in ws)}
        for v in vocabulary
    ]
    remaining = set(range(len(claims)))
    groups: list[list[int]] = []
    while remaining:
        best = max(covers, key=lambda c: _coverage(c & remaining, claims))
        group = sorted(best & remaining) or sorted(remaining)
        groups.append(group)
        remaining -= set(group)
    groups.sort(key=lambda g: (-len({claims[i].doc_id for i in g}), g[0]))
    return [[claims[i] for i in g] for g in groups]


def _coverage(indices: set[int], claims: Sequence[Claim]) -> tuple[int, int]:
    return len(indices), len({claims[i].doc_id for i in indices})


def _nouns(phrase: str) -> set[str]:
    """Lower-case content words of a counted phrase (names and function words left out)."""
    return {w for w in _WORD.findall(phrase) if w not in _FRAME}
