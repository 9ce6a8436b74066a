"""The normalised kind of what a figure counts, from lemmas the parse gives.

News figures about people cluster in a few states: a figure of "dead", "killed", "the death
toll", "fatalities", "lives lost" or "bodies recovered" is one kind, "deaths"; "injured",
"hurt" and "wounded" are another. A kind is chosen from the lemmas of the figure's state
(the verb or adjective saying what happened: "killed", "injured", "missing"), then of
what modifies a measure noun ("death" in "death toll"), then of the counted noun itself
("fatalities", "casualties"). The families below are the general vocabulary of reporting on
harm to people (any disaster, conflict or crime), not words of one corpus. What falls in
no family is the counted noun's lemma ("troop", "house"); what happened to it ("damaged",
"destroyed") stays in the counted words, which a figures question also checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

FAMILIES: Final[dict[str, frozenset[str]]] = {
    "deaths": frozenset(
        [
            "kill",
            "die",
            "dead",
            "death",
            "fatality",
            "fatal",
            "perish",
            "drown",
            "body",
            "corpse",
            "toll",
        ]
    ),
    "injured": frozenset(["injure", "injury", "injured", "hurt", "wound", "wounded"]),
    "missing": frozenset(["missing", "miss", "unaccounted", "untraced"]),
    "displaced": frozenset(["displace", "displaced", "homeless", "uproot"]),
    "evacuated": frozenset(["evacuate", "evacuation", "evacuee"]),
    "arrested": frozenset(["arrest", "detain", "detention", "detainee"]),
    # people brought out alive: "153 rescued", "138 survivors", "how many survived",
    # "how many were pulled alive"
    "rescued": frozenset(["rescue", "save", "survive", "survivor", "alive"]),
    "affected": frozenset(["affect", "affected"]),
    "casualties": frozenset(["casualty"]),
}
"""Kinds of figures about people, by the lemmas that state them."""

_LEMMA_KIND: Final[dict[str, str]] = {
    lemma: kind for kind, lemmas in FAMILIES.items() for lemma in lemmas
}
LIVES_TAKEN: Final = frozenset({"lose", "claim", "take", "cost"})
"""States that make "lives" deaths ("70 lives lost", "claimed 70 lives"; not "saved")."""

MEASURE_NOUNS: Final = frozenset(
    ["toll", "number", "tally", "count", "figure", "total", "estimate", "sum", "level"]
)
"""Nouns that measure something else ("the death toll", "the number of dead")."""


def family(lemma: str) -> str | None:
    """The family a single lemma belongs to, if any."""
    return _LEMMA_KIND.get(lemma.lower())


def kind_of(state: str | None, modifiers: list[str], noun: str | None) -> str | None:
    """The kind of a figure from its state lemma, the measure's modifier lemmas ("death" of
    "death toll") and the counted noun's lemma, most telling first."""
    lemmas = [x.lower() for x in (state, *modifiers, noun) if x]
    for lemma in lemmas:
        kind = _LEMMA_KIND.get(lemma)
        if kind is not None:
            return kind
    if noun and noun.lower() == "life" and state and state.lower() in LIVES_TAKEN:
        return "deaths"
    if noun and noun.lower() in MEASURE_NOUNS:
        words = [m.lower() for m in modifiers] or [noun.lower()]
        return " ".join(words)
    if noun:
        return noun.lower()
    return state.lower() if state else None


MONEY_FAMILIES: Final[dict[str, frozenset[str]]] = {
    # what an event cost: "estimated the losses at Rs 450 crore", "put the damage at $2bn"
    "losses": frozenset(["loss", "damage"]),
    # money asked for: "sought Rs 1,200 crore", "asked New Delhi for 12 billion rupees"
    "requested": frozenset(["seek", "ask", "request", "demand", "appeal"]),
}
"""Kinds of money figures, by the lemmas of what the amount is or of the verb it is the
object of. Only sums of money get them: "500 houses damaged" counts houses, and "asked
3,000 residents to leave" is no request for money."""

_MONEY_LEMMA: Final[dict[str, str]] = {
    lemma: kind for kind, lemmas in MONEY_FAMILIES.items() for lemma in lemmas
}


def money_kind(counted_lemmas: Sequence[str], verb_lemma: str | None) -> str | None:
    """The kind of a sum of money: what the amount is ("losses", "the damage") before the
    verb it is the object of ("sought", "asked for")."""
    for lemma in counted_lemmas:
        if _MONEY_LEMMA.get(lemma.lower()) == "losses":
            return "losses"
    if verb_lemma is not None:
        return _MONEY_LEMMA.get(verb_lemma.lower())
    return None


def question_money_kind(lemma: str, pos: str, about_money: bool) -> str | None:
    """The money kind a question's word asks about: a loss noun always ("what were the
    losses estimated at?"; the verb in "how many houses were damaged?" asks about houses),
    a verb of asking only in a question about money ("how much has the state sought?")."""
    kind = _MONEY_LEMMA.get(lemma.lower())
    if kind == "losses":
        return kind if pos == "NOUN" else None
    return kind if about_money else None


def is_family(kind: str | None) -> bool:
    """Is `kind` one of the families (of people or of money) rather than a bare noun?"""
    return kind in FAMILIES or kind in MONEY_FAMILIES
