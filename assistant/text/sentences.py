"""Sentence and paragraph spans of news text, as exact character offsets.

Every span is a ``(start, end)`` pair into the original string with ``text[start:end]``
trimmed of surrounding whitespace (``str.isspace``); spans are in order, never overlap,
and together cover every non-whitespace character. Nothing is normalised or copied: the
offsets are what quotes and chunks are cut from.

Rules (news text has one paragraph per line):

* A line break (any of ``str.splitlines``' separators: LF, CR, CRLF, VT, FF, FS, GS, RS,
  NEL, U+2028, U+2029) always ends a sentence, so a headline without a full stop is one.
* Inside a line, a sentence ends at ``.``, ``!`` or ``?`` (plus any closing quotes or
  brackets right after them, typographic ones included) when whitespace and then an
  uppercase letter, a digit or an opening quote follow.
* A single ``.`` does not end a sentence after a common abbreviation (Mr., Dr., U.S.,
  Gen., Sept., a.m., e.g., Inc., ...), an initial ("John F. Kennedy"), ``No.`` before a
  number, or a list number at the start of a line ("1. First"); unless a closing quote
  follows it (``... the U.S.” He said``), which ends the sentence anyway. Decimals
  ("1.5") and URLs never split, as no whitespace follows their dots. An ellipsis ("..."
  or "…") does not end a sentence unless ``!`` or ``?`` is part of the run. A single
  capital before a full stop is taken for an initial, so "Plan B. Then" stays whole.

Why by hand and not pysbd (``pysbd.Segmenter(language="en", clean=False,
char_span=True)``, 0.3.4, evaluated on the seed articles): its offsets were exact there,
but (1) it is slow: about 780-1,350 sentences/s (~100 kB/s) on the seeds, and
quadratic-looking on many short sentences (5,000 of them took 4.3 s), where this module
does about 100,000 sentences/s; (2) on unusual input (NUL, zero-width characters,
stray quotes and brackets) it silently drops non-whitespace characters from its spans,
which breaks the coverage invariant that chunking relies on; (3) it splits inside an
ellipsis ("it is.." + ". "). News sentence rules are few enough to state here and test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Span", "paragraph_spans", "sentence_spans"]


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``text[start:end]`` of the string the span was computed on."""

    start: int
    end: int


# The characters str.splitlines() breaks at: each always ends a paragraph and a sentence.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# A trimmed, non-blank line: runs of non-space separated by non-break whitespace.
_PARAGRAPH_RE = re.compile(rf"\S+(?:[^\S{_BREAKS}]+\S+)*")
# Terminal punctuation, closing quotes/brackets, then whitespace (inside one line).
_CLOSING_QUOTES = "\"'\u201d\u2019\u00bb\u203a"
_CLOSERS = _CLOSING_QUOTES + ")]}"
# Matched only from the start of a punctuation run (the lookbehind), so a run of 100,000
# dots costs one pass rather than one pass per dot.
_BOUNDARY_RE = re.compile(rf"(?<![.!?\u2026])([.!?\u2026]+)([{re.escape(_CLOSERS)}]*)\s+")
_OPENING_QUOTES = "\"'\u201c\u2018\u00ab\u2039\u201e\u201a\u201d\u2019"
_OPENERS = _OPENING_QUOTES + "([{"
# Longest word looked at for an abbreviation; longer words are never abbreviations.
_MAX_WORD = 24

# Compared as written, or in capitals ("MR."): lowercase "sun." or "rep." still end sentences.
_ABBREVIATIONS = frozenset(
    (
        *("Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Rev", "Hon", "St", "Mt", "Ft"),
        *("Sgt", "Cpl", "Pvt", "Capt", "Maj", "Lt", "Col", "Gen", "Brig", "Adm", "Cmdr"),
        *("Sen", "Rep", "Gov", "Pres", "Supt", "Insp", "Dept", "Univ", "Assn", "Bros"),
        *("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov"),
        *("Dec", "Ave", "Blvd", "Rd", "Inc", "Corp", "Ltd", "Co", "Plc", "Jr", "Sr"),
        *("vs", "Vs", "al", "approx", "Ph.D"),
    )
)
# Dotted letter sequences: U.S, U.K, U.N, e.g, i.e, a.m, p.m, J.R.R (the final dot excluded).
_DOTTED_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


def paragraph_spans(text: str) -> list[Span]:
    """Non-blank lines of `text`, trimmed: one paragraph per line, as news text has it."""
    return [Span(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text)]


def sentence_spans(text: str) -> list[Span]:
    """Sentences of `text`, trimmed, in order, covering every non-whitespace character."""
    spans: list[Span] = []
    for para in _PARAGRAPH_RE.finditer(text):
        start, end = para.start(), para.end()
        for m in _BOUNDARY_RE.finditer(text, start, end):
            after = m.end()
            if after < end and _ends_sentence(text, start, m, end):
                spans.append(Span(start, m.end(2)))
                start = after
        spans.append(Span(start, end))
    return spans


def _ends_sentence(text: str, sentence_start: int, m: re.Match[str], line_end: int) -> bool:
    """Whether the punctuation matched by `m` ends the sentence begun at `sentence_start`."""
    nxt = m.end()
    # What follows: opening quotes (enough on their own), else an uppercase letter or digit.
    quoted = False
    while nxt < line_end and text[nxt] in _OPENERS:
        quoted = quoted or text[nxt] in _OPENING_QUOTES
        nxt += 1
    first = text[nxt] if nxt < line_end else ""
    if not (quoted or first.isupper() or first.istitle() or first.isdigit()):
        return False
    punct = m.group(1)
    if "!" in punct or "?" in punct:
        return True
    if len(punct) > 1 or "\u2026" in punct:  # an ellipsis runs on
        return False
    if any(c in _CLOSING_QUOTES for c in m.group(2)):  # a quotation ended with it
        return True
    return not _is_abbreviation(text, sentence_start, m.start(), nxt, line_end)


def _is_abbreviation(text: str, sentence_start: int, dot: int, nxt: int, line_end: int) -> bool:
    """Whether the word before the full stop at `dot` makes it an abbreviation's dot."""
    begin = dot
    while begin > sentence_start and dot - begin <= _MAX_WORD and not text[begin - 1].isspace():
        begin -= 1
    if dot - begin > _MAX_WORD:
        return False
    word_start = begin
    while begin < dot and text[begin] in _OPENERS:
        begin += 1
    word = text[begin:dot]
    if word.lower() in ("no", "nos"):  # "No. 10 Downing Street", not "the answer was no."
        return nxt < line_end and text[nxt].isdigit()
    return (
        word in _ABBREVIATIONS
        or (word.isupper() and word.capitalize() in _ABBREVIATIONS)
        or (len(word) == 1 and word.isupper())  # an initial: "John F. Kennedy"
        or _DOTTED_RE.fullmatch(word) is not None  # U.S., e.g., a.m.
        # A list number opening the line: "1. First point".
        or (word_start == sentence_start and word.isdigit() and len(word) <= 3)
    )
