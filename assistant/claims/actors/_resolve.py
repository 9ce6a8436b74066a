"""`resolve_actors`: every surface form mapped to one display name per actor, from its
canonical key, merged further only where the corpus supports it (a defined acronym, the only
person with a surname or holding a role, the only qualified body of a country and family).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ._keys import analyse, canonical_key, clean_surface, key_of, strip_article
from ._knowledge import CorpusKnowledge
from ._lexicon import SHARED_ROLES
from ._tokens import lower_form


def _display_score(surface: str, key: str) -> tuple[bool, float, int, str]:
    """Sort key of display candidates: forms that are themselves keyed to the group first
    (the qualified "Defense Intelligence Agency" over a merged "Main Intelligence
    Directorate"), then properly capitalised, then longer, then alphabetical."""
    s = strip_article(clean_surface(surface))
    words = [w for w in s.split() if w[:1].isalpha() and w.lower() not in {"of", "for", "and"}]
    proper = sum(1 for w in words if w[0].isupper()) / len(words) if words else 0.0
    return (canonical_key(surface) != key, -proper, -len(s), s)


def resolve_actors(surfaces: Iterable[str], corpus_texts: Iterable[str] = ()) -> dict[str, str]:
    """Map every surface form to the display name of the actor it names (see the package doc)."""
    forms = list(dict.fromkeys(surfaces))
    knowledge = CorpusKnowledge([*corpus_texts, *forms])
    resolved: dict[str, str] = {}
    extra: dict[str, list[str]] = defaultdict(list)  # display candidates learnt from the corpus
    for surface in forms:
        key, learnt = _resolve_key(surface, knowledge)
        resolved[surface] = key
        extra[key].extend(learnt)
    _merge_unqualified(resolved, extra)
    groups: dict[str, list[str]] = defaultdict(list)
    for surface, key in resolved.items():
        groups[key].append(surface)
    display: dict[str, str] = {}
    for key, members in groups.items():
        name = knowledge.person_display(key) if key.startswith("person:") else ""
        candidates = [m for m in members + extra.get(key, []) if m.strip()]
        if not name and candidates:
            best = min(candidates, key=lambda c: (_display_score(c, key), c))
            name = strip_article(clean_surface(best))
        display[key] = name or min(members)
    return {surface: display[key] for surface, key in resolved.items()}


def _resolve_key(surface: str, knowledge: CorpusKnowledge) -> tuple[str, list[str]]:
    """The group key of one surface form given the corpus, and display forms learnt."""
    info = analyse(surface)
    key = key_of(info)
    if info.kind == "person" and len(info.words) >= 2:
        return knowledge.cluster.get(key, key), []
    if info.kind in {"name", "person"} and info.words:  # a surname or an acronym alone
        word = info.words[0]
        orgs = knowledge.acronyms.get(word, set())
        if word.isupper() and len(orgs) == 1:
            org = next(iter(orgs))
            return org, list(knowledge.org_forms.get(org, Counter()))
        person = knowledge.unique_person(knowledge.surname_index.get(lower_form(word), set()))
        return person or key, []
    if info.kind == "role" and info.role not in SHARED_ROLES:
        return knowledge.unique_person(knowledge.role_holders.get(key, set())) or key, []
    if info.kind == "org" and not info.countries and (info.proper or info.acronym):
        name_key = "orgname:" + lower_form(strip_article(surface))
        targets = knowledge.countries_of.get(name_key, set()) or knowledge.countries_of.get(
            key, set()
        )
        if len(targets) == 1:
            org = next(iter(targets))
            return org, list(knowledge.org_forms.get(org, Counter()))
    return key, []


def _merge_unqualified(resolved: dict[str, str], extra: dict[str, list[str]]) -> None:
    """ "org:ukraine:intelligence" joins "org:ukraine:intelligence:military" when that is the
    only qualified body of that country and type."""
    qualified: dict[str, set[str]] = defaultdict(set)
    for key in resolved.values():
        parts = key.split(":")
        if parts[0] == "org" and parts[1] != "-" and len(parts) == 4:
            qualified[":".join(parts[:3])].add(key)
    for surface, key in resolved.items():
        targets = qualified.get(key, set())
        if len(targets) == 1:
            target = next(iter(targets))
            resolved[surface] = target
            extra[target].extend(extra.pop(key, []))
