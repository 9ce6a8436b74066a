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
    # people brought out alive: "153 rescued", "138 survivors", "how many survived"
    "rescued": frozenset(["rescue", "save", "survive", "survivor"]),
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
