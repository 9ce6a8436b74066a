"""Chunk vectors in Chroma behind a small interface.

Embedded (`PersistentClient` in the data directory) by default; a Chroma server through
`HttpClient` when `store.url` is set; the same code either way. Vectors are computed by
our own offline embedder and passed in: Chroma's default embedding function would try to
download a model. The collection still records a registered embedding function, so a
client that opens it without ours never falls back to that default.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from ..embeddings import Embedder
from ..settings import Settings
from .chroma import open_client
from .exact import ExactIndex

log = logging.getLogger(__name__)

ADD_BATCH = 4000  # below Chroma's maximum batch size (5461)
ID_PAGE = 5000  # ids read per round trip when listing a collection


@register_embedding_function
class FactcheckEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma's view of our offline embedder."""

    def __init__(self, model: str, cache: str) -> None:
        self.model = model
        self.cache = cache
        self._embedder: Embedder | None = None

    def __call__(self, input: Documents) -> Embeddings:
        if self._embedder is None:
            self._embedder = Embedder(self.model, Path(self.cache))
        return list(self._embedder.embed(list(input)))

    @staticmethod
    def name() -> str:
        return "factcheck-onnx"

    def get_config(self) -> dict[str, Any]:
        return {"model": self.model, "cache": self.cache}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> FactcheckEmbeddingFunction:
        return FactcheckEmbeddingFunction(str(config["model"]), str(config["cache"]))

    def default_space(self) -> Any:
        return "cosine"


@dataclass(frozen=True)
class VectorHit:
    """A chunk id and its cosine distance to the query."""

    chunk_id: str
    distance: float


class VectorStore(Protocol):
    """What retrieval needs of a vector store."""

    def add(
        self,
        ids: Sequence[str],
        vectors: npt.NDArray[np.float32],
        metadatas: Sequence[dict[str, str | int]],
    ) -> None: ...

    def delete_doc(self, doc_id: str, keep_version: str | None = None) -> None: ...

    def query(
        self, vector: npt.NDArray[np.float32], n: int, doc_ids: Sequence[str] | None = None
    ) -> list[VectorHit]: ...

    def count(self) -> int: ...

    def ids(self, doc_id: str | None = None) -> set[str]: ...

    def delete_ids(self, ids: Sequence[str]) -> None: ...


class ChromaVectors:
    """`VectorStore` on a Chroma collection (embedded or server)."""

    def __init__(
        self, settings: Settings, suffix: str = "", watch: Callable[[], object] | None = None
    ) -> None:
        """`watch` returns a token that changes whenever another process may have written
        (the document store's commit state); without it the collection is counted before
        every exact query, which takes ~12 ms at 100k vectors."""
        self.client = open_client(settings.store, settings.home)
        ef = FactcheckEmbeddingFunction(settings.embedding.model, str(settings.cache))
        self.collection = self.client.get_or_create_collection(
            settings.store.collection + suffix,
            embedding_function=ef,
            configuration={"hnsw": {"space": "cosine"}},
        )
        self.exact_up_to = settings.search.exact_up_to
        self.exact = ExactIndex(self.collection)
        self.watch = watch
        self._seen: tuple[object, int] | None = None  # (watch token, vector count)

    def add(
        self,
        ids: Sequence[str],
        vectors: npt.NDArray[np.float32],
        metadatas: Sequence[dict[str, str | int]],
    ) -> None:
        self._forget()
        for start in range(0, len(ids), ADD_BATCH):
            end = start + ADD_BATCH
            self.collection.upsert(
                ids=list(ids[start:end]),
                embeddings=vectors[start:end],
                metadatas=list(metadatas[start:end]),
            )

    def delete_doc(self, doc_id: str, keep_version: str | None = None) -> None:
        """Delete a document's vectors, or only those of versions other than `keep_version`."""
        where: dict[str, Any] = {"doc_id": doc_id}
        if keep_version is not None:
            where = {"$and": [{"doc_id": doc_id}, {"version": {"$ne": keep_version}}]}
        self._forget()
        self.collection.delete(where=where)

    def query(
        self, vector: npt.NDArray[np.float32], n: int, doc_ids: Sequence[str] | None = None
    ) -> list[VectorHit]:
        if doc_ids is not None and not doc_ids:
            return []
        if self.exact_up_to:
            count = self._current_count()
            if count <= self.exact_up_to:
                ranked = self.exact.query(vector, n, doc_ids, count=count)
                return [VectorHit(r.id, r.distance) for r in ranked]
        return self.approximate(vector, n, doc_ids)

    def _current_count(self) -> int:
        """The collection's size, counted again only when the watch token changed."""
        token = self.watch() if self.watch is not None else object()
        if self._seen is None or self._seen[0] != token:
            self._seen = (token, self.count())
        return self._seen[1]

    def _forget(self) -> None:
        """A write through this process: count and read the vectors again when next asked."""
        self._seen = None
        self.exact.invalidate()

    def approximate(
        self, vector: npt.NDArray[np.float32], n: int, doc_ids: Sequence[str] | None
    ) -> list[VectorHit]:
        """Chroma's HNSW answer (above `search.exact_up_to` vectors)."""
        where: dict[str, Any] | None = None
        if doc_ids is not None:
            where = {"doc_id": {"$in": list(doc_ids)}}
        # No count() first: Chroma 1.5 returns fewer results (none from an empty
        # collection) when n exceeds the count.
        result = self.collection.query(
            query_embeddings=vector.reshape(1, -1),
            n_results=n,
            where=where,
            include=["distances"],
        )
        ids = result["ids"][0]
        distances = (result.get("distances") or [[0.0] * len(ids)])[0]
        return [VectorHit(i, float(d)) for i, d in zip(ids, distances, strict=True)]

    def count(self) -> int:
        return int(self.collection.count())

    def ids(self, doc_id: str | None = None) -> set[str]:
        """Every vector id in the collection, or those of one document."""
        where: dict[str, Any] | None = {"doc_id": doc_id} if doc_id is not None else None
        found: set[str] = set()
        offset = 0
        while True:
            page = self.collection.get(where=where, include=[], limit=ID_PAGE, offset=offset)
            found.update(page["ids"])
            if len(page["ids"]) < ID_PAGE:
                return found
            offset += ID_PAGE

    def delete_ids(self, ids: Sequence[str]) -> None:
        self._forget()
        for start in range(0, len(ids), ADD_BATCH):
            self.collection.delete(ids=list(ids[start : start + ADD_BATCH]))
