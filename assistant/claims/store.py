"""Claims beside their documents: SQLite rows (the truth) and Chroma vectors (search).

A document's claims are replaced in one transaction, together with the record of which
document version, prompt version and model produced them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from ..store import Store
from .extract import Counts
from .models import Claim

log = logging.getLogger(__name__)


class ClaimStore:
    """Reads and writes claims and the extraction cache of a store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.docs.db

    # -- the extraction cache (ExtractionCache protocol) -----------------------------------

    def get(self, key: str) -> list[dict[str, Any]] | None:
        row = self.db.execute(
            "SELECT drafts FROM extraction_cache WHERE key = ?", (key,)
        ).fetchone()
        return list(json.loads(row[0])) if row else None

    def put(self, key: str, drafts: list[dict[str, Any]]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO extraction_cache (key, drafts) VALUES (?, ?)",
            (key, json.dumps(drafts)),
        )

    # -- claims ----------------------------------------------------------------------------

    def is_current(self, doc_id: str, version: str, prompt_version: str, model: str) -> bool:
        """Were this document version's claims extracted with this prompt and model, every
        call answered? (Claims kept from a run with failed calls are partial.)"""
        row = self.db.execute(
            "SELECT version, prompt_version, model, counts FROM extracted WHERE doc_id = ?",
            (doc_id,),
        ).fetchone()
        if row is None or tuple(row)[:3] != (version, prompt_version, model):
            return False
        return not json.loads(row[3]).get("failed_calls")

    def replace(
        self, doc_id: str, version: str, claims: Sequence[Claim], counts: Counts, model: str,
        prompt_version: str,
    ) -> None:  # fmt: skip
        """Store `claims` as the document's claims, all at once."""
        vectors = self.store.claim_vectors
        if claims:
            embedded = self.store.embedder.embed([c.statement for c in claims])
            vectors.add([c.id for c in claims], embedded, [claim_metadata(c) for c in claims])
        with self.store.docs.transaction() as conn:
            conn.execute("DELETE FROM claims WHERE doc_id = ?", (doc_id,))
            conn.executemany(
                "INSERT INTO claims (id, doc_id, version, data) VALUES (?, ?, ?, ?)",
                [(c.id, doc_id, version, c.model_dump_json()) for c in claims],
            )
            conn.execute(
                "INSERT OR REPLACE INTO extracted (doc_id, version, prompt_version, model, counts)"
                " VALUES (?, ?, ?, ?, ?)",
                (doc_id, version, prompt_version, model, json.dumps(asdict(counts))),
            )
        vectors.delete_doc(doc_id, keep_version=version)
        # vectors of this version that no claim row has: left by an interrupted earlier run
        stray = vectors.ids(doc_id) - {c.id for c in claims}
        if stray:
            vectors.delete_ids(sorted(stray))

    def claims(self, doc_ids: Sequence[str] | None = None) -> list[Claim]:
        """Stored claims, in document and sentence order."""
        sql = "SELECT data FROM claims"
        params: list[str] = []
        if doc_ids is not None:
            sql += f" WHERE doc_id IN ({','.join('?' * len(doc_ids))})"
            params = list(doc_ids)
        rows = self.db.execute(sql + " ORDER BY doc_id, rowid", params).fetchall()
        return [Claim.model_validate_json(r[0]) for r in rows]

    def about(self, query: str, n: int = 50, doc_ids: Sequence[str] | None = None) -> list[Claim]:
        """Claims whose statement is closest in meaning to `query`."""
        vector = self.store.embedder.embed([query])[0]
        hits = self.store.claim_vectors.query(vector, n, doc_ids)
        by_id = {c.id: c for c in self.claims(doc_ids)}
        return [by_id[h.chunk_id] for h in hits if h.chunk_id in by_id]

    def set_canonical(self, mapping: dict[str, str]) -> int:
        """Rewrite asserter_canonical of every claim from a surface -> canonical mapping."""
        changed = 0
        with self.store.docs.transaction() as conn:
            for claim in self.claims():
                canonical = mapping.get(claim.asserter or "", claim.asserter)
                if claim.asserter and canonical != claim.asserter_canonical:
                    updated = claim.model_copy(update={"asserter_canonical": canonical})
                    conn.execute(
                        "UPDATE claims SET data = ? WHERE id = ?",
                        (updated.model_dump_json(), claim.id),
                    )
                    changed += 1
        return changed


def claim_metadata(claim: Claim) -> dict[str, str | int]:
    version = claim.id.split(":")[1]
    meta: dict[str, str | int] = {"doc_id": claim.doc_id, "version": version}
    if claim.asserter:
        meta["asserter"] = claim.asserter
    if claim.quantity is not None:
        meta["counted"] = claim.quantity.counted
        meta["value"] = claim.quantity.surface
    return meta
