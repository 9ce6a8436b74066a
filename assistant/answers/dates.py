"""Sources that disagree on when something happened, typed by code from the evidence.

For an agreement question, each source's evidence sentences that speak of the question's
subject (they state one of its words) are read for years and month names. Two sources
that both give a year (or a month) and share none disagree: a contradiction, with the
sentences cited. "June" and "June 2023" do not disagree; "2023" and "2024" do.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from ..claims.numbers import find_numbers
from .classify import states, subject_words
from .evidence import Evidence
from .models import Conflict, Sentence

_MONTH = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)
Cite = Callable[[Evidence], int]


def date_conflicts(question: str, evidence: Sequence[Evidence], cite: Cite) -> list[Conflict]:
    """Contradictions between sources over the years or months they give for the subject."""
    words = [w for w in subject_words(question) if w.islower()]
    by_doc = _on_subject(question, evidence)
    found: list[Conflict] = []
    for what, read in (("year", _years), ("month", _months)):
        given = {doc: (read(own), own) for doc, own in by_doc.items()}
        given = {doc: v for doc, v in given.items() if v[0]}
        docs = sorted(given)
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                (values_a, own_a), (values_b, own_b) = given[a], given[b]
                if values_a & values_b:
                    continue
                ev_a, ev_b = own_a[0], own_b[0]
                name_a = ev_a.doc.outlet or ev_a.doc.title or a
                name_b = ev_b.doc.outlet or ev_b.doc.title or b
                n_a, n_b = cite(ev_a), cite(ev_b)
                found.append(
                    Conflict(
                        kind="contradiction", about=" ".join(words) or question,
                        summary=f"{name_a} gives the {what} {', '.join(sorted(values_a))} "
                        f"[{n_a}] and {name_b} gives {', '.join(sorted(values_b))} [{n_b}]",
                        citations=sorted({n_a, n_b}),
                    )
                )  # fmt: skip
        if found:
            break  # a year disagreement says it; months would repeat it
    return found


def date_agreement(question: str, evidence: Sequence[Evidence], cite: Cite) -> Sentence | None:
    """ "Yes: ..." when two or more sources give the subject a year (else a month) and every
    one of them gives the same one; None when fewer say a date or any two differ. A year
    only one source gives beside an agreed month is said too."""
    by_doc = _on_subject(question, evidence)
    years = {doc: values for doc, own in by_doc.items() if (values := _years(own))}
    for what, read in (("year", _years), ("month", _months)):
        given = {doc: (read(own), own) for doc, own in by_doc.items()}
        given = {doc: v for doc, v in given.items() if v[0]}
        if len(given) < 2:
            continue
        shared = set.intersection(*(values for values, _ in given.values()))
        if not shared or any(len(values) > 1 for values, _ in given.values()):
            return None  # different ones, or several for one source: no plain yes
        cites = sorted({cite(next(e for e in own if read([e]))) for _, own in given.values()})
        sources = "both" if len(given) == 2 else f"all {len(given)}"
        text = f"Yes: {sources} sources that give a {what} give {shared.pop()}"
        if what == "month" and len(years) == 1 and set(years) <= set(given):
            (year,) = years.values()
            text += f"; one of them also gives the year, {', '.join(sorted(year))}"
        return Sentence(text=f"{text}.", citations=cites)
    return None


def _on_subject(question: str, evidence: Sequence[Evidence]) -> dict[str, list[Evidence]]:
    """Each source's evidence sentences that speak of the question's subject."""
    words = [w for w in subject_words(question) if w.islower()]
    by_doc: dict[str, list[Evidence]] = defaultdict(list)
    for e in evidence:
        if not words or any(states(e.text, w) for w in words):
            by_doc[e.doc.id].append(e)
    return by_doc


def _years(evidence: Sequence[Evidence]) -> set[str]:
    return {m.surface for e in evidence for m in find_numbers(e.text) if m.kind == "year"}


def _months(evidence: Sequence[Evidence]) -> set[str]:
    return {m.group(1) for e in evidence for m in _MONTH.finditer(e.text)}
