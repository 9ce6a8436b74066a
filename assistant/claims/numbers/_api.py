"""The public functions on numbers in text: `find_numbers` (every mention), `parse_number` (the
value of a string that is one number), and the comparisons the grounding check uses:
`numbers_in`, `same_number` and `has_number`.
"""

from __future__ import annotations

import math
from collections.abc import Collection

from ._core import Kind, NumberMention
from ._hedges import finish_mentions
from ._scan import merge_ranges, scan_cores


def find_numbers(text: str) -> list[NumberMention]:
    """Every number mention in `text`, in order and non-overlapping."""
    return finish_mentions(text, merge_ranges(text, scan_cores(text)))


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
