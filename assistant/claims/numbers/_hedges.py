"""The last step from scanned numbers to `NumberMention`s: the hedge right before a number ("up
to", "about", "could reach") or right after it ("or more", "plus"), and whether a bare
1800..2100 integer stands as a year or a count, judged by the words around it.
"""

from __future__ import annotations

import re

from ._core import Core, NumberMention
from ._dates import DAY, MONTHS
from ._vocabulary import SPACE, split_phrases, split_words

# Hedges, normalised: lower case, single spaces, straight apostrophes.
_HEDGES = split_phrases(
    "up to, at least, at most, no more than, not more than, no fewer than, no less than, "
    "not less than, more than, fewer than, less than, as many as, as much as, as few as, "
    "as little as, about, approximately, approx., an approximate, around, roughly, "
    "nearly, almost, close to, just over, well over, just under, over, under, above, "
    "below, some, an estimated, estimated, could reach, may reach, might reach, "
    "would reach, could exceed, may exceed, not exceeding, exceeding, exceeds, exceeded, "
    "upwards of, in excess of, a maximum of, a minimum of, more or less, circa"
)
_HEDGE_ALT = "|".join(
    re.escape(h).replace(r"\ ", rf"{SPACE}+") for h in sorted(_HEDGES, key=lambda h: -len(h))
)
_HEDGE_BEFORE_RE = re.compile(
    rf"(?<![^\W_])(?P<h>{_HEDGE_ALT}){SPACE}+\Z|(?P<t>~|≈){SPACE}*\Z", re.IGNORECASE
)
_HEDGE_AFTER_RE = re.compile(
    rf"{SPACE}+(?P<h>or{SPACE}+(?:more|so|fewer|less|above))(?![^\W_])"
    rf"|(?P<p>\+)(?![0-9])|[\-\u2010\u2011](?P<w>plus)(?![^\W_])",
    re.IGNORECASE,
)
_HEDGE_SCAN = 40  # longest hedge, with spaces, is well under this

# Before a bare 4-digit number: these make it a year; a following content word makes it
# a count ("of 2000 troops"); a function word or punctuation leaves it a year.
_YEAR_BEFORE = frozenset(
    split_words(
        "in since by until till before after during from circa between through throughout "
        "early late mid spring summer autumn fall winter year fiscal the its his her their "
        "our this that whose a an"
    )
)
_YEAR_AFTER = frozenset(
    split_words(
        "and or to through when as was were is are has had have will would could should may "
        "might saw sees marked marks with after before for by which that the a an in on at "
        "of but also alone onwards onward until till up levels level figure figures election "
        "elections census budget report invasion war summit agreement deal season olympics "
        "deadline data estimate estimates average peak record high low edition vote survey"
    )
)
_WORD_BEFORE_RE = re.compile(r"(?P<w>[^\W\d_]+)(?P<s>['’]s)?[\s\-\u2010\u2011]*\Z")
_MONTH_BEFORE_RE = re.compile(rf"{MONTHS}(?:{SPACE}+{DAY}(?:st|nd|rd|th)?)?,?{SPACE}+\Z")
_WORD_AFTER_RE = re.compile(rf"{SPACE}+(?P<w>[a-z]+)\b")


_DURATION_AFTER_RE = re.compile(
    r"\s?[-\u2010\u2011]?\s?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|"
    r"months?|years?|decades?)(?![^\W_])",
    re.I,
)
"""A unit of time after a count: a duration ("in the 24 hours", "after three days of
rain", "a 48-hour curfew"), never a count of things."""


def _is_year(text: str, core: Core) -> bool:
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


def finish_mentions(text: str, cores: list[Core]) -> list[NumberMention]:
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
        if kind == "count" and _DURATION_AFTER_RE.match(text, c.end):
            kind = "duration"
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
