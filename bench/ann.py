"""Chroma's approximate (HNSW) index against exact search over the same stored vectors.

Vector search compares every vector up to `search.exact_up_to` (assistant/store/exact.py);
above it Chroma's HNSW graph answers. Ranking every stored vector here, independently of
the project's code, gives the true top-k; the HNSW answer to the same queries shows what
recall and speed vector search would have on the index alone, and how much of the true
top-k it returns (overlap). The time to read the matrix out of Chroma (paid once per
process by the exact search) is measured too.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Comparison:
    """Exact and HNSW top-k per query, with overlap and timings."""

    exact: list[list[str]]
    hnsw: list[list[str]]
    overlap: float
    hnsw_ms: list[float]  # per query, Chroma's index alone
    load_s: float  # reading every vector out of Chroma, as the exact search does once


def compare(store: Store, texts: Sequence[str], k: int) -> Comparison:
    """Exact top-k per query text, Chroma's HNSW top-k, and their overlap."""
    began = time.perf_counter()
    ids, matrix = stored_vectors(store)
    load_s = time.perf_counter() - began
    vectors = store.embedder.embed(list(texts))
    exact = exact_top(ids, matrix, vectors, k)
    n = max(store.settings.search.candidates, k)  # as `search` asks the index
    index: Any = store.vectors  # ChromaVectors: its HNSW path, whatever exact_up_to says
    hnsw: list[list[str]] = []
    hnsw_ms: list[float] = []
    for v in vectors:
        t = time.perf_counter()
        hits = index.approximate(v, n, None)
        hnsw_ms.append((time.perf_counter() - t) * 1000)
        hnsw.append([h.chunk_id for h in hits][:k])
    return Comparison(exact, hnsw, overlap(hnsw, exact, k), hnsw_ms, load_s)
