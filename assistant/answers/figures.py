"""Figures per source, straight from verified claims: no model call.

When the question asks for one kind of figure ("how many people died", "the death toll":
kind "deaths", read by the same lemmas as claims' kinds), every claim of that kind is
relevant whatever its words, and claims of another such kind never are (claims whose
kind is only their noun are judged by their words, as below, and must say a word of the
kind somewhere in their quote); when it counts
something other than people ("how many cattle died"), a claim of the kind must also count
that thing by its words. Otherwise, and for
claims without a kind, a claim is relevant when what it counts is the thing the question
counts: a word of its counted phrase means the question's counted noun (word embeddings:
"soldiers" and "infantrymen" for "troops", not "officers" or "shells"), or the phrase
only refers back ("the final figure") in a sentence that names it. Its quote must also
state every focus word ("killed" must be said, not "deployed"). Rows keep the claim's
hedge, what it counts, asserter and time, and cite the claim's verified quote.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import nlp
from ..claims.models import Claim
from ..claims.reading.kinds import family, is_family, question_money_kind
from ..claims.store import ClaimStore
from ..store import Document, Store
from .cite import CitationBook, outlet_name
from .classify import states
from .models import FigureRow

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

SAME_THING = 0.65
"""Word similarity at which two nouns name the same thing, here and in the digest's
groups (troops/soldiers 0.89,
troops/infantrymen 0.66; troops/commanders 0.59, troops/officers 0.50)."""
POOL = 200
"""Claims fetched by meaning before filtering; enough for a corpus of thousands."""
_ANAPHORA = frozenset({"figure", "number", "total", "estimate", "count", "toll", "tally"})
_BARE = frozenset({"the", "final", "latest", "new", "official", "overall", "revised"})
"""Words that leave an anaphoric count bare ("the final figure"; not "the death toll")."""
_WORD = re.compile(r"[^\W\d_]{3,}")
_MONEY_QUESTION = re.compile(
    r"\bhow\s+much\b|\b(?:money|funds?|rupees|dollars|euros|pounds|cost|amount)\b", re.I
)
"""A question about a sum of money, where a verb of asking asks for money."""


@dataclass(frozen=True)
class Selected:
    """A relevant claim, its document and how close it is to the question."""

    claim: Claim
    doc: Document
    similarity: float


def question_kind(store: Store, question: str, counted: str | None = None) -> str | None:
    """The one kind of figure a question asks about, read by the same lemmas as claims'
    kinds: "How many people died ...?" and "What is the death toll?" -> "deaths", "What
    were the losses?" -> "losses", "How much has the state sought?" -> "requested"; None
    when it names no kind or several ("killed and injured").

    A clause describing another noun than the `counted` one says no kind: "How much ex
    gratia will the families of those who died receive?" asks no deaths ("the number of
    people who died" does)."""
    (doc,) = nlp.parse(store.settings.cache, [question])
    words = [
        t for t in doc if t.pos_ in {"VERB", "ADJ", "NOUN"}
        and not _describes_other(t, counted) and not _sort_of(t, counted)
    ]  # fmt: skip
    money = _MONEY_QUESTION.search(question) is not None
    kinds = {family(t.lemma_) or question_money_kind(t.lemma_, t.pos_, money) for t in words}
    kinds.discard(None)
    return kinds.pop() if len(kinds) == 1 else None


def parsed_counted(store: Store, question: str) -> str | None:
    """The noun "how many" or "how much" modifies, by the parse: "How many constituencies
    elect members of Parliament?" -> "constituencies", which `classify.counted_head`'s
    word rule reads as "members" (its verbs are known by their endings; "elect" has none).
    Over the questions of all nine suites, that is the one question the two read apart."""
    (doc,) = nlp.parse(store.settings.cache, [question])
    for token in doc:
        if token.pos_ in {"NOUN", "PROPN"} and any(
            child.lower_ in {"many", "much"} and any(g.lower_ == "how" for g in child.children)
            for child in token.children
        ):
            return token.text.lower()
    return None


def select_figures(
    store: Store, head: str, about: str, focus: Sequence[str] = (),
    doc_ids: Sequence[str] | None = None, kind: str | None = None,
    counting: str | None = None, percentage: bool = False,
) -> list[Selected]:  # fmt: skip
    """Claims giving a count of `head` (the question's counted noun), in source order.

    With the question's `kind` ("deaths"), a claim of that kind is relevant whatever words
    it uses ("the death toll rose to 57", "12 bodies were recovered"), and a claim of
    another kind never is; a claim without a kind is judged by its words as below.
    `counting` is the noun a "how many X ...?" question counts: unless it means people,
    claims of the kind must also count it ("how many cattle died" is no question about
    people's deaths). With `percentage` ("what percentage of the fire was contained?"),
    the percent figures that state every `focus` word answer, whatever they count.
    """
    claims = [
        c for c in ClaimStore(store).about(about, POOL, doc_ids)
        if c.quantity is not None and not _is_rate(c)
    ]  # fmt: skip
    if percentage and focus:
        claims = [c for c in claims if c.quantity is not None and c.quantity.unit == "%"]
        kind = None
    elif counting is not None:
        # "how many firefighters ...?" asks a count: a share ("15 percent") is none
        claims = [c for c in claims if c.quantity is not None and c.quantity.unit != "%"]
    of_kind = [c for c in claims if kind is not None and _kind(c) == kind]
    # a claim of another family ("injured" for a deaths question) never answers; one
    # whose kind is only its noun ("residents") is judged by its words
    unkinded = [
        c for c in claims
        if (kind is None or not is_family(_kind(c)))
        and all(states(c.quotes[0].text, w) for w in focus)
    ]  # fmt: skip
    if kind is not None:
        # a deaths question is not answered by "1.9 lakh people" unless its sentence
        # says a death ("12 people had died", read as "showing people")
        unkinded = _stating(store, kind, unkinded)
    if of_kind and counting is not None and not _means_people(store, counting):
        # "how many cattle died": of the deaths, only those whose words count cattle
        scored = _by_words(store, counting, of_kind)
    else:
        scored = [(c, 1.0) for c in of_kind]
    if percentage and focus:
        scored += [(c, 1.0) for c in unkinded]
    else:
        scored += _by_words(store, head, unkinded) if unkinded else []
    docs: dict[str, Document] = {}
    kept: list[Selected] = []
    for claim, score in scored:
        doc = docs.get(claim.doc_id) or store.docs.get(claim.doc_id)
        if doc is None:
            continue
        docs[doc.id] = doc
        kept.append(Selected(claim, doc, score))
    log.info("figures of %r (kind %s): %d of %d claims kept", head, kind, len(kept), len(claims))
    return sorted(kept, key=lambda s: (outlet_name(s.doc).lower(), s.doc.id,
                                       s.claim.quotes[0].start))  # fmt: skip


def _describes_other(token: Token, counted: str | None) -> bool:
    """Is `token` in a clause describing a noun other than `counted` ("those who died")?"""
    if counted is None:
        return False
    for node in (token, *token.ancestors):
        if node.dep_ in ("relcl", "acl") and node.head.lower_ != counted.lower():
            return True
    return False


def _sort_of(token: Token, counted: str | None) -> bool:
    """Does `token` name what sort of thing the `counted` noun is ("rescue" in "How many
    rescue workers were digging?": workers, not people rescued)? A toll's is what it
    counts ("death" in "the death toll")."""
    return (
        counted is not None
        and token.dep_ == "compound"
        and token.head.lower_ == counted.lower()
        and counted.lower() not in _ANAPHORA
    )


def _means_people(store: Store, head: str) -> bool:
    """Is the question's counted noun just people ("people", "persons", "residents"),
    so that a kind such as deaths says all it asks?"""
    vectors = store.embedder.embed([head.lower(), "people"])
    return bool(float(vectors[0] @ vectors[1]) >= SAME_THING)


def _stating(store: Store, kind: str, claims: list[Claim]) -> list[Claim]:
    """The claims whose quote says a word of the `kind`'s family (by lemma)."""
    if not is_family(kind) or not claims:
        return claims
    docs = nlp.parse(store.settings.cache, [c.quotes[0].text for c in claims])
    return [
        c for c, doc in zip(claims, docs, strict=True)
        if any((family(t.lemma_) or question_money_kind(t.lemma_, t.pos_, True)) == kind
               for t in doc)
    ]  # fmt: skip


def _kind(claim: Claim) -> str | None:
    return claim.quantity.kind if claim.quantity is not None else None


def _by_words(store: Store, head: str, claims: list[Claim]) -> list[tuple[Claim, float]]:
    """The claims whose counted words mean the question's counted noun, with how close."""
    vocabulary = sorted({w.lower() for c in claims for w in _WORD.findall(_context(c))})
    vectors = store.embedder.embed([head.lower(), *vocabulary])
    closeness = dict(zip(vocabulary, (float(x) for x in vectors[1:] @ vectors[0]), strict=True))
    kept: list[tuple[Claim, float]] = []
    for claim in claims:
        assert claim.quantity is not None
        counted = [w.lower() for w in _WORD.findall(claim.quantity.counted)]
        score = max((closeness.get(w, 0.0) for w in counted), default=0.0)
        if score < SAME_THING and counted and set(counted) <= _ANAPHORA | _BARE:
            score = max(closeness.get(w.lower(), 0.0) for w in _WORD.findall(_context(claim)))
        if score >= SAME_THING:
            kept.append((claim, score))
    return kept


def figure_rows(
    selected: Sequence[Selected],
    book: CitationBook,
    regions: Sequence[str | None] = (),
    places: Sequence[str | None] = (),
) -> list[FigureRow]:
    """One row per figure, citing its verified quote; `regions` are the figures' regions
    and `places` the places their sentences state them for (`places.figure_places`), when
    read."""
    rows: list[FigureRow] = []
    for i, s in enumerate(selected):
        q = s.claim.quantity
        assert q is not None  # select_figures keeps figures only
        quote = s.claim.quotes[0]
        asserter = s.claim.asserter_canonical or s.claim.asserter
        n = book.cite(s.doc, quote.start, quote.end, asserter)
        rows.append(
            FigureRow(
                doc_id=s.doc.id, outlet=outlet_name(s.doc), outlet_is_title=not s.doc.outlet,
                value=q.value, low=q.low,
                high=q.high, surface=q.surface, hedge=q.hedge, unit=q.unit, counted=q.counted,
                kind=q.kind, asserter=asserter, asserter_surface=s.claim.asserter,
                carrier=s.claim.carrier, when=s.claim.when,
                place=places[i] if i < len(places) else None,
                date=s.doc.date, region=regions[i] if i < len(regions) else None, citation=n,
            )
        )  # fmt: skip
    return rows


def _context(claim: Claim) -> str:
    assert claim.quantity is not None
    return f"{claim.quantity.counted} {claim.quotes[0].text}"


def _is_rate(claim: Claim) -> bool:
    """ "one translator per 30 soldiers": the number is a ratio's base, not a count."""
    assert claim.quantity is not None
    text = claim.quotes[0].text
    at = text.find(claim.quantity.surface)
    return at > 0 and re.search(r"\bper\s*$", text[:at], re.I) is not None
