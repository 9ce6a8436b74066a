"""Does a sentence give what its question's words ask for: a place for "where", a time for
"when", a number for "how many", a sum for "how much" money?

On real flood pages "Where did the army rescue marooned villagers?" was answered "The
army boats were also deployed in the rescue efforts.": every word in the evidence, so the
word checks passed, and no place in it. A place is named by a proper name the question
does not hold ("in Darbhanga"), by a common noun of place ("reached the northern
villages", "left the valley") or by a word of direction ("fled north", "moved inland").

The nouns of place are listed here by hand. The parser (`nlp`) marks named places (GPE,
LOC, FAC) but not common nouns of place, and loading it costs ~1 s of a command that
otherwise never parses; WordNet, which classes "village" under location, ships no data
on PyPI (nltk and wn download theirs from elsewhere).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..claims.numbers import find_numbers
from ..text.words import WORD, names_in

_ASKS = re.compile(
    r"^\W*(?:(?:at|in|on|by|from|since|until|to|for)\s+)?(when|where)\b", re.IGNORECASE
)
"""A question asking for a place or a time, by its first word ("In which ..." is not)."""

_PLACE_NOUN_LIST = """
airport area avenue barracks base basin bay beach block border bridge building camp
campground canal capital centre center church city coast colony compound continent
country county creek dam delta desert district ditch dock embassy estate
facility factory farm field forest front frontline gulf hall harbour harbor headquarters
highland highway hill home hospital hostel hotel house island jail lake land locality
lowland market mine mosque mountain municipality neighbourhood neighborhood ocean office
outskirts palace park peninsula plain plant plantation port prison province
region reservoir residence ridge river road school sea settlement shelter shore
site slope square stadium state station street suburb temple territory town township
trail tunnel valley village ward warehouse waters zone
taluka taluk tehsil mandal panchayat oblast prefecture canton
"""
_DIRECTION_LIST = """
north south east west northeast northwest southeast southwest north-east north-west
south-east south-west northward southward eastward westward northwards southwards
eastwards westwards nearby abroad overseas inland offshore upstream downstream uphill
downhill underground
"""


def _forms(nouns: Iterable[str]) -> frozenset[str]:
    """Each noun and its plural ("cities", "villages", "churches")."""
    forms: set[str] = set()
    for noun in nouns:
        forms |= {noun, noun + "s", noun + "es"}
        if noun.endswith("y"):
            forms.add(noun[:-1] + "ies")
    return frozenset(forms)


_PLACE_WORDS = _forms(_PLACE_NOUN_LIST.split()) | frozenset(_DIRECTION_LIST.split())

_TIME_WORDS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|today|tonight|yesterday|tomorrow|morning|afternoon|"
    r"evening|night|midnight|noon|dawn|dusk|week|weeks|month|months|year|years|decade|ago|"
    r"earlier|later|recently|since|until|before|after|during|spring|summer|autumn|"
    r"winter|weekend|hours?|minutes?|days?)\b",
    re.IGNORECASE,
)


_HOW_MUCH = re.compile(r"^\W*how\s+(?:much|many)\b", re.IGNORECASE)
_PAID = re.compile(
    r"\b(?:pay|pays|paid|paying|cost|costs|costing|spend|spends|spent|price|prices|worth|"
    r"money|funds?|funding|salary|salaries|wages?|compensation|fee|fees|budget)\b",
    re.IGNORECASE,
)
"""A "how much" question on a sum of money: "How much does the army pay each recruit?"."""


_TIME_KINDS = frozenset({"year", "date", "time", "duration"})
"""Numbers that say a time ("2019", "5 August", "11:47 pm", "three days"): a count does
not ("At least 172 dead in India floods" answers no "When did floods swamp India?")."""


def unanswered(text: str, question: str, names: Iterable[str]) -> str | None:
    """Why `text` does not give what `question` asks for by its first words, or None.

    `names` are the capitalised words of `text` past its sentence starts. "How much" and
    "how many" ask for a number, and of money a sum: the seeds' unanswerable "How much
    does one country pay another for each soldier?" was answered with a count of soldiers.
    """
    if _HOW_MUCH.match(question):
        return _no_number(text, question)
    asked = _ASKS.match(question)
    if asked is None:
        return None
    if asked.group(1).lower() == "where":
        return _no_place(text, question, names)
    if _TIME_WORDS.search(text) or re.search(r"\bMay\b", text):  # "may" is no month
        return None
    if any(m.kind in _TIME_KINDS for m in find_numbers(text)):
        return None
    return "it says no time"


def _no_number(text: str, question: str) -> str | None:
    numbers = [m for m in find_numbers(text) if m.kind != "ordinal"]
    if not numbers:
        return "it gives no number"
    if _PAID.search(question) and not any(m.kind == "money" for m in numbers):
        return "it gives no sum of money"
    return None


def _no_place(text: str, question: str, names: Iterable[str]) -> str | None:
    if any(not names_in(question, name) for name in names):
        return None
    asked_words = {w.lower() for w in WORD.findall(question)}
    if any(w.lower() in _PLACE_WORDS - asked_words for w in WORD.findall(text)):
        return None
    return "it names no place the question does not"
