"""Hybrid retrieval: dense vectors and BM25, fused by reciprocal rank (RRF).

Local Chroma has no lexical search, so BM25 comes from SQLite FTS5 beside it. Each
retriever returns its top candidates; a passage's fused score is the sum over retrievers of
1 / (rrf_k + rank). Vector hits whose chunk no longer exists are dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .store import Chunk, Document, Store

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "vector", "lexical"]


@dataclass(frozen=True)
class Filters:
    """Restrict retrieval to some documents."""

    sources: Sequence[str] = ()
    outlets: Sequence[str] = ()
    since: str | None = None
    until: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.sources or self.outlets or self.since or self.until)


@dataclass(frozen=True)
class Hit:
    """A ranked passage with where it comes from."""

    chunk: Chunk
    document: Document
    score: float
    ranks: dict[str, int] = field(default_factory=dict)  # retriever -> 1-based rank


def search(
    store: Store,
    query: str,
    *,
    k: int | None = None,
    filters: Filters | None = None,
    mode: Mode = "hybrid",
) -> list[Hit]:
    """The `k` best passages for `query`."""
    s = store.settings.search
    k = k or s.k
    doc_ids = store.docs.doc_ids(**filters.__dict__) if filters and filters.active else None
    if doc_ids is not None and not doc_ids:
        return []
    n = max(s.candidates, k)
    rankings: dict[str, list[str]] = {}
    if mode in ("hybrid", "lexical"):
        rankings["lexical"] = store.docs.lexical(query, n, doc_ids)
    if mode in ("hybrid", "vector") and query.strip():
        vector = store.embedder.embed([query])[0]
        rankings["vector"] = [h.chunk_id for h in store.vectors.query(vector, n, doc_ids)]
    fused = fuse(rankings, s.rrf_k)
    chunks = store.docs.chunks_by_id(list(fused))
    hits: list[Hit] = []
    documents: dict[str, Document] = {}
    for chunk_id, (score, ranks) in fused.items():
        chunk = chunks.get(chunk_id)
        if chunk is None:
            continue  # a vector left over from an interrupted write
        doc = documents.get(chunk.doc_id) or store.docs.get(chunk.doc_id)
        if doc is None:
            continue
        documents[doc.id] = doc
        hits.append(Hit(chunk, doc, score, ranks))
        if len(hits) == k:
            break
    return hits


def fuse(rankings: dict[str, list[str]], rrf_k: int) -> dict[str, tuple[float, dict[str, int]]]:
    """Reciprocal rank fusion: ids ordered by fused score, best first, ties by first seen."""
    scores: dict[str, float] = {}
    ranks: dict[str, dict[str, int]] = {}
    for name, ids in rankings.items():
        for rank, item in enumerate(ids, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (rrf_k + rank)
            ranks.setdefault(item, {})[name] = rank
    order = sorted(scores, key=lambda i: -scores[i])
    return {i: (scores[i], ranks[i]) for i in order}
