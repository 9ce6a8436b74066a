"""Sources that spell one name differently, found by code in an agreement answer's evidence:
"training at bases in ... Vlagoveshensk" in one source, "... Blagoveshchensk" in another.

Names are capitalised words of five letters or more that do not start a sentence. A name
of an evidence sentence that speaks of the question's subject (it states one of its
words) is looked for in the whole text of the evidence's other sources. Two names are one
name spelt two ways when they are close (difflib ratio >= 0.8), one source writes only
the first and another only the second, and neither is the other with an ending ("Korea",
"Korean"; "Ukraine", "Ukrainian": a word of another class, not a spelling). Reported as a
conflict of kind "spelling", the evidence sentence and the other source's sentence cited.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from ..store import Document
from ..text.sentences import sentence_spans
from .classify import states, subject_words
from .evidence import Evidence
from .models import Conflict

_NAME = re.compile(r"(?<![^\W_])[A-Z][^\W\d_]{4,}(?![^\W\d_])")
_STARTS = re.compile(r"(?:^|[.!?:]\s*[\"“'‘]?)\s*$")  # what precedes a sentence's first word
_RATIO = 0.8
_STEM = 4
"""Leading letters two names must share to be spellings of one (a different name that
happens to be close, "Kharkiv" / "Kherson", does not)."""
Cite = Callable[[Evidence], int]


def spelling_conflicts_in(
    question: str, evidence: Sequence[Evidence], cite: Cite
) -> list[Conflict]:
    """Names of the subject's evidence sentences that another of the evidence's sources
    spells differently (anywhere in its text: the one passage an answer gets from each
    source is seldom the one naming the same place)."""
    words = [w for w in subject_words(question) if w.islower()]
    docs = {e.doc.id: e.doc for e in evidence}
    written = {doc_id: _names_of(doc.text) for doc_id, doc in docs.items()}
    seen: set[frozenset[str]] = set()
    found: list[Conflict] = []
    for e in evidence:
        if words and not any(states(e.text, w) for w in words):
            continue
        for x in _names_of(e.text):
            for doc_id, doc in docs.items():
                if doc_id == e.doc.id or x in written[doc_id]:
                    continue
                for y, at in written[doc_id].items():
                    pair = frozenset({x, y})
                    if pair in seen or y in written[e.doc.id] or not _variants(x, y):
                        continue  # a source writing both is not spelling one name its way
                    seen.add(pair)
                    n_x, n_y = cite(e), cite(_sentence_at(doc, at))
                    found.append(
                        Conflict(
                            kind="spelling", about=x,
                            summary=f'"{x}" [{n_x}] and "{y}" [{n_y}] spell one name',
                            citations=sorted({n_x, n_y}),
                        )
                    )  # fmt: skip
    return found


def _names_of(text: str) -> dict[str, int]:
    """Each name of `text` (see the module doc) and where it first is."""
    names: dict[str, int] = {}
    for m in _NAME.finditer(text):
        if not _STARTS.search(text[max(0, m.start() - 3) : m.start()]):
            names.setdefault(m.group(), m.start())
    return names


def _sentence_at(doc: Document, at: int) -> Evidence:
    span = next((s for s in sentence_spans(doc.text) if s.start <= at < s.end), None)
    start, end = (span.start, span.end) if span else (at, at)
    return Evidence(f"{doc.id}@{start}", doc, start, end, 0.0)


def _variants(x: str, y: str) -> bool:
    a, b = x.lower(), y.lower()
    if a == b or a.startswith(b) or b.startswith(a):
        return False
    if a[:_STEM] != b[:_STEM] and a[1 : _STEM + 1] != b[1 : _STEM + 1]:
        return False
    return SequenceMatcher(None, a, b).ratio() >= _RATIO
