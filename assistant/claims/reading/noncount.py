"""Numbers in a sentence that count nothing, though they are quantities to the scanner.

A multiplier ("nearly six times the normal", "a three-fold rise"), a difference ("three
more than it first reported"), a distance that places something ("the dam, about 40 km
upstream", "22 km (14 miles) northeast of Hualien"), an earthquake's magnitude ("a
magnitude 6.4 quake", "a 7.1-magnitude earthquake"), a person's age in apposition ("Zahura
Khatun, 70, of Poragaon"; "children aged 3 to 14") and the pronoun "one" ("one cannot even
walk"). Measured on 47 real page openings (gold in an
ignored folder), these were most of the 85 numbers read as figures that count nothing.
A length that is itself the news ("2 km of road washed away") stays a figure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..numbers import NumberMention

_MULTIPLIER: Final = re.compile(r"\s*[-\u2010\u2011]?\s*(?:times|fold)\b", re.I)
_DIFFERENCE: Final = re.compile(r"\s+(?:more|fewer|less)\s+than\b", re.I)
"""A difference between two figures: "215 passengers, three more than it first reported"."""
_LENGTHS: Final = frozenset(
    {"km", "m", "miles", "ft", "kilometres", "kilometers", "metres", "meters"}
)
_CONVERSION = r"(?:\s*\([^()]{1,30}\))?\)?"  # "22 km (14 miles) northeast", "14 miles) north"
_DIRECTION: Final = re.compile(
    rf"{_CONVERSION}\s+(?:(?:up|down)stream|away|off(?:shore)?|inland|from\b|towards?\b|"
    r"(?:north|south)(?:[\s-]?(?:east|west))?(?:ward)?|(?:east|west)(?:ward)?)\b",
    re.I,
)
_MAGNITUDE_BEFORE: Final = re.compile(r"\bmagnitude(?:\s+of)?\s*[:-]?\s*$", re.I)
_MAGNITUDE_AFTER: Final = re.compile(
    r"\s*[-\u2010\u2011]?\s*(?:magnitude\b|on\s+the\s+richter\b|richter\b)", re.I
)
_AGED: Final = re.compile(r"\baged\s*$", re.I)
_MODAL_AFTER: Final = re.compile(
    r"\s+(?:can|cannot|can't|can’t|could|should|must|would|may|might|will)\b", re.I
)
_OLDEST_AGE = 120
_PLACES: Final = frozenset({"GPE", "LOC", "FAC"})


def non_count_reason(text: str, mention: NumberMention, tokens: list[Token]) -> str | None:
    """Why the number at `mention` in `text` (parsed as `tokens`) counts nothing, or None."""
    before, after = text[: mention.start], text[mention.end :]
    for pattern, reason in ((_MULTIPLIER, "multiplier"), (_DIFFERENCE, "difference")):
        if pattern.match(after):
            return reason
    if _MAGNITUDE_BEFORE.search(before) or _MAGNITUDE_AFTER.match(after):
        return "magnitude"
    length = mention.kind == "measure" and (mention.unit or "").lower() in _LENGTHS
    if length and _DIRECTION.match(after):
        return "distance"
    if mention.kind == "count" and (_AGED.search(before) or _age_in_apposition(mention, tokens)):
        return "age"
    if mention.surface.lower() == "one" and _MODAL_AFTER.match(after):
        return "pronoun"
    return None


def _age_in_apposition(mention: NumberMention, tokens: list[Token]) -> bool:
    """ "Salvatore Petrucci, 77, said": a small number between commas after a person's
    name: the parse's PERSON, or a given name and surname that are no place (the small
    model often tags a person ORG); not "Araria, 12", a district's toll in a list."""
    if not tokens or mention.high is not None or not 0 < mention.value < _OLDEST_AGE:
        return False
    doc = tokens[0].doc
    first, last = tokens[0].i, tokens[-1].i
    if first < 2 or last + 1 >= len(doc):
        return False
    comma_before, name = doc[first - 1], doc[first - 2]
    closing = doc[last + 1]
    given = doc[first - 3] if first >= 3 else None
    full_name = (
        name.pos_ == "PROPN"
        and name.ent_type_ not in _PLACES
        and given is not None
        and given.pos_ == "PROPN"
        and given.dep_ == "compound"
    )
    return (
        comma_before.text == ","
        and (name.ent_type_ == "PERSON" or full_name)
        and closing.text in {",", ";", ")", "."}
    )
