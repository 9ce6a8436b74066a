"""The story a question is about, in a store of several: the documents naming what the
question names besides the places its figures are for ("the Christchurch earthquake",
"the Dungarvan court", "Thomson Reuters").

Figures and attributions come from claims, which are matched by what they count and by
value, not by story: in 24 real pages of 24 stories, "How many people died in the
Christchurch earthquake?" listed the tolls of a landslide, a tornado outbreak and a
snowstorm. A store of one story names the question's names in most documents, so this
changes nothing there (kaveri's "Sonachal floods" are named by 5 of its 6 pages; the
sixth says "Kaverikund floods" and must stay); when no document names them, nothing is
restricted either (the figures' own checks say what the sources do not give).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..store import Store
from ..text.words import NAME_RUN
from .classify import subject_words


def story_docs(store: Store, question: str, places: Sequence[str]) -> list[str] | None:
    """Ids of the documents naming one of the question's names that are no place of its
    figures, or None when the question names none, or none or more than half of the
    documents name them."""
    names = question_names(question, places)
    if not names:
        return None
    found = store.docs.mentioning(names)
    # one story is named differently by its sources ("the Sonachal floods", "the
    # Kaverikund floods"): only a name few documents give marks a story among several
    return found if 0 < len(found) <= store.docs.doc_count() // 2 else None


def question_names(question: str, places: Sequence[str] = ()) -> list[str]:
    """The capitalised names of the question's subject ("How many died in the Christchurch
    earthquake?" -> ["Christchurch"]), without the places its figures are for, possessive
    endings or the question's opening word."""
    subject = {_bare(w) for w in subject_words(question)}
    placed = {w for p in places for w in p.split()}
    found: list[str] = []
    for run in NAME_RUN.finditer(question):
        words = [_bare(w) for w in run.group().split()]
        if run.start() == 0:
            words = words[1:]  # "How", "Who", "Which"
        name = " ".join(w for w in words if w and w not in placed
                        and (w in subject or w.removesuffix("s") in subject))  # fmt: skip
        if name:
            found.append(name)
    return list(dict.fromkeys(found))


def _bare(word: str) -> str:
    """A word without its possessive ending or a stop or comma after it."""
    return word.strip(".,").removesuffix("'s").removesuffix("\u2019s")
