"""`actor_in_text`: whether a chosen asserter is really named in a text, by the same words, a
person's surname alone, an organisation's name without its country, or its acronym.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ._context import TextContext
from ._keys import ActorInfo, analyse, strip_article
from ._tokens import STRAIGHTEN


def _norm_text(text: str) -> str:
    return " ".join(text.translate(STRAIGHTEN).split())


def _contains(text: str, phrase: str, *, case: bool) -> bool:
    if not phrase:
        return False
    pattern = r"\s+".join(re.escape(p) for p in phrase.split())
    flags = 0 if case else re.IGNORECASE
    return re.search(rf"(?<!\w){pattern}(?!\w)", text, flags) is not None


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w and w[0].isupper())


def surnames_of(name: Sequence[str]) -> list[str]:
    """Words that name a person alone: the last, and the first of a three-word name."""
    words = [w for w in name if len(w) > 1]
    if not words:
        return []
    out = [words[-1]]
    if len(words) == 3:
        out.append(words[0])
    return [w for w in out if len(w) >= 3]


def actor_in_text(actor: str, text: str) -> bool:
    """Whether `actor` is named in `text`: the same words (whitespace, typographic
    apostrophes and case aside), a person's surname alone, an organisation's name without
    its country ("Defense Intelligence Agency" for "Ukraine's Defense Intelligence Agency"),
    or its acronym ("NIS") when the actor carries it in brackets, defines it in `text`, or
    spells its capitalised initials (three letters or more)."""
    t = _norm_text(text)
    core = strip_article(_norm_text(actor))
    if not core:
        return False
    single_acronym = core.isupper() and " " not in core and len(core) <= 6
    if _contains(t, core, case=single_acronym):
        return True
    if single_acronym:  # "NIS" named by "National Intelligence Service" in the text
        return any(
            _initials(m.group().split()) == core
            for m in re.finditer(r"[A-Z][\w'-]*(?:\s+(?:of|for|the|and)?\s*[A-Z][\w'-]*)+", t)
        )
    info = analyse(core)
    if info.kind == "person":
        return any(_contains(t, w, case=True) for w in surnames_of(info.words))
    if info.kind in {"org", "name", "group", "role"}:
        return _body_named(core, info, t)
    return False


def _body_named(core: str, info: ActorInfo, text: str) -> bool:
    """An organisation named without its country, or by its acronym."""
    acronyms = {info.acronym} if info.acronym else set()
    name_part = without_country(core)
    if name_part:
        words = name_part.split()
        initials = _initials(words)
        proper = len(initials) == len([w for w in words if w.lower() not in _CONNECTOR_WORDS])
        if proper and len(words) >= 2 and _contains(text, name_part, case=False):
            return True
        if proper and len(initials) >= 3:
            acronyms.add(initials)
        for m in re.finditer(re.escape(name_part) + r"\s*\(([A-Z][A-Z0-9]{1,7})\)", text):
            acronyms.add(m.group(1))
    return any(_contains(text, acr, case=True) for acr in acronyms)


_CONNECTOR_WORDS: Final = frozenset({"of", "for", "the", "and"})


def without_country(surface: str) -> str:
    """An organisation's name without its possessive or adjectival country, or "of C"."""
    context = TextContext(surface)
    tokens, n = context.tokens, context.length
    a, b = 0, n
    if n and tokens[n - 1].text == ")" and n >= 3 and tokens[n - 3].text == "(":
        b = n - 3
    if a in context.country_at:
        a = context.country_at[a][0]
        if a < b and tokens[a].possessive:
            a += 1
    if (
        b - 1 in context.country_end
        and b - 2 >= a
        and tokens[context.country_end[b - 1] - 1].lower == "of"
    ):
        b = context.country_end[b - 1] - 1
    if a >= b:
        return ""
    return surface[tokens[a].start : tokens[b - 1].end]
