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


def match_titled(context: TextContext, i: int) -> tuple[int, int, int] | None:
    """Titled person at `i`: (end, start of title words, start of name), else None."""
    tokens, n = context.tokens, context.length
    title_start = i
    if i in context.country_at:
        title_start = context.country_at[i][0]
        if title_start < n and tokens[title_start].possessive:
            title_start += 1
    name_start = title_end(context, title_start)
    if name_start is None:
        return None
    end, words = name_end(context, name_start, 4)
    if not words:
        return None
    return end, title_start, name_start


def match_organisation(context: TextContext, i: int) -> tuple[int, int] | None:
    """A capitalised organisation name starting at `i` (its own start may be earlier)."""
    tokens, n = context.tokens, context.length
    t = tokens[i]
    if not (t.word and t.capitalised) or t.possessive:
        return None
    if i > 0 and tokens[i - 1].word and tokens[i - 1].capitalised and not tokens[i - 1].possessive:
        return None  # not the start of the run
    k = i + 1 if t.lower == "the" else i
    end, words = organisation_run(context, k)
    lows = [w.lower for w in words]
    metonym = any(tuple(lows[a : a + s]) in METONYMS for s in (1, 2) for a in range(len(lows)))
    possessor = i >= 2 and tokens[i - 1].possessive and (i - 2) in context.country_end
    has_head = any(
        w in ORGANISATION_WORDS and (w not in WEAK_ORGANISATION_WORDS or len(words) >= 2)
        for w in lows
    )
    if not words or not (metonym or (has_head and (len(words) >= 2 or possessor))):
        return None
    if all(
        context.in_country[k2] for k2 in range(k, end) if tokens[k2].word and tokens[k2].capitalised
    ):
        return None
    start = i
    if possessor:
        start = context.country_end[i - 2]
    elif i > 0 and tokens[i - 1].lower == "the" and not tokens[i - 1].capitalised:
        start = i - 1
    if (
        end + 2 < n
        and tokens[end].text == "("
        and is_acronym(tokens[end + 1])
        and (tokens[end + 2].text == ")")
    ):
        end += 3
    return start, end


def match_country_noun_phrase(context: TextContext, i: int) -> tuple[int, int] | None:
    """[det] [adj]* COUNTRY(-list)['s] [names] modifiers* head."""
    tokens, n = context.tokens, context.length
    j = i
    if j < n and tokens[j].lower in DETERMINERS:
        j += 1
    while j < n and tokens[j].lower in PRE_ADJECTIVES:
        j += 1
    end = context.country_list(j)
    if end is None:
        return None
    possessive = end < n and tokens[end].possessive
    if possessive:
        end += 1
    walked = walk_noun_phrase(context, end, allow_names=possessive)
    if walked is None:
        return None
    b, cls = walked
    if b < n and is_acronym(tokens[b]) and cls == "body":
        b += 1  # "North Korea's state news agency KCNA"
    if cls == "weak" and not context.anchored(i, b, speech=True):
        return None
    if not context.follower_ok(b, document_frame=i in context.document_frames):
        return None
    return i, b


def match_generic(context: TextContext, i: int) -> tuple[int, int] | None:
    """A group or role without a country: "military and intelligence sources", "an expert"."""
    tokens, n = context.tokens, context.length
    j = i
    det = ""
    if j < n and tokens[j].lower in DETERMINERS:
        det = tokens[j].lower
        j += 1
    adjectives = 0
    while j < n and tokens[j].lower in PRE_ADJECTIVES:
        adjectives += 1
        j += 1
    if j < n and j in context.country_at:
        return None
    walked = walk_noun_phrase(context, j, allow_names=False)
    if walked is None:
        return None
    b, cls = walked
    modified = adjectives > 0 or b - j > 1
    anchored = context.anchored(i, b)
    document_frame = i in context.document_frames
    if cls == "group":
        ok = det in QUANTIFIERS or modified or anchored
        ok = ok and not (det == "the" and not modified and not anchored)
    elif cls == "role":
        ok = det in {"a", "an", "one"} and (anchored or modified)
    elif cls == "body":
        bare_ok = det == "" and tokens[b - 1].lower in {"police", "authorities"} and anchored
        bare_ok = bare_ok or (det == "the" and modified and anchored)  # "the foreign ministry"
        doc_ok = document_frame and b < n and tokens[b].lower in DOCUMENT_NOUNS and det != "the"
        if doc_ok:
            return i, b + 1
        ok = bare_ok
    elif cls == "weak":
        ok = context.anchored(i, b, speech=True) and det != "the"
    else:
        ok = False
    if not ok or not context.follower_ok(b, document_frame=document_frame):
        return None
    return i, b


def match_names(context: TextContext, i: int) -> tuple[int, int] | None:
    """Two to five name words ("Kyrylo Budanov"), or one in apposition to a role."""
    tokens, n = context.tokens, context.length
    if not context.is_name(i) or context.titlecase[i]:
        return None
    if i > 0 and context.is_name(i - 1):
        return None
    k = i
    words = 0
    while k < n and words < 5:
        if context.is_name(k):
            words += 1
            k += 1
        elif (
            len(tokens[k].text) == 1
            and tokens[k].capitalised
            and k + 1 < n
            and tokens[k + 1].text == "."
        ):
            k += 2
        elif tokens[k].lower in NAME_PARTICLES and k + 1 < n and context.is_name(k + 1):
            k += 1
        else:
            break
    while k > i and (not tokens[k - 1].word):
        k -= 1
    if words >= 2:
        return i, k
    # "Kirby, the spokesperson for ...": one name word, a comma, then a role
    j = k
    if j + 1 < n and tokens[j].text == ",":
        j += 1
        if tokens[j].lower in {"the", "a", "an"}:
            j += 1
        walked = walk_noun_phrase(context, j, allow_names=False)
        if walked is not None and walked[1] == "role" and walked[0] - j <= 4:
            return i, k
    return None


_OUTLET_HEADS: Final = word_set(
    "agency service network broadcaster newspaper outlet daily magazine channel wire group"
)


def match_named_outlet(context: TextContext, i: int) -> tuple[int, int] | None:
    """A name or acronym then an outlet noun: "Yonhap news agency", "the TASS news agency"."""
    tokens, n = context.tokens, context.length
    t = tokens[i]
    if not (is_acronym(t) or context.is_name(i)) or context.titlecase[i]:
        return None
    if i > 0 and tokens[i - 1].word and tokens[i - 1].capitalised:
        return None
    k = i + 1
    while k < n and k - i <= 3 and (context.is_name(k) or is_acronym(tokens[k])):
        k += 1
    walked = walk_noun_phrase(context, k, allow_names=False)
    if walked is None or walked[0] - k > 3 or tokens[walked[0] - 1].lower not in _OUTLET_HEADS:
        return None
    if any(tokens[j].lower not in MODIFIERS | _OUTLET_HEADS for j in range(k, walked[0])):
        return None
    if not context.follower_ok(walked[0]):
        return None
    start = i - 1 if i > 0 and tokens[i - 1].lower == "the" else i
    if i >= 2 and tokens[i - 1].possessive and (i - 2) in context.country_end:
        start = context.country_end[i - 2]  # "Japan's Kyodo news agency"
    return start, walked[0]


def match_titled_span(context: TextContext, i: int) -> tuple[int, int] | None:
    titled = match_titled(context, i)
    return None if titled is None else (i, titled[0])


def match_the_acronym(context: TextContext, i: int) -> tuple[int, int] | None:
    """ "the NIS", "the IAEA" (not inside brackets, not before a noun)."""
    tokens, n = context.tokens, context.length
    if (
        is_acronym(tokens[i])
        and i > 0
        and tokens[i - 1].lower == "the"
        and context.follower_ok(i + 1)
        and not (i + 1 < n and tokens[i + 1].text == ")")
    ):
        return i - 1, i + 1
    return None
