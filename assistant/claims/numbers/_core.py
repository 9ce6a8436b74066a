"""Data types of the numbers found in text: the public `NumberMention` and its `Kind`,
`QUANTITY_KINDS` (the kinds that state a quantity), and `Core`, a number being assembled
while scanning, with `to_float`, the exact decimal arithmetic every value is computed with.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Kind = Literal[
    "count", "percent", "money", "measure", "year", "date", "time", "ordinal", "duration"
]

# The kinds that state a quantity; dates, times, durations ("for 48 hours", "three days
# of rain"), years and ordinals do not.
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


@dataclass(slots=True)
class Core:
    """A number being assembled; becomes a NumberMention."""

    start: int
    end: int
    value: float
    kind: Kind = "count"
    unit: str | None = None
    literal: str | None = None  # digits as written, separators removed ("1500", "1.2")
    multiplier: int = 1
    grouped: bool = False  # had thousands separators
    plain: bool = False  # a bare unsigned integer: no separator, decimal or suffix
    yearish: bool = False  # a plain integer in 1800..2100, or a decade ("1990s")
    decade: bool = False
    low: float | None = None
    high: float | None = None


Parsed = tuple[Core | None, int]  # a number or None, and where to look next
_LONG_LITERAL = 60  # digits; longer is no real figure (float gives inf, never an error)


def to_float(literal: str, multiplier: int = 1) -> float:
    """Exact decimal arithmetic for real figures ("1.2" x 1000 == 1200.0)."""
    if len(literal) > _LONG_LITERAL:
        return float(literal) * multiplier  # inf for an absurd digit run, never an error
    return float(Decimal(literal) * multiplier)
