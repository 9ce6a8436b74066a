"""The matchers tried at every word, each giving the token span of one kind of candidate: a
titled person, a named organisation or outlet, a country-qualified noun phrase, a group or
role without a country, a name of two to five words, and "the" before an acronym.
"""

from __future__ import annotations

from typing import Final

from ._context import TextContext
from ._lexicon import (
    DETERMINERS,
    DOCUMENT_NOUNS,
    METONYMS,
    MODIFIERS,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    PRE_ADJECTIVES,
    QUANTIFIERS,
    WEAK_ORGANISATION_WORDS,
    word_set,
)
from ._phrases import is_acronym, name_end, organisation_run, title_end, walk_noun_phrase


def match_titled(ctx: TextContext, i: int) -> tuple[int, int, int] | None:
    """Titled person at `i`: (end, start of title words, start of name), else None."""
    toks, n = ctx.toks, ctx.n
    title_start = i
    if i in ctx.country_at:
        title_start = ctx.country_at[i][0]
        if title_start < n and toks[title_start].poss:
            title_start += 1
    name_start = title_end(ctx, title_start)
    if name_start is None:
        return None
    end, words = name_end(ctx, name_start, 4)
    if not words:
        return None
    return end, title_start, name_start


def match_organisation(ctx: TextContext, i: int) -> tuple[int, int] | None:
    """A capitalised organisation name starting at `i` (its own start may be earlier)."""
    toks, n = ctx.toks, ctx.n
    t = toks[i]
    if not (t.word and t.cap) or t.poss:
        return None
    if i > 0 and toks[i - 1].word and toks[i - 1].cap and not toks[i - 1].poss:
        return None  # not the start of the run
    k = i + 1 if t.low == "the" else i
    end, words = organisation_run(ctx, k)
    lows = [w.low for w in words]
    metonym = any(tuple(lows[a : a + s]) in METONYMS for s in (1, 2) for a in range(len(lows)))
    possessor = i >= 2 and toks[i - 1].poss and (i - 2) in ctx.country_end
    has_head = any(
        w in ORGANISATION_WORDS and (w not in WEAK_ORGANISATION_WORDS or len(words) >= 2)
        for w in lows
    )
    if not words or not (metonym or (has_head and (len(words) >= 2 or possessor))):
        return None
    if all(ctx.in_country[k2] for k2 in range(k, end) if toks[k2].word and toks[k2].cap):
        return None
    start = i
    if possessor:
        start = ctx.country_end[i - 2]
    elif i > 0 and toks[i - 1].low == "the" and not toks[i - 1].cap:
        start = i - 1
    if (
        end + 2 < n
        and toks[end].text == "("
        and is_acronym(toks[end + 1])
        and (toks[end + 2].text == ")")
    ):
        end += 3
    return start, end


def match_country_noun_phrase(ctx: TextContext, i: int) -> tuple[int, int] | None:
    """[det] [adj]* COUNTRY(-list)['s] [names] modifiers* head."""
    toks, n = ctx.toks, ctx.n
    j = i
    if j < n and toks[j].low in DETERMINERS:
        j += 1
    while j < n and toks[j].low in PRE_ADJECTIVES:
        j += 1
    end = ctx.country_list(j)
    if end is None:
        return None
    possessive = end < n and toks[end].poss
    if possessive:
        end += 1
    walked = walk_noun_phrase(ctx, end, allow_names=possessive)
    if walked is None:
        return None
    b, cls = walked
    if b < n and is_acronym(toks[b]) and cls == "body":
        b += 1  # "North Korea's state news agency KCNA"
    if cls == "weak" and not ctx.anchored(i, b, speech=True):
        return None
    if not ctx.follower_ok(b, doc_frame=i in ctx.doc_frames):
        return None
    return i, b


def match_generic(ctx: TextContext, i: int) -> tuple[int, int] | None:
    """A group or role without a country: "military and intelligence sources", "an expert"."""
    toks, n = ctx.toks, ctx.n
    j = i
    det = ""
    if j < n and toks[j].low in DETERMINERS:
        det = toks[j].low
        j += 1
    adjectives = 0
    while j < n and toks[j].low in PRE_ADJECTIVES:
        adjectives += 1
        j += 1
    if j < n and j in ctx.country_at:
        return None
    walked = walk_noun_phrase(ctx, j, allow_names=False)
    if walked is None:
        return None
    b, cls = walked
    modified = adjectives > 0 or b - j > 1
    anchored = ctx.anchored(i, b)
    doc_frame = i in ctx.doc_frames
    if cls == "group":
        ok = det in QUANTIFIERS or modified or anchored
        ok = ok and not (det == "the" and not modified and not anchored)
    elif cls == "role":
        ok = det in {"a", "an", "one"} and (anchored or modified)
    elif cls == "body":
        bare_ok = det == "" and toks[b - 1].low in {"police", "authorities"} and anchored
        bare_ok = bare_ok or (det == "the" and modified and anchored)  # "the foreign ministry"
        doc_ok = doc_frame and b < n and toks[b].low in DOCUMENT_NOUNS and det != "the"
        if doc_ok:
            return i, b + 1
        ok = bare_ok
    elif cls == "weak":
        ok = ctx.anchored(i, b, speech=True) and det != "the"
    else:
        ok = False
    if not ok or not ctx.follower_ok(b, doc_frame=doc_frame):
        return None
    return i, b


def match_names(ctx: TextContext, i: int) -> tuple[int, int] | None:
    """Two to five name words ("Kyrylo Budanov"), or one in apposition to a role."""
    toks, n = ctx.toks, ctx.n
    if not ctx.is_name(i) or ctx.titlecase[i]:
        return None
    if i > 0 and ctx.is_name(i - 1):
        return None
    k = i
    words = 0
    while k < n and words < 5:
        if ctx.is_name(k):
            words += 1
            k += 1
        elif len(toks[k].text) == 1 and toks[k].cap and k + 1 < n and toks[k + 1].text == ".":
            k += 2
        elif toks[k].low in NAME_PARTICLES and k + 1 < n and ctx.is_name(k + 1):
            k += 1
        else:
            break
    while k > i and (not toks[k - 1].word):
        k -= 1
    if words >= 2:
        return i, k
    # "Kirby, the spokesperson for ...": one name word, a comma, then a role
    j = k
    if j + 1 < n and toks[j].text == ",":
        j += 1
        if toks[j].low in {"the", "a", "an"}:
            j += 1
        walked = walk_noun_phrase(ctx, j, allow_names=False)
        if walked is not None and walked[1] == "role" and walked[0] - j <= 4:
            return i, k
    return None


_OUTLET_HEADS: Final = word_set(
    "agency service network broadcaster newspaper outlet daily magazine channel wire group"
)


def match_named_outlet(ctx: TextContext, i: int) -> tuple[int, int] | None:
    """A name or acronym then an outlet noun: "Yonhap news agency", "the TASS news agency"."""
    toks, n = ctx.toks, ctx.n
    t = toks[i]
    if not (is_acronym(t) or ctx.is_name(i)) or ctx.titlecase[i]:
        return None
    if i > 0 and toks[i - 1].word and toks[i - 1].cap:
        return None
    k = i + 1
    while k < n and k - i <= 3 and (ctx.is_name(k) or is_acronym(toks[k])):
        k += 1
    walked = walk_noun_phrase(ctx, k, allow_names=False)
    if walked is None or walked[0] - k > 3 or toks[walked[0] - 1].low not in _OUTLET_HEADS:
        return None
    if any(toks[j].low not in MODIFIERS | _OUTLET_HEADS for j in range(k, walked[0])):
        return None
    if not ctx.follower_ok(walked[0]):
        return None
    start = i - 1 if i > 0 and toks[i - 1].low == "the" else i
    if i >= 2 and toks[i - 1].poss and (i - 2) in ctx.country_end:
        start = ctx.country_end[i - 2]  # "Japan's Kyodo news agency"
    return start, walked[0]


def match_titled_span(ctx: TextContext, i: int) -> tuple[int, int] | None:
    titled = match_titled(ctx, i)
    return None if titled is None else (i, titled[0])


def match_the_acronym(ctx: TextContext, i: int) -> tuple[int, int] | None:
    """ "the NIS", "the IAEA" (not inside brackets, not before a noun)."""
    toks, n = ctx.toks, ctx.n
    if (
        is_acronym(toks[i])
        and i > 0
        and toks[i - 1].low == "the"
        and ctx.follower_ok(i + 1)
        and not (i + 1 < n and toks[i + 1].text == ")")
    ):
        return i - 1, i + 1
    return None
