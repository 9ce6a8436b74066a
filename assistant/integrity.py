"""Store integrity: every chunk and claim points at an existing document span, and the
vector index holds exactly one vector per chunk and per claim.

SQLite is the truth. Vectors are derived from it, so `repair` may delete stray vectors
(ids without a row: left by an interrupted write) and re-embed missing ones (a lost or
damaged Chroma folder). A chunk or claim that does not match its document is reported,
never rewritten: re-ingesting the document is the fix.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

import pydantic

from .claims.models import Claim
from .claims.store import claim_metadata
from .store import Store
from .store.vectors import ChromaVectors, VectorStore

log = logging.getLogger(__name__)

MAX_LISTED = 5  # problems named one by one in a report; the rest are counted


@dataclass
class Integrity:
    """What an integrity check found."""

    documents: int = 0
    chunks: int = 0
    claims: int = 0
    chunk_vectors: int = 0
    claim_vectors: int = 0
    bad_chunks: list[str] = field(default_factory=list)
    bad_claims: list[str] = field(default_factory=list)
    lexical_mismatch: int = 0
    stray_chunk_vectors: set[str] = field(default_factory=set)
    stray_claim_vectors: set[str] = field(default_factory=set)
    missing_chunk_vectors: set[str] = field(default_factory=set)
    missing_claim_vectors: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.problems()

    def counts(self) -> str:
        return (
            f"{self.documents} documents, {self.chunks} chunks, {self.claims} claims; "
            f"vectors: {self.chunk_vectors} chunk, {self.claim_vectors} claim"
        )

    def problems(self) -> list[str]:
        """One line per kind of problem."""
        found = []
        for what, items in (
            ("chunk(s) not matching their document", self.bad_chunks),
            ("claim(s) not quoting their document", self.bad_claims),
            ("stray chunk vector(s) without a chunk", sorted(self.stray_chunk_vectors)),
            ("stray claim vector(s) without a claim", sorted(self.stray_claim_vectors)),
            ("chunk(s) without a vector", sorted(self.missing_chunk_vectors)),
            ("claim(s) without a vector", sorted(self.missing_claim_vectors)),
        ):
            if items:
                shown = ", ".join(items[:MAX_LISTED]) + (", …" if len(items) > MAX_LISTED else "")
                found.append(f"{len(items)} {what} ({shown})")
        if self.lexical_mismatch:
            found.append(f"{self.lexical_mismatch} lexical index row(s) not matching the chunks")
        return found

    @property
    def repairable(self) -> bool:
        """Only derived vectors are wrong: `repair` can fix everything found."""
        return not (self.bad_chunks or self.bad_claims or self.lexical_mismatch)


def check_integrity(store: Store) -> Integrity:
    """Check every document's chunks and claims, the lexical index and both vector sets."""
    result = Integrity()
    db = store.docs.db
    chunk_ids: set[str] = set()
    claim_ids: set[str] = set()
    for summary in store.docs.summaries():
        doc = store.docs.get(summary.id)
        if doc is None:  # removed while we looked
            continue
        result.documents += 1
        for chunk in store.docs.chunks_of(doc.id):
            chunk_ids.add(chunk.id)
            if not (0 <= chunk.start <= chunk.end <= len(doc.text)) or (
                doc.text[chunk.start : chunk.end] != chunk.text
            ):
                result.bad_chunks.append(chunk.id)
    for row in db.execute("SELECT id, doc_id, version, data FROM claims ORDER BY doc_id, rowid"):
        claim_ids.add(row[0])
        if not _claim_ok(store, row[1], row[2], row[3]):
            result.bad_claims.append(row[0])
    result.chunks, result.claims = len(chunk_ids), len(claim_ids)
    result.lexical_mismatch = int(
        db.execute(
            "SELECT (SELECT count(*) FROM chunks_fts f WHERE f.chunk_id NOT IN"
            " (SELECT id FROM chunks)) + (SELECT count(*) FROM chunks c WHERE c.id NOT IN"
            " (SELECT chunk_id FROM chunks_fts))"
        ).fetchone()[0]
    )
    chunk_vectors, claim_vectors = vector_sets(store)
    vector_ids = chunk_vectors.ids()
    result.chunk_vectors = len(vector_ids)
    result.stray_chunk_vectors = vector_ids - chunk_ids
    result.missing_chunk_vectors = chunk_ids - vector_ids
    vector_ids = claim_vectors.ids()
    result.claim_vectors = len(vector_ids)
    result.stray_claim_vectors = vector_ids - claim_ids
    result.missing_claim_vectors = claim_ids - vector_ids
    return result


def _claim_ok(store: Store, doc_id: str, version: str, data: str) -> bool:
    doc = store.docs.get(doc_id)
    if doc is None or doc.version != version:
        return False
    try:
        claim = Claim.model_validate_json(data)
    except (pydantic.ValidationError, json.JSONDecodeError):
        return False
    return (
        claim.doc_id == doc.id
        and claim.id.split(":")[1:2] == [doc.version]
        and bool(claim.quotes)
        and all(q.doc_id == doc.id and q.is_verbatim(doc.text) for q in claim.quotes)
    )


def vector_sets(store: Store) -> tuple[VectorStore, VectorStore]:
    """The chunk and claim vector collections, opened without the completeness check (this
    module is what reports and repairs an incomplete one)."""
    settings = store.settings
    return ChromaVectors(settings), ChromaVectors(settings, suffix="_claims")


def repair(store: Store, found: Integrity) -> list[str]:
    """Delete stray vectors and re-embed missing ones, holding the write lock; what was done."""
    done: list[str] = []
    chunk_vectors, claim_vectors = vector_sets(store)
    with store.writing():
        for what, vectors, stray in (
            ("chunk", chunk_vectors, found.stray_chunk_vectors),
            ("claim", claim_vectors, found.stray_claim_vectors),
        ):
            if stray:
                vectors.delete_ids(sorted(stray))
                done.append(f"deleted {len(stray)} stray {what} vector(s)")
        if found.missing_chunk_vectors:
            chunks = list(store.docs.chunks_by_id(sorted(found.missing_chunk_vectors)).values())
            chunk_vectors.add(
                [c.id for c in chunks],
                store.embedder.embed([c.text for c in chunks]),
                [
                    {"doc_id": c.doc_id, "version": c.id.split(":")[1], "start": c.start,
                     "end": c.end}
                    for c in chunks
                ],
            )  # fmt: skip
            done.append(f"re-embedded {len(chunks)} chunk vector(s)")
        claims = _claims(store, found.missing_claim_vectors)
        if claims:
            claim_vectors.add(
                [c.id for c in claims],
                store.embedder.embed([c.statement for c in claims]),
                [claim_metadata(c) for c in claims],
            )
            done.append(f"re-embedded {len(claims)} claim vector(s)")
    log.info("store repair: %s", "; ".join(done) or "nothing to do")
    return done


def _claims(store: Store, ids: set[str]) -> list[Claim]:
    """The readable claims among `ids` (an unreadable one is reported, not re-embedded)."""
    found = []
    for claim_id in sorted(ids):
        row = store.docs.db.execute("SELECT data FROM claims WHERE id = ?", (claim_id,)).fetchone()
        try:
            found.append(Claim.model_validate_json(row[0]))
        except (TypeError, pydantic.ValidationError):
            continue
    return found
