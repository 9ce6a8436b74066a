"""The store: SQLite documents and chunks (the truth) + Chroma vectors + the embedder.

Opening is cheap; the vector side (Chroma, ONNX, numpy) loads on first use, so listing
sources never pays for it.
"""

from __future__ import annotations

import fcntl
import functools
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..datadir import open_datadir
from ..errors import DataDirError, FactcheckError
from ..settings import Settings
from .docs import DocStore

if TYPE_CHECKING:
    from ..embeddings import Embedder
    from .vectors import VectorStore

log = logging.getLogger(__name__)

DB_NAME = "factcheck.db"
LOCK_NAME = "write.lock"


class StoreBusyError(FactcheckError):
    """Another process is writing to this data directory."""


class Store:
    """Everything stored under one data directory (or its Chroma server)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.home = open_datadir(settings.home)
        self.docs = DocStore(self.home / DB_NAME)
        self.originals = self.home / "originals"

    @functools.cached_property
    def vectors(self) -> VectorStore:
        from .vectors import ChromaVectors  # chromadb takes a second to import

        vectors = ChromaVectors(self.settings, watch=self.docs.state)
        return _complete(vectors, self.docs.chunk_count, "chunk")

    @functools.cached_property
    def claim_vectors(self) -> VectorStore:
        """Claim statements, embedded, with their fields as metadata."""
        from .vectors import ChromaVectors

        vectors = ChromaVectors(self.settings, suffix="_claims", watch=self.docs.state)
        return _complete(vectors, self.docs.claim_count, "claim")

    @functools.cached_property
    def embedder(self) -> Embedder:
        from ..embeddings import Embedder  # numpy and the model registry

        s = self.settings
        return Embedder(s.embedding.model, s.cache, batch_size=s.embedding.batch_size)

    def close(self) -> None:
        self.docs.close()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the data directory's write lock; a second writer is told it is in use."""
        path = self.home / LOCK_NAME
        with path.open("a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise StoreBusyError(
                    f"the data directory {self.home} is in use by {holder}",
                    hint="wait for it to finish, or use another FACTCHECK_HOME",
                ) from exc
            handle.seek(0)
            handle.truncate()
            handle.write(f"factcheck (pid {os.getpid()})")
            handle.flush()
            try:
                yield
            finally:
                handle.seek(0)
                handle.truncate()
                fcntl.flock(handle, fcntl.LOCK_UN)

    def original_path(self, doc_id: str, version: str, suffix: str) -> Path:
        """Where the original bytes of a document version are kept."""
        return self.originals / f"{doc_id}-{version}{suffix}"


def _complete(vectors: VectorStore, rows: Callable[[], int], what: str) -> VectorStore:
    """`vectors`, unless it holds fewer vectors than SQLite holds rows (a lost or truncated
    Chroma folder, which Chroma would silently recreate empty).

    Writers add vectors before their rows and delete them after, so a reader never sees
    fewer vectors than rows; the rows are counted first and once more on a shortfall, so
    a concurrent replace (rows swapped, old vectors then deleted) is not taken for damage.
    """
    for _ in range(2):
        expected = rows()
        found = vectors.count()
        if found >= expected:
            return vectors
    raise DataDirError(
        f"the vector index holds {found} {what} vectors for {expected} stored {what}s: "
        "it was lost or damaged",
        hint="run `factcheck doctor`; `factcheck doctor --repair` rebuilds the missing vectors",
    )


def open_store(settings: Settings) -> Store:
    """Open (creating if needed) the store of `settings`."""
    return Store(settings)
