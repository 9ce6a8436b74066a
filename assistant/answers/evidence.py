"""Evidence for a composed answer: the sentences of the best passages that are closest to
the question, each with an id (E1, E2...) the model cites and the span it stands for.

Sentences rather than whole chunks keep prompts short (a 1.5B model reads ~60 tokens a
second on 2 cores) and make every citation point at the sentence that says the thing.
Sentences that address a model (injected instructions) are never shown to it. Their
vectors are read from the store when claim extraction put them there
(`store.sentence_vectors`), else embedded here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..claims.actors import ATTRIBUTION_VERBS
from ..claims.numbers import find_numbers
from ..search import Filters, Hit, search
from ..store import Document, Store
from ..store.sentence_vectors import stored
from ..text.injection import looks_like_instruction
from ..text.sentences import sentence_spans
from ..text.words import WORD
from .classify import states

PASSAGES = 8
"""Passages retrieved (hybrid) before their sentences are ranked."""
MAX_SENTENCE_CHARS = 600


@dataclass(frozen=True)
class Evidence:
    """One sentence the model may cite."""

    id: str
    doc: Document
    start: int
    end: int
    score: float

    @property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]


FAVOURED = 0.25
"""What a sentence stating what the question asks for (`gather`'s `favour`) adds to its
score: about the gap between a passage's first sentences and a later one's."""


def gather(
    store: Store, question: str, *, n: int = 4, filters: Filters | None = None,
    per_source: int | None = None, favour: Callable[[str], bool] | None = None,
) -> tuple[list[Evidence], list[Hit]]:  # fmt: skip
    """The `n` sentences closest to `question` from its best passages, and the passages.

    With `per_source`, at most that many sentences come from one document (summaries and
    agreement questions want every source heard). A sentence `favour` holds true for
    (one stating a clock time, for "What time did ...?") scores `FAVOURED` more.
    """
    hits = search(store, question, k=PASSAGES, filters=filters)
    seen: set[tuple[str, int]] = set()
    spans: list[tuple[Hit, int, int, int]] = []  # the hit, the span, its place in the chunk
    counts: dict[str, int] = {}
    for hit in hits:
        chunk = hit.chunk
        found = sentence_spans(chunk.text)
        counts[chunk.id] = len(found)
        for at, span in enumerate(found):
            start, end = chunk.start + span.start, chunk.start + span.end
            text = hit.document.text[start:end].strip()
            if (hit.document.id, start) in seen or len(text) < 12:
                continue
            if looks_like_instruction(text) or len(text) > MAX_SENTENCE_CHARS:
                continue
            seen.add((hit.document.id, start))
            spans.append((hit, start, end, at))
    if not spans:
        return [], hits
    known = stored(store, counts)
    fresh = iter(store.embedder.embed(
        [question, *(h.document.text[s:e] for h, s, e, _ in spans if h.chunk.id not in known)]
    ))  # fmt: skip
    asked = next(fresh)
    rows = [known[h.chunk.id][at] if h.chunk.id in known else next(fresh)
            for h, _, _, at in spans]  # fmt: skip
    similarity = np.stack(rows) @ asked
    rank_of = {h.chunk.id: i for i, h in enumerate(hits)}
    scored = sorted(
        ((float(sim) + 0.5 / (1 + rank_of[h.chunk.id])
          + (FAVOURED if favour is not None and favour(h.document.text[s:e]) else 0.0), h, s, e)
         for sim, (h, s, e, _) in zip(similarity, spans, strict=True)),
        key=lambda t: -t[0],
    )  # fmt: skip
    chosen: list[tuple[float, Hit, int, int]] = []
    per_doc: dict[str, int] = {}
    for item in scored:
        doc_id = item[1].document.id
        if per_source is not None and per_doc.get(doc_id, 0) >= per_source:
            continue
        per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
        chosen.append(item)
        if len(chosen) == n:
            break
    chosen.sort(key=lambda t: (t[1].document.id, t[2]))  # reading order within a source
    evidence = [
        Evidence(f"E{i}", h.document, s, e, score)
        for i, (score, h, s, e) in enumerate(chosen, start=1)
    ]
    return evidence, hits


def states_clock_time(text: str) -> bool:
    """Whether `text` states a clock time ("at about 13:14 hours", "1:14 p.m.")."""
    return any(n.kind == "time" for n in find_numbers(text))


def attributes_speech(text: str) -> bool:
    """Whether `text` says who said something: an attribution verb ("said", "told",
    "alleged") or a quotation mark."""
    return bool(_QUOTE_MARKS.search(text)) or any(
        w.lower() in ATTRIBUTION_VERBS for w in WORD.findall(text)
    )


def states_each(words: Sequence[str]) -> Callable[[str], bool]:
    """Whether a text states each of `words` (by inflection, `classify.states`)."""
    return lambda text: all(states(text, w) for w in words)


_QUOTE_MARKS = re.compile('["\u201c\u201d]')


# Double quotes of the evidence are shown as single ones. The model copies a quoted phrase
# with its marks and wrote a double one unescaped, which ends its JSON string: "described
# ... as a" and "serious issue." came out as two sentences (a seeds fact question). The
# check reads words, so the marks the model is shown do not matter to it, and citations
# quote the article itself.
_DOUBLE_QUOTES = str.maketrans(dict.fromkeys('"\u201c\u201d\u201e\u00ab\u00bb', "'"))


def render(evidence: Sequence[Evidence]) -> str:
    """The evidence block of a prompt: its sentences under the source they come from, each
    source named once (sources in the order of their best sentence). Naming the source on
    every line repeated a headline-long title up to five times: ~20% of a seeds prompt."""
    by_source: dict[str, list[Evidence]] = {}
    for e in evidence:
        by_source.setdefault(e.doc.id, []).append(e)
    blocks = []
    for group in by_source.values():
        doc = group[0].doc
        where = doc.outlet or doc.title or "unknown outlet"
        date = f", {doc.date}" if doc.date else ""
        lines = [f"Source: {where}{date}"]
        lines += [f"[{e.id}] {' '.join(e.text.split()).translate(_DOUBLE_QUOTES)}" for e in group]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
