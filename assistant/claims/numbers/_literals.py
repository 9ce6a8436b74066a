"""Numbers written in digits: a currency sign or code, a sign, digits with thousands separators
and a decimal part, then what is glued to them (a multiplier, a unit, an ordinal or decade
suffix) or follows them (a spelled multiplier, percent, a currency word, a measure unit).
Codes and model names ("F-16", "5G"), dotted versions and slashed figures are told apart and
skipped.
"""

from __future__ import annotations

import re

from ._core import Core, Parsed, to_float
from ._dates import TIME_AMPM_RE, time_or_date
from ._vocabulary import (
    CURRENCY_PREFIX_RE,
    CURRENCY_SUFFIX_RE,
    GLUED_MULTIPLIERS,
    GLUED_UNITS,
    PERCENT_RE,
    SCALES,
    SPACE,
    SPACED_MULTIPLIERS,
    UNIT_NORMAL,
    UNIT_RE,
)

_NUM_RE = re.compile(
    # Indian grouping first ("1,90,000", "12,34,567"): pairs of digits before the last three
    r"(?P<int>(?P<indian>[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3})(?![0-9,])"
    r"|[0-9]{1,3}(?P<sep>[,\u00a0\u2009\u202f ])[0-9]{3}(?:(?P=sep)[0-9]{3})*(?![0-9])"
    r"|[0-9]+)(?:\.(?P<frac>[0-9]+))?"
)
_ISO_DATE_RE = re.compile(
    # "2023-11-04" and, as page timestamps write it, "04-11-2023" (the value is the day)
    r"[0-9]{4}([-/])(?:0[1-9]|1[0-2])\1(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])"
    r"|(?P<d2>0[1-9]|[12][0-9]|3[01])-(?:0[1-9]|1[0-2])-[0-9]{4}(?![0-9])"
)
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_SKIP_RE = re.compile(r"\w+")
_DOTTED_RE = re.compile(r"[./][0-9][0-9./]*")
_YEAR_DIGITS = 4
_DAY_DIGITS = 2
_SPACED_MULT_RE = re.compile(
    rf"{SPACE}+(?P<w>hundred|thousand|million|billion|trillion|lakhs?|lacs?|crores?)"
    rf"(?:{SPACE}+(?P<w2>thousand|million|billion|lakhs?|crores?))?(?![^\W_])"
    rf"|{SPACE}+(?P<a>mn|mln|bn|tn)(?![^\W_])",
    re.IGNORECASE,
)
_CODE_BEFORE_RE = re.compile(r"(?<![^\W_])(?P<w>[^\W\d_]+)[\-\u2010\u2011]\Z")
_CODE_PREFIX_OK = frozenset({"mid", "pre", "post", "late", "early", "end", "start"})


def skip_token(text: str, pos: int) -> int:
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
    """Where to resume when the digits are no number: a code (F-16, Su-35, COVID-19), an
    identifier joined by "_", a dotted or slashed run (1.2.3, 10.0.0.1, 24/7, 10/25/2024)."""
    if _is_code(text, start) or text[end : end + 1] == "_" or text[start - 1 : start] == "_":
        return skip_token(text, end)  # also "1810107_web1": an identifier
    dotted = _DOTTED_RE.match(text, end)
    return None if dotted is None else dotted.end()


def _sign_ok(text: str, start: int) -> bool:
    """A minus right after a number ("1,500 - 2,000") joins a range; it is no sign."""
    before = text[max(0, start - 8) : start].rstrip(" \t\u00a0\u2009\u202f")
    return not before or not (before[-1].isdigit() or before[-1] == "%")


def _glued(text: str, core: Core, bare: bool) -> Parsed | None:
    """Letters glued to the digits: 11k, 1.2m, $5bn, 122mm, 30pc, 1st, 1990s; a code
    such as 5G or 3D is no number (None, resume after it); otherwise (None) the core
    stands, extended."""
    glued = _LETTERS_RE.match(text, core.end)
    if glued is None:
        return None
    g = glued.group()
    if bare and g.lower() in {"st", "nd", "rd", "th"}:
        return Core(core.start, glued.end(), core.value, "ordinal"), glued.end()
    if bare and g == "s" and core.literal is not None and len(core.literal) == _YEAR_DIGITS:
        year = Core(core.start, glued.end(), core.value, yearish=True, decade=True)
        return year, glued.end()
    if g in GLUED_MULTIPLIERS:
        core.multiplier = GLUED_MULTIPLIERS[g]
    elif g in GLUED_UNITS:
        core.kind, core.unit = "measure", UNIT_NORMAL.get(g, g)
    elif g.lower() == "pc":
        core.kind, core.unit = "percent", "%"
    elif len(g) > 1 and g[0].isupper() and g[1:].islower():
        return None  # "56Ukraine": words run together by a page scrape; the number stands
    else:
        return None, skip_token(text, core.end)  # "5G", "3D", "2x4": a code
    core.end = glued.end()
    return None


def _spaced_mult(text: str, core: Core) -> None:
    """2 million, 1.2 thousand, 3 hundred thousand, 5 bn."""
    sm = _SPACED_MULT_RE.match(text, core.end)
    if sm is None:
        return
    if sm.group("a"):
        core.multiplier = SPACED_MULTIPLIERS[sm.group("a").lower()]
    else:
        word = sm.group("w").lower()
        core.multiplier = 100 if word == "hundred" else SCALES[word]
        if sm.group("w2"):
            core.multiplier *= SCALES[sm.group("w2").lower()]
    core.end = sm.end()


def parse_numeric(text: str, start: int) -> Parsed:
    """A number starting with a currency sign, a sign or a digit at `start`."""
    pos = start
    cur = CURRENCY_PREFIX_RE.match(text, pos)
    if cur is not None:
        pos = cur.end()
    sign = text[pos : pos + 1]
    signed = sign != "" and sign in "+-\u2212"
    pos += signed
    iso = _ISO_DATE_RE.match(text, pos) if cur is None and not signed else None
    if iso is not None:  # "2023-11-04": a date (the value is the day), never three numbers
        day = iso.group("d") or iso.group("d2")
        return Core(start, iso.end(), float(day), "date"), iso.end()
    m = _NUM_RE.match(text, pos)
    if m is None or (signed and cur is None and not _sign_ok(text, start)):
        return None, start + 1  # "1,500 - 2,000": a dash between numbers, not a sign
    skip = _code_or_dotted(text, start, m.end())
    if skip is not None:
        return None, skip
    negative = signed and sign != "+"
    digits = re.sub(r"[^0-9]", "", m.group("int"))
    literal = digits + ("." + m.group("frac") if m.group("frac") else "")
    grouped = m.group("sep") is not None or m.group("indian") is not None
    bare = cur is None and not signed and not grouped and m.group("frac") is None
    timed = (
        time_or_date(text, start, m.end(), int(digits))
        if bare and len(digits) <= _DAY_DIGITS
        else None
    )
    clock = None if timed or cur or signed or grouped else _dotted_clock(text, start, m)
    if timed is not None or clock is not None:
        return timed or (clock, clock.end if clock else start + 1)
    core = Core(start, m.end(), to_float(literal), literal=literal, grouped=grouped)
    had_glued = _LETTERS_RE.match(text, core.end) is not None
    special = _glued(text, core, bare)
    if special is not None:
        return special
    if core.multiplier == 1 and core.kind == "count":
        _spaced_mult(text, core)
    if cur is not None:
        core.kind, core.unit = "money", cur.group("c").rstrip(".")
    core.value = to_float(literal, core.multiplier) * (-1 if negative else 1)
    core.plain = bare and core.multiplier == 1 and not had_glued
    attach_unit(text, core)
    if core.kind != "count":
        core.plain = False
    core.yearish = core.plain and len(digits) == _YEAR_DIGITS and 1800 <= core.value <= 2100
    return core, core.end


def _dotted_clock(text: str, start: int, m: re.Match[str]) -> Core | None:
    """ "8.30 am", "11.47 pm": a time of day as Indian and British pages write it."""
    hours, minutes = m.group("int"), m.group("frac") or ""
    if len(minutes) != 2 or not hours.isdigit() or not 1 <= int(hours) <= 12 or minutes >= "60":
        return None
    clock = TIME_AMPM_RE.match(text, m.end())
    if clock is None:
        return None
    hour = int(hours) % 12 + (12 if clock.group("ampm").lower()[:1] == "p" else 0)
    return Core(start, clock.end(), hour + int(minutes) / 60, "time")


def attach_unit(text: str, core: Core) -> None:
    """Percent, currency or measure unit after a plain count."""
    if core.kind != "count":
        return
    p = PERCENT_RE.match(text, core.end)
    if p is not None:
        core.kind, core.unit, core.end = "percent", "%", p.end()
        return
    c = CURRENCY_SUFFIX_RE.match(text, core.end)
    if c is not None:
        unit = c.group("c") or re.sub(r"\s+", " ", c.group("w"))
        core.kind, core.unit, core.end = "money", unit, c.end()
        return
    u = UNIT_RE.match(text, core.end)
    if u is not None:
        raw = re.sub(r"\s+", " ", u.group("u"))
        key = raw.lower()
        unit = UNIT_NORMAL.get(key) or UNIT_NORMAL.get(key.removesuffix("s"))
        if unit is None:
            unit = raw if raw in GLUED_UNITS or raw in ("ha", "m", "km/h") else key
        core.kind, core.unit, core.end = "measure", unit, u.end()
