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

A figure is stated for another place, and answers nothing for the question's, when the
place is a known region (a country or a subdivision, `text.regions`) and its clause
names another region, neither inside nor around it, in a place phrase ("47 killed in
Bangladesh" for Bihar; "in Kursk Oblast" is unknown, so a figure there stays in an
answer for Russia), or lists the place with others ("250 dead in India, Nepal and
Bangladesh" is no figure for Nepal), or when its source never names the place. A figure
its source states twice (headline and body) is judged once. Figures whose sentence says
nothing of a place stay in the answer: most figures of a story on one place never repeat
it.

When no figure is stated for any of the question's places, the answer says so and shows
the nearest figures as such, never as the answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .. import nlp
from ..claims.numbers import NumberMention, find_numbers, has_number
from ..claims.reading.furniture import mask_dateline
from ..store import Store
from ..text import regions
from ..text.clauses import CLAUSE_POS, belongs, tokens_in
from ..text.words import NAME_RUN
from .figures import Selected

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "across", "inside", "within", "near", "around"})


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


def placed(store: Store, selected: Sequence[Selected], places: Sequence[str]) -> list[bool | None]:
    """For each of the `selected` figures: True when it is stated for one of `places`,
    False when it is stated for another region (see the module doc), None when its
    sentence does not say."""
    if not places:
        return [True] * len(selected)
    asked = [regions.lookup(p) for p in places]
    known = [r for r in asked if r is not None]
    verdicts: list[bool | None] = []
    for s, doc, number in _figures_parsed(store, selected):
        if not number:
            verdicts.append(None)
        elif any(_in_figure_clause(doc, number[-1], p) for p in places):
            # "250 in India, Nepal and Bangladesh" is a total, no figure for Nepal
            verdicts.append(not _listed_with_others(doc, places, known))
        elif known and any(
            not any(regions.within(r, k) for k in known)
            for r in _regions_in_clause(doc, number[-1])
        ):  # "47 killed in Bangladesh" is no figure for Bihar, nor "300 in India" one
            verdicts.append(False)
        elif any(_names(s.doc.title or "", p) for p in places):
            verdicts.append(True)
        elif len(known) == len(places) and not any(
            _names(f"{s.doc.title or ''}\n{s.doc.text}", p) for p in places
        ):  # a source that never names Bihar states no figure for it
            verdicts.append(False)
        else:
            verdicts.append(None)
    # a figure its source states twice is one figure: a headline's "toll passes 250" is
    # the body's "250 in India, Nepal and Bangladesh"
    elsewhere = {(s.doc.id, _value(s)) for s, v in zip(selected, verdicts, strict=True)
                 if v is False}  # fmt: skip
    return [
        False if (s.doc.id, _value(s)) in elsewhere else v
        for s, v in zip(selected, verdicts, strict=True)
    ]


def figure_places(store: Store, selected: Sequence[Selected]) -> list[str | None]:
    """For each of the `selected` figures, the ISO code of the one known region its clause
    names in a place phrase ("102 people have died in Bihar state"), or None. Two figures
    for different regions are no update of one another (`conflicts`)."""
    found: list[str | None] = []
    for _, doc, number in _figures_parsed(store, selected):
        named = _regions_in_clause(doc, number[-1]) if number else []
        found.append(named[0].code if len(named) == 1 else None)
    return found


def misplaced(store: Store, text: str, cited: Sequence[str]) -> str | None:
    """Why a sentence gives one of its numbers for a place that its cited evidence gives
    another number for, or None.

    On real flood pages "Where did 145 people die?" was answered "145 people died in
    Andhra Pradesh where dams were overflowing": every word of it is in "At least 145
    people died in the state of Karnataka ... and 26 were killed in neighbouring Andhra
    Pradesh where dams were overflowing". The sentence and each cited sentence holding one
    of its numbers, another number and one of its names are parsed: a name the sentence
    gives in a number's clause (`clauses.belongs`) that the cited sentence gives in
    another number's clause, and not in this one's, is another figure's place.
    """
    numbers = [m for m in find_numbers(text) if m.kind != "ordinal"]
    names = [n for r in NAME_RUN.finditer(text) if (n := _name(r.group())) and (
        r.start() > 0 or " " in n)]  # fmt: skip
    if not numbers or not names:
        return None
    values = {m.value for m in numbers}
    mixed = [
        t for t in cited
        if len({m.value for m in find_numbers(t) if m.kind != "ordinal"} - values) >= 1
        and any(has_number(t, v) for v in values) and any(_names(t, n) for n in names)
    ]  # fmt: skip
    if not mixed:
        return None
    said, *docs = nlp.parse(store.settings.cache, [text, *(mask_dateline(t) for t in mixed)])
    pairs = [(m, n) for m in numbers for n in names
             if (t := tokens_in(said, m.start, m.end))
             and _in_figure_clause(said, t[-1], n)]  # fmt: skip
    for doc in docs:
        found = [(m, t[-1]) for m in find_numbers(doc.text)
                 if m.kind != "ordinal" and (t := tokens_in(doc, m.start, m.end))]  # fmt: skip
        for mention, name in pairs:
            if _names(doc.text, name) and _given_for_another(doc, found, mention, name):
                return f"the cited evidence gives {mention.surface} for another place than {name}"
    return None


def _given_for_another(
    doc: Doc, found: Sequence[tuple[NumberMention, Token]], mention: NumberMention, name: str
) -> bool:
    """Does the parsed sentence, whose numbers are `found` (with their last tokens), give
    `name` in another number's clause and not in the clause of `mention`'s number?"""
    own = [t for m, t in found if m.value == mention.value]
    others = [t for m, t in found if m.value != mention.value]
    if not own or any(_in_figure_clause(doc, n, name) for n in own):
        return False
    return any(_in_figure_clause(doc, n, name) for n in others)


def _name(run: str) -> str:
    """A run of capitalised words without a leading article ("The Kursk region")."""
    words = run.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _figures_parsed(
    store: Store, selected: Sequence[Selected]
) -> Iterator[tuple[Selected, Doc, list[Token]]]:
    """Each figure, the parse of its quote, and the tokens of its number there (none when
    the quote does not hold the number as written)."""
    # a dateline ("SABLE CREEK — ...") is where the report was filed, not the figure's place
    quotes = [mask_dateline(s.claim.quotes[0].text) for s in selected]
    for s, doc in zip(selected, nlp.parse(store.settings.cache, quotes), strict=True):
        assert s.claim.quantity is not None
        at = doc.text.find(s.claim.quantity.surface)
        yield s, doc, tokens_in(doc, at, at + len(s.claim.quantity.surface)) if at >= 0 else []


def _value(s: Selected) -> float | None:
    return s.claim.quantity.value if s.claim.quantity is not None else None


def _listed_with_others(doc: Doc, places: Sequence[str], known: Sequence[regions.Region]) -> bool:
    """Does the sentence list one of `places` with a region beside it, neither inside nor
    around it ("India, Nepal and Bangladesh" for Nepal; not "Bihar, India" for Bihar)?"""
    if not known:
        return False
    for place in places:
        for match in _pattern(place).finditer(doc.text):
            tokens = tokens_in(doc, match.start(), match.end())
            if not tokens:
                continue
            for other in _coordinated(tokens[-1]):
                region = regions.lookup(_proper_run(other).text)
                if region is not None and not any(
                    regions.within(region, k) or regions.within(k, region) for k in known
                ):
                    return True
    return False


def _coordinated(token: Token) -> list[Token]:
    """The other members of the list a token is in ("Nepal" in "India, Nepal and
    Bangladesh": "India" and "Bangladesh")."""
    top = token
    while top.dep_ == "conj":
        top = top.head
    members: list[Token] = []
    todo = [top]
    while todo:
        t = todo.pop()
        members.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return [m for m in members if m.i != token.i]


def _proper_runs(doc: Doc) -> list[Span]:
    """The runs of proper nouns of a sentence ("Andhra Pradesh")."""
    runs: list[Span] = []
    run: list[Token] = []
    for t in [*doc, None]:
        if t is not None and t.pos_ == "PROPN":
            run.append(t)
            continue
        if run:
            runs.append(doc[run[0].i : run[-1].i + 1])
        run = []
    return runs


def _proper_run(token: Token) -> Span:
    """The run of proper nouns a token is in; the token alone when it is none."""
    own = [r for r in _proper_runs(token.doc) if r.start <= token.i < r.end]
    return own[0] if own else token.doc[token.i : token.i + 1]


def _regions_in_clause(doc: Doc, number: Token) -> list[regions.Region]:
    """The known regions a place phrase of the figure's clause names ("in Bangladesh",
    "from India, Nepal, Bangladesh floods"); a country it acts on is no place of the
    figure ("ready to fight against Ukraine"). Names are the parse's place entities and
    runs of proper nouns (the small English model calls "Goa" and "Andhra Pradesh"
    people); the gazetteer decides which are regions."""
    spans = [*(e for e in doc.ents if e.label_ in _PLACE_ENTITIES), *_proper_runs(doc)]
    found: list[regions.Region] = []
    for span in spans:
        if not _in_place_phrase(span.root) or not belongs(number, span.root):
            continue
        region = regions.lookup(span.text)
        if region is not None and region not in found:
            found.append(region)
    return found


def _in_place_phrase(token: Token) -> bool:
    """Is the token inside a phrase of a place preposition ("in India's state of Assam")?"""
    for t in [token, *token.ancestors]:
        if t.dep_ == "prep" and t.lower_ != "of":  # "in parts of India", "state of Goa"
            return t.lower_ in _PLACE_PREPOSITIONS or t.lower_ == "from"
        if t.pos_ in CLAUSE_POS:
            return False
    return False


def _in_figure_clause(doc: Doc, number: Token, place: str) -> bool:
    """Does the sentence name `place` in the clause of the `number` token or above it, or
    in a relative clause about what the number counts?"""
    for match in _pattern(place).finditer(doc.text):
        tokens = tokens_in(doc, match.start(), match.end())
        if tokens and belongs(number, tokens[0]):
            return True
    return False


def _names(text: str, place: str) -> bool:
    return _pattern(place).search(text) is not None


def _pattern(place: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_]){re.escape(place)}(?![^\W_])", re.I)
