"""Dates and times: the calendar patterns (months, days, years, weekdays), the readings of a
small number as a time of day ("4:57 PM", "4 p.m.") or a day of a month ("1 November",
"October 25"), and `find_time_refs`, which finds the time references a claim may carry ("on
Thursday", "in June 2023", "by year's end", ...).
"""

from __future__ import annotations

import re

from ._core import Core, Parsed
from ._vocabulary import DASHES, SPACE

MONTHS = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
)
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)(?![0-9])"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_TIME_COLON_RE = re.compile(
    rf":(?P<m>[0-5][0-9])(?::[0-5][0-9])?(?:{SPACE}?(?P<ampm>[AaPp]\.?[Mm]\.?)(?![^\W_]))?"
)
TIME_AMPM_RE = re.compile(rf"{SPACE}?(?P<ampm>[ap]\.m\.?|[AaPp][Mm])(?![^\W_])")
_DATE_AFTER_DAY_RE = re.compile(rf"(?:st|nd|rd|th)?{SPACE}+(?:of{SPACE}+)?{MONTHS}")
_DAY_AFTER_MONTH_RE = re.compile(
    rf"{SPACE}+(?P<d>{DAY})(?:st|nd|rd|th)?(?![0-9])(?![^\W_])(?!:[0-9]|[.,][0-9])"
)


def time_or_date(text: str, start: int, end: int, number: int) -> Parsed | None:
    """4:57 PM, 16:30, 4 p.m. (value: hour of the day); 1 November, 25th of October."""
    t = _TIME_COLON_RE.match(text, end) or TIME_AMPM_RE.match(text, end)
    if t is not None:
        ampm = (t.group("ampm") or "").lower()[:1]
        minute = int(t.groupdict().get("m") or 0)
        if ampm and 1 <= number <= 12:
            hour = number % 12 + (12 if ampm == "p" else 0)
            return Core(start, t.end(), hour + minute / 60, "time"), t.end()
        if not ampm and number <= 23:
            return Core(start, t.end(), number + minute / 60, "time"), t.end()
    d = _DATE_AFTER_DAY_RE.match(text, end)
    if d is not None and 1 <= number <= 31:
        return Core(start, d.end(), float(number), "date"), d.end()
    return None


def parse_month(text: str, m: re.Match[str]) -> Parsed:
    d = _DAY_AFTER_MONTH_RE.match(text, m.end())
    if d is None:
        return None, m.end()
    return Core(m.start(), d.end(), float(d.group("d")), "date"), d.end()


_TZ = r"(?:EDT|EST|CDT|CST|MDT|MST|PDT|PST|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|KST|JST)\b"
_CLOCK = (
    rf"(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?:{SPACE}?[AaPp]\.?[Mm]\.?)?"
    rf"|(?:1[0-2]|0?[1-9]){SPACE}?(?:[ap]\.m\.|[AaPp][Mm]\b))(?:{SPACE}{_TZ})?"
)
_DATE = (
    rf"(?:{_WEEKDAY},?{SPACE}+)?"
    rf"(?:{MONTHS}{SPACE}+{DAY}(?:st|nd|rd|th)?(?![0-9])(?:,?{SPACE}+{_YEAR})?"
    rf"|{DAY}(?:st|nd|rd|th)?{SPACE}+(?:of{SPACE}+)?{MONTHS}(?:,?{SPACE}+{_YEAR})?"
    rf"|{MONTHS},?{SPACE}+{_YEAR})"
)
_PREP = (
    rf"(?i:as{SPACE}+(?:early|late|soon){SPACE}+as|as{SPACE}+of|starting{SPACE}+(?:from|on|in)"
    rf"|beginning{SPACE}+(?:on|in)|(?:earlier|later){SPACE}+in|from|since|on|in|by|until|till"
    rf"|before|after|during|through|throughout|within|around|at{SPACE}+the{SPACE}+(?:start|end)"
    rf"{SPACE}+of){SPACE}+"
)
_PHASE = rf"(?i:early|mid|late)[{DASHES} ]"
_PERIOD = (
    r"(?:week|month|year|weekend|morning|afternoon|evening|night|spring|summer|autumn|fall"
    r"|winter|decade)"
)
_SPAN = r"(?:days|weeks|months|years|hours|decades)"
_FEW = r"(?:(?:few|several|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)\s+)?"
_TIME_REF_RE = re.compile(
    "|".join(
        (
            rf"\b(?:{_PREP})?(?:{_CLOCK},?{SPACE}+)?{_DATE}(?:,?{SPACE}+(?:at{SPACE}+)?{_CLOCK})?",
            rf"\b(?:{_PREP})?{_WEEKDAY}(?:{SPACE}+or{SPACE}+{_WEEKDAY})?",
            rf"\b{_PREP}(?:the{SPACE}+(?:end|start|beginning|middle){SPACE}+of{SPACE}+)?(?:{_PHASE})?"
            rf"(?:{MONTHS}|{_YEAR})",
            rf"\b{_PHASE}(?:{MONTHS}|{_YEAR})",
            rf"\b(?i:(?:earlier|later){SPACE}+(?:this|that|last|next){SPACE}+{_PERIOD})\b",
            rf"\b(?i:(?:last|this|next|past){SPACE}+{_PERIOD})\b",
            rf"\b(?i:last|this|next){SPACE}+{_WEEKDAY}",
            rf"\b(?i:(?:in|over|during|within|for){SPACE}+(?:recent|the{SPACE}+(?:coming|next|past|last"
            rf"|following|previous)|coming|past){SPACE}+{_FEW}{_SPAN})\b",
            rf"\b(?i:(?:by|before|until|at|towards?|near){SPACE}+the{SPACE}+(?:end|start|beginning"
            rf"|middle){SPACE}+of{SPACE}+(?:the|this|next|last){SPACE}+(?:year|month|week|decade))\b",
            rf"\b(?i:(?:by|before|until){SPACE}+(?:the{SPACE}+)?(?:year|month|week)['’]s{SPACE}+end)\b",
            rf"\b(?i:by{SPACE}+(?:year|month)-end)\b",
            rf"\b(?i:(?:a|one|{_FEW}){SPACE}*(?:day|week|month|year|{_SPAN}){SPACE}+(?:ago|earlier"
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
