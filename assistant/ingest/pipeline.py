"""Ingest: load → clean → chunk → embed → store, one file at a time, each all-or-nothing.

Order of writes for a new version of a document: its original bytes and its vectors first
(both invisible until the SQLite rows exist), then one SQLite transaction that swaps the
document and its chunks, then the old version's vectors and original are removed. A crash
at any point leaves the previous version intact, or the new one complete.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import FactcheckError
from ..store import Chunk, Document, Store
from ..tokens import get_encoding
from .chunk import chunk_text
from .load import IngestError, LoadedDocument, load_document

log = logging.getLogger(__name__)

Status = Literal["added", "unchanged", "replaced", "failed"]


@dataclass(frozen=True)
class Outcome:
    """What happened to one file."""

    path: Path
    status: Status
    doc_id: str | None = None
    chunks: int = 0
    reason: str = ""
    seconds: float = 0.0


Progress = Callable[[Path, int], None]  # called after each file with its chunk count


class Ingestor:
    """Ingests files into a store, reporting each outcome."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.settings = store.settings
        self.encoding = get_encoding(self.settings.cache)

    def ingest(self, paths: Sequence[Path], progress: Progress | None = None) -> list[Outcome]:
        """Ingest every path; one failing file never stops the others."""
        outcomes = []
        with self.store.writing():
            for path in paths:
                began = time.perf_counter()
                try:
                    outcome = self._one(path)
                except FactcheckError as exc:
                    reason = exc.reason if isinstance(exc, IngestError) else str(exc)
                    outcome = Outcome(path, "failed", reason=reason)
                    log.warning("%s: %s", path, reason)
                outcomes.append(
                    Outcome(**{**outcome.__dict__, "seconds": time.perf_counter() - began})
                )
                if progress is not None:
                    progress(path, outcome.chunks)
        return outcomes

    def _one(self, path: Path) -> Outcome:
        loaded = load_document(path, max_bytes=self.settings.ingest.max_file_bytes)
        source = str(loaded.path)
        content_hash = hashlib.sha256(loaded.raw).hexdigest()
        version = _version(loaded)
        docs = self.store.docs
        existing = docs.by_source(source)
        if existing is not None and existing.version == version:
            return Outcome(path, "unchanged", existing.id, len(docs.chunks_of(existing.id)))
        twin = docs.by_hash(content_hash)
        if twin is not None and existing is None:
            return Outcome(path, "unchanged", twin.id, reason=f"same content as {twin.id}")
        doc_id = existing.id if existing is not None else docs.new_id(loaded.path.stem)
        doc = self._document(doc_id, loaded, content_hash, version)
        chunks = self._chunks(doc)
        self._write(doc, chunks, loaded, existing)
        status: Status = "replaced" if existing is not None else "added"
        log.info("%s %s as %s (%d chunks)", status, path, doc_id, len(chunks))
        return Outcome(path, status, doc_id, len(chunks))

    def _document(
        self, doc_id: str, loaded: LoadedDocument, content_hash: str, version: str
    ) -> Document:
        original = self.store.original_path(doc_id, version, loaded.path.suffix)
        meta = loaded.meta
        return Document(
            id=doc_id,
            source=str(loaded.path),
            content_hash=content_hash,
            version=version,
            title=meta.title,
            outlet=meta.outlet,
            date=meta.date,
            url=meta.url,
            author=meta.author,
            kind=loaded.kind,
            encoding=loaded.encoding,
            text=loaded.text,
            original=str(original),
            extra={"pages": list(loaded.page_starts)} if loaded.page_starts else {},
        )

    def _chunks(self, doc: Document) -> list[Chunk]:
        s = self.settings.ingest
        spans = chunk_text(
            doc.text, self.encoding, max_tokens=s.chunk_tokens, overlap_tokens=s.chunk_overlap
        )
        return [
            Chunk(
                f"{doc.id}:{doc.version}:{seq:05d}", doc.id, seq, c.start, c.end, c.tokens, c.text
            )
            for seq, c in enumerate(spans)
        ]

    def _write(
        self, doc: Document, chunks: list[Chunk], loaded: LoadedDocument, old: Document | None
    ) -> None:
        original = Path(doc.original)
        original.parent.mkdir(parents=True, exist_ok=True)
        tmp = original.with_name(original.name + ".tmp")
        tmp.write_bytes(loaded.raw)
        tmp.replace(original)
        if chunks:
            vectors = self.store.embedder.embed([c.text for c in chunks])
            metadatas: list[dict[str, str | int]] = [
                {"doc_id": c.doc_id, "version": doc.version, "start": c.start, "end": c.end}
                for c in chunks
            ]
            self.store.vectors.add([c.id for c in chunks], vectors, metadatas)
        with self.store.docs.transaction() as conn:
            self.store.docs.put(conn, doc, chunks)
        if old is not None:
            self.store.vectors.delete_doc(doc.id, keep_version=doc.version)
            if old.original != doc.original:
                Path(old.original).unlink(missing_ok=True)


def _version(loaded: LoadedDocument) -> str:
    """Identifies what was stored: the file's bytes and its metadata (a sidecar edit counts)."""
    digest = hashlib.sha256(loaded.raw)
    digest.update(loaded.meta.model_dump_json().encode())
    return digest.hexdigest()[:16]


def remove_document(store: Store, ref: str) -> Document:
    """Remove a document (by id, path or file name) and everything derived from it."""
    doc = store.docs.find(ref)
    if doc is None:
        raise FactcheckError(f"no stored document matches {ref!r}", hint="see `factcheck sources`")
    with store.writing():
        with store.docs.transaction() as conn:
            store.docs.delete(conn, doc.id)
        store.vectors.delete_doc(doc.id)
        Path(doc.original).unlink(missing_ok=True)
    return doc
