"""What a number counts, read from the dependency parse of its sentence.

For the number's own head token (the one whose head lies outside the number), climb past
prepositions and adverbs ("to", "at", "over", "up to") to the word that governs it:

* a noun the number modifies: "36 people", "a toll of 157" -> that noun;
* a verb whose subject measures something ("The death toll rose to 157", "Casualties have
  reached 140", "the toll stood at 70") -> the subject, with its modifiers ("death");
* a verb the number is the subject or object of ("157 were killed", "killing at least
  12") -> the verb is the state, the thing counted is implicit (people);
* an adjective ("12 dead") -> the state.

The state of a counted noun is the verb it is the subject or object of ("36 people were
killed", "destroyed 300 houses"), a participle or adjective modifying it ("people killed",
"injured people"), or an adjective complement ("12 people are missing"). A number with no
noun of its own that is a conjunct of another figure's verb ("128 people were killed and
over 140 injured") shares that figure's noun, and so does an item of a list of places
("claimed 12 lives in A, five in B"). A number that refers back to another figure of its
sentence ("up from 31 a day earlier", "the final figure could reach N", "40 of them")
counts what that figure counts (`refers_back`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .kinds import LIVES_TAKEN as _LIVES_TAKEN
from .kinds import MEASURE_NOUNS, family, kind_of

if TYPE_CHECKING:
    from spacy.tokens import Token

NOUNS = frozenset({"NOUN", "PROPN"})
VERBS = frozenset({"VERB", "AUX"})
_CLIMB = frozenset({"ADP", "ADV", "PART", "SYM", "CCONJ"})
_OWN_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
_STATE_DEPS = frozenset({"acl", "amod", "relcl"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "attr", "oprd", "npadvmod", "dative", "obj"})
_COPULA = frozenset({"be", "remain", "become", "stand", "appear", "seem"})
_LEVEL_VERBS = frozenset(
    {
        "reach", "rise", "climb", "soar", "jump", "mount", "increase", "stand", "hit", "touch",
        "cross", "top", "pass", "surpass", "exceed", "tally", "bring", "push", "take", "put",
        "go", "grow", "edge",
    }
)  # fmt: skip
"""Verbs that set a measure's level: "the toll rose to N", "brought the toll to N"."""
_NOT_STATES = frozenset({"say", "tell", "report", "state", "add", "claim", "note", "be", "have"})
"""Verbs a counted noun can be the subject of without saying what happened to it."""


@dataclass(frozen=True)
class Counted:
    """What one number counts: the words that say it and their normalised kind."""

    text: str
    """What is counted, in the sentence's words ("people killed", "death toll")."""
    kind: str | None
    span: tuple[int, int]
    """Offsets, in the parsed text, of the words stating the figure (number included)."""


def head_of(tokens: list[Token]) -> Token:
    """The token of a multi-token number whose head lies outside it."""
    inside = {t.i for t in tokens}
    outside = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return (outside or tokens)[-1]


def read_counted(  # noqa: PLR0912
    number: list[Token], start: int, end: int, others: frozenset[int] = frozenset()
) -> Counted | None:
    """What the number made of `number` tokens (at [start, end) in the text) counts, or
    None when the parse does not say. `others` are the tokens of the sentence's other
    numbers, never what this one counts ("eight million 122-mm shells" counts shells)."""
    anchor = head_of(number)
    inside = {t.i for t in number}
    early = _part_or_purpose(number, inside, start, end)
    if early is not None:
        return early
    governor, via = _governor(anchor, inside | others)
    noun: Token | None = None
    state: Token | None = None
    measure: Token | None = None
    if governor is None or (governor.i not in inside and _in_place_list(governor, via)):
        return _elliptic(number, anchor, governor, start, end)
    if governor.pos_ in NOUNS and governor.i not in inside:
        noun = governor
    elif governor.pos_ in VERBS:
        subject = _child(governor, _SUBJECTS)
        estimated = _child(governor, frozenset({"dobj", "obj"}))
        copula = governor.lemma_.lower() in _COPULA
        named = _child(governor, frozenset({"attr"})) if copula else None
        if via in _SUBJECTS and named is not None and named.pos_ in NOUNS:
            noun = named  # "Two were children", "three of them being generals"
        elif via in _SUBJECTS:
            state = governor
        elif via == "prep:at" and estimated is not None and estimated.pos_ in NOUNS:
            noun = estimated  # "put the damage at Rs 980 crore", "estimated losses at N"
        elif subject is not None and subject.i not in inside and _measures(subject):
            measure = subject
        elif (found := _measure_beside(governor, inside)) is not None:
            measure = found
        elif copula and via == "attr" and subject is not None and subject.pos_ in NOUNS:
            # "the fire was 55 percent contained": the share is of the subject, in the
            # state the participle after the number says
            noun = subject
            state = _child(anchor, frozenset({"acl", "amod"}))
        else:
            state = governor
            noun = _shared_noun(governor, inside)
    elif governor.pos_ == "ADJ":
        state = governor
        noun = _shared_noun(governor, inside)
    if noun is not None and noun.lemma_.lower() in MEASURE_NOUNS:
        measure, noun = noun, None
    if measure is not None:
        return _measured(measure, number, start, end)
    if noun is not None and state is None:
        state = _state_of(noun)
    state = _own_state(number, noun) or state
    if state is not None:
        state = _complement(state)
    if noun is None and state is None:
        return None
    if state is not None and state.lemma_.lower() in _NOT_STATES and not _takes_lives(noun, state):
        state = None
        if noun is None:
            return None
    return _counted(noun, state, number, start, end)


def _part_or_purpose(number: list[Token], inside: set[int], start: int, end: int) -> Counted | None:
    """What a part or a sum counts, from the phrase after it: "Seventeen of the 19 people
    who died", "three of the dead"; "sought Rs 1,200 crore in central assistance"."""
    whole = _partitive_whole(number, inside)
    if whole is not None:
        noun_whole = whole.pos_ in NOUNS
        state_whole = _state_of(whole) if noun_whole else whole
        return _counted(whole if noun_whole else None, state_whole, number, start, end)
    purpose = _money_purpose(number, inside)
    if purpose is not None:
        return _counted(purpose, _state_of(purpose.head.head), number, start, end)
    return None


_MONEY_WORDS = frozenset({"rs", "r", "rupee", "crore", "lakh", "dollar", "euro", "pound"})


def _money_purpose(number: list[Token], inside: set[int]) -> Token | None:
    """What a sum is, when a phrase after it says so: "Rs 1,200 crore in central
    assistance", "$5 million in aid"."""
    if not any(t.text[:1] in "$€£¥₹" or t.lemma_.lower() in _MONEY_WORDS for t in number):
        return None
    for token in number:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i not in inside:
                noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if noun is not None and noun.pos_ == "NOUN" and noun.ent_type_ not in {"DATE"}:
                    return noun
    return None


def _partitive_whole(number: list[Token], inside: set[int]) -> Token | None:
    """The whole a number is part of: "17 of the 19 people", "three of the dead"."""
    for token in number:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i not in inside:
                whole = next((c for c in child.children if c.dep_ == "pobj"), None)
                objects = [c for c in child.children if c.dep_ == "pobj" and c.i not in inside]
                named = [c for c in objects if c.pos_ == "NOUN"]
                if named:  # "438 of them homes": the part is homes
                    whole = named[-1]
                if whole is None or whole.i in inside:
                    continue
                if whole.pos_ in NOUNS or (whole.pos_ == "ADJ" and family(whole.lemma_)):
                    return whole
    return None


def _governor(anchor: Token, inside: set[int]) -> tuple[Token | None, str]:
    """The first word above the number that is not a preposition, adverb or another number,
    and the relation through which the number hangs from it."""
    token, through = anchor, ""
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            return None, ""
        if head.i in inside or head.pos_ in _CLIMB or head.pos_ == "NUM" or _is_time(head):
            if head.pos_ == "ADP" and head.dep_ != "cc":
                through = f"prep:{head.lower_}"
            token = head
            continue
        return head, through or token.dep_
    return None, ""


def _is_time(token: Token) -> bool:
    """ "soared past 3,700 Monday": a day, date or time is never what a number counts."""
    return token.ent_type_ in {"DATE", "TIME"} and token.pos_ in NOUNS


def _measure_beside(verb: Token, inside: set[int]) -> Token | None:
    """A measure that a verb of level sets, where the parse did not make it the subject:
    the object ("brought to 38 the death toll") or the nearest measure noun before the
    verb in its clause ("Jajarkot, Nov 4: The death toll ... has reached 37")."""
    if verb.lemma_.lower() not in _LEVEL_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in _OBJECTS and child.i not in inside and _measures(child):
            return child
    for token in reversed(verb.doc[verb.left_edge.i : verb.i]):
        if token.pos_ in VERBS and token.dep_ not in {"aux", "auxpass"}:
            return None
        if token.i not in inside and token.lemma_.lower() in MEASURE_NOUNS | {"toll"}:
            return token
    return None


def _own_state(number: list[Token], noun: Token | None) -> Token | None:
    """A participle or adjective of a family right after the number (or its noun) states
    what happened to what it counts: "14 killed, 35 injured", "49 militants dead"."""
    last = max([*(t.i for t in number), *([noun.i] if noun is not None else [])])
    doc = number[0].doc
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and after.pos_ in {"VERB", "ADJ"} and family(after.lemma_):
        # not the verb they do: "Three soldiers killed 12 militants"
        return None if _child(after, frozenset({"dobj", "obj"})) is not None else after
    return None


def _takes_lives(noun: Token | None, state: Token) -> bool:
    """ "claimed 70 lives": a verb of speech that here says a death; "776 people have lost
    their lives": a verb of loss whose object is their lives."""
    if noun is not None and noun.lemma_.lower() == "life" and state.lemma_.lower() == "claim":
        return True
    return state.lemma_.lower() in _LIVES_TAKEN and any(
        c.dep_ in {"dobj", "obj"} and c.lower_ in ("life", "lives") for c in state.children
    )


def _child(token: Token, deps: frozenset[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _measures(token: Token) -> bool:
    """A subject whose value the number gives: a measure noun or a noun of a family."""
    if token.pos_ not in NOUNS:
        return False
    lemma = token.lemma_.lower()
    return lemma in MEASURE_NOUNS or family(lemma) in {
        "deaths", "injured", "casualties", "missing", "displaced", "evacuated",
    }  # fmt: skip


def _shared_noun(verb: Token, inside: set[int]) -> Token | None:
    """The counted noun of another figure that this number, without a noun of its own,
    shares: that of the verb it is a conjunct of ("N killed and M injured"), or that of
    its own verb in a list ("claimed 19 lives in A, six in B"), when that figure's number
    modifies a noun."""
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    for holder in verbs:
        for child in holder.children:
            counted = child.dep_ in _SUBJECTS | _OBJECTS and child.pos_ in NOUNS
            if counted and child.i not in inside and any(g.pos_ == "NUM" for g in child.children):
                return child
    return None


_PLACES = frozenset({"GPE", "LOC", "FAC"})
_LISTED = frozenset({"appos", "nummod", "conj"})
_WHERE = frozenset({"in", "at", "from"})
_DIVISIONS = frozenset(
    {"district", "village", "town", "city", "county", "state", "province", "region",
     "municipality", "area", "zone", "ward", "suburb", "neighbourhood", "neighborhood"}
)  # fmt: skip
"""Nouns of places a list names ("eight other districts Araria (12), Purnea (nine)")."""


def _in_place_list(noun: Token, via: str) -> bool:
    """Is the number an item of a list of places ("in Arlo, five in Brisk", "districts
    Araria (12), Purnea (9)"): a place name, or a name joined in a list to one or to a
    noun of places?"""
    if via not in _LISTED or noun.pos_ != "PROPN":
        return False
    members = [noun]
    while members[-1].dep_ in {"appos", "conj"} and members[-1].head.pos_ in NOUNS:
        members.append(members[-1].head)
    return any(
        m.ent_type_ in _PLACES
        or (m.dep_ == "pobj" and m.head.lower_ in _WHERE)
        or m.lemma_.lower() in _DIVISIONS
        for m in members
    )


def _elliptic(
    number: list[Token], anchor: Token, governor: Token | None, start: int, end: int
) -> Counted | None:
    """What a number without a noun or verb of its own counts: a headline's "At least 119
    killed in ..." (the number is the root) or an item of a list of places ("claimed 12
    lives in Arlo, five in Brisk", "Araria (12), Katihar (9)"), which counts what the
    list's clause counts, never the place."""
    inside = {t.i for t in number}
    if governor is None:
        state = _own_state(number, None)
        return _counted(None, state, number, start, end) if state is not None else None
    verb = next((t for t in governor.ancestors if t.pos_ in VERBS), None)
    noun = _clause_noun(verb, inside) if verb is not None else None
    if verb is None or noun is None:
        return None
    state = None if verb.lemma_.lower() in _COPULA else verb
    measured = _measured(noun, number, start, end) if noun.lemma_.lower() in MEASURE_NOUNS else None
    counted = measured or _counted(noun, state, number, start, end)
    place = _span([*_place_of(anchor, governor), *number], start, end)
    return Counted(counted.text, counted.kind, place)


def _place_of(anchor: Token, governor: Token) -> list[Token]:
    """The place a list item gives its number for: its own "in X" ("five in Brisk"), else
    the name it stands beside ("Araria (12)")."""
    for prep in anchor.children:
        if prep.dep_ == "prep" and prep.lower_ in _WHERE:
            return [t for c in prep.children if c.dep_ == "pobj" for t in c.subtree]
    return [governor]


def _clause_noun(verb: Token, inside: set[int]) -> Token | None:
    """What the clause of a list counts: its subject or object holding a number ("40
    people have died: ..."), or naming a measure or a family ("Deaths were reported
    from ...")."""
    for child in verb.children:
        if child.dep_ not in _SUBJECTS | _OBJECTS or child.pos_ not in NOUNS or child.i in inside:
            continue
        if any(g.pos_ == "NUM" for g in child.children) or _measures(child):
            return child
    return None


def _is_state(token: Token) -> bool:
    """A verb, a participle, or an adjective of a family ("dead", "missing"): not a
    describing adjective ("Korean", "heavy")."""
    if token.pos_ == "VERB":
        return True
    return token.pos_ == "ADJ" and (
        token.tag_ in {"VBN", "VBD", "VBG"} or family(token.lemma_) is not None
    )


def _state_of(noun: Token) -> Token | None:  # noqa: PLR0911
    """What happened to the counted noun, if the sentence says."""
    for child in noun.children:
        if child.dep_ in _STATE_DEPS and _is_state(child) and not _of_some(child):
            return child
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in MEASURE_NOUNS:
        return _state_of(head.head)  # "a total of 2,000 people were evacuated"
    if noun.dep_ in _SUBJECTS | _OBJECTS and head.pos_ in VERBS:
        done = _child(head, frozenset({"dobj", "obj"}))
        if (
            noun.dep_ == "nsubj"
            and done is not None
            and family(done.lemma_) is None
            and not _takes_lives(None, head)  # "776 people have lost their lives"
        ):
            return None  # "62 boats had rescued 3,500 people": the boats did the rescuing
            # (but "140 people sustained injuries" were injured)
        if head.lemma_.lower() in _COPULA:
            complement = _child(head, frozenset({"acomp", "attr", "oprd"}))
            if (
                complement is None
                or complement.i == noun.i
                or complement.pos_ not in {"ADJ", "VERB"}
            ):
                return None
            return complement
        return head
    if noun.dep_ == "conj" and noun.head.pos_ in NOUNS:
        return _state_of(noun.head)
    return None


_COMPLEMENTS = frozenset({"acomp", "oprd", "attr", "xcomp"})


def _complement(state: Token) -> Token:
    """The word of a family that completes a verb: "60 were missing", "29 people were
    confirmed dead", "12 were feared dead", "found alive"; else the verb itself."""
    for child in state.children:
        if child.dep_ in _COMPLEMENTS and child.pos_ in {"ADJ", "VERB"} and family(child.lemma_):
            return child
    return state


def _of_some(clause: Token) -> bool:
    """ "8 400 people, many of whom are sleeping in their cars": a relative clause about
    some of them says nothing of all that are counted."""
    return clause.dep_ == "relcl" and any(
        c.dep_ in _SUBJECTS and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
        for c in clause.children
    )


def _phrase(noun: Token, inside: set[int]) -> list[Token]:
    """The noun with its own modifiers to the left ("North Korean troops"), without the
    number's own words ("lakh" in "1.9 lakh people")."""
    # a modifier holding a number is another figure's ("122-mm and 152-mm shells")
    left = [
        c for c in noun.lefts
        if c.dep_ in _OWN_MODIFIERS and not any(t.pos_ == "NUM" or t.i in inside for t in c.subtree)
    ]  # fmt: skip
    words = [t for c in left for t in c.subtree if t.pos_ not in {"DET", "PUNCT", "SPACE"}]
    return sorted({t.i: t for t in [*words, noun]}.values(), key=lambda t: t.i)


def _counted(
    noun: Token | None, state: Token | None, number: list[Token], start: int, end: int
) -> Counted:
    inside = {t.i for t in number}
    words = _phrase(noun, inside) if noun is not None and noun.i not in inside else []
    text = " ".join(t.text for t in words)
    if state is not None and state.i not in {w.i for w in words}:
        before = bool(words) and state.i < words[0].i
        if before and (state.dep_ == "amod" or state.tag_ == "VBG"):
            text = f"{state.text} {text}"  # "injured people", "killing people"
        elif not before or family(state.lemma_) is not None:
            text = f"{text} {state.text}"  # "people killed" (also for "killed 12 people")
        words = [*words, state]
    text = text.strip()
    kind = kind_of(
        state.lemma_ if state is not None else None,
        _kind_words(noun, state),
        noun.lemma_ if noun is not None else None,
    )
    return Counted(text, kind, _span([*words, *number], start, end))


def _kind_words(noun: Token | None, state: Token | None) -> list[str]:
    """Lemmas beside the state and noun that say the kind: the state's object ("sustained
    injuries", "lost their lives") and the noun a counted noun belongs to ("the lives of 12
    people")."""
    objects = [c for c in state.children if c.dep_ in {"dobj", "obj"}] if state else []
    # the parse may read "lives" as the verb "live" ("776 people have lost their lives")
    lives_of = {c.i for c in objects if c.lemma_.lower() == "life" or c.lower_ in ("life", "lives")}
    words = [c.lemma_ for c in objects if c.i not in lives_of]
    lives = bool(lives_of)
    if lives and state is not None and state.lemma_.lower() in _LIVES_TAKEN:
        words.append("death")  # "lost their lives"
    leaving = [c for c in state.children if c.dep_ == "xcomp"] if state is not None else []
    ordered = state is not None and state.lemma_.lower() == "order"
    if ordered and any(c.lemma_.lower() in _LEAVE for c in leaving):
        words.append("evacuate")  # "2,000 people were ordered to leave their homes"
    if (
        state is not None
        and state.lemma_.lower() == "pull"
        and any(
            (c.dep_ == "prt" and c.lower_ == "out") or (c.dep_ == "prep" and c.lower_ == "from")
            for c in state.children
        )
    ):
        words.append("rescue")  # "pulled out 7,000 people", "pulled 12 people from the rubble"
    if _treated_for_injuries(noun, state):
        words.append("injury")  # "treated 57 patients for fire-related injuries"
    if _sheltered(noun, state):
        words.append("displace")  # "1.9 lakh people moved to relief camps"
    words += _under(noun, state)  # "6,500 residents remained under evacuation orders"
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        owner = noun.head.head  # "the lives of 12 people", "the bodies of 12 people"
        if owner.lemma_.lower() != "life":
            words.append(owner.lemma_)
        elif owner.head.lemma_.lower() in _LIVES_TAKEN:  # "claimed the lives of 12 people"
            words.append("death")
    return words


_SHELTERS = frozenset({"camp", "shelter"})
_LEAVE = frozenset({"leave", "evacuate", "flee", "vacate"})
_INTO = frozenset({"to", "in", "into", "at"})


def _sheltered(noun: Token | None, state: Token | None) -> bool:
    """Are the people counted moved to or staying in relief camps or shelters ("moved to
    312 relief camps", "90,000 people remained in relief camps")? Reporters count them as
    displaced, whatever the verb."""
    for holder in _holders(noun, state):
        if holder.lemma_.lower() in {"take", "seek"} and any(
            c.dep_ in _OBJECTS and c.lemma_.lower() in _SHELTERS | {"refuge"}
            for c in holder.children
        ):
            return True  # "2,85,996 people have taken shelter", "sought refuge"
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in _INTO:
                continue
            if any(c.dep_ == "pobj" and c.lemma_.lower() in _SHELTERS for c in prep.children):
                return True
    return False


_HARMS = frozenset({"injury", "wound", "burn", "inhalation", "fracture", "trauma"})
_CARED = frozenset({"treat", "hospitalise", "hospitalize", "admit"})


def _treated_for_injuries(noun: Token | None, state: Token | None) -> bool:
    """ "had treated 41 people for burns and smoke inhalation", "57 patients were
    hospitalised with injuries": the people counted are injured."""
    holders = _holders(noun, state)
    if not any(t.lemma_.lower() in _CARED for t in holders):
        return False
    return any(
        t.lemma_.lower() in _HARMS
        for holder in holders
        for prep in holder.children if prep.dep_ == "prep" and prep.lower_ in {"for", "with"}
        for t in prep.subtree
    )  # fmt: skip


def _under(noun: Token | None, state: Token | None) -> list[str]:
    """Lemmas of what the people counted are under ("under evacuation orders", "under
    arrest"): a state told by a noun after "under"."""
    lemmas: list[str] = []
    for holder in _holders(noun, state):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "under":
                lemmas += [t.lemma_ for t in prep.subtree if t.pos_ in NOUNS]
    return lemmas


def _holders(noun: Token | None, state: Token | None) -> list[Token]:
    """The words a place or condition of the people counted hangs from: the state, the
    noun, and the verb the noun is the subject or object of."""
    holders = [t for t in (state, noun) if t is not None]
    if noun is not None and noun.dep_ in _SUBJECTS | _OBJECTS and noun.head.pos_ in VERBS:
        holders.append(noun.head)
    return holders


def _measured(measure: Token, number: list[Token], start: int, end: int) -> Counted | None:
    """ "The death toll rose to 157": what the measure is of."""
    if _names_nothing(measure, number):
        return None  # "the final figure could reach N": what it counts is elsewhere
    modifiers, of_words = _measure_words(measure, number)
    words = sorted([*modifiers, measure, *of_words], key=lambda t: t.i)
    text = " ".join(t.text for t in words if t.pos_ != "DET")
    kind = kind_of(None, [m.lemma_ for m in modifiers] + _of_lemmas(of_words), measure.lemma_)
    return Counted(text, kind, _span([*modifiers, measure, *number], start, end))


def _measure_words(measure: Token, number: list[Token]) -> tuple[list[Token], list[Token]]:
    """The words that say what a measure is of: its noun modifiers ("death toll",
    "casualty figure"; not "final figure") and its "of" phrase or participle ("the number
    of people reported missing")."""
    modifiers = [
        c for c in measure.lefts if c.dep_ in {"compound", "amod", "nmod"} and c.pos_ in NOUNS
    ]  # fmt: skip
    of = next((c for c in measure.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    inside = {t.i for t in number}
    of_words = [t for t in of.subtree if t.i not in inside] if of is not None else []
    of_words += [t for c in measure.rights if c.dep_ == "acl" for t in c.subtree]
    return modifiers, of_words


def _of_lemmas(of_words: list[Token]) -> list[str]:
    return [t.lemma_ for t in of_words if t.pos_ in NOUNS | {"ADJ", "VERB"}]


def _names_nothing(measure: Token, number: list[Token]) -> bool:
    """Is the measure a tally that names no thing of its own ("the final figure", "a
    preliminary estimate"), unlike "the death toll" or "the number of dead"?"""
    lemma = measure.lemma_.lower()
    if lemma not in MEASURE_NOUNS or lemma == "toll":
        return False
    modifiers, of_words = _measure_words(measure, number)
    return not modifiers and not _of_lemmas(of_words)


_REVISED = frozenset({"up", "down"})


def refers_back(number: list[Token]) -> list[Token] | None:
    """The words by which a number takes its counted thing from another figure of its
    sentence, or None: a part of it ("400 were treated, and 40 of them were in critical
    condition"), a figure's earlier value ("99 remain missing, up from 31 a day
    earlier") or a measure that names nothing of its own ("the final figure could reach
    12,000", "a preliminary estimate of Rs 450 crore")."""
    anchor = head_of(number)
    inside = {t.i for t in number}
    part = _part_of_them(anchor)
    if part is not None:
        return part
    head, revised = _above(anchor, inside)
    if revised is not None:
        return revised
    measure = None
    if head is not None:
        measure = (
            head if head.pos_ in NOUNS else _child(head, _SUBJECTS) if head.pos_ in VERBS else None
        )
    if measure is None or measure.i in inside or measure.lemma_.lower() not in MEASURE_NOUNS:
        return None
    if not _names_nothing(measure, number):
        return None  # it names what it counts ("the death toll", "the number of dead")
    modifiers = [c for c in measure.lefts if c.dep_ in {"amod", "det"}]
    return sorted([*modifiers, measure], key=lambda t: t.i)


def _above(anchor: Token, inside: set[int]) -> tuple[Token | None, list[Token] | None]:
    """The first word above a number past prepositions and adverbs; or, for an earlier
    value ("up from 31"), the words that say so."""
    token = anchor
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            return None, None
        if head.pos_ == "ADP" and head.lower_ == "from" and head.head.lower_ in _REVISED:
            return None, [head.head, head]
        if head.i in inside or head.pos_ == "NUM" or head.pos_ in _CLIMB:
            token = head
            continue
        return head, None
    return None, None


def _part_of_them(anchor: Token) -> list[Token] | None:
    """ "40 of them were in critical condition": "of" and the pronoun, else None."""
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            whole = next((c for c in child.children if c.dep_ == "pobj"), None)
            if whole is not None and whole.pos_ == "PRON" and whole.lower_ in {"them", "whom"}:
                return [child, whole]
    return None


def _span(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    first = min([start, *(t.idx for t in tokens)])
    last = max([end, *(t.idx + len(t.text) for t in tokens)])
    return first, last
