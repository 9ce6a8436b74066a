"""Ingest: load → clean → chunk → embed → store, one file at a time, each all-or-nothing.

Order of writes for a new version of a document: its original bytes and its vectors first
(both invisible until the SQLite rows exist), then one SQLite transaction that swaps the
document and its chunks, then the old version's vectors and original are removed. A crash
at any point leaves the previous version intact, or the new one complete.

A URL is different: a page that changed is a new document (a new id, ``version`` n + 1 and
``supersedes`` the old id in its extra metadata) and the old one stays, citable as it was
retrieved; only its source is renamed ``URL#version-n`` (and it gets ``superseded_by``),
in the transaction that adds the new one. An unchanged page (same bytes, or the same
text) is left alone.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from ..errors import FactcheckError
from ..store import Chunk, Document, Store
from ..tokens import get_encoding
from .chunk import chunk_text
from .load import IngestError, LoadedDocument, load_document
from .web import SUFFIXES, Fetched, fetch, load_fetched, url_stem

log = logging.getLogger(__name__)

Status = Literal["added", "unchanged", "replaced", "new version", "failed"]


@dataclass(frozen=True)
class Outcome:
    """What happened to one file."""

    path: Path
    status: Status
    doc_id: str | None = None
    chunks: int = 0
    reason: str = ""
    seconds: float = 0.0
    url: str | None = None
    """For a fetched page, the URL (and `path` is only its last segment)."""

    @property
    def where(self) -> str:
        """The file or URL, as a user named it."""
        return self.url or str(self.path)


Progress = Callable[[Path, int], None]  # called after each file with its chunk count
UrlProgress = Callable[[str, int], None]  # called after each URL with its chunk count
T = TypeVar("T", Path, str)


class Ingestor:
    """Ingests files into a store, reporting each outcome."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.settings = store.settings
        self.encoding = get_encoding(self.settings.cache)

    def ingest(self, paths: Sequence[Path], progress: Progress | None = None) -> list[Outcome]:
        """Ingest every path; one failing file never stops the others."""
        with self.store.writing():
            return [self._timed(path, self._one, _failed_file, progress) for path in paths]

    def ingest_urls(
        self, urls: Sequence[str], progress: UrlProgress | None = None
    ) -> list[Outcome]:
        """Fetch and ingest every URL; one failing URL never stops the others."""
        with self.store.writing():
            return [self._timed(url, self._one_url, _failed_url, progress) for url in urls]

    @staticmethod
    def _timed(
        item: T,
        one: Callable[[T], Outcome],
        failed: Callable[[T, str], Outcome],
        progress: Callable[[T, int], None] | None,
    ) -> Outcome:
        """`one(item)` timed; an expected failure becomes a failed outcome, logged."""
        began = time.perf_counter()
        try:
            outcome = one(item)
        except FactcheckError as exc:
            reason = exc.reason if isinstance(exc, IngestError) else str(exc)
            outcome = failed(item, reason)
            log.warning("%s: %s", item, reason)
        outcome = Outcome(**{**outcome.__dict__, "seconds": time.perf_counter() - began})
        if progress is not None:
            progress(item, outcome.chunks)
        return outcome

    def _one_url(self, url: str) -> Outcome:
        s = self.settings.ingest
        fetched = fetch(
            url, max_bytes=s.max_file_bytes, timeout=s.fetch_timeout, max_redirects=s.max_redirects
        )
        loaded = load_fetched(fetched)
        name = Path(url_stem(url))
        docs = self.store.docs
        latest = docs.by_source(url)
        if latest is not None and (
            latest.content_hash == fetched.provenance.sha256 or latest.text == loaded.text
        ):
            return Outcome(name, "unchanged", latest.id, len(docs.chunks_of(latest.id)), url=url)
        if latest is None and (twin := docs.by_hash(fetched.provenance.sha256)) is not None:
            return Outcome(name, "unchanged", twin.id, reason=f"same content as {twin.id}", url=url)
        number = 1 if latest is None else int(latest.extra.get("version", 1)) + 1
        stem = url_stem(fetched.provenance.final_url)
        doc_id = docs.new_id(stem if number == 1 else f"{stem}-v{number}")
        doc = self._fetched_document(doc_id, url, fetched, loaded, number, latest)
        chunks = self._chunks(doc)
        self._write_fetched(doc, chunks, loaded, latest)
        status: Status = "new version" if latest is not None else "added"
        log.info("%s %s as %s (%d chunks)", status, url, doc_id, len(chunks))
        return Outcome(name, status, doc_id, len(chunks), url=url)

    def _fetched_document(
        self,
        doc_id: str,
        url: str,
        fetched: Fetched,
        loaded: LoadedDocument,
        number: int,
        latest: Document | None,
    ) -> Document:
        version = _version(loaded)
        original = self.store.original_path(doc_id, version, SUFFIXES[loaded.kind])
        extra = _extra(loaded)
        extra |= {"provenance": fetched.provenance.as_dict(), "version": number}
        if latest is not None:
            extra["supersedes"] = latest.id
        meta = loaded.meta
        return Document(
            id=doc_id, source=url, content_hash=fetched.provenance.sha256, version=version,
            title=meta.title, outlet=meta.outlet, date=meta.date,
            url=meta.url or fetched.provenance.final_url, author=meta.author, kind=loaded.kind,
            encoding=loaded.encoding, text=loaded.text, original=str(original), extra=extra,
        )  # fmt: skip

    def _write_fetched(
        self, doc: Document, chunks: list[Chunk], loaded: LoadedDocument, old: Document | None
    ) -> None:
        self._keep_original(Path(doc.original), loaded.raw)
        self._add_vectors(doc, chunks)
        with self.store.docs.transaction() as conn:
            if old is not None:
                number = int(old.extra.get("version", 1))
                extra = {**old.extra, "superseded_by": doc.id}
                self.store.docs.set_source(conn, old.id, f"{old.source}#version-{number}", extra)
            self.store.docs.put(conn, doc, chunks)

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
            extra=_extra(loaded),
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
        self._keep_original(Path(doc.original), loaded.raw)
        self._add_vectors(doc, chunks)
        with self.store.docs.transaction() as conn:
            self.store.docs.put(conn, doc, chunks)
        if old is not None:
            self.store.vectors.delete_doc(doc.id, keep_version=doc.version)
            if old.original != doc.original:
                Path(old.original).unlink(missing_ok=True)

    @staticmethod
    def _keep_original(original: Path, raw: bytes) -> None:
        original.parent.mkdir(parents=True, exist_ok=True)
        tmp = original.with_name(original.name + ".tmp")
        tmp.write_bytes(raw)
        tmp.replace(original)

    def _add_vectors(self, doc: Document, chunks: list[Chunk]) -> None:
        if chunks:
            vectors = self.store.embedder.embed([c.text for c in chunks])
            metadatas: list[dict[str, str | int]] = [
                {"doc_id": c.doc_id, "version": doc.version, "start": c.start, "end": c.end}
                for c in chunks
            ]
            self.store.vectors.add([c.id for c in chunks], vectors, metadatas)


def _failed_file(path: Path, reason: str) -> Outcome:
    return Outcome(path, "failed", reason=reason)


def _failed_url(url: str, reason: str) -> Outcome:
    return Outcome(Path(url_stem(url)), "failed", reason=reason, url=url)


def _extra(loaded: LoadedDocument) -> dict[str, object]:
    """What the loader found that only some documents have: pages, embedded posts."""
    extra: dict[str, object] = {}
    if loaded.page_starts:
        extra["pages"] = list(loaded.page_starts)
    if loaded.posts:
        extra["embedded_posts"] = [list(span) for span in loaded.posts]
    return extra


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
