"""`find_actors` and its `ActorSpan`s: the candidates of every matcher at every word and the
anchored ones, reduced to non-overlapping spans with the more specific kind first, and at
most `MAX_ACTORS` of them, attributed ones kept first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, NamedTuple

from ._anchored import match_bare_backward, match_bare_forward
from ._context import TextContext
from ._matchers import (
    match_country_noun_phrase,
    match_generic,
    match_named_outlet,
    match_names,
    match_organisation,
    match_the_acronym,
    match_titled_span,
)

MAX_ACTORS: Final = 10


@dataclass(frozen=True)
class ActorSpan:
    """A candidate asserter: ``text`` is exactly ``source[start:end]``."""

    start: int
    end: int
    text: str


_P_TITLED, _P_ORG, _P_COUNTRY_NP, _P_NAME, _P_GROUP, _P_LIST, _P_BARE, _P_ACRONYM = (
    90,
    80,
    70,
    60,
    50,
    45,
    40,
    40,
)


class _Candidate(NamedTuple):
    start: int  # token range [start, end)
    end: int
    priority: int
    kind: str  # "titled", "org", "np", "name", "group", "list", "bare", "acronym"
    anchored: bool


# Matchers tried at every word, with the priority and kind of what they find.
_MATCHERS: Final = (
    (match_titled_span, _P_TITLED, "titled"),
    (match_organisation, _P_ORG, "org"),
    (match_named_outlet, _P_ORG, "org"),
    (match_country_noun_phrase, _P_COUNTRY_NP, "np"),
    (match_names, _P_NAME, "name"),
    (match_generic, _P_GROUP, "group"),
    (match_the_acronym, _P_ACRONYM, "acronym"),
)


def _collect(context: TextContext) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    n = context.length

    def add(start: int, end: int, priority: int, kind: str) -> None:
        if 0 <= start < end <= n:
            candidates.append(_Candidate(start, end, priority, kind, context.anchored(start, end)))

    for i in range(n):
        if not context.tokens[i].word:
            continue
        for match, priority, kind in _MATCHERS:
            found = match(context, i)
            if found is not None:
                add(found[0], found[1], priority, kind)
    bare = [match_bare_forward(context, f) for f in sorted(context.frame_starts)]
    bare += [match_bare_backward(context, e) for e in sorted(context.subject_ends)]
    for hit in bare:
        if hit is not None:
            add(hit[0], hit[1], _P_LIST if hit[2] == "list" else _P_BARE, hit[2])
    return candidates


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, most specific first; an organisation may sit inside a
    titled person's title ("Foreign Ministry spokesperson Maria Zakharova")."""
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        clash = False
        for d in chosen:
            if c.start < d.end and d.start < c.end:
                inside = d.start <= c.start and c.end <= d.end
                if not (inside and d.kind == "titled" and c.kind == "org" and c.end < d.end):
                    clash = True
                    break
        if not clash:
            chosen.append(c)
    return chosen


def find_all_candidates(text: str) -> list[tuple[_Candidate, ActorSpan]]:
    context = TextContext(text)
    out: list[tuple[_Candidate, ActorSpan]] = []
    for c in _select(_collect(context)):
        start, end = context.tokens[c.start].start, context.tokens[c.end - 1].end
        out.append((c, ActorSpan(start, end, text[start:end])))
    out.sort(key=lambda x: (x[1].start, x[1].end))
    return out


def find_actors(text: str) -> list[ActorSpan]:
    """Candidate asserters named in `text`, by position, one per distinct text, at most 10.

    When there are more, the ones in an attribution frame ("X said", "according to X") and
    the more specific kinds are kept.
    """
    seen: set[str] = set()
    found: list[tuple[_Candidate, ActorSpan]] = []
    for c, span in find_all_candidates(text):
        if span.text not in seen:
            seen.add(span.text)
            found.append((c, span))
    if len(found) > MAX_ACTORS:
        ranked = sorted(found, key=lambda x: (not x[0].anchored, -x[0].priority, x[1].start))
        found = sorted(ranked[:MAX_ACTORS], key=lambda x: x[1].start)
    return [span for _, span in found]
