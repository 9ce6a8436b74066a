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


def match_bare_forward(ctx: TextContext, f: int) -> tuple[int, int, str] | None:
    """The name at a frame start ("according to Reuters", "by Ukraine")."""
    toks, n = ctx.toks, ctx.n
    i = f
    if i < n and toks[i].low == "the":
        i += 1
    end = ctx.country_list(i, nouns=True)
    if end is not None:
        return f, end, "list"
    if i < n and is_acronym(toks[i]):
        return f, i + 1, "acronym"
    return _bare_run(ctx, f, i)


def _not_bare(ctx: TextContext, k: int) -> bool:
    """Capitalised words that do not make a bare name: common words, platforms, demonyms."""
    t = ctx.toks[k]
    return (
        t.low in COMMON_WORDS
        or t.low in PLATFORMS
        or ctx.titlecase[k]
        or ctx.in_country[k]
        or t.low in TITLE_HEADS
    )


def _bare_run(ctx: TextContext, f: int, i: int) -> tuple[int, int, str] | None:
    toks, n = ctx.toks, ctx.n
    k = i
    while k < n and toks[k].word and toks[k].cap and not toks[k].poss:
        if _not_bare(ctx, k):
            break
        k += 1
    if k == i or k - i > 5:
        return None
    if toks[k - 1].low.endswith(NOT_NAME_SUFFIXES):
        return None
    return f, k, "bare"


def match_bare_backward(ctx: TextContext, e: int) -> tuple[int, int, str] | None:
    """The subject ending at token `e` of an attribution verb: a name, a country list."""
    toks = ctx.toks
    t = toks[e]
    if not (t.word and t.cap):
        return None
    start = ctx.country_list_back(e)
    kind = "list"
    if start is None:
        if is_acronym(t):
            start, kind = e, "acronym"
        else:
            k = e
            while k >= 0 and toks[k].word and toks[k].cap and not toks[k].poss:
                if _not_bare(ctx, k):
                    break
                k -= 1
            start, kind = k + 1, "bare"
            if start > e or toks[e].low.endswith(NOT_NAME_SUFFIXES) or e - start >= 5:
                return None
            if start > 0 and toks[start - 1].low in PREPOSITIONS:
                return None  # "the ministry in Gaza said": Gaza is not the subject
            # "Moscow and Pyongyang admit": a list of names
            j = start - 1
            if j >= 1 and toks[j].low == "and" and toks[j - 1].word and toks[j - 1].cap:
                k = j - 1
                while k >= 0 and toks[k].word and toks[k].cap and toks[k].low not in COMMON_WORDS:
                    k -= 1
                if k + 1 < j:
                    start = k + 1
    if start > 0 and toks[start - 1].low == "the":
        start -= 1
    return start, e + 1, kind
