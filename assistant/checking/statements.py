"""Splitting a draft into check-worthy statements, by code.

A sentence is check-worthy when it states a figure (a count, sum, percentage or measure),
reports speech (a reporting verb: "said", "told", "according to") or has a named actor
doing something. Headlines (a line without closing punctuation), questions and sentences
of a few words are skipped. Offsets are into the draft as given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..claims.actors import find_actors
from ..claims.numbers import QUANTITY_KINDS, find_numbers
from ..text.sentences import sentence_spans
from .models import StatementCheck

REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|according to|reported|reports|claimed|claims|estimated|"
    r"announced|confirmed|stated|warned|added|called|described|noted)\b",
    re.I,
)
"""Reported speech: someone is credited with what the sentence says."""
_MIN_WORDS = 4
_NAMED = re.compile(r"\b[A-Z][a-z]+")  # a name past the first word: someone did something


@dataclass(frozen=True)
class Statement:
    """A check-worthy sentence of the draft: its text and offsets."""

    text: str
    start: int
    end: int
    has_figure: bool


def split_statements(draft: str) -> list[Statement]:
    """The draft's check-worthy statements, in order."""
    found: list[Statement] = []
    for span in sentence_spans(draft):
        text = draft[span.start : span.end].strip()
        if not text:
            continue
        start = draft.index(text, span.start)
        if _skipped(text):
            continue
        figure = has_figure(text)
        if figure or REPORTING.search(text) or find_actors(text) or _NAMED.search(text[1:]):
            found.append(Statement(text, start, start + len(text), figure))
    return found


def has_figure(text: str) -> bool:
    """Does the statement state a figure (a count, sum, percentage or measure)?"""
    return any(m.kind in QUANTITY_KINDS for m in find_numbers(text))


def _skipped(text: str) -> bool:
    """A headline, a question or a fragment."""
    if text.endswith("?") or len(text.split()) < _MIN_WORDS:
        return True
    return not re.search(r"[.!\"”’)]\s*$", text)  # no closing punctuation: a headline


def annotate(draft: str, checks: Sequence[StatementCheck]) -> list[tuple[str, int | None]]:
    """`draft` cut into its checked statements (by their index in `checks`) and the text
    around them (None), in order, for a view that marks each statement in place. A check
    whose offsets do not hold its text in `draft` (a report of another draft) is not placed."""
    pieces: list[tuple[str, int | None]] = []
    at = 0
    for i in sorted(range(len(checks)), key=lambda i: checks[i].start):
        check = checks[i]
        if check.start < at or draft[check.start : check.end] != check.text:
            continue
        if check.start > at:
            pieces.append((draft[at : check.start], None))
        pieces.append((check.text, i))
        at = check.end
    if at < len(draft):
        pieces.append((draft[at:], None))
    return pieces
