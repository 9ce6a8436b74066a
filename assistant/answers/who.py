""" "Who said 11,000 ...?": the claims that give the figure named in the question.

Answered from verified claims by code: each claim whose figure equals a number in the
question, with its asserter (as the article names it and as resolved across the corpus),
the agency that carried it ("told Reuters") and the outlet and date that reported it. With
no figure in the question, or no claim giving it, the question goes to a composed answer
instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..claims.numbers import find_numbers, same_number
from ..claims.store import ClaimStore
from ..store import Document, Store
from .cite import CitationBook
from .models import Sentence
from .phrasing import day_label, doc_label

POOL = 200


def attribution_sentences(
    store: Store, question: str, book: CitationBook, doc_ids: Sequence[str] | None = None
) -> list[Sentence]:
    """One sentence per claim giving a figure the question names, most relevant first."""
    values = [m.value for m in find_numbers(question) if m.kind in ("count", "percent", "money")]
    if not values:
        return []
    ranked = ClaimStore(store).about(question, POOL, doc_ids)
    matching = [
        c for c in ranked
        if c.quantity is not None and any(same_number(c.quantity.value, v) for v in values)
    ]  # fmt: skip
    # an outlet's own mention of a figure it also credits to someone is no second answer
    credited = {(c.doc_id, c.quantity.value) for c in matching
                if c.quantity is not None and (c.asserter_canonical or c.asserter)}  # fmt: skip
    docs: dict[str, Document] = {}
    sentences: list[Sentence] = []
    for claim in matching:
        assert claim.quantity is not None
        unnamed = not (claim.asserter_canonical or claim.asserter)
        if unnamed and (claim.doc_id, claim.quantity.value) in credited:
            continue
        doc = docs.get(claim.doc_id) or store.docs.get(claim.doc_id)
        if doc is None:
            continue
        docs[doc.id] = doc
        quote = claim.quotes[0]
        canonical = claim.asserter_canonical or claim.asserter
        n = book.cite(doc, quote.start, quote.end, canonical)
        figure = f"{claim.quantity.hedge or ''} {claim.quantity.surface}".strip()
        outlet = doc_label(doc)
        reported = f"{outlet}, {day_label(doc.date)}" if doc.date else outlet
        if canonical is None:
            text = f"{outlet} gives {figure} without naming who asserted it [{n}]."
        else:
            to = f" to {claim.carrier}" if claim.carrier else ""
            named = _named(canonical, claim.asserter)
            text = f"{named} gave the figure {figure}{to} ({reported}) [{n}]."
        sentences.append(Sentence(text=text, citations=[n]))
    return sentences


def _named(canonical: str, surface: str | None) -> str:
    """The asserter as the article names them when that says more ("Revenue Minister Harish
    Kolwade" for Harish Kolwade), else the resolved name, with the article's form if it
    differs ("Harish Kolwade (named there as Kolwade)")."""
    if not surface or surface.lower() == canonical.lower():
        return canonical
    if canonical.lower() in surface.lower():
        return surface
    return f"{canonical} (named there as {surface})"
