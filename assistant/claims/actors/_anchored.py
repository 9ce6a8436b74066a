"""Candidates found only by their place in an attribution frame: the bare name, acronym or list
of countries at the start of a frame ("according to Reuters", "by Ukraine") or as the
subject of an attribution verb ("Bloomberg reported", "The United States and South Korea
revealed").
"""

from __future__ import annotations

from ._context import TextContext
from ._grammar import COMMON_WORDS, PREPOSITIONS
from ._lexicon import PLATFORMS, TITLE_HEADS
from ._phrases import is_acronym
from ._tokens import NOT_NAME_SUFFIXES


def match_bare_forward(context: TextContext, f: int) -> tuple[int, int, str] | None:
    """The name at a frame start ("according to Reuters", "by Ukraine")."""
    tokens, n = context.tokens, context.length
    i = f
    if i < n and tokens[i].lower == "the":
        i += 1
    end = context.country_list(i, nouns=True)
    if end is not None:
        return f, end, "list"
    if i < n and is_acronym(tokens[i]):
        return f, i + 1, "acronym"
    return _bare_run(context, f, i)


def _not_bare(context: TextContext, k: int) -> bool:
    """Capitalised words that do not make a bare name: common words, platforms, demonyms."""
    t = context.tokens[k]
    return (
        t.lower in COMMON_WORDS
        or t.lower in PLATFORMS
        or context.titlecase[k]
        or context.in_country[k]
        or t.lower in TITLE_HEADS
    )


def _bare_run(context: TextContext, f: int, i: int) -> tuple[int, int, str] | None:
    tokens, n = context.tokens, context.length
    k = i
    while k < n and tokens[k].word and tokens[k].capitalised and not tokens[k].possessive:
        if _not_bare(context, k):
            break
        k += 1
    if k == i or k - i > 5:
        return None
    if tokens[k - 1].lower.endswith(NOT_NAME_SUFFIXES):
        return None
    return f, k, "bare"


def match_bare_backward(context: TextContext, e: int) -> tuple[int, int, str] | None:
    """The subject ending at token `e` of an attribution verb: a name, a country list."""
    tokens = context.tokens
    t = tokens[e]
    if not (t.word and t.capitalised):
        return None
    start = context.country_list_back(e)
    kind = "list"
    if start is None:
        if is_acronym(t):
            start, kind = e, "acronym"
        else:
            k = e
            while k >= 0 and tokens[k].word and tokens[k].capitalised and not tokens[k].possessive:
                if _not_bare(context, k):
                    break
                k -= 1
            start, kind = k + 1, "bare"
            if start > e or tokens[e].lower.endswith(NOT_NAME_SUFFIXES) or e - start >= 5:
                return None
            if start > 0 and tokens[start - 1].lower in PREPOSITIONS:
                return None  # "the ministry in Gaza said": Gaza is not the subject
            # "Moscow and Pyongyang admit": a list of names
            j = start - 1
            if (
                j >= 1
                and tokens[j].lower == "and"
                and tokens[j - 1].word
                and tokens[j - 1].capitalised
            ):
                k = j - 1
                while (
                    k >= 0
                    and tokens[k].word
                    and tokens[k].capitalised
                    and tokens[k].lower not in COMMON_WORDS
                ):
                    k -= 1
                if k + 1 < j:
                    start = k + 1
    if start > 0 and tokens[start - 1].lower == "the":
        start -= 1
    return start, e + 1, kind
