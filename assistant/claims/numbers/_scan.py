"""Scanning a text for numbers: every trigger (a currency sign, a sign, a digit, a month, a
number word) goes to the parser for it, and neighbouring numbers joined by a dash, "to" or
"between ... and ..." are merged into one range ("2-3 million", "between 10 and 15%",
"2023-24"), except a change such as "rose from 1,500 to 2,000".
"""

from __future__ import annotations

import re

from ._core import Core, to_float
from ._dates import MONTHS, parse_month
from ._literals import parse_numeric
from ._vocabulary import CURRENCY_CODES, DASHES, NUMBER_WORDS, SPACE, split_words
from ._words import idiom_offsets, parse_word_number

_TRIGGER_RE = re.compile(
    rf"(?P<cur>(?<![^\W_])(?:US|A|C|HK|NZ|S)?\$|[€£¥₹₽₴₩]|(?<![^\W_])(?:{CURRENCY_CODES}|Rs\.?)"
    rf"(?={SPACE}?[0-9]))"
    rf"|(?P<sign>(?<![\w+\-\u2212])[+\-\u2212](?=[0-9]))"
    r"|(?P<digit>(?<!\w)[0-9])"
    rf"|(?P<month>\b{MONTHS})"
    rf"|(?P<word>\b(?i:{'|'.join(NUMBER_WORDS)})\b)"
)
_CHANGE_VERBS = frozenset(
    split_words(
        "rose risen rise rises rising increased increase increases increasing grew grown "
        "grow grows growing fell fallen fall falls falling dropped drop drops dropping jumped "
        "climbed declined decreased doubled tripled surged soared plunged cut raised reduced "
        "lowered revised changed went moved shrank expanded boosted up down"
    )
)
_FROM_BEFORE_RE = re.compile(rf"(?P<w>[A-Za-z]+){SPACE}+from{SPACE}+\Z", re.IGNORECASE)
_BETWEEN_BEFORE_RE = re.compile(rf"(?<![^\W_])between{SPACE}+\Z", re.IGNORECASE)
_DASH_GAP_RE = re.compile(rf"{SPACE}*[{DASHES}]{SPACE}*")
_TO_GAP_RE = re.compile(rf"{SPACE}+to{SPACE}+")
_AND_GAP_RE = re.compile(rf"{SPACE}+and{SPACE}+")


def scan_cores(text: str) -> list[Core]:
    idioms = idiom_offsets(text)
    cores: list[Core] = []
    pos = 0
    while (m := _TRIGGER_RE.search(text, pos)) is not None:
        if m.lastgroup == "month":
            core, nxt = parse_month(text, m)
        elif m.lastgroup == "word":
            core, nxt = parse_word_number(text, m.start(), idioms)
        else:
            core, nxt = parse_numeric(text, m.start())
        if core is not None:
            cores.append(core)
        pos = max(nxt, m.start() + 1)
    return cores


def _special_range(gap: str, a: Core, b: Core) -> Core | None:
    """October 25-27; 2023-24."""
    if _DASH_GAP_RE.fullmatch(gap) is None or " " in gap or not b.plain:
        return None
    if a.kind == "date" and a.high is None and a.value < b.value <= 31:
        return Core(a.start, b.end, a.value, "date", low=a.value, high=b.value)
    two_digits = b.literal is not None and len(b.literal) == 2
    if a.yearish and not a.decade and len(gap) == 1 and two_digits:
        high = a.value - a.value % 100 + b.value
        if high > a.value:
            return Core(a.start, b.end, a.value, yearish=True, low=a.value, high=high)
    return None


def _range_start(text: str, gap: str, a: Core) -> int | None:
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


def _compatible(a: Core, b: Core) -> bool:
    """Two quantities of one kind and unit (a bare count takes the other's)."""
    ranged = ("count", "percent", "money", "measure")
    if a.kind not in ranged or b.kind not in ranged or a.high is not None:
        return False
    if a.kind != b.kind and "count" not in (a.kind, b.kind):
        return False
    return a.unit is None or b.unit is None or a.unit == b.unit


def _merge(text: str, a: Core, b: Core) -> Core | None:
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
    inherit = a.multiplier == 1 and b.multiplier > 1 and not a.grouped and a.literal and b.literal
    if inherit and to_float(a.literal or "0") < to_float(b.literal or "0"):
        low = to_float(a.literal or "0", b.multiplier)  # "2-3 million", "$3-5bn"
    if not low < b.value:
        return None
    kind = a.kind if a.kind != "count" else b.kind
    yearish = a.yearish and b.yearish
    unit = a.unit or b.unit
    return Core(start, b.end, low, kind, unit, yearish=yearish, low=low, high=b.value)


def merge_ranges(text: str, cores: list[Core]) -> list[Core]:
    out: list[Core] = []
    i = 0
    while i < len(cores):
        merged = _merge(text, cores[i], cores[i + 1]) if i + 1 < len(cores) else None
        out.append(merged or cores[i])
        i += 2 if merged is not None else 1
    return out
