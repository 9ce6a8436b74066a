"""Every number in news text, found by deterministic code so a small model never has to.

The grounding invariant (DESIGN.md, point 2) says a number in an answer or a claim must
appear in one of its quotes once "11,000", "11 000", "eleven thousand" and "11k" are
treated alike. This module finds each number mention with exact offsets, its value, an
optional range, unit and hedge, and a kind; `numbers_in` and `same_number` are what the
grounding check compares with. Pure functions of the text: regular expressions and a
small state machine for number words, no I/O.

What is recognised:

* Digits, with thousands separators (comma, space, no-break or thin space; one kind per
  number), a decimal point (English: "11.000" is 11.0) and a sign; multipliers glued
  ("11k", "1.2m", "$5bn") or spelled ("2 million", "1.2 thousand").
* Number words: "three", "twenty-five", "one hundred and twenty", "twelve hundred",
  "eleven thousand", "a dozen", "a million", "half a million".
* Percent ("30%", "30 percent", "30 per cent", "30 percentage points": unit "%"), money
  (a symbol or code before, or a code or currency word after: unit as written, e.g. "$",
  "€", "USD", "dollars"), measures ("122-mm", "5 km", "2 million tons": unit normalised,
  "millimetres" -> "mm").
* Ranges joined by a hyphen or dash, "to", or "between ... and ..."; the low end takes
  the high end's multiplier and unit when it has none ("2-3 million", "10-15%",
  "$3-5bn"), and "2023-24" is read as 2023-2024. "rose from 1,500 to 2,000" is a change,
  not a range: two mentions. A range must go up (low < high), so a score "3-1" is not.
* Kinds besides "count": "ordinal" ("first", "21st"), "year" (1800-2100 written as a bare
  integer and standing as a year by its context, or a decade "1990s"), "date" ("October
  25", "25 October", "1 November"; the value is the day), "time" ("4:57 PM", "4 p.m.";
  the value is the hour of the day, 16.95 for 4:57 PM).
* Hedges right before the number ("up to", "at least", "about", "could reach", ...,
  lower-cased with single spaces) or right after it ("or more", "or so", "+"/"-plus" ->
  "plus").

What is deliberately not a number: "one" in the idioms of `_IDIOMS` ("one of", "no one",
"at one point", "one another", "one by one", "on the one hand", "the one who"...), "first"
in "at first" / "first and foremost" / "first-hand", number words in a few names
("Formula One", "Air Force One", "Group of Seven"); digits inside codes and model names
("G7", "MH17", "F-16", "Su-35", "COVID-19", "5G"), dotted versions ("1.2.3"), slashed
figures ("24/7", "10/25/2024"); fractions in words ("one-third", "two thirds"); vague
quantities ("several thousand", "hundreds of", "dozens").

Checking a figure against a quote: ``has_number(quote, parse_number(claimed),
QUANTITY_KINDS)``, or `numbers_in` with `same_number`. `same_number` forgives float
rounding only (rel_tol 1e-12, so 999,999,999 is not "1 billion"); values are computed
with exact decimal arithmetic ("0.57 million" is 570000.0). Pass ``QUANTITY_KINDS`` to
keep a date's day, a year or an ordinal from vouching for a count.

`find_time_refs` finds the time references a claim may carry ("on Thursday", "in June
2023", "since August 6", "by year's end", "earlier this week", "in the coming weeks",
"4:57 PM EDT, October 25, 2024", ...), as offsets.

Known gaps: Roman numerals ("World War II"), fractions and mixed numbers ("one and a
half", "a third" yield nothing), "x times", numbers glued to units this module does not
list; three-digit groups after a space are always joined ("rooms 101 102" is one number);
a bare 1800..2100 integer is told from a count by nearby words only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

__all__ = [
    "QUANTITY_KINDS",
    "Kind",
    "NumberMention",
    "find_numbers",
    "find_time_refs",
    "has_number",
    "numbers_in",
    "parse_number",
    "same_number",
]

Kind = Literal["count", "percent", "money", "measure", "year", "date", "time", "ordinal"]

# The kinds that state a quantity; dates, times, years and ordinals do not.
QUANTITY_KINDS: frozenset[Kind] = frozenset({"count", "percent", "money", "measure"})


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One number in a text: ``text[start:end] == surface`` (the hedge lies outside)."""

    start: int
    end: int
    surface: str
    value: float  # for a range, the low end
    low: float | None  # ranges only
    high: float | None
    unit: str | None  # "%", a currency symbol/code/word, a measure unit; else None
    hedge: str | None  # normalised ("up to", "about", "could reach", "plus"...)
    hedge_start: int | None
    hedge_end: int | None
    kind: Kind


# --- vocabulary --------------------------------------------------------------------------


def _words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


def _phrases(listed: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in listed.split(","))


_SP = "[ \t\u00a0\u2009\u202f]"  # whitespace inside a line
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

_UNITS_WORDS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_SMALL: dict[str, int] = {w: i for i, w in enumerate(_UNITS_WORDS)}
_TENS: dict[str, int] = {
    w: 10 * i
    for i, w in enumerate(_words("twenty thirty forty fifty sixty seventy eighty ninety"), 2)
}
_SCALES: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_ORDINALS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        _words(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
            "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
            "nineteenth"
        ),
        1,
    )
}
_ORDINALS.update({w[:-1] + "ieth": v for w, v in _TENS.items()})
# Plural fractions ("two thirds"); a singular one ("one third", "a fifth") is an ordinal
# word after a cardinal, caught by the word parser.
_FRACTIONS = frozenset(
    _words("halves thirds quarter quarters fifths sixths sevenths eighths ninths tenths")
)
_NUMBER_WORDS = sorted({*_SMALL, *_TENS, *_ORDINALS, "a", "half"}, key=lambda w: (-len(w), w))

_MONTHS = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
)
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)(?![0-9])"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"

# Multipliers glued to digits ("11k", "1.2m", "$5bn") or after a space ("5 bn").
_GLUED_MULT: dict[str, int] = {
    "k": 10**3,
    "K": 10**3,
    "m": 10**6,
    "M": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "b": 10**9,
    "B": 10**9,
    "bn": 10**9,
    "Bn": 10**9,
    "BN": 10**9,
    "bln": 10**9,
    "tn": 10**12,
    "trn": 10**12,
}
_SPACED_MULT: dict[str, int] = {"mn": 10**6, "mln": 10**6, "bn": 10**9, "tn": 10**12}

# Measure units, normalised; glued units are the abbreviations only ("122mm"; "5m" is a
# million, "5 m" a length).
_GLUED_UNITS = frozenset(
    _words("mm cm km kg mph kph km2 km² m2 m² MW GW kW kWh MWh GWh TWh lb lbs ft bpd")
)
_UNIT_NORMAL: dict[str, str] = {
    "millimetre": "mm",
    "millimeter": "mm",
    "centimetre": "cm",
    "centimeter": "cm",
    "kilometre": "km",
    "kilometer": "km",
    "metre": "m",
    "meter": "m",
    "kilogram": "kg",
    "kilogramme": "kg",
    "kilo": "kg",
    "ton": "tons",
    "metric ton": "tonnes",
    "tonne": "tonnes",
    "mile": "miles",
    "foot": "ft",
    "feet": "ft",
    "inch": "inches",
    "hectare": "hectares",
    "acre": "acres",
    "litre": "litres",
    "liter": "litres",
    "barrel": "barrels",
    "megawatt": "MW",
    "gigawatt": "GW",
    "kilowatt": "kW",
    "square kilometre": "km2",
    "square kilometer": "km2",
    "sq km": "km2",
    "km²": "km2",
    "square mile": "sq miles",
    "knot": "knots",
}
_UNIT_WORDS = (
    r"(?:square\s+(?:kilomet(?:re|er)|mile)s?|sq\.?\s?km|metric\s+tons?|millimet(?:re|er)s?"
    r"|centimet(?:re|er)s?|kilomet(?:re|er)s?|met(?:re|er)s?|kilogram(?:me)?s?|kilos?"
    r"|tonnes?|tons?|miles?|feet|foot|inch(?:es)?|hectares?|acres?|lit(?:re|er)s?"
    r"|barrels?|megawatts?|gigawatts?|kilowatts?|knots?)"
)
_UNIT_RE = re.compile(
    rf"(?:{_SP}|[{_DASHES}])(?P<u>km/h|{_UNIT_WORDS}|mm|cm|km|kg|mph|kph|km2|km²|m2|m²"
    rf"|MW|GW|kW|kWh|MWh|GWh|TWh|lbs?|ft|bpd|ha|m)(?![^\W_])"
)

_CURRENCY_CODES = "USD|EUR|GBP|RUB|UAH|KRW|KPW|JPY|CNY|CHF|INR"
_CUR_PREFIX_RE = re.compile(
    rf"(?P<c>(?:US|A|C|HK|NZ|S)\$|[$€£¥₹₽₴₩]|(?:{_CURRENCY_CODES})(?![^\W_]))"
    rf"{_SP}?(?=[0-9+\-\u2212])"
)
_CUR_SUFFIX_RE = re.compile(
    rf"{_SP}?(?P<c>{_CURRENCY_CODES})(?![^\W_])"
    rf"|{_SP}+(?P<w>(?:US{_SP}+)?dollars?|euros?|pounds?(?:{_SP}+sterling)?|rubles?|roubles?"
    r"|hryvnias?|yuan|yen|won|rupees?)(?![^\W_])"
)
_PERCENT_RE = re.compile(
    rf"{_SP}?%|{_SP}*(?:percentage{_SP}+points?|percent|per{_SP}+cent|pct)(?![^\W_])",
    re.IGNORECASE,
)

_NUM_RE = re.compile(
    r"(?P<int>[0-9]{1,3}(?P<sep>[,\u00a0\u2009\u202f ])[0-9]{3}(?:(?P=sep)[0-9]{3})*(?![0-9])"
    r"|[0-9]+)(?:\.(?P<frac>[0-9]+))?"
)
_TRIGGER_RE = re.compile(
    rf"(?P<cur>(?<![^\W_])(?:US|A|C|HK|NZ|S)?\$|[€£¥₹₽₴₩]|(?<![^\W_])(?:{_CURRENCY_CODES})"
    rf"(?={_SP}?[0-9]))"
    rf"|(?P<sign>(?<![\w+\-\u2212])[+\-\u2212](?=[0-9]))"
    r"|(?P<digit>(?<!\w)[0-9])"
    rf"|(?P<month>\b{_MONTHS})"
    rf"|(?P<word>\b(?i:{'|'.join(_NUMBER_WORDS)})\b)"
)
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_WORD_RE = re.compile(r"[A-Za-z]+")
_SKIP_RE = re.compile(r"\w+")
_WORD_START_RE = re.compile(r"[A-Za-z]+\Z")
_DOTTED_RE = re.compile(r"[./][0-9][0-9./]*")
_LONG_LITERAL = 60  # digits; longer is no real figure (float gives inf, never an error)
_YEAR_DIGITS = 4
_DAY_DIGITS = 2
_WORD_GAP_RE = re.compile(rf"{_SP}+|[\-\u2010\u2011]")
_TIME_COLON_RE = re.compile(
    rf":(?P<m>[0-5][0-9])(?::[0-5][0-9])?(?:{_SP}?(?P<ampm>[AaPp]\.?[Mm]\.?)(?![^\W_]))?"
)
_TIME_AMPM_RE = re.compile(rf"{_SP}?(?P<ampm>[ap]\.m\.?|[AaPp][Mm])(?![^\W_])")
_DATE_AFTER_DAY_RE = re.compile(rf"(?:st|nd|rd|th)?{_SP}+(?:of{_SP}+)?{_MONTHS}")
_DAY_AFTER_MONTH_RE = re.compile(
    rf"{_SP}+(?P<d>{_DAY})(?:st|nd|rd|th)?(?![0-9])(?![^\W_])(?!:[0-9]|[.,][0-9])"
)
_SPACED_MULT_RE = re.compile(
    rf"{_SP}+(?P<w>hundred|thousand|million|billion|trillion)"
    rf"(?:{_SP}+(?P<w2>thousand|million|billion))?(?![^\W_])"
    rf"|{_SP}+(?P<a>mn|mln|bn|tn)(?![^\W_])",
    re.IGNORECASE,
)
_CODE_BEFORE_RE = re.compile(r"(?<![^\W_])(?P<w>[^\W\d_]+)[\-\u2010\u2011]\Z")
_CODE_PREFIX_OK = frozenset({"mid", "pre", "post", "late", "early", "end", "start"})

# Hedges, normalised: lower case, single spaces, straight apostrophes.
_HEDGES = _phrases(
    "up to, at least, at most, no more than, not more than, no fewer than, no less than, "
    "not less than, more than, fewer than, less than, as many as, as much as, as few as, "
    "as little as, about, approximately, approx., an approximate, around, roughly, "
    "nearly, almost, close to, just over, well over, just under, over, under, above, "
    "below, some, an estimated, estimated, could reach, may reach, might reach, "
    "would reach, could exceed, may exceed, not exceeding, exceeding, exceeds, exceeded, "
    "upwards of, in excess of, a maximum of, a minimum of, more or less, circa"
)
_HEDGE_ALT = "|".join(
    re.escape(h).replace(r"\ ", rf"{_SP}+") for h in sorted(_HEDGES, key=lambda h: -len(h))
)
_HEDGE_BEFORE_RE = re.compile(
    rf"(?<![^\W_])(?P<h>{_HEDGE_ALT}){_SP}+\Z|(?P<t>~|≈){_SP}*\Z", re.IGNORECASE
)
_HEDGE_AFTER_RE = re.compile(
    rf"{_SP}+(?P<h>or{_SP}+(?:more|so|fewer|less|above))(?![^\W_])"
    rf"|(?P<p>\+)(?![0-9])|[\-\u2010\u2011](?P<w>plus)(?![^\W_])",
    re.IGNORECASE,
)
_HEDGE_SCAN = 40  # longest hedge, with spaces, is well under this

# "one" (and a few other words) in idioms and names, where it counts nothing. Group "n"
# marks the word that is not a number.
_IDIOMS = re.compile(
    "|".join(
        (
            r"\b(?P<n1>one)(?=\s+(?:of|another)\b)",
            r"\bno\s+(?P<n2>one)\b",
            r"\b(?:at|from)\s+(?P<n3>one)\s+(?:point|time|stage|end)\b",
            r"\b(?P<n4>one)(?=\s+(?:by|after)\s+one\b)",
            r"\bone\s+(?:by|after)\s+(?P<n5>one)\b",
            r"\bon\s+the\s+(?P<n6>one)\s+hand\b",
            r"\b(?P<n7>one)\s+way\s+or\s+another\b",
            r"\bthe\s+(?P<n8>one)\s+(?:who|that|which|where)\b",
            r"\b(?P<n9>one)-(?:sided|off|on-one)\b",
            r"\bat\s+(?P<n10>first)\b",
            r"\b(?P<n11>first)(?=\s+and\s+foremost\b|-hand\b)",
            r"(?-i:\b(?:Formula|Force|Channel|Big|Group\s+of)\s+(?P<n12>[A-Z][a-z]+)\b)",
            r"\b(?P<n13>zero)-sum\b",
        )
    ),
    re.IGNORECASE,
)

# Before a bare 4-digit number: these make it a year; a following content word makes it
# a count ("of 2000 troops"); a function word or punctuation leaves it a year.
_YEAR_BEFORE = frozenset(
    _words(
        "in since by until till before after during from circa between through throughout "
        "early late mid spring summer autumn fall winter year fiscal the its his her their "
        "our this that whose a an"
    )
)
_YEAR_AFTER = frozenset(
    _words(
        "and or to through when as was were is are has had have will would could should may "
        "might saw sees marked marks with after before for by which that the a an in on at "
        "of but also alone onwards onward until till up levels level figure figures election "
        "elections census budget report invasion war summit agreement deal season olympics "
        "deadline data estimate estimates average peak record high low edition vote survey"
    )
)
_WORD_BEFORE_RE = re.compile(r"(?P<w>[^\W\d_]+)(?P<s>['’]s)?[\s\-\u2010\u2011]*\Z")
_MONTH_BEFORE_RE = re.compile(rf"{_MONTHS}(?:{_SP}+{_DAY}(?:st|nd|rd|th)?)?,?{_SP}+\Z")
_WORD_AFTER_RE = re.compile(rf"{_SP}+(?P<w>[a-z]+)\b")
_CHANGE_VERBS = frozenset(
    _words(
        "rose risen rise rises rising increased increase increases increasing grew grown "
        "grow grows growing fell fallen fall falls falling dropped drop drops dropping jumped "
        "climbed declined decreased doubled tripled surged soared plunged cut raised reduced "
        "lowered revised changed went moved shrank expanded boosted up down"
    )
)
_FROM_BEFORE_RE = re.compile(rf"(?P<w>[A-Za-z]+){_SP}+from{_SP}+\Z", re.IGNORECASE)
_BETWEEN_BEFORE_RE = re.compile(rf"(?<![^\W_])between{_SP}+\Z", re.IGNORECASE)
_DASH_GAP_RE = re.compile(rf"{_SP}*[{_DASHES}]{_SP}*")
_TO_GAP_RE = re.compile(rf"{_SP}+to{_SP}+")
_AND_GAP_RE = re.compile(rf"{_SP}+and{_SP}+")


# --- scanning ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Core:
    """A number being assembled; becomes a NumberMention."""

    start: int
    end: int
    value: float
    kind: Kind = "count"
    unit: str | None = None
    literal: str | None = None  # digits as written, separators removed ("1500", "1.2")
    mult: int = 1
    grouped: bool = False  # had thousands separators
    plain: bool = False  # a bare unsigned integer: no separator, decimal or suffix
    yearish: bool = False  # a plain integer in 1800..2100, or a decade ("1990s")
    decade: bool = False
    low: float | None = None
    high: float | None = None


_Parsed = tuple[_Core | None, int]  # a number or None, and where to look next


def _to_float(literal: str, mult: int = 1) -> float:
    """Exact decimal arithmetic for real figures ("1.2" x 1000 == 1200.0)."""
    if len(literal) > _LONG_LITERAL:
        return float(literal) * mult  # inf for an absurd digit run, never an error
    return float(Decimal(literal) * mult)


def _skip_token(text: str, pos: int) -> int:
    m = _SKIP_RE.match(text, pos)
    return m.end() if m is not None else pos + 1


def _is_code(text: str, start: int) -> bool:
    """Digits after "Name-" are part of a name or model: F-16, Su-35, COVID-19, KN-23."""
    m = _CODE_BEFORE_RE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = m.group("w")
    return word.lower() not in _CODE_PREFIX_OK and any(c.isupper() for c in word)


def _code_or_dotted(text: str, start: int, end: int) -> int | None:
    """Where to resume when the digits are no number: a code (F-16, Su-35, COVID-19), a
    dotted or slashed run (1.2.3, 10.0.0.1, 24/7, 10/25/2024)."""
    if _is_code(text, start):
        return _skip_token(text, end)
    dotted = _DOTTED_RE.match(text, end)
    return None if dotted is None else dotted.end()


def _sign_ok(text: str, start: int) -> bool:
    """A minus right after a number ("1,500 - 2,000") joins a range; it is no sign."""
    before = text[max(0, start - 8) : start].rstrip(" \t\u00a0\u2009\u202f")
    return not before or not (before[-1].isdigit() or before[-1] == "%")


def _time_or_date(text: str, start: int, end: int, number: int) -> _Parsed | None:
    """4:57 PM, 16:30, 4 p.m. (value: hour of the day); 1 November, 25th of October."""
    t = _TIME_COLON_RE.match(text, end) or _TIME_AMPM_RE.match(text, end)
    if t is not None:
        ampm = (t.group("ampm") or "").lower()[:1]
        minute = int(t.groupdict().get("m") or 0)
        if ampm and 1 <= number <= 12:
            hour = number % 12 + (12 if ampm == "p" else 0)
            return _Core(start, t.end(), hour + minute / 60, "time"), t.end()
        if not ampm and number <= 23:
            return _Core(start, t.end(), number + minute / 60, "time"), t.end()
    d = _DATE_AFTER_DAY_RE.match(text, end)
    if d is not None and 1 <= number <= 31:
        return _Core(start, d.end(), float(number), "date"), d.end()
    return None


def _glued(text: str, core: _Core, bare: bool) -> _Parsed | None:
    """Letters glued to the digits: 11k, 1.2m, $5bn, 122mm, 30pc, 1st, 1990s; a code
    such as 5G or 3D is no number (None, resume after it); otherwise (None) the core
    stands, extended."""
    glued = _LETTERS_RE.match(text, core.end)
    if glued is None:
        return None
    g = glued.group()
    if bare and g.lower() in {"st", "nd", "rd", "th"}:
        return _Core(core.start, glued.end(), core.value, "ordinal"), glued.end()
    if bare and g == "s" and core.literal is not None and len(core.literal) == _YEAR_DIGITS:
        year = _Core(core.start, glued.end(), core.value, yearish=True, decade=True)
        return year, glued.end()
    if g in _GLUED_MULT:
        core.mult = _GLUED_MULT[g]
    elif g in _GLUED_UNITS:
        core.kind, core.unit = "measure", _UNIT_NORMAL.get(g, g)
    elif g.lower() == "pc":
        core.kind, core.unit = "percent", "%"
    elif len(g) > 1 and g[0].isupper() and g[1:].islower():
        return None  # "56Ukraine": words run together by a page scrape; the number stands
    else:
        return None, _skip_token(text, core.end)  # "5G", "3D", "2x4": a code
    core.end = glued.end()
    return None


def _spaced_mult(text: str, core: _Core) -> None:
    """2 million, 1.2 thousand, 3 hundred thousand, 5 bn."""
    sm = _SPACED_MULT_RE.match(text, core.end)
    if sm is None:
        return
    if sm.group("a"):
        core.mult = _SPACED_MULT[sm.group("a").lower()]
    else:
        word = sm.group("w").lower()
        core.mult = 100 if word == "hundred" else _SCALES[word]
        if sm.group("w2"):
            core.mult *= _SCALES[sm.group("w2").lower()]
    core.end = sm.end()


def _parse_numeric(text: str, start: int) -> _Parsed:
    """A number starting with a currency sign, a sign or a digit at `start`."""
    pos = start
    cur = _CUR_PREFIX_RE.match(text, pos)
    if cur is not None:
        pos = cur.end()
    sign = text[pos : pos + 1]
    signed = sign != "" and sign in "+-\u2212"
    pos += signed
    m = _NUM_RE.match(text, pos)
    if m is None or (signed and cur is None and not _sign_ok(text, start)):
        return None, start + 1  # "1,500 - 2,000": a dash between numbers, not a sign
    skip = _code_or_dotted(text, start, m.end())
    if skip is not None:
        return None, skip
    negative = signed and sign != "+"
    digits = re.sub(r"[^0-9]", "", m.group("int"))
    literal = digits + ("." + m.group("frac") if m.group("frac") else "")
    grouped = m.group("sep") is not None
    bare = cur is None and not signed and not grouped and m.group("frac") is None
    if bare and len(digits) <= _DAY_DIGITS:
        special = _time_or_date(text, start, m.end(), int(digits))
        if special is not None:
            return special
    core = _Core(start, m.end(), _to_float(literal), literal=literal, grouped=grouped)
    had_glued = _LETTERS_RE.match(text, core.end) is not None
    special = _glued(text, core, bare)
    if special is not None:
        return special
    if core.mult == 1 and core.kind == "count":
        _spaced_mult(text, core)
    if cur is not None:
        core.kind, core.unit = "money", cur.group("c")
    core.value = _to_float(literal, core.mult) * (-1 if negative else 1)
    core.plain = bare and core.mult == 1 and not had_glued
    _suffix(text, core)
    if core.kind != "count":
        core.plain = False
    core.yearish = core.plain and len(digits) == _YEAR_DIGITS and 1800 <= core.value <= 2100
    return core, core.end


def _suffix(text: str, core: _Core) -> None:
    """Percent, currency or measure unit after a plain count."""
    if core.kind != "count":
        return
    p = _PERCENT_RE.match(text, core.end)
    if p is not None:
        core.kind, core.unit, core.end = "percent", "%", p.end()
        return
    c = _CUR_SUFFIX_RE.match(text, core.end)
    if c is not None:
        unit = c.group("c") or re.sub(r"\s+", " ", c.group("w"))
        core.kind, core.unit, core.end = "money", unit, c.end()
        return
    u = _UNIT_RE.match(text, core.end)
    if u is not None:
        raw = re.sub(r"\s+", " ", u.group("u"))
        key = raw.lower()
        unit = _UNIT_NORMAL.get(key) or _UNIT_NORMAL.get(key.removesuffix("s"))
        if unit is None:
            unit = raw if raw in _GLUED_UNITS or raw in ("ha", "m", "km/h") else key
        core.kind, core.unit, core.end = "measure", unit, u.end()


# Number words as a small state machine. Each word class may follow only some states;
# its step updates the running value and returns False when the words stop being one
# number ("twenty fifteen", "one two"). Terminal states end the number.
@dataclass(slots=True)
class _Words:
    total: int = 0  # completed thousand/million/... groups
    current: int = 0  # the group under a thousand being read
    state: str = "start"
    last_scale: int = 10**15
    half: bool = False


def _step_small(acc: _Words, w: str) -> bool:
    value = _SMALL[w]
    if value == 0:
        if acc.state != "start":
            return False
        acc.state = "zero"
    elif acc.state == "tens" and value >= 10:  # "twenty fifteen"
        return False
    else:
        acc.state = "unit" if value < 10 else "teen"
    acc.current += value
    return True


def _step_tens(acc: _Words, w: str) -> bool:
    acc.current += _TENS[w]
    acc.state = "tens"
    return True


def _step_ordinal(acc: _Words, w: str) -> bool:
    if acc.state in ("a", "unit", "teen"):  # "one third", "a fifth": a fraction
        if _ORDINALS[w] < 3 or acc.total:  # "a second", "one second"
            return False
        acc.state = "fraction"
        return True
    if acc.state == "tens" and _ORDINALS[w] >= 10:
        return False
    acc.current += _ORDINALS[w]
    acc.state = "ordinal"
    return True


def _step_hundred(acc: _Words, w: str) -> bool:
    if not 0 < acc.current < 100:
        return False
    acc.current *= 100
    acc.state = "hundred"
    return True


def _step_scale(acc: _Words, w: str) -> bool:
    scale = _SCALES[w]
    if scale >= acc.last_scale or acc.current == 0:
        return False
    acc.total += acc.current * scale
    acc.current, acc.last_scale, acc.state = 0, scale, "scale"
    return True


def _step_dozen(acc: _Words, w: str) -> bool:
    if acc.total or acc.current >= 20:
        return False
    acc.current *= 12
    acc.state = "dozen"
    return True


def _step_a(acc: _Words, w: str) -> bool:
    acc.half = acc.state == "half"
    acc.current, acc.state = 1, "a"
    return True


def _step_to(state: str) -> Callable[[_Words, str], bool]:
    def step(acc: _Words, w: str) -> bool:
        acc.state = state
        return True

    return step


_WORD_CLASSES: dict[str, str] = {
    **dict.fromkeys(_SMALL, "small"),
    **dict.fromkeys(_TENS, "tens"),
    **dict.fromkeys(_ORDINALS, "ordinal"),
    **dict.fromkeys(_SCALES, "scale"),
    **dict.fromkeys(_FRACTIONS, "fraction"),
    "hundred": "hundred",
    "dozen": "dozen",
    "a": "a",
    "half": "half",
    "and": "and",
}
_WORD_STEPS: dict[str, tuple[frozenset[str], Callable[[_Words, str], bool]]] = {
    "small": (frozenset({"start", "tens", "hundred", "scale", "and"}), _step_small),
    "tens": (frozenset({"start", "hundred", "scale", "and"}), _step_tens),
    "ordinal": (
        frozenset({"start", "tens", "hundred", "scale", "and", "a", "unit", "teen"}),
        _step_ordinal,
    ),
    "hundred": (frozenset({"a", "unit", "teen", "tens"}), _step_hundred),
    "scale": (frozenset({"a", "unit", "teen", "tens", "hundred"}), _step_scale),
    "dozen": (frozenset({"a", "unit", "teen"}), _step_dozen),
    "fraction": (frozenset({"a", "unit", "teen"}), _step_to("fraction")),
    "a": (frozenset({"start", "half"}), _step_a),
    "half": (frozenset({"start"}), _step_to("half")),
    "and": (frozenset({"hundred", "scale"}), _step_to("and")),
}
_INCOMPLETE = frozenset({"half", "a", "and"})  # a number cannot end here
_TERMINAL = frozenset({"zero", "ordinal", "dozen", "fraction"})  # nothing can follow


def _parse_words(text: str, start: int) -> tuple[int, float | None, bool]:
    """Number words at `start`: (end, value, is_ordinal); value None when there is no
    number, and then `end` is where to look next."""
    acc = _Words()
    accepted: tuple[int, float | None, bool] | None = None
    pos = start
    while (m := _WORD_RE.match(text, pos)) is not None:
        w = m.group().lower()
        step = _WORD_STEPS.get(_WORD_CLASSES.get(w, ""))
        if step is None or acc.state not in step[0] or not step[1](acc, w):
            break
        if acc.state == "fraction":  # "one-third", "two thirds", "a quarter"
            return m.end(), None, False
        if acc.state not in _INCOMPLETE:
            value = (acc.total + acc.current) * (0.5 if acc.half else 1)
            accepted = (m.end(), float(value), acc.state == "ordinal")
        gap = _WORD_GAP_RE.match(text, m.end())
        if acc.state in _TERMINAL or gap is None:
            break
        pos = gap.end()
    if accepted is None:
        return _skip_token(text, start), None, False
    return accepted


def _parse_word_number(text: str, start: int, idioms: set[int]) -> _Parsed:
    end, value, ordinal = _parse_words(text, start)
    if value is None:
        return None, end
    if start in idioms and _skip_token(text, start) == end:
        return None, end
    core = _Core(start, end, value, "ordinal" if ordinal else "count")
    if not ordinal and value.is_integer():
        # "three thousand" as 3 x 1000, so "two to three thousand" reads 2,000-3,000.
        last = text[_WORD_START_RE.search(text, start, end).start() : end].lower()  # type: ignore[union-attr]
        scale = _SCALES.get(last, 1)
        if value % scale == 0 and value < scale * 1000:
            core.literal, core.mult = str(int(value) // scale), scale
    _suffix(text, core)
    return core, core.end


def _parse_month(text: str, m: re.Match[str]) -> _Parsed:
    d = _DAY_AFTER_MONTH_RE.match(text, m.end())
    if d is None:
        return None, m.end()
    return _Core(m.start(), d.end(), float(d.group("d")), "date"), d.end()


def _idiom_offsets(text: str) -> set[int]:
    found: set[int] = set()
    for m in _IDIOMS.finditer(text):
        name = m.lastgroup
        if name is not None:
            word = m.group(name).lower()
            if name != "n12" or word in _SMALL or word in _TENS:
                found.add(m.start(name))
    return found


def _scan(text: str) -> list[_Core]:
    idioms = _idiom_offsets(text)
    cores: list[_Core] = []
    pos = 0
    while (m := _TRIGGER_RE.search(text, pos)) is not None:
        if m.lastgroup == "month":
            core, nxt = _parse_month(text, m)
        elif m.lastgroup == "word":
            core, nxt = _parse_word_number(text, m.start(), idioms)
        else:
            core, nxt = _parse_numeric(text, m.start())
        if core is not None:
            cores.append(core)
        pos = max(nxt, m.start() + 1)
    return cores


# --- ranges, hedges, years ---------------------------------------------------------------


def _special_range(gap: str, a: _Core, b: _Core) -> _Core | None:
    """October 25-27; 2023-24."""
    if _DASH_GAP_RE.fullmatch(gap) is None or " " in gap or not b.plain:
        return None
    if a.kind == "date" and a.high is None and a.value < b.value <= 31:
        return _Core(a.start, b.end, a.value, "date", low=a.value, high=b.value)
    two_digits = b.literal is not None and len(b.literal) == 2
    if a.yearish and not a.decade and len(gap) == 1 and two_digits:
        high = a.value - a.value % 100 + b.value
        if high > a.value:
            return _Core(a.start, b.end, a.value, yearish=True, low=a.value, high=high)
    return None


def _range_start(text: str, gap: str, a: _Core) -> int | None:
    """Where the range of `a` and the next number starts, if `gap` joins them as one."""
    if _DASH_GAP_RE.fullmatch(gap):
        return a.start
    if _TO_GAP_RE.fullmatch(gap):
        f = _FROM_BEFORE_RE.search(text, max(0, a.start - 30), a.start)
        changed = f is not None and f.group("w").lower() in _CHANGE_VERBS
        return None if changed else a.start  # "rose from 1,500 to 2,000" is a change
    if _AND_GAP_RE.fullmatch(gap):
        between = _BETWEEN_BEFORE_RE.search(text, max(0, a.start - 12), a.start)
        return None if between is None else between.start()
    return None


def _compatible(a: _Core, b: _Core) -> bool:
    """Two quantities of one kind and unit (a bare count takes the other's)."""
    ranged = ("count", "percent", "money", "measure")
    if a.kind not in ranged or b.kind not in ranged or a.high is not None:
        return False
    if a.kind != b.kind and "count" not in (a.kind, b.kind):
        return False
    return a.unit is None or b.unit is None or a.unit == b.unit


def _merge(text: str, a: _Core, b: _Core) -> _Core | None:
    """`a` and `b` as one range, when the text between them joins them as one."""
    gap = text[a.end : b.start]
    special = _special_range(gap, a, b)
    if special is not None:
        return special
    if not _compatible(a, b):
        return None
    start = _range_start(text, gap, a)
    if start is None:
        return None
    low = a.value
    inherit = a.mult == 1 and b.mult > 1 and not a.grouped and a.literal and b.literal
    if inherit and _to_float(a.literal or "0") < _to_float(b.literal or "0"):
        low = _to_float(a.literal or "0", b.mult)  # "2-3 million", "$3-5bn"
    if not low < b.value:
        return None
    kind = a.kind if a.kind != "count" else b.kind
    yearish = a.yearish and b.yearish
    unit = a.unit or b.unit
    return _Core(start, b.end, low, kind, unit, yearish=yearish, low=low, high=b.value)


def _merge_ranges(text: str, cores: list[_Core]) -> list[_Core]:
    out: list[_Core] = []
    i = 0
    while i < len(cores):
        merged = _merge(text, cores[i], cores[i + 1]) if i + 1 < len(cores) else None
        out.append(merged or cores[i])
        i += 2 if merged is not None else 1
    return out


def _is_year(text: str, core: _Core) -> bool:
    """Whether a bare 1800..2100 integer (or a range of them) stands as a year."""
    lo = max(0, core.start - 40)
    if _MONTH_BEFORE_RE.search(text, lo, core.start) is not None:
        return True  # June 2023, October 25, 2024
    before = _WORD_BEFORE_RE.search(text, lo, core.start)
    if before is not None and (
        before.group("w").lower() in _YEAR_BEFORE or before.group("s") is not None
    ):
        return True  # in 2024, the 2022 invasion, Russia's 2022 invasion
    after = _WORD_AFTER_RE.match(text, core.end)
    if after is not None:  # of 2000 troops: a count; 2023 was, 2024 proved: a year
        word = after.group("w")
        return word in _YEAR_AFTER or word.endswith("ed")
    return True


def _finish(text: str, cores: list[_Core]) -> list[NumberMention]:
    mentions: list[NumberMention] = []
    floor = 0  # a hedge never reaches back into the previous mention or its hedge
    for i, c in enumerate(cores):
        ceiling = cores[i + 1].start if i + 1 < len(cores) else len(text)
        hedge: str | None = None
        h_start: int | None = None
        h_end: int | None = None
        hb = _HEDGE_BEFORE_RE.search(text, max(floor, c.start - _HEDGE_SCAN), c.start)
        if hb is not None:
            group = "h" if hb.group("h") else "t"
            h_start, h_end = hb.start(group), hb.end(group)
            hedge = re.sub(r"\s+", " ", hb.group(group).lower().replace("’", "'"))
        else:
            ha = _HEDGE_AFTER_RE.match(text, c.end, ceiling)
            if ha is not None:
                group = next(g for g in ("h", "p", "w") if ha.group(g))
                h_start, h_end = ha.start(group), ha.end(group)
                hedge = "plus" if group != "h" else re.sub(r"\s+", " ", ha.group("h").lower())
        kind = c.kind
        if c.yearish and kind == "count" and (c.decade or (hedge is None and _is_year(text, c))):
            kind = "year"
        mentions.append(
            NumberMention(
                start=c.start,
                end=c.end,
                surface=text[c.start : c.end],
                value=c.value,
                low=c.low,
                high=c.high,
                unit=c.unit,
                hedge=hedge,
                hedge_start=h_start,
                hedge_end=h_end,
                kind=kind,
            )
        )
        floor = max(c.end, h_end or 0)
    return mentions


# --- public API --------------------------------------------------------------------------


def find_numbers(text: str) -> list[NumberMention]:
    """Every number mention in `text`, in order and non-overlapping."""
    return _finish(text, _merge_ranges(text, _scan(text)))


def parse_number(text: str) -> float | None:
    """The value of a string that is one number ("11,000", "eleven thousand", "11k",
    "30%", "$5bn", "about 2 million"); None for anything else, a range included."""
    stripped = text.strip()
    mentions = find_numbers(stripped)
    if len(mentions) != 1:
        return None
    m = mentions[0]
    first = min(m.start, m.hedge_start if m.hedge_start is not None else m.start)
    last = max(m.end, m.hedge_end if m.hedge_end is not None else m.end)
    if first != 0 or last != len(stripped) or m.high is not None:
        return None
    return m.value


def numbers_in(text: str, kinds: Collection[Kind] | None = None) -> set[float]:
    """Values of every number in `text` of the given kinds (all kinds when None); a range
    contributes its low and high ends. Compare with `same_number`, or use `has_number`."""
    values: set[float] = set()
    for m in find_numbers(text):
        if kinds is None or m.kind in kinds:
            values.add(m.value)
            if m.low is not None and m.high is not None:
                values.update((m.low, m.high))
    return values


def same_number(a: float, b: float) -> bool:
    """Exactly the same number after normalisation: only float rounding is forgiven.

    Values are computed with exact decimal arithmetic, so the tolerance is 1e-12, not
    1e-9: at 1e-9, 999,999,999 would pass for "1 billion". Every integer below 10**12
    stays distinct."""
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0)


def has_number(text: str, value: float, kinds: Collection[Kind] | None = None) -> bool:
    """Whether `value` is one of the numbers in `text` (e.g. a claimed figure in its quote)."""
    return any(same_number(value, v) for v in numbers_in(text, kinds))


# --- time references ---------------------------------------------------------------------

_TZ = r"(?:EDT|EST|CDT|CST|MDT|MST|PDT|PST|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|KST|JST)\b"
_CLOCK = (
    rf"(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?:{_SP}?[AaPp]\.?[Mm]\.?)?"
    rf"|(?:1[0-2]|0?[1-9]){_SP}?(?:[ap]\.m\.|[AaPp][Mm]\b))(?:{_SP}{_TZ})?"
)
_DATE = (
    rf"(?:{_WEEKDAY},?{_SP}+)?"
    rf"(?:{_MONTHS}{_SP}+{_DAY}(?:st|nd|rd|th)?(?![0-9])(?:,?{_SP}+{_YEAR})?"
    rf"|{_DAY}(?:st|nd|rd|th)?{_SP}+(?:of{_SP}+)?{_MONTHS}(?:,?{_SP}+{_YEAR})?"
    rf"|{_MONTHS},?{_SP}+{_YEAR})"
)
_PREP = (
    rf"(?i:as{_SP}+(?:early|late|soon){_SP}+as|as{_SP}+of|starting{_SP}+(?:from|on|in)"
    rf"|beginning{_SP}+(?:on|in)|(?:earlier|later){_SP}+in|from|since|on|in|by|until|till"
    rf"|before|after|during|through|throughout|within|around|at{_SP}+the{_SP}+(?:start|end)"
    rf"{_SP}+of){_SP}+"
)
_PHASE = rf"(?i:early|mid|late)[{_DASHES} ]"
_PERIOD = (
    r"(?:week|month|year|weekend|morning|afternoon|evening|night|spring|summer|autumn|fall"
    r"|winter|decade)"
)
_SPAN = r"(?:days|weeks|months|years|hours|decades)"
_FEW = r"(?:(?:few|several|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)\s+)?"
_TIME_REF_RE = re.compile(
    "|".join(
        (
            rf"\b(?:{_PREP})?(?:{_CLOCK},?{_SP}+)?{_DATE}(?:,?{_SP}+(?:at{_SP}+)?{_CLOCK})?",
            rf"\b(?:{_PREP})?{_WEEKDAY}(?:{_SP}+or{_SP}+{_WEEKDAY})?",
            rf"\b{_PREP}(?:the{_SP}+(?:end|start|beginning|middle){_SP}+of{_SP}+)?(?:{_PHASE})?"
            rf"(?:{_MONTHS}|{_YEAR})",
            rf"\b{_PHASE}(?:{_MONTHS}|{_YEAR})",
            rf"\b(?i:(?:earlier|later){_SP}+(?:this|that|last|next){_SP}+{_PERIOD})\b",
            rf"\b(?i:(?:last|this|next|past){_SP}+{_PERIOD})\b",
            rf"\b(?i:last|this|next){_SP}+{_WEEKDAY}",
            rf"\b(?i:(?:in|over|during|within|for){_SP}+(?:recent|the{_SP}+(?:coming|next|past|last"
            rf"|following|previous)|coming|past){_SP}+{_FEW}{_SPAN})\b",
            rf"\b(?i:(?:by|before|until|at|towards?|near){_SP}+the{_SP}+(?:end|start|beginning"
            rf"|middle){_SP}+of{_SP}+(?:the|this|next|last){_SP}+(?:year|month|week|decade))\b",
            rf"\b(?i:(?:by|before|until){_SP}+(?:the{_SP}+)?(?:year|month|week)['’]s{_SP}+end)\b",
            rf"\b(?i:by{_SP}+(?:year|month)-end)\b",
            rf"\b(?i:(?:a|one|{_FEW}){_SP}*(?:day|week|month|year|{_SPAN}){_SP}+(?:ago|earlier"
            rf"|later))\b",
            r"\b(?i:yesterday|today|tonight)\b",
        )
    )
)


def find_time_refs(text: str) -> list[tuple[int, int, str]]:
    """Time references in `text` ("on Thursday", "in June 2023", "since August 6", "by
    year's end", "earlier this week", "4:57 PM EDT, October 25, 2024"...), in order and
    non-overlapping, as (start, end, surface)."""
    return [(m.start(), m.end(), m.group()) for m in _TIME_REF_RE.finditer(text)]
