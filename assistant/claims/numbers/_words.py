"""Numbers written in words ("three", "one hundred and twenty", "twelve hundred", "a dozen",
"half a million"), read by a small state machine, and the idioms and names in which a number
word counts nothing ("one of", "no one", "at first", "Formula One").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ._core import Core, Parsed
from ._literals import attach_unit, skip_token
from ._vocabulary import FRACTIONS, ORDINALS, SCALES, SMALL_NUMBERS, SPACE, TENS

_WORD_RE = re.compile(r"[A-Za-z]+")
_WORD_START_RE = re.compile(r"[A-Za-z]+\Z")
_WORD_GAP_RE = re.compile(rf"{SPACE}+|[\-\u2010\u2011]")

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


def _step_small(reading: _Words, word: str) -> bool:
    value = SMALL_NUMBERS[word]
    if value == 0:
        if reading.state != "start":
            return False
        reading.state = "zero"
    elif reading.state == "tens" and value >= 10:  # "twenty fifteen"
        return False
    else:
        reading.state = "unit" if value < 10 else "teen"
    reading.current += value
    return True


def _step_tens(reading: _Words, word: str) -> bool:
    reading.current += TENS[word]
    reading.state = "tens"
    return True


def _step_ordinal(reading: _Words, word: str) -> bool:
    if reading.state in ("a", "unit", "teen"):  # "one third", "a fifth": a fraction
        if ORDINALS[word] < 3 or reading.total:  # "a second", "one second"
            return False
        reading.state = "fraction"
        return True
    if reading.state == "tens" and ORDINALS[word] >= 10:
        return False
    reading.current += ORDINALS[word]
    reading.state = "ordinal"
    return True


def _step_hundred(reading: _Words, word: str) -> bool:
    if not 0 < reading.current < 100:
        return False
    reading.current *= 100
    reading.state = "hundred"
    return True


def _step_scale(reading: _Words, word: str) -> bool:
    scale = SCALES[word]
    if scale >= reading.last_scale or reading.current == 0:
        return False
    reading.total += reading.current * scale
    reading.current, reading.last_scale, reading.state = 0, scale, "scale"
    return True


def _step_dozen(reading: _Words, word: str) -> bool:
    if reading.total or reading.current >= 20:
        return False
    reading.current *= 12
    reading.state = "dozen"
    return True


def _step_a(reading: _Words, word: str) -> bool:
    reading.half = reading.state == "half"
    reading.current, reading.state = 1, "a"
    return True


def _step_to(state: str) -> Callable[[_Words, str], bool]:
    def step(reading: _Words, word: str) -> bool:
        reading.state = state
        return True

    return step


_WORD_CLASSES: dict[str, str] = {
    **dict.fromkeys(SMALL_NUMBERS, "small"),
    **dict.fromkeys(TENS, "tens"),
    **dict.fromkeys(ORDINALS, "ordinal"),
    **dict.fromkeys(SCALES, "scale"),
    **dict.fromkeys(FRACTIONS, "fraction"),
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
    reading = _Words()
    accepted: tuple[int, float | None, bool] | None = None
    pos = start
    while (m := _WORD_RE.match(text, pos)) is not None:
        w = m.group().lower()
        step = _WORD_STEPS.get(_WORD_CLASSES.get(w, ""))
        if step is None or reading.state not in step[0] or not step[1](reading, w):
            break
        if reading.state == "fraction":  # "one-third", "two thirds", "a quarter"
            return m.end(), None, False
        if reading.state not in _INCOMPLETE:
            value = (reading.total + reading.current) * (0.5 if reading.half else 1)
            accepted = (m.end(), float(value), reading.state == "ordinal")
        gap = _WORD_GAP_RE.match(text, m.end())
        if reading.state in _TERMINAL or gap is None:
            break
        pos = gap.end()
    if accepted is None:
        return skip_token(text, start), None, False
    return accepted


def parse_word_number(text: str, start: int, idioms: set[int]) -> Parsed:
    end, value, ordinal = _parse_words(text, start)
    if value is None:
        return None, end
    if start in idioms and skip_token(text, start) == end:
        return None, end
    core = Core(start, end, value, "ordinal" if ordinal else "count")
    if not ordinal and value.is_integer():
        # "three thousand" as 3 x 1000, so "two to three thousand" reads 2,000-3,000.
        last = text[_WORD_START_RE.search(text, start, end).start() : end].lower()  # type: ignore[union-attr]
        scale = SCALES.get(last, 1)
        if value % scale == 0 and value < scale * 1000:
            core.literal, core.multiplier = str(int(value) // scale), scale
    attach_unit(text, core)
    return core, core.end


def idiom_offsets(text: str) -> set[int]:
    found: set[int] = set()
    for m in _IDIOMS.finditer(text):
        name = m.lastgroup
        if name is not None:
            word = m.group(name).lower()
            if name != "n12" or word in SMALL_NUMBERS or word in TENS:
                found.add(m.start(name))
    return found
