"""Exact vector search: every stored vector compared with the query, in memory.

Chroma answers queries from an approximate (HNSW) graph. On a corpus where most chunks
are alike, a passage on another subject (the one off-topic paragraph a fact-checker is
looking for) has few links into the graph, and a query about it finds no path there: on
bench/bench_retrieval.py's corpora the graph's recall@5 on planted passages was 0.20 at 10k
chunks and 0.00 at 100k, against 0.84 and 0.86 comparing every vector. That costs one
matrix-vector product (100k x 384 floats: ~10 ms on two cores), so up to
`search.exact_up_to` vectors we compare them all; Chroma stays the store of record.

The matrix is read from the collection on first use and read again when the collection's
size differs from what was read (`ChromaVectors` counts it again after any commit to the
document store, so another process's writes are noticed); writes through this process
drop it at once.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

READ_PAGE = 5000  # vectors read per round trip when loading the matrix


@dataclass(frozen=True)
class Ranked:
    """An id and its cosine distance (1 - cosine similarity) to the query."""

    id: str
    distance: float


@dataclass(frozen=True)
class _Matrix:
    ids: list[str]
    vectors: npt.NDArray[np.float32]  # unit rows
    doc_codes: npt.NDArray[np.int32]  # row -> index into doc_names
    doc_names: dict[str, int]


class ExactIndex:
    """Brute-force cosine search over a Chroma collection's vectors."""

    def __init__(self, collection: Any) -> None:
        self.collection = collection
        self._matrix: _Matrix | None = None
        self._lock = threading.Lock()

    def invalidate(self) -> None:
        """Forget the loaded vectors (after a write through this process)."""
        with self._lock:
            self._matrix = None

    def query(
        self,
        vector: npt.NDArray[np.float32],
        n: int,
        doc_ids: Sequence[str] | None = None,
        *,
        count: int,
    ) -> list[Ranked]:
        """The `n` nearest vectors, optionally only those of `doc_ids`.

        `count` is the collection's current size: a loaded matrix of another size is stale.
        """
        with self._lock:
            if self._matrix is None or len(self._matrix.ids) != count:
                self._matrix = self._load()
            matrix = self._matrix
        if not matrix.ids or n <= 0:
            return []
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        norm = float(np.linalg.norm(query))
        if norm == 0.0:
            return []
        scores = matrix.vectors @ (query / norm)
        if doc_ids is not None:
            codes = [matrix.doc_names[d] for d in doc_ids if d in matrix.doc_names]
            allowed = np.isin(matrix.doc_codes, np.asarray(codes, dtype=np.int32))
            scores = np.where(allowed, scores, -np.inf)
            n = min(n, int(allowed.sum()))
        n = min(n, len(matrix.ids))
        if n == 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n] if n < len(scores) else np.arange(len(scores))
        top = top[np.lexsort((top, -scores[top]))]  # best first, ties by row
        return [Ranked(matrix.ids[i], float(1.0 - scores[i])) for i in top]

    def _load(self) -> _Matrix:
        ids: list[str] = []
        rows: list[npt.NDArray[np.float32]] = []
        docs: list[str] = []
        offset = 0
        while True:
            page = self.collection.get(
                include=["embeddings", "metadatas"], limit=READ_PAGE, offset=offset
            )
            got = page["ids"]
            if got:
                ids.extend(got)
                rows.append(np.asarray(page["embeddings"], dtype=np.float32))
                docs.extend(str((m or {}).get("doc_id", "")) for m in page["metadatas"])
            if len(got) < READ_PAGE:
                break
            offset += READ_PAGE
        if not rows:
            empty = np.zeros((0, 0), dtype=np.float32)
            return _Matrix([], empty, np.zeros(0, dtype=np.int32), {})
        vectors = np.vstack(rows)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors /= np.where(norms == 0.0, 1.0, norms)
        names: dict[str, int] = {}
        codes = np.fromiter((names.setdefault(d, len(names)) for d in docs), np.int32, len(docs))
        return _Matrix(ids, vectors, codes, names)
