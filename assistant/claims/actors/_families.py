"""Institution families and roles for the resolution keys: the keyword families of bodies
(intelligence, police, military, government, "ministry defence", ...), the words that
qualify a body, and the normalised role of title or role words ("intelligence chief" ->
"head").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from ._lexicon import ROLE_HEADS, ROLE_NORMAL, TITLE_HEADS, word_set

GENERIC_ORGANISATION_WORDS: Final = word_set(
    """agency agencies service services directorate department office bureau body unit
    organization organisation center centre committee administration authority institute
    command"""
)
NON_DISTINCTIVE: Final = word_set("main state general chief principal official own")
QUALIFIER_NORMAL: Final[dict[str, str]] = {
    "defense": "military",
    "defence": "military",
    "military": "military",
    "armed": "military",
    "foreign": "foreign",
    "external": "foreign",
}
_FAMILY_TRIGGERS: Final[dict[str, frozenset[str]]] = {
    "intelligence": frozenset({"intelligence", "spy", "spies", "espionage", "reconnaissance"}),
    "national security council": frozenset({"national", "security", "council"}),
    "security council": frozenset({"security", "council"}),
    "security service": frozenset(
        {"security", "service", "services", "secret", "counterintelligence"}
    ),
    "police": frozenset({"police"}),
    "presidency": frozenset({"presidency", "presidential", "president", "office"}),
    "military": frozenset({"military", "army", "armed", "forces", "force", "staff"}),
    "navy": frozenset({"navy", "naval"}),
    "air force": frozenset({"air", "force", "forces"}),
    "government": frozenset(
        {"government", "authorities", "administration", "cabinet", "regime", "leadership"}
    ),
    "parliament": frozenset({"parliament", "congress", "senate", "legislature", "assembly"}),
    "media": frozenset({"media", "press"}),
    "prosecutors": frozenset({"prosecutor", "prosecutors", "prosecution"}),
}
_MINISTRY_WORDS: Final = frozenset(
    {"ministry", "ministries", "department", "secretariat", "minister", "secretary", "office"}
)
_MINISTRY_TOPICS: Final[dict[str, str]] = {
    "defense": "defence",
    "defence": "defence",
    "foreign": "foreign",
    "external": "foreign",
    "state": "foreign",
    "interior": "interior",
    "internal": "interior",
    "home": "interior",
}


def _ministry(present: set[str]) -> tuple[str, frozenset[str]]:
    """ "ministry defence" for "Ministry of Defence", "defense ministry", "Defense Secretary"."""
    rest = sorted(
        present - _MINISTRY_WORDS - GENERIC_ORGANISATION_WORDS - NON_DISTINCTIVE - {"affairs"}
    )
    named = {w for w in present if w in _MINISTRY_TOPICS}
    if named == {"state"} and set(rest) - {"of"}:
        named = set()  # "the state revenue department" is a state's, not the State Department
    topics = sorted({_MINISTRY_TOPICS[w] for w in named})
    if topics:
        used = _MINISTRY_WORDS | set(_MINISTRY_TOPICS) | {"affairs", "of"}
        return "ministry " + "+".join(topics), frozenset(used)
    if rest and present & {"ministry", "ministries", "minister"}:
        return "ministry " + "+".join(rest), frozenset(present)
    return "", frozenset()


# Families in the order they are tried: (family, words all present, any one present).
_FAMILY_RULES: Final[tuple[tuple[str, frozenset[str], frozenset[str]], ...]] = (
    ("national security council", word_set("national security council"), frozenset()),
    ("security council", word_set("security council"), frozenset()),
    ("security service", word_set("security service"), frozenset()),
    ("security service", word_set("secret service"), frozenset()),
    ("security service", frozenset(), word_set("counterintelligence counter-intelligence")),
    ("intelligence", frozenset(), _FAMILY_TRIGGERS["intelligence"]),
    ("police", frozenset(), _FAMILY_TRIGGERS["police"]),
    ("presidency", frozenset(), word_set("presidency presidential")),
    ("presidency", word_set("office president"), frozenset()),
    ("ministry", frozenset(), _MINISTRY_WORDS),
    ("air force", word_set("air force"), frozenset()),
    ("military", frozenset(), _FAMILY_TRIGGERS["military"]),
    ("navy", frozenset(), _FAMILY_TRIGGERS["navy"]),
    ("government", frozenset(), _FAMILY_TRIGGERS["government"]),
    ("parliament", frozenset(), _FAMILY_TRIGGERS["parliament"]),
    ("media", frozenset(), _FAMILY_TRIGGERS["media"]),
    ("prosecutors", frozenset(), _FAMILY_TRIGGERS["prosecutors"]),
)


def family_of(words: Sequence[str]) -> tuple[str, frozenset[str]]:
    """Institution type of some content words, and the words that made it."""
    present = set(words)
    for family, every, some in _FAMILY_RULES:
        if (every and every <= present) or (some and present & some):
            if family == "ministry":
                found = _ministry(present)
                if found[0]:
                    return found
                continue
            return family, _FAMILY_TRIGGERS.get(family, every | some)
    return "", frozenset()


def role_name(words: Sequence[str]) -> str:
    """Normalised role of title or role words: "intelligence chief" -> "head"."""
    heads = [w for w in words if w in TITLE_HEADS or w in ROLE_HEADS]
    if not heads:
        return ""
    head = heads[-1]
    if head == "minister" and "prime" in words:
        return "prime minister"
    role = ROLE_NORMAL.get(head, head)
    if "deputy" in words or "vice" in words:
        role = "deputy " + role
    return role


def role_key(countries: Sequence[str], words: Sequence[str]) -> str:
    role = role_name(words)
    if not role:
        return ""
    family, _ = family_of([w for w in words if w not in TITLE_HEADS or w == "president"])
    if family == "presidency" and role == "leader":
        family = ""
    c = "+".join(sorted(x.lower() for x in countries)) or "-"
    return f"role:{c}:{family or '-'}:{role}"
