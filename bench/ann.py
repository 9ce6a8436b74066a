"""Exact (brute-force) vector search over the stored vectors, as a yardstick for Chroma's HNSW.

Chroma answers vector queries from an approximate (HNSW) index. Ranking every stored
vector by cosine similarity shows how much of the true top-k the index returns (overlap)
and what recall vector retrieval would have with exact search.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.store import Store

FETCH_BATCH = 5000


def stored_vectors(store: Store) -> tuple[list[str], npt.NDArray[np.float32]]:
    """Every chunk id and vector in the store's Chroma collection."""
    collection: Any = getattr(store.vectors, "collection")  # noqa: B009 (ChromaVectors only)
    ids: list[str] = []
    rows: list[npt.NDArray[np.float32]] = []
    total = int(collection.count())
    for offset in range(0, total, FETCH_BATCH):
        got = collection.get(include=["embeddings"], limit=FETCH_BATCH, offset=offset)
        ids.extend(got["ids"])
        rows.append(np.asarray(got["embeddings"], dtype=np.float32))
    matrix = np.vstack(rows) if rows else np.zeros((0, 0), dtype=np.float32)
    return ids, matrix


def exact_top(
    ids: Sequence[str], matrix: npt.NDArray[np.float32], queries: npt.NDArray[np.float32], k: int
) -> list[list[str]]:
    """The `k` ids of highest cosine similarity per query (vectors are unit length)."""
    if not ids:
        return [[] for _ in range(len(queries))]
    scores = queries @ matrix.T
    top = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return [[ids[i] for i in row] for row in top]


def overlap(approx: Sequence[Sequence[str]], exact: Sequence[Sequence[str]], k: int) -> float:
    """Mean share of the exact top-k that the approximate top-k holds."""
    if not exact:
        return 1.0
    shares = [
        len(set(a[:k]) & set(e[:k])) / max(len(e[:k]), 1)
        for a, e in zip(approx, exact, strict=True)
    ]
    return sum(shares) / len(shares)


def compare(store: Store, texts: Sequence[str], k: int) -> tuple[list[list[str]], float]:
    """Exact top-k per query text, and the HNSW index's overlap with it."""
    ids, matrix = stored_vectors(store)
    vectors = store.embedder.embed(list(texts))
    exact = exact_top(ids, matrix, vectors, k)
    n = max(store.settings.search.candidates, k)  # as `search` asks the index
    approx = [[h.chunk_id for h in store.vectors.query(v, n)][:k] for v in vectors]
    return exact, overlap(approx, exact, k)
