"""Place qualifiers of a figures question: "How many people died in Nandgiri taluka?"
asks for a figure stated for Nandgiri, and a toll for the whole state is no answer to it.

A question's places are its named places (the parse's GPE, LOC and FAC entities) and the
proper nouns of its place phrases ("in Nandgiri taluka", "across Sitapet"). A figure is
stated for a place when its document's headline names the place (the place is the story's
setting: "Kaverikund floods: toll reaches 28") or when its own sentence does in the clause
that states the figure or one above it ("12 people died in Nandgiri", "In Nandgiri,
officials said 12 people died"), or in a relative clause about what it counts ("the 19
people who died in the Sonachal floods"), never in another clause ("17 were from
Kaverikund district, where the river has submerged Nandgiri" gives no figure for Nandgiri).

When no figure is stated for any of the question's places, the answer says so and shows
the nearest figures as such, never as the answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import nlp
from ..claims.reading.furniture import mask_dateline
from ..store import Store
from .figures import Selected

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "across", "inside", "within", "near", "around"})
_CLAUSE_POS = frozenset({"VERB", "AUX"})


def question_places(store: Store, question: str) -> list[str]:
    """The places a question qualifies its figures by, as written in it."""
    (doc,) = nlp.parse(store.settings.cache, [question])
    found = [e.text for e in doc.ents if e.label_ in _PLACE_ENTITIES]
    for token in doc:
        if token.dep_ != "pobj" or token.head.lower_ not in _PLACE_PREPOSITIONS:
            continue
        proper = [t for t in token.subtree if t.pos_ == "PROPN"]
        if proper:
            found.append(doc[proper[0].i : proper[-1].i + 1].text)
    names: list[str] = []
    for place in found:
        words = place.split()
        while words and words[0].lower() == "the":
            words = words[1:]
        if words:
            names.append(" ".join(words))
    # "Nandgiri" and "Nandgiri taluka": the shorter name, which the longer one says
    return list(dict.fromkeys(
        n for n in names if not any(o != n and _names(n, o) for o in names)
    ))  # fmt: skip


def stated_for(store: Store, selected: Sequence[Selected], places: Sequence[str]) -> bool:
    """Is any of the `selected` figures stated for one of `places` (see the module doc)?"""
    if not places:
        return True
    for s in selected:
        if any(_names(s.doc.title or "", p) for p in places):
            return True
    # a dateline ("SABLE CREEK — ...") is where the report was filed, not the figure's place
    quotes = [mask_dateline(s.claim.quotes[0].text) for s in selected]
    for s, doc in zip(selected, nlp.parse(store.settings.cache, quotes), strict=True):
        assert s.claim.quantity is not None
        at = doc.text.find(s.claim.quantity.surface)
        number = [t for t in doc if at <= t.idx < at + len(s.claim.quantity.surface)]
        if at >= 0 and number and any(_in_figure_clause(doc, number[-1], p) for p in places):
            return True
    return False


def _in_figure_clause(doc: Doc, number: Token, place: str) -> bool:
    """Does the sentence name `place` in the clause of the `number` token or above it, or
    in a relative clause about what the number counts?"""
    above = [number, *number.ancestors]
    clause = _clause(number)
    for match in _pattern(place).finditer(doc.text):
        tokens = [t for t in doc if match.start() <= t.idx < match.end()]
        if not tokens:
            continue
        own = _clause(tokens[0])
        if own is None or own == clause or own in above:
            return True
        if own.dep_ in {"relcl", "acl"} and own.head in above:
            return True
    return False


def _clause(token: Token) -> Token | None:
    """The verb of the clause a token is in (None for a verbless headline)."""
    for t in [token, *token.ancestors]:
        if t.pos_ in _CLAUSE_POS:
            return t
    return None


def _names(text: str, place: str) -> bool:
    return _pattern(place).search(text) is not None


def _pattern(place: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_]){re.escape(place)}(?![^\W_])", re.I)
