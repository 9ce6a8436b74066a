"""Where sources disagree, typed by code from the figure rows and claims.

- asserter: different asserters give different figures;
- update: one asserter's figure changes between reports of different dates;
- contradiction: one asserter gives different figures at the same time, or sources that
  name no asserter do (`Conflict.unattributed`); figures for two different regions are
  neither;
- scope: the figures count different things ("troops in Russia" vs "troops in Kursk");
- spelling: one actor's name is spelt differently by different sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

from ..claims.numbers import same_number
from .models import Conflict, FigureRow

UNATTRIBUTED = "no named asserter"
_CONTENT = re.compile(r"[^\W\d_]{3,}")
_SCOPE_OVERLAP = 0.5  # word overlap (Jaccard) below which two counted phrases differ
_SPELLING_RATIO = 0.8


def figure_conflicts(rows: Sequence[FigureRow], about: str) -> list[Conflict]:
    """Conflicts among the figures of different sources about one subject."""
    if len({r.doc_id for r in rows}) < 2 or _distinct(rows) < 2:
        return []
    groups = _asserters(rows)
    conflicts = _within_asserters(groups, about) + _across_asserters(groups, about)
    scope = _scope(rows, about)
    if scope is not None:
        conflicts.append(scope)
    return conflicts


def spelling_conflicts(names: Sequence[tuple[str, str, int]]) -> list[Conflict]:
    """(canonical, surface, citation) triples: one actor spelt differently across sources."""
    by_actor: dict[str, dict[str, int]] = defaultdict(dict)
    for canonical, surface, n in names:
        by_actor[canonical].setdefault(surface, n)
    found: list[Conflict] = []
    for canonical, surfaces in by_actor.items():
        variants = [
            (a, b)
            for i, a in enumerate(surfaces)
            for b in list(surfaces)[i + 1 :]
            if a.lower() != b.lower()
            and SequenceMatcher(None, a.lower(), b.lower()).ratio() >= _SPELLING_RATIO
        ]
        if variants:
            a, b = variants[0]
            found.append(
                Conflict(
                    kind="spelling", about=canonical,
                    summary=f'"{a}" [{surfaces[a]}] and "{b}" [{surfaces[b]}] name one actor',
                    citations=[surfaces[a], surfaces[b]],
                )
            )  # fmt: skip
    return found


def _comparable(own: Sequence[FigureRow]) -> list[list[FigureRow]]:
    """One asserter's rows that may count one thing. Figures for two different regions
    ("102 died in Bihar", "172 in India") are neither an update nor a contradiction of one
    another; when an asserter's figures name two regions, one naming none may be for either,
    so only figures naming one region are compared."""
    codes = list(dict.fromkeys(r.region for r in own if r.region))
    if len(codes) < 2:
        return [list(own)]
    return [[r for r in own if r.region == code] for code in codes]


def _asserters(rows: Sequence[FigureRow]) -> dict[str, list[FigureRow]]:
    """Rows by asserter, named as first written: "Officials" opening a sentence are the
    "officials" of another."""
    groups: dict[str, tuple[str, list[FigureRow]]] = {}
    for row in rows:
        name = row.asserter or UNATTRIBUTED
        groups.setdefault(name.casefold(), (name, []))[1].append(row)
    return dict(groups.values())


def _within_asserters(groups: dict[str, list[FigureRow]], about: str) -> list[Conflict]:
    """Updates and contradictions: one asserter's different figures in different sources."""
    conflicts: list[Conflict] = []
    for asserter, own in ((a, part) for a, every in groups.items() for part in _comparable(every)):
        if len({r.doc_id for r in own}) < 2 or _distinct(own) < 2:
            continue
        dates = {_when(r) for r in own}
        later = None not in dates and len(dates) > 1
        kind = "update" if later else "contradiction"
        ordered = sorted(own, key=lambda r: (_when(r) or "", r.citation))
        listed = "; ".join(_figure(r, dated=later) for r in ordered)
        # the outlets' own figures: "no named asserter" is nobody reported twice
        unattributed = asserter == UNATTRIBUTED
        summary = listed if unattributed else f"{asserter}: {listed}"
        if later:
            summary += f" (the latest is {_figure(ordered[-1], dated=True)})"
        conflicts.append(Conflict(kind=kind, about=about, summary=summary,
                                  citations=_citations(own),
                                  unattributed=unattributed))  # fmt: skip
    return conflicts


def _across_asserters(groups: dict[str, list[FigureRow]], about: str) -> list[Conflict]:
    """Different asserters giving different figures."""
    conflicts: list[Conflict] = []
    named = {a: own for a, own in groups.items() if a != UNATTRIBUTED}
    if len(named) >= 2 and _distinct([r for own in named.values() for r in own]) >= 2:
        parts = [f"{a} gives {', '.join(_figure(r) for r in own)}" for a, own in named.items()]
        conflicts.append(
            Conflict(
                kind="asserter", about=about, summary="; ".join(parts),
                citations=_citations([r for own in named.values() for r in own]),
            )
        )  # fmt: skip
    return conflicts


def _scope(rows: Sequence[FigureRow], about: str) -> Conflict | None:
    """Rows whose counted phrases share too few words with each other."""
    phrases: dict[frozenset[str], list[FigureRow]] = defaultdict(list)
    for row in rows:
        phrases[frozenset(w.lower() for w in _CONTENT.findall(row.counted))].append(row)
    keys = [k for k in phrases if k]
    apart = [
        (a, b) for i, a in enumerate(keys) for b in keys[i + 1 :]
        if len(a & b) / len(a | b) < _SCOPE_OVERLAP
        and not any(same_number(x.value, y.value) for x in phrases[a] for y in phrases[b])
    ]  # fmt: skip
    if not apart:
        return None
    involved = {k for pair in apart for k in pair}
    listed = [phrases[k][0] for k in keys if k in involved][:4]
    summary = "the figures count different things: " + "; ".join(
        f'"{r.counted}" {r.surface} [{r.citation}]' for r in listed
    )
    return Conflict(kind="scope", about=about, summary=summary, citations=_citations(listed))


def _distinct(rows: Sequence[FigureRow]) -> int:
    values: list[float] = []
    for row in rows:
        if not any(same_number(row.value, v) for v in values):
            values.append(row.value)
    return len(values)


def _when(row: FigureRow) -> str | None:
    return row.date or row.when


def _figure(row: FigureRow, *, dated: bool = False) -> str:
    hedge = f"{row.hedge} " if row.hedge else ""
    date = f" ({_when(row)})" if dated and _when(row) else ""
    return f"{hedge}{row.surface}{date} [{row.citation}]"


def _citations(rows: Sequence[FigureRow]) -> list[int]:
    return sorted({r.citation for r in rows})
