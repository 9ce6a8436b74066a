"""Building blocks of the matchers, each walking the tokens from a position: acronyms, title
words that end in a title, a person's name words, a run of capitalised words of an
organisation's name, and a noun phrase of modifiers ending in a head noun classed as a body,
a group, a role or a weak head.
"""

from __future__ import annotations

from typing import Final

from ._context import TextContext
from ._countries import COUNTRY_CODES
from ._grammar import COMMON_WORDS, FUNCTION_WORDS
from ._lexicon import (
    BODY_HEADS,
    CALENDAR,
    CONNECTORS,
    GROUP_HEADS,
    MODIFIERS,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    PLATFORMS,
    ROLE_HEADS,
    TITLE_ABBREVIATIONS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_OF_COMPLEMENTS,
    WEAK_HEADS,
    word_set,
)
from ._tokens import Token


def is_acronym(t: Token) -> bool:
    s = t.text
    return (
        t.word
        and 2 <= len(s) <= 6
        and s.isupper()
        and s.isalnum()
        and s not in COUNTRY_CODES
        and (len(s) >= 3 or t.lower not in COMMON_WORDS)
        and t.lower not in _NOT_ACRONYMS
    )


_NOT_ACRONYMS: Final = word_set(
    """am pm edt est cst pst gmt utc bst cet cest kst jst msk km kg mm cm tv id ok ii iii iv vi
    vii viii ix xi ceo cfo gdp covid hiv aids ai it pdf faq"""
)


def title_end(context: TextContext, k: int) -> int | None:
    """End of title words from `k` ("Deputy Secretary of State", "spy chief", "Gen."), which
    must end in a title (or its "of" complement), else None."""
    tokens, n = context.tokens, context.length
    saw_head = False
    end: int | None = None
    while k < n and tokens[k].word:
        low = tokens[k].lower
        if low in TITLE_HEADS:
            saw_head = True
            k += 1
            if low in TITLE_ABBREVIATIONS and k < n and tokens[k].text == ".":
                k += 1
            end = k
        elif low == "of" and saw_head and k + 1 < n and tokens[k + 1].lower in TITLE_OF_COMPLEMENTS:
            k += 1
            while k < n and tokens[k].lower in TITLE_OF_COMPLEMENTS:
                k += 1
            end = k
        elif low in TITLE_MODIFIERS:
            k += 1
            end = None
        else:
            break
    return end


def name_end(context: TextContext, k: int, max_words: int) -> tuple[int, int]:
    """End of the name words from `k` (with initials and particles) and how many there are."""
    tokens, n = context.tokens, context.length
    start = k
    words = 0
    while k < n and words < max_words:
        t = tokens[k]
        if context.is_name(k):
            words += 1
            k += 1
        elif (
            words and len(t.text) == 1 and t.capitalised and k + 1 < n and tokens[k + 1].text == "."
        ):
            k += 2  # an initial: "John F. Kennedy"
        elif words and t.lower in NAME_PARTICLES and k + 1 < n and context.is_name(k + 1):
            k += 1  # "Ursula von der Leyen"
        else:
            break
    while k > start and not tokens[k - 1].word:
        k -= 1  # a name never ends with an initial's full stop
    return k, words


def organisation_run(context: TextContext, k: int) -> tuple[int, list[Token]]:
    """End and words of a run of capitalised name words from `k`, with inner connectors
    ("Center for Strategic and International Studies", "Defense Intelligence of Ukraine")."""
    tokens, n = context.tokens, context.length
    words: list[Token] = []
    end = k
    connected = False
    while end < n:
        x = tokens[end]
        if x.word and x.capitalised and _org_word(context, end, inside=bool(words)):
            words.append(x)
            end += 1
            continue
        if not words or not (x.lower in CONNECTORS or (x.lower == "and" and connected)):
            break
        j = end + 1
        if j < n and tokens[j].lower == "the" and x.lower != "and":
            j += 1
        if not (
            j < n
            and tokens[j].word
            and tokens[j].capitalised
            and _org_word(context, j, inside=True)
        ):
            break
        connected = True
        end = j
    return end, words


def _org_word(context: TextContext, k: int, *, inside: bool) -> bool:
    """A capitalised word that can be part of an organisation's name: inside a name, common
    nouns count too ("Office for National Statistics"), function words and dates never."""
    t = context.tokens[k]
    if t.lower in ORGANISATION_WORDS:
        return True
    if t.lower in CALENDAR or t.lower in PLATFORMS:
        return False
    if t.lower not in COMMON_WORDS:
        return True
    return inside and not context.sentence_start[k] and t.lower not in FUNCTION_WORDS


_NP_VOCABULARY: Final = MODIFIERS | BODY_HEADS | GROUP_HEADS | ROLE_HEADS | WEAK_HEADS


def walk_noun_phrase(context: TextContext, k: int, *, allow_names: bool) -> tuple[int, str] | None:
    """Modifiers then a head noun from `k`: (end, head class), longest complete phrase."""
    tokens, n = context.tokens, context.length
    if allow_names:
        names = 0
        while k < n and names < 4 and context.is_name(k):
            k += 1
            names += 1
    vocab = _NP_VOCABULARY
    best: tuple[int, str] | None = None
    j = k
    while j < n:
        t = tokens[j]
        if t.word and t.lower in vocab:
            cls = _head_class(t.lower)
            if cls:
                best = (j + 1, cls)
            j += 1
            continue
        if t.lower == "and" and j + 1 < n and tokens[j + 1].lower in vocab and j > k:
            j += 1
            continue
        break
    return best


def _head_class(low: str) -> str:
    if low in GROUP_HEADS:
        return "group"
    if low in BODY_HEADS:
        return "body"
    if low in ROLE_HEADS:
        return "role"
    if low in WEAK_HEADS:
        return "weak"
    return ""
