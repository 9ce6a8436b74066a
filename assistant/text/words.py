"""Content words: the words of a text that carry what it says, for the checks that ask
whether one text states the terms of another (an answer sentence against its evidence,
a statement against a source sentence).

A word is a run of letters with inner apostrophes ("ship's"); a content word is one of at
least three letters that is not a function word or a verb of reporting ("said", "told",
"according": who said it is checked apart, on the parse)."""

from __future__ import annotations

import re

NEGATION_WORDS = ("not", "no", "never", "none", "nobody", "denied", "denies", "deny")
"""Words that negate what a sentence says ("did not release", "denied"); with "n't"."""


def negation(*more: str) -> re.Pattern[str]:
    """A pattern finding a negation word (or "n't"), or any of `more`, as a whole word."""
    return re.compile(rf"\b(?:{'|'.join((*NEGATION_WORDS, *more))})\b|n['’]t\b", re.I)


WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
NAME_RUN = re.compile(r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*")
"""Capitalised words in a row: a name ("Valley Post", "US Deputy Secretary")."""
_STOP_WORDS = """
    the a an and or but of in on at to for from by with as is are was were be been has
    have had it its this that these those there their they them he she his her which who
    whom what when where while than then also not no so such into over about after before
    during between said says say according reported reports told some many much more
    most other another each per any all both either neither would could should may might
    will can did does do
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
_POSSESSIVE = re.compile(r"['’]s$")


def plain_words(text: str) -> list[str]:
    """The words of `text`, lowercased, possessives cut ("ship's": "ship"), in order."""
    return [_POSSESSIVE.sub("", w.lower()) for w in WORD.findall(text)]


def content_words(text: str) -> list[str]:
    """The content words of `text`: its `plain_words` but stop words and words of under
    3 letters."""
    return [w for w in plain_words(text) if w not in STOP_WORDS and len(w) > 2]


def names_in(text: str, name: str) -> bool:
    """Does `text` name `name` (from a word start, any case, a possessive "'s" cut)?"""
    base = _POSSESSIVE.sub("", name)
    return re.search(rf"(?<![^\W_]){re.escape(base)}", text, re.IGNORECASE) is not None
