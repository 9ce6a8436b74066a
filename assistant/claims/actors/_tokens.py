"""The tokenizer the actor finder runs on: words with inner apostrophes and hyphens, dotted
abbreviations ("U.S."), the possessive "'s" split off its word, and any other character on
its own, each token with its offsets, lower-case form (apostrophes straightened) and
capitalisation.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

_APOSTROPHES: Final = "'\u2019\u2018\u02bc"
STRAIGHTEN: Final = str.maketrans(dict.fromkeys(_APOSTROPHES + "`\u00b4", "'"))
_TOKEN_RE: Final = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # dotted abbreviations: U.S., U.K., U.N.
    rf"|[^\W_]+(?:[{_APOSTROPHES}\-][^\W_]+)*"  # words, with inner apostrophes and hyphens
    r"|\S"  # anything else, one character at a time
)
QUOTES_AND_BRACKETS: Final = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb([{)]}")
TERMINALS: Final = frozenset({".", "!", "?", "\u2026", ":", ";"})
LINE_BREAKS: Final = re.compile(r"[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
NOT_NAME_SUFFIXES: Final = ("tion", "tions", "ment", "ments", "ness", "ities", "ism", "ogy")
LOWERCASE_SUFFIXES: Final = (*NOT_NAME_SUFFIXES, "ing", "ed", "ly", "ies", "ity", "ance")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    lower: str  # lower case, apostrophes straightened
    word: bool  # letters or digits (or a dotted abbreviation)
    capitalised: bool  # starts with an uppercase letter
    possessive: bool  # the possessive "’s" split off the word before it


def lower_form(text: str) -> str:
    return text.lower().translate(STRAIGHTEN)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        s, a, b = m.group(), m.start(), m.end()
        if len(s) > 2 and s[-2] in _APOSTROPHES and s[-1] in "sS" and s[-3].isalpha():
            base = s[:-2]
            tokens.append(Token(base, a, b - 2, lower_form(base), True, base[0].isupper(), False))
            tokens.append(Token(s[-2:], b - 2, b, "'s", False, False, True))
            continue
        word = s[0].isalnum()
        tokens.append(Token(s, a, b, lower_form(s), word, s[0].isupper(), False))
    return tokens
