"""`CorpusKnowledge`, what a corpus says about the actors it names: full names and their spellings
(surnames one edit apart are one person), acronyms defined in brackets, who holds which
role, and the country of a body that is also named without one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Final

from ._families import role_name
from ._in_text import surnames_of, without_country
from ._keys import ActorInfo, analyse, countries_key, key_of, strip_article
from ._lexicon import ROLE_HEADS, TITLE_HEADS
from ._spans import ActorSpan, find_all_candidates
from ._tokens import lower_form


def _edit_distance_at_most_one(x: str, y: str) -> bool:
    if x == y:
        return True
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) > len(y):
        x, y = y, x
    i = 0
    while i < len(x) and x[i] == y[i]:
        i += 1
    if len(x) == len(y):
        return x[i + 1 :] == y[i + 1 :]
    return x[i:] == y[i + 1 :]


# Up to two words then a role: "the spokesperson", "head", "deputy defence minister".
_ROLE_WORDS_RE: Final = (
    r"((?:[\w-]+\s+){0,2}?(?:"
    + "|".join(re.escape(w) for w in sorted(ROLE_HEADS | TITLE_HEADS, key=len, reverse=True))
    + r"))"
)


class CorpusKnowledge:
    """What the corpus says about names: full names, acronyms, role holders, countries."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.full_names: dict[str, Counter[str]] = defaultdict(Counter)  # person key -> forms
        self.acronyms: dict[str, set[str]] = defaultdict(set)  # ACR -> org keys
        self.org_forms: dict[str, Counter[str]] = defaultdict(Counter)  # org key -> surfaces
        self.role_holders: dict[str, set[str]] = defaultdict(set)  # role key -> person keys
        self.countries_of: dict[str, set[str]] = defaultdict(set)  # countryless key -> keys
        for text in texts:
            self._read(text)
        self.cluster = self._cluster_people()
        self.surname_index: dict[str, set[str]] = defaultdict(set)
        for key in self.full_names:
            for w in surnames_of(key.removeprefix("person:").split()):
                self.surname_index[w].add(self.cluster[key])

    def _read(self, text: str) -> None:
        found = find_all_candidates(text)
        infos = [(span, analyse(span.text)) for _, span in found]
        for index, (span, info) in enumerate(infos):
            key = key_of(info)
            if info.kind == "person" and len(info.words) >= 2:
                self.full_names[key][" ".join(info.words)] += 1
                if info.role:
                    self.role_holders[info.role].add(key)
                self._appositive(text, index, infos, key)
            if info.kind == "org":
                self.org_forms[key][strip_article(span.text)] += 1
                if info.acronym:
                    self.acronyms[info.acronym].add(key)
                if info.countries and info.proper:
                    bare = key_of(ActorInfo("org", (), info.family, info.qualifier, info.words))
                    if info.family:
                        bare_name = without_country(strip_article(span.text))
                        name_key = "orgname:" + lower_form(strip_article(bare_name))
                        self.countries_of[name_key].add(key)
                    self.countries_of[bare].add(key)

    def _appositive(
        self, text: str, index: int, infos: list[tuple[ActorSpan, ActorInfo]], person_key: str
    ) -> None:
        """ "Name, the spokesperson for ORG" and "The head of ORG, Name," link a role."""
        span, _ = infos[index]
        role_words = _ROLE_WORDS_RE
        if index + 1 < len(infos):
            org_span, org = infos[index + 1]
            between = text[span.end : org_span.start]
            m = re.fullmatch(
                rf",\s+(?:the\s+|a\s+|an\s+)?{role_words}\s+(?:of|for|at|to)\s+(?:the\s+)?",
                between,
                re.IGNORECASE,
            )
            if m and org.kind == "org":
                self._link(org, m.group(1).lower().split(), person_key)
        if index > 0:
            org_span, org = infos[index - 1]
            between = text[org_span.end : span.start]
            before = text[max(0, org_span.start - 40) : org_span.start]
            m = re.search(
                rf"(?:^|\W)(?:the\s+)?{role_words}\s+(?:of|for|at)\s+(?:the\s+)?$",
                before,
                re.IGNORECASE,
            )
            if m and org.kind == "org" and re.fullmatch(r"(?:\s*\(\w+\))?,\s*", between):
                self._link(org, m.group(1).lower().split(), person_key)

    def _link(self, org: ActorInfo, role_words: list[str], person_key: str) -> None:
        role = role_name(role_words)
        if not role or not org.countries:
            return
        family = org.family or " ".join(org.words)
        self.role_holders[f"role:{countries_key(org.countries)}:{family}:{role}"].add(person_key)

    def _cluster_people(self) -> dict[str, str]:
        """Full names with the same given name and surnames one edit apart are one person."""
        keys = sorted(self.full_names)
        parent = {k: k for k in keys}

        def find(k: str) -> str:
            while parent[k] != k:
                k = parent[k]
            return k

        for x_i, x in enumerate(keys):
            xs = x.removeprefix("person:").split()
            for y in keys[x_i + 1 :]:
                ys = y.removeprefix("person:").split()
                if (
                    len(xs) == len(ys) >= 2
                    and xs[:-1] == ys[:-1]
                    and min(len(xs[-1]), len(ys[-1])) >= 5
                    and xs[-1][:3] == ys[-1][:3]
                    and _edit_distance_at_most_one(xs[-1], ys[-1])
                ):
                    rx, ry = find(x), find(y)
                    if rx != ry:
                        parent[max(rx, ry)] = min(rx, ry)
        return {k: find(k) for k in keys}

    def person_display(self, cluster: str) -> str:
        forms: Counter[str] = Counter()
        for key, counts in self.full_names.items():
            if self.cluster[key] == cluster:
                forms.update(counts)
        if not forms:
            return ""
        return min(forms, key=lambda f: (-forms[f], -len(f), f))

    def unique_person(self, keys: set[str]) -> str:
        clusters = {self.cluster.get(k, k) for k in keys}
        return next(iter(clusters)) if len(clusters) == 1 else ""
