"""Page furniture: numbers that belong to the page, not to the news.

Read-times ("2 MIN READ"), relative timestamps ("Updated 5 hours ago"), bylines and
"Published/Updated" lines, photo and slide counters ("Photo 3 of 12"), share, view and
comment counts ("👁 2,341"), helpline telephone numbers, browser notices ("IE 11 is not
supported") and a wire story's currency note ("($1 = 83.9000 Indian rupees)"). They
survive cleaning in plain-text files (a copy-pasted page) and in HTML pages whose extractor
keeps them, so the claim layer refuses them itself, in .txt as in .html.
Datelines ("KATHMANDU, Nov 4 (Reuters) -", "date 2023-11-04") hold dates, which the number
scanner already tells from counts; `dateline_carrier` reads the agency they credit.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from ..numbers import NumberMention
from ..numbers._dates import MONTHS

_UNIT = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?)"
_PATTERNS: Final = (
    ("read-time", re.compile(r"\b\d+\s*[-\u2010-\u2014]?\s*(?:min(?:ute)?s?|m)\.?\s+read\b", re.I)),
    ("read-time", re.compile(r"\bread(?:ing)?\s+time\s*:?\s*\d+", re.I)),
    ("timestamp", re.compile(rf"\b\d+\s*{_UNIT}\.?\s+ago\b", re.I)),
    ("counter", re.compile(
        r"\b(?:photo|image|picture|slide|gallery|video|page)s?\s*\d+\s*(?:of|/)\s*\d+", re.I
    )),
    ("counter", re.compile(r"\b(?:on|see|continued on)\s+page\s+\d+\b", re.I)),
    # telephone numbers (helplines): a leading zero or ten digits unseparated, which no
    # count is written with ("06572290324", "0651-27-87115", "06587 238072")
    ("phone", re.compile(
        r"(?<![\d,.])(?:0\d{2,5}(?:[\s-]\d{2,8}){1,2}|0\d{6,}|\d{10,})(?!\d|,\d)"
    )),
    # a browser notice ("IE 11 is not supported")
    ("browser", re.compile(r"\b(?:IE|Internet Explorer|Chrome|Firefox|Safari)\s+\d+\b")),
    # a wire story's conversion note: "($1 = 83.9000 Indian rupees)"
    ("rate", re.compile(r"\(\s*(?:[$€£¥₹]|[A-Z]{3}\s?)?\s*1\s*=\s*[^()\n]{1,40}\)")),
)  # fmt: skip
"""Numbers that are furniture wherever they stand."""
_SHORT_PATTERNS: Final = (
    # "1,204 comments", "Shares: 34": a page's counters, on a line of their own; in a
    # sentence "1,200 shares" are stock and "40 comments" may be news
    ("counter", re.compile(
        r"\b\d[\d,.]*\s*[kKmM]?\s+(?:comments?|shares?|views?|likes?|reactions?|replies)\b"
    )),
    ("counter", re.compile(r"\b(?:comments?|shares?|views?|likes?)\s*[:(]?\s*\d", re.I)),
)  # fmt: skip
"""Numbers that are furniture on a short line only."""
_NAME = r"[A-Z][\w.'’-]+"
_LINE_PATTERNS: Final = (
    ("timestamp", re.compile(
        r"^\s*(?:last\s+)?(?:updated|published|posted|first published|modified)\b", re.I
    )),
    # a name of two or more capitalised words, then the end, a separator or a date:
    # "By Asha Rell | Updated ...", "By ASHA RELL, Reuters"; not "By Tuesday evening, 40 ..."
    ("byline", re.compile(
        rf"^\s*(?:[Bb]y|[Ww]ritten by|[Rr]eported by)\s+{_NAME}(?:\s+{_NAME}){{1,3}}"
        r"\s*(?:$|[|,•·]|\d)"
    )),
    ("credit", re.compile(r"^\s*(?:photo|image|picture|file photo|credit)s?\s*(?::|by\b)", re.I)),
)  # fmt: skip
_STAMP_WORDS = 8
_STAMP: Final = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+"
    r"(?:19|20)\d{2}\b",
    re.I,
)
"""A month, day and year: on a line of a few words, a page's time stamp ("BDST: 1051
HRS, JUL 02, 2014")."""
"""Lines (of few words) that are furniture as a whole."""
_SHORT_LINE_WORDS = 14
_COUNTER_LINE_WORDS = 5
_AGENCY_DATELINE: Final = re.compile(
    r"^\s*[A-Z][\w.'’ -]{1,40},?\s*(?:[^()\n]{0,30})\((?P<agency>[A-Z][\w .&-]{1,30})\)\s*[-–—:]"
)


def furniture_reason(sentence: str, mention: NumberMention) -> str | None:
    """Why the number at `mention` in `sentence` is page furniture, or None."""
    for reason, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if m.start() <= mention.start < m.end():
                return reason
    words = len(sentence.split())
    lettered = sum(1 for w in sentence.split() if any(ch.isalpha() for ch in w))
    if lettered <= _COUNTER_LINE_WORDS and _after_symbol(sentence, mention.start):
        return "counter"  # "👁 2,341 | 💬 18 | Share"
    if words > _SHORT_LINE_WORDS:
        return None
    for reason, pattern in _SHORT_PATTERNS if words <= _COUNTER_LINE_WORDS else ():
        for m in pattern.finditer(sentence):
            if m.start() <= mention.start < m.end():
                return reason
    for reason, pattern in _LINE_PATTERNS:
        if pattern.search(sentence):
            return reason
    return "timestamp" if words <= _STAMP_WORDS and _STAMP.search(sentence) else None


def _after_symbol(sentence: str, at: int) -> bool:
    """Does a pictograph ("👁", "💬", "♥") stand right before the number, as page
    counters of views, comments and likes write it?"""
    before = sentence[:at].rstrip()
    return bool(before) and unicodedata.category(before[-1]) == "So"


def dateline_carrier(text: str) -> str | None:
    """The agency a wire dateline credits ("KATHMANDU, Nov 4 (Reuters) -" -> "Reuters"),
    if one of the first lines of `text` opens with one."""
    for line in text.splitlines()[:12]:
        m = _AGENCY_DATELINE.match(line)
        if m is not None:
            return m.group("agency").strip()
    return None


_CAPS_WORD = r"[A-Z][A-Z.'’-]+"
_NAME_WORD = r"[A-Z][\w.'’-]*"
_DATELINE: Final = re.compile(
    # "BHUBANESWAR, India - ", "HIRANKOT, India, Aug 5 (Reuters) - ", "TAIPEI (Reuters) – "
    rf"^\s*{_CAPS_WORD}(?:[ /]{_CAPS_WORD})*(?:,\s*{_NAME_WORD}(?:\s{_NAME_WORD})*)*"
    rf"(?:,?\s*{MONTHS}\s+\d{{1,2}})?(?:\s*\([A-Z][\w .&/-]{{1,30}}\)\s*|\s+)[-–—]\s+"
    # "Hirankot, Aug 3 (PTI) ", "Miami, Jul 5 (EFE) - "
    rf"|^\s*{_NAME_WORD}(?:\s{_NAME_WORD}){{0,2}},\s*(?:{_NAME_WORD},\s*)?{MONTHS}\s+"
    r"\d{1,2}\s*\([A-Z][\w .&/-]{1,30}\)\s*[-–—:]?\s*"
)


def mask_dateline(sentence: str) -> str:
    """`sentence` with its opening wire dateline ("BHUBANESWAR, India - ", "Hirankot, Aug
    3 (PTI) ") blanked by spaces, for the parser: the small model reads the city as the
    sentence's subject ("BHUBANESWAR ... were killed"). The length, so every offset, is
    kept; the dateline's agency is read from the text itself (`dateline_carrier`)."""
    m = _DATELINE.match(sentence)
    if m is None or m.end() >= len(sentence) or not sentence[m.end()].isalnum():
        return sentence
    return " " * m.end() + sentence[m.end() :]
