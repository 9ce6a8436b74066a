"""What one surface form names, and its key: the analysis into a kind (person, bare name,
organisation, group, role, country) with countries, institution family, qualifier and name
words, and `canonical_key`, the text-only grouping key built from it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ._context import TextContext
from ._countries import COUNTRY_CODES
from ._families import (
    GENERIC_ORGANISATION_WORDS,
    NON_DISTINCTIVE,
    QUALIFIER_NORMAL,
    family_of,
    role_key,
    role_name,
)
from ._lexicon import (
    BODY_HEADS,
    CONNECTORS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GROUP_HEADS,
    LOCAL_OFFICES,
    METONYMS,
    NAME_PARTICLES,
    PRE_ADJECTIVES,
    ROLE_HEADS,
    TITLE_HEADS,
    WEAK_HEADS,
)
from ._matchers import match_titled
from ._phrases import is_acronym
from ._tokens import STRAIGHTEN, lower_form


@dataclass(frozen=True)
class ActorInfo:
    kind: str  # person, name, org, group, role, country, other
    countries: tuple[str, ...] = ()
    family: str = ""
    qualifier: tuple[str, ...] = ()
    words: tuple[str, ...] = ()  # name words of a person, content words otherwise
    acronym: str = ""
    role: str = ""  # role key of a titled person
    proper: bool = False  # content words capitalised


def strip_article(surface: str) -> str:
    return re.sub(r"^(?:the|a|an|some|several|both)\s+", "", surface.strip(), flags=re.I)


def clean_surface(surface: str) -> str:
    return " ".join(surface.split())


def analyse(surface: str) -> ActorInfo:
    """What a surface form names: kind, countries, institution family, person's name."""
    text = clean_surface(surface)
    context = TextContext(text)
    tokens = context.tokens
    i = 0
    n = context.length
    while (
        i < n
        and tokens[i].lower in DETERMINERS | PRE_ADJECTIVES
        and not (i + 1 < n and tokens[i + 1].possessive)
    ):
        i += 1
    acronym = ""
    if (
        n - i >= 4
        and tokens[n - 1].text == ")"
        and tokens[n - 3].text == "("
        and (is_acronym(tokens[n - 2]) or tokens[n - 2].text in COUNTRY_CODES)
    ):
        acronym = tokens[n - 2].text
        n -= 3
    if i >= n:
        return ActorInfo("other", words=(lower_form(text),))
    if n - i == 1:
        single = _analyse_single(context, i, acronym)
        if single is not None:
            return single
    person = _analyse_person(context, i, n)
    if person is not None:
        return person
    return _analyse_phrase(context, i, n, acronym)


_MAX_NAME_WORDS = 4


def _name_after_title(context: TextContext, i: int, n: int) -> ActorInfo | None:
    """A person named after a free-form title: "State Revenue Minister Harish Kolwade",
    "Kaverikund Collector Ananya Deshmane", "Leader of the Opposition Rukmini Shelar": the
    title's last word is a title head, then two to four words of a name end the form."""
    tokens = context.tokens
    start = n
    while start - 1 > i and n - (start - 1) <= _MAX_NAME_WORDS and context.is_name(start - 1):
        start -= 1
    if n - start < 2 or start <= i:
        return None
    before = tokens[start - 1]
    if before.lower not in TITLE_HEADS and before.lower not in ROLE_HEADS:
        return None
    words = tuple(t.text.translate(STRAIGHTEN) for t in tokens[start:n] if len(t.text) > 1)
    title = [t.lower for t in tokens[i:start] if t.word]
    role = role_key((), title) if before.lower in LOCAL_OFFICES else ""
    return ActorInfo("person", words=words, role=role)


def _analyse_single(context: TextContext, i: int, acronym: str) -> ActorInfo | None:
    """One word: a metonym ("Kremlin"), a country, or a bare name or acronym."""
    t = context.tokens[i]
    if not t.word or not (t.capitalised or t.text[0].isdigit()):
        return None
    metonym = METONYMS.get((t.lower,))
    if metonym is not None:
        return ActorInfo("org", (metonym[0],), metonym[1], (), (t.lower,), proper=True)
    if i in context.country_at:
        return ActorInfo("country", countries=(context.country_at[i][1],))
    return ActorInfo("name", words=(t.text.translate(STRAIGHTEN),), acronym=acronym)


def _analyse_person(context: TextContext, i: int, n: int) -> ActorInfo | None:
    """A titled person ("Russian President Vladimir Putin") or a bare full name."""
    tokens = context.tokens
    titled = match_titled(context, i)
    if titled is not None and titled[0] == n:
        end, title_start, name_start = titled
        name = [t.text.translate(STRAIGHTEN) for t in tokens[name_start:end] if t.word]
        countries = (context.country_at[i][1],) if i in context.country_at else ()
        title_words = [t.lower for t in tokens[title_start:name_start] if t.word]
        local = bool(title_words) and title_words[-1] in LOCAL_OFFICES
        role = role_key(countries, title_words) if countries or local else ""
        words = tuple(w for w in name if len(w) > 1 or not w.isupper())
        return ActorInfo("person", countries=countries, words=words, role=role)
    trailing = _name_after_title(context, i, n)
    if trailing is not None:
        return trailing
    if (
        n - i >= 2
        and context.is_name(i)
        and all(
            context.is_name(k) or tokens[k].lower in NAME_PARTICLES or not tokens[k].word
            for k in range(i, n)
        )
    ):
        words = tuple(t.text.translate(STRAIGHTEN) for t in tokens[i:n] if len(t.text) > 1)
        return ActorInfo("person", words=words)
    return None


def _analyse_phrase(context: TextContext, i: int, n: int, acronym: str) -> ActorInfo:
    """Countries, then content words classified by their head: role, group or body."""
    tokens = context.tokens
    found: list[str] = []
    content: list[str] = []
    capitals = 0
    k = i
    while k < n:
        if k in context.country_at:
            found.append(context.country_at[k][1])
            k = context.country_at[k][0]
            continue
        t = tokens[k]
        if t.word and t.lower not in CONNECTORS | DETERMINERS | {"and", "the"}:
            content.append(t.lower)
            capitals += t.capitalised
        k += 1
    countries = tuple(sorted(set(found)))
    if not content:
        kind = "country" if countries else "other"
        return ActorInfo(
            kind, countries=countries, words=() if countries else (lower_form(context.text),)
        )
    for size in (2, 1):
        for a in range(len(content) - size + 1):
            hit = METONYMS.get(tuple(content[a : a + size]))
            if hit is not None:
                return ActorInfo("org", (hit[0],), hit[1], (), tuple(content), proper=True)
    while len(content) > 1 and content[-1] in DOCUMENT_NOUNS and content[-2] not in DOCUMENT_NOUNS:
        content.pop()  # "intelligence reports" -> intelligence
    head = content[-1]
    family, triggers = family_of(content)
    if head in ROLE_HEADS and head not in BODY_HEADS:
        role = role_name(content)
        return ActorInfo("role", countries, family, (), tuple(content), role=role)
    if (head in GROUP_HEADS and head != "authorities") or head in WEAK_HEADS:
        return ActorInfo(
            "group", countries, head, tuple(sorted(set(content[:-1]) - PRE_ADJECTIVES))
        )
    qualifier: tuple[str, ...] = ()
    if family and not family.startswith("ministry "):
        rest = set(content) - triggers - GENERIC_ORGANISATION_WORDS - NON_DISTINCTIVE
        qualifier = tuple(sorted({QUALIFIER_NORMAL.get(w, w) for w in rest}))
    proper = capitals == len(content)
    return ActorInfo("org", countries, family, qualifier, tuple(content), acronym, proper=proper)


def countries_key(countries: Sequence[str]) -> str:
    return "+".join(sorted(c.lower() for c in countries)) or "-"


def key_of(info: ActorInfo) -> str:
    c = countries_key(info.countries)
    qualifier = ":" + "+".join(info.qualifier) if info.qualifier else ""
    keys = {
        "person": lambda: "person:" + " ".join(lower_form(w) for w in info.words),
        "name": lambda: "name:" + lower_form(info.words[0]),
        "country": lambda: "country:" + c,
        "role": lambda: f"role:{c}:{info.family or '-'}:{info.role}",
        "group": lambda: f"group:{c}:{info.family}{qualifier}",
        "org": lambda: (
            f"org:{c}:{info.family}{qualifier}"
            if info.family
            else f"org:{c}:" + " ".join(info.words)
        ),
    }
    make = keys.get(info.kind)
    return make() if make is not None else "text:" + " ".join(info.words)


def canonical_key(surface: str) -> str:
    """The text-only grouping key of an actor's surface form, e.g.
    "org:ukraine:intelligence:military", "person:kyrylo budanov", "group:ukraine:officials"."""
    return key_of(analyse(surface))
