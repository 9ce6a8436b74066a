"""Word lists and lexical patterns shared by the number parsers: whitespace and dash classes,
number words (units, tens, scales, ordinals, fractions), multipliers glued to digits or
spelled after them, measure units with their normal forms, currency signs, codes and words,
and percent.
"""

from __future__ import annotations

import re


def split_words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


def split_phrases(listed: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in listed.split(","))


SPACE = "[ \t\u00a0\u2009\u202f]"  # whitespace inside a line
DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

_UNITS_WORDS = split_words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
SMALL_NUMBERS: dict[str, int] = {w: i for i, w in enumerate(_UNITS_WORDS)}
TENS: dict[str, int] = {
    w: 10 * i
    for i, w in enumerate(split_words("twenty thirty forty fifty sixty seventy eighty ninety"), 2)
}
SCALES: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    # the Indian numbering system: "1.9 lakh" is 190,000, "450 crore" 4.5 billion
    "lakh": 10**5,
    "lakhs": 10**5,
    "lac": 10**5,
    "lacs": 10**5,
    "crore": 10**7,
    "crores": 10**7,
}
ORDINALS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        split_words(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
            "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
            "nineteenth"
        ),
        1,
    )
}
ORDINALS.update({w[:-1] + "ieth": v for w, v in TENS.items()})
# Plural fractions ("two thirds"); a singular one ("one third", "a fifth") is an ordinal
# word after a cardinal, caught by the word parser.
FRACTIONS = frozenset(
    split_words("halves thirds quarter quarters fifths sixths sevenths eighths ninths tenths")
)
NUMBER_WORDS = sorted({*SMALL_NUMBERS, *TENS, *ORDINALS, "a", "half"}, key=lambda w: (-len(w), w))

# Multipliers glued to digits ("11k", "1.2m", "$5bn") or after a space ("5 bn").
GLUED_MULTIPLIERS: dict[str, int] = {
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
SPACED_MULTIPLIERS: dict[str, int] = {"mn": 10**6, "mln": 10**6, "bn": 10**9, "tn": 10**12}

# Measure units, normalised; glued units are the abbreviations only ("122mm"; "5m" is a
# million, "5 m" a length).
GLUED_UNITS = frozenset(
    split_words("mm cm km kg mph kph km2 km² m2 m² MW GW kW kWh MWh GWh TWh lb lbs ft bpd")
)
UNIT_NORMAL: dict[str, str] = {
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
UNIT_DIMENSIONS: dict[str, str] = {
    **dict.fromkeys(split_phrases("km2, km², m2, m², sq miles, hectares, ha, acres"), "area"),
    **dict.fromkeys(split_words("mm cm m km miles ft inches"), "length"),
    **dict.fromkeys(split_words("kg tons tonnes lb lbs"), "weight"),
    **dict.fromkeys(split_words("litres barrels"), "volume"),
    **dict.fromkeys(split_words("mph kph km/h knots"), "speed"),
    **dict.fromkeys(split_words("MW GW kW"), "power"),
}
"""What a normalised measure unit measures: "19 136 hectares" states an area."""
_UNIT_WORDS = (
    r"(?:square\s+(?:kilomet(?:re|er)|mile)s?|sq\.?\s?km|metric\s+tons?|millimet(?:re|er)s?"
    r"|centimet(?:re|er)s?|kilomet(?:re|er)s?|met(?:re|er)s?|kilogram(?:me)?s?|kilos?"
    r"|tonnes?|tons?|miles?|feet|foot|inch(?:es)?|hectares?|acres?|lit(?:re|er)s?"
    r"|barrels?|megawatts?|gigawatts?|kilowatts?|knots?)"
)
UNIT_RE = re.compile(
    rf"(?:{SPACE}|[{DASHES}])(?P<u>km/h|{_UNIT_WORDS}|mm|cm|km|kg|mph|kph|km2|km²|m2|m²"
    rf"|MW|GW|kW|kWh|MWh|GWh|TWh|lbs?|ft|bpd|ha|m)(?![^\W_])"
)

CURRENCY_CODES = "USD|EUR|GBP|RUB|UAH|KRW|KPW|JPY|CNY|CHF|INR"
CURRENCY_PREFIX_RE = re.compile(
    rf"(?P<c>(?:US|A|C|HK|NZ|S)\$|[$€£¥₹₽₴₩]|(?<![^\W_])Rs\.?|(?:{CURRENCY_CODES})(?![^\W_]))"
    rf"{SPACE}?(?=[0-9+\-\u2212])"
)
CURRENCY_SUFFIX_RE = re.compile(
    rf"{SPACE}?(?P<c>{CURRENCY_CODES})(?![^\W_])"
    rf"|{SPACE}+(?P<w>(?:US{SPACE}+)?dollars?|euros?|pounds?(?:{SPACE}+sterling)?|rubles?|roubles?"
    r"|hryvnias?|yuan|yen|won|rupees?)(?![^\W_])"
)
PERCENT_RE = re.compile(
    rf"{SPACE}?%|{SPACE}*(?:percentage{SPACE}+points?|percent|per{SPACE}+cent|pct)(?![^\W_])",
    re.IGNORECASE,
)
