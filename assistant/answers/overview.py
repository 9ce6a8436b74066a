"""Summary questions ("Summarise what is known about the floods"): every relevant source
heard, each by its own main points, cited.

The sources are the documents of the passages that best match the question, in date
order. For each, a summary `factcheck summarize` already made (cached for the document's
version, prompt and model) gives its checked sentences; otherwise its main points are
quoted: of its sentences (`summaries.document.evidence_of`, every one), the ones closest to
the question, the lead's and those stating figures a little ahead, verbatim, after the
outlet and date. No model call is needed for the quotes, so a summary
of six sources answers in about a second; one composed answer over one sentence per
source (the earlier design) covered 1 of 8 facts on a real-news sample and 2 sources.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ..claims.models import Claim
from ..claims.store import ClaimStore
from ..search import Filters, search
from ..store import Document, Store
from .cite import CitationBook, marks, outlet_name
from .evidence import Evidence
from .models import Citation, Sentence
from .phrasing import day_label, doc_label

PASSAGES = 20
"""Passages retrieved to find the sources a summary question is about."""
MAX_SOURCES = 6
FIGURE_BONUS = 0.05
"""Added to a sentence's closeness to the question when it states a figure: a source's main
points are its figures, who gave them and where, more than its framing sentences."""
LEAD_BONUS = 0.05
"""Added for the first sentences of an article, where news puts its main facts."""
REPEAT_PENALTY = 0.5
"""How much a quote's closeness to one already chosen counts against it: a summary that
quotes six sources saying "12,000 troops" says one thing six times."""
MIN_WORDS = 6
PER_SOURCE = 2
"""Quoted main points per source (one when there are more than `FEW_SOURCES`)."""
FEW_SOURCES = 6


def overview_sentences(
    store: Store, question: str, book: CitationBook, filters: Filters | None = None,
    answer_model: str | None = None,
) -> list[Sentence]:  # fmt: skip
    """One or two sentences per relevant source, each citing what it says."""
    from ..summaries.cache import SummaryCache
    from ..summaries.document import prompt_version

    hits = search(store, question, k=PASSAGES, filters=filters)
    docs = list({h.document.id: h.document for h in hits}.values())[:MAX_SOURCES]
    docs.sort(key=lambda d: (d.date or "9999", outlet_name(d).lower(), d.id))
    per_source = PER_SOURCE if len(docs) <= FEW_SOURCES else 1
    cache = SummaryCache(store.settings.home / "summaries")
    claims = ClaimStore(store)
    said: list[npt.NDArray[np.float32]] = []  # what earlier quotes said, to say it once
    said_values: set[float] = set()
    sentences: list[Sentence] = []
    for doc in docs:
        cached = None
        if answer_model is not None:
            cached = cache.get(doc.id, doc.version, prompt_version(), answer_model)
        if cached is not None and cached.kept:
            sentences += _recited(cached.kept, cached.citations, doc, book)
            continue
        stated = claims.claims([doc.id])
        for e in _main_points(store, question, doc, stated, per_source, (said, said_values)):
            n = book.cite(doc, e.start, e.end)
            quote = " ".join(e.text.split())
            if not doc.outlet and doc.title and quote.startswith(_short(doc.title)):
                text = f"“{quote}” [{n}]"  # the headline names the source that has no outlet
            else:
                text = f"{_label(doc)}: “{quote}” [{n}]"
            sentences.append(Sentence(text=text, citations=[n]))
    return sentences


def _main_points(
    store: Store, question: str, doc: Document, stated: list[Claim], n: int,
    earlier: tuple[list[npt.NDArray[np.float32]], set[float]],
) -> list[Evidence]:  # fmt: skip
    """The document's `n` sentences closest to the question (the lead's and those stating
    figures a little ahead), each new to what the `earlier` quotes said (their vectors and
    figures: maximal marginal relevance, a new figure always news), in reading order;
    `earlier` gets theirs."""
    from ..summaries.document import LEAD, evidence_of

    said, said_values = earlier

    evidence = [e for e in evidence_of(doc, stated, limit=None) if _a_point(e.text)]
    if not evidence:
        return []
    vectors = store.embedder.embed([question, *(e.text for e in evidence)])
    figures = [q.start for c in stated if c.quantity is not None for q in c.quotes]
    score = [
        float(closeness) + (FIGURE_BONUS if any(e.start <= f < e.end for f in figures) else 0)
        + (LEAD_BONUS if i < LEAD else 0)
        for i, (e, closeness) in enumerate(zip(evidence, vectors[1:] @ vectors[0], strict=True))
    ]  # fmt: skip
    values = [
        {c.quantity.value for c in stated if c.quantity is not None
         and any(e.start <= q.start < e.end for q in c.quotes)}
        for e in evidence
    ]  # fmt: skip

    def gain(i: int) -> float:
        if values[i] - said_values:
            return score[i]  # a figure not quoted yet is news, however alike the words
        repeat = max((float(vectors[1 + i] @ v) for v in said), default=0.0)
        return score[i] - REPEAT_PENALTY * repeat

    chosen: list[int] = []
    for _ in range(min(n, len(evidence))):
        best = max((i for i in range(len(evidence)) if i not in chosen), key=gain)
        chosen.append(best)
        said.append(vectors[1 + best])
        said_values.update(values[best])
    return [evidence[i] for i in sorted(chosen)]


def _a_point(text: str) -> bool:
    """A sentence that states something: not a question or a subheading ("Troop Movements
    Confirmed?")."""
    return not text.rstrip().endswith("?") and len(text.split()) >= MIN_WORDS


def _short(title: str) -> str:
    return " ".join(title.split()[:5])


def _label(doc: Document) -> str:
    name = doc_label(doc)
    return f"{name} ({day_label(doc.date)})" if doc.date else name


def _recited(
    kept: Sequence[Sentence], citations: Sequence[Citation], doc: Document, book: CitationBook
) -> list[Sentence]:
    """A cached summary's sentences, their citations renumbered in this answer's book."""
    by_n = {c.n: c for c in citations}
    out: list[Sentence] = []
    for s in kept:
        cited = [
            book.cite(doc, c.start, c.end, c.asserter)
            for n in s.citations if (c := by_n.get(n)) is not None
        ]  # fmt: skip
        if cited:
            out.append(Sentence(text=f"{_label(doc)}: {s.text} {marks(cited)}", citations=cited))
    return out
