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
nothing of a place stay in the answer (most figures of a story on one place never repeat
it), unless a tally states a figure for the place: "71 in Morelos state" is then the
answer, and a "273 dead" beside it the story's wider toll.

A tally ("94 are known dead in Mexico City, 71 in Morelos state, 43 in Puebla") is one
clause to the parser, so every place in it would be every number's: a named place right
after a number, before any comma or later number, is that number's own (`_pairs`), and a
place a later number has for its own is not an earlier one's ("the toll was 217 by
Wednesday - more than 100 in Mexico City alone"). The place a figure's sentence states it
for is shown in its answer ("71 dead in Morelos state", `figure_places`).

When no figure is stated for any of the question's places, the answer says so and shows
the nearest figures as such, never as the answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

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
    found = [_region_of(e) for e in doc.ents if e.label_ in _PLACE_ENTITIES and not _owner(e)]
    for token in doc:
        if token.dep_ != "pobj" or token.head.lower_ not in _PLACE_PREPOSITIONS:
            continue
        proper = [t for t in token.subtree if t.pos_ == "PROPN"]
        if proper:
            found.append(doc[proper[0].i : proper[-1].i + 1].text)
    names: list[str] = []
    for place in found:
        if _names_an_event(question, place):
            continue
        words = place.split()
        while words and words[0].lower() == "the":
            words = words[1:]
        if words:
            names.append(" ".join(words))
    # "Nandgiri" and "Nandgiri taluka": the shorter name, which the longer one says
    return list(dict.fromkeys(
        n for n in names if not any(o != n and _names(n, o) for o in names)
    ))  # fmt: skip


def _owner(place: Span) -> bool:
    """Is `place` the owner of a named body, not a place ("according to India's Home
    Ministry": India, of a question on Kerala's toll, made every state's figure an
    answer)? Not when what it owns is a place ("Mexico's capital", "India's Kerala
    state")."""
    head = place.root.head
    return place.root.dep_ == "poss" and head.ent_type_ in _BODY_ENTITIES


_BODY_ENTITIES = frozenset({"ORG", "PERSON", "NORP"})
_QUARTERS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "midwest",
    ]
)


def _region_of(place: Span) -> str:
    """The place as a question names it: "the US South" is the South, not the US (the
    parser makes "US" the place and "South" a proper noun it qualifies; its pages say
    "across a wide swath of the South")."""
    head = place.root.head
    if place.root.dep_ == "compound" and head.lower_ in _QUARTERS and head.pos_ == "PROPN":
        return head.text
    return place.text


_EVENT_LIST = """
fire fires wildfire wildfires flood floods flooding quake earthquake earthquakes storm
storms cyclone hurricane typhoon tornado tsunami landslide landslides eruption sinking
crash collapse blast explosion bombing attack attacks shooting stampede riot riots
protest protests strike strikes war fighting outbreak epidemic derailment disaster
accident tragedy
"""
_EVENT_WORDS = frozenset(_EVENT_LIST.split())
"""Nouns of an event: a name before or in one names the event, not a place ("in the
Ridgeline Fire", "in the Sonachal floods", "in the Linnet Star sinking"). By hand: the
parser calls "the Ridgeline Fire" a facility and "Linnet Star" a proper noun of a place
phrase like any town's."""


def _names_an_event(question: str, place: str) -> bool:
    """Is `place` the name of an event in the question (it ends in, or is followed by, a
    noun of an event)?"""
    last = place.rsplit(maxsplit=1)[-1].lower()
    after = re.search(rf"{re.escape(place)}\s+([^\W\d_]+)", question)
    return last in _EVENT_WORDS or (after is not None and after.group(1).lower() in _EVENT_WORDS)


def placed(store: Store, selected: Sequence[Selected], places: Sequence[str]) -> list[bool | None]:
    """For each of the `selected` figures: True when it is stated for one of `places`,
    False when it is stated for another place or, beside a tally's figure for one of them,
    for none (see the module doc), None when its sentence does not say."""
    if not places:
        return [True] * len(selected)
    asked = [regions.lookup(p) for p in places]
    known = [r for r in asked if r is not None]
    verdicts: list[bool | None] = []
    tally = False  # a tally states a figure for one of the places
    stated: list[bool] = []  # the figure's own sentence states it for one of the places
    for s, doc, number in _figures_parsed(store, selected):
        pairs = _pairs(doc) if number else {}
        own = _own_place(doc, number, pairs)
        setting = any(_names(s.doc.title or "", p) for p in places)
        stated.append(False)
        if not number:
            verdicts.append(None)
        elif own is not None and _elsewhere(own, places, known, setting):
            verdicts.append(False)
        elif any(
            _in_figure_clause(doc, number[-1], p)
            and not any(_names(o, p) for o in _taken(pairs, number))
            for p in places
        ):
            # "250 in India, Nepal and Bangladesh" is a total, no figure for Nepal
            verdicts.append(not _listed_with_others(doc, places, known))
            stated[-1] = verdicts[-1] is True
            tally = tally or (stated[-1] and len(pairs) > 1 and number[-1].i in pairs)
        elif known and any(
            not any(regions.within(r, k) for k in known)
            for r in _regions_in_clause(doc, number[-1])
        ):  # "47 killed in Bangladesh" is no figure for Bihar, nor "300 in India" one
            verdicts.append(False)
        elif setting:
            verdicts.append(True)
        elif len(known) == len(places) and not any(
            _names(f"{s.doc.title or ''}\n{s.doc.text}", p) for p in places
        ):  # a source that never names Bihar states no figure for it
            verdicts.append(False)
        else:
            verdicts.append(None)
    # a figure its source states twice is one figure: a headline's "toll passes 250" is
    # the body's "250 in India, Nepal and Bangladesh"; not when one of the two states it
    # for the place ("186 people died in Mexico City" beside a tweet's "#CDMX: 186")
    elsewhere = {(s.doc.id, _value(s)) for s, v in zip(selected, verdicts, strict=True)
                 if v is False}  # fmt: skip
    verdicts = [
        False if (s.doc.id, _value(s)) in elsewhere and not own else v
        for s, v, own in zip(selected, verdicts, stated, strict=True)
    ]
    if tally:
        # a tally's "71 in Morelos state" is the answer for Morelos; a figure whose own
        # sentence does not state it for Morelos is then the story's wider toll ("273
        # dead", also under a headline naming the place: "Mexico City earthquake: ...")
        verdicts = [v if own else False for v, own in zip(verdicts, stated, strict=True)]
    return verdicts


class FigurePlace(NamedTuple):
    """Where a figure's sentence states it for."""

    region: str | None
    """The ISO code of the one known region its clause names in a place phrase ("102
    people have died in Bihar state"), or None. Two figures for different regions are no
    update of one another (`conflicts`)."""
    name: str | None
    """The place its sentence states it for, as written ("Mexico City", "Morelos state",
    "the state of Mexico"), or None when it names none or several. A place directly after
    a number is that number's alone ("94 are known dead in Mexico City, 71 in Morelos
    state, 43 in Puebla" gives each its own), else the one named place in the figure's
    clause or above it ("In Bihar, officials said 12 died")."""


def figure_places(store: Store, selected: Sequence[Selected]) -> list[FigurePlace]:
    """For each of the `selected` figures, where its sentence states it for (each quote
    parsed once for both)."""
    found: list[FigurePlace] = []
    for _, doc, number in _figures_parsed(store, selected):
        if not number:
            found.append(FigurePlace(None, None))
            continue
        named = _regions_in_clause(doc, number[-1])
        own = _own_place(doc, number, _pairs(doc))
        found.append(FigurePlace(
            named[0].code if len(named) == 1 else None,
            _place_text(own) if own is not None else None,
        ))  # fmt: skip
    return found


def _own_place(doc: Doc, number: Sequence[Token], pairs: dict[int, Span]) -> Span | None:
    """The named place a figure's sentence states it for (see `FigurePlace.name`)."""
    if not number:
        return None
    own = pairs.get(number[-1].i)
    if own is None:
        taken = _taken(pairs, number)
        named = {_place_text(p).lower(): p for p in _named_places(doc)
                 if p.text not in taken and belongs(number[-1], p.root)}  # fmt: skip
        own = next(iter(named.values())) if len(named) == 1 else None
    return own


_PAIR_REACH = 10
"""How many words a number's own place may follow it by ("94 are known dead in Mexico
City")."""
_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")"})


def _pairs(doc: Doc) -> dict[int, Span]:
    """The numbers of a sentence directly followed by a named place of their own, by the
    index of the number's last token: a place phrase after the number, within
    `_PAIR_REACH` words, before any comma, dash or later number ("at least 86 people died
    in Mexico City, 71 in Morelos state"), or a place labelling the number ("#Morelos:
    73")."""
    spans = {t[0].i: t[-1].i for m in find_numbers(doc.text) if m.kind != "ordinal"
             and (t := tokens_in(doc, m.start, m.end))}  # fmt: skip
    numbers = sorted(set(spans.values()))
    named = sorted(_named_places(doc), key=lambda span: span.start)
    pairs: dict[int, Span] = {}
    for k, i in enumerate(numbers):
        stop = min(numbers[k + 1] if k + 1 < len(numbers) else len(doc), i + 1 + _PAIR_REACH)
        for span in named:
            between = doc[i + 1 : span.start]
            if i < span.start < stop and not any(t.text in _BREAKS for t in between):
                pairs[i] = span
                break
    # a labelled tally: "#Morelos: 73, #Puebla: 45", "Kerala: 40" (known regions only:
    # "Update: 324 dead" names no place)
    for first, last in spans.items():
        if first < 2 or doc[first - 1].text != ":":
            continue
        start = first - 1
        while start > 0 and doc[start - 1].text[:1].isupper():
            start -= 1
        label = doc[start : first - 1]
        if len(label) and regions.lookup(label.text) is not None:
            pairs.setdefault(last, label)
    return pairs


def _elsewhere(
    own: Span, places: Sequence[str], known: Sequence[regions.Region], setting: bool
) -> bool:
    """Is the place a figure's sentence states it for (`_own_place`) another than the
    question's? "71 in Morelos state" is no figure for Mexico City, nor "18 in Uttarakhand"
    one for a district of it, nor "three in Tamsford" one for Brenhill. A place the
    gazetteer does not know may lie inside a known one ("2,600 sent to Kursk" for Russia)
    or inside the story's setting ("14 in Brenhill district" for the Marrow valley of the
    headline): those are left to the other rules."""
    if any(_names(own.text, p) for p in places):
        return False
    region = regions.lookup(own.text)
    if region is not None:
        return not any(regions.within(region, k) for k in known)
    return not known and not setting


def _taken(pairs: dict[int, Span], number: Sequence[Token]) -> list[str]:
    """The places other numbers of the sentence have for their own, which are not this
    number's: any other one's when it has its own ("71 in Morelos state, 12 in the State of
    Mexico"), else a later one's ("the toll was 217 by Wednesday, more than 100 in Mexico
    City alone"; a place before it may be its: "96 died in Bihar, up from 61 last week")."""
    if not number:
        return []
    at = number[-1].i
    return [span.text for i, span in pairs.items() if i > at or (at in pairs and i != at)]


def _named_places(doc: Doc) -> list[Span]:
    """The named places of a sentence in place phrases: the parse's place entities, and
    runs of proper nouns the gazetteer knows (the small model calls "Guerrero" a person).
    A place something comes from is not where it is ("3,000 soldiers were transported from
    North Korea to Russia")."""
    found: list[Span] = []
    for span in [*(e for e in doc.ents if e.label_ in _PLACE_ENTITIES), *_proper_runs(doc)]:
        if any(span.start < o.end and o.start < span.end for o in found):
            continue
        if span.label_ not in _PLACE_ENTITIES and regions.lookup(span.text) is None:
            continue
        if _in_place_phrase(span.root, origins=False):
            found.append(span)
    return found


def _place_text(span: Span) -> str:
    """A named place as its sentence calls it: with the type word before or after it
    ("the state of Mexico", "Morelos state")."""
    doc, start, end = span.doc, span.start, span.end
    listed = [span.root, *_coordinated(span.root)]
    if len(listed) > 1:  # "250 in India, Nepal and Bangladesh": all three, not India
        first = min(t.left_edge.i for t in listed)
        last = max(t.right_edge.i for t in listed) + 1
        if not find_numbers(doc[first:last].text):
            return doc[first:last].text
    of = span.root.head
    if of.lower_ == "of" and of.head.lower_ in (*regions.TYPE_WORDS, "city", "town"):
        start = of.head.left_edge.i
    elif end < len(doc) and doc[end].lower_ in regions.TYPE_WORDS:
        end += 1
    words = doc[start:end].text.split()
    if words and words[0].lower() == "the" and start == span.start:
        words = words[1:]
    return " ".join(words)


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
    # "all but four of them" is a part of another figure, at its place
    own = [t for m, t in found if m.value == mention.value and not _part_of_them(t)]
    others = [t for m, t in found if m.value != mention.value]
    if not own or any(_in_figure_clause(doc, n, name) for n in own):
        return False
    return any(_in_figure_clause(doc, n, name) for n in others)


_PARTITIVE = frozenset({"them", "those", "whom", "which", "these"})


def _part_of_them(token: Token) -> bool:
    """ "all but four of them", "12 of whom": a part of another figure."""
    return any(
        child.lower_ == "of" and any(g.lower_ in _PARTITIVE for g in child.children)
        for child in token.children
    )


def _name(run: str) -> str:
    """A run of capitalised words without a leading article ("The Kursk region") or the
    full stop of the sentence it ends ("... at the Colegio Santa Lucia.")."""
    words = run.removesuffix(".").split()
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


def _in_place_phrase(token: Token, origins: bool = True) -> bool:
    """Is the token inside a phrase of a place preposition ("in India's state of Assam"),
    or, with `origins`, of "from" ("from India, Nepal, Bangladesh floods")?"""
    for t in [token, *token.ancestors]:
        if t.dep_ == "prep" and t.lower_ != "of":  # "in parts of India", "state of Goa"
            return t.lower_ in _PLACE_PREPOSITIONS or (origins and t.lower_ == "from")
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
