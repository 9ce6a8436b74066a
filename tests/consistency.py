"""Store consistency, asserted from outside: shared by the fault, interruption,
concurrency and integrity tests."""

from __future__ import annotations

from assistant.claims.store import ClaimStore
from assistant.store import Store


def assert_consistent(store: Store) -> None:
    """Every stored claim quotes its document verbatim at the stored version; every chunk
    is an exact slice of its document; the vector ids are exactly the chunk ids and the
    claim ids (no stray vector, none missing, none twice)."""
    claims = ClaimStore(store).claims()
    chunk_ids: list[str] = []
    for summary in store.docs.summaries():
        doc = store.docs.get(summary.id)
        assert doc is not None
        for chunk in store.docs.chunks_of(doc.id):
            assert doc.text[chunk.start : chunk.end] == chunk.text
            chunk_ids.append(chunk.id)
        for claim in (c for c in claims if c.doc_id == doc.id):
            assert claim.id.split(":")[1] == doc.version
            assert all(q.is_verbatim(doc.text) for q in claim.quotes)
    assert {c.doc_id for c in claims} <= {s.id for s in store.docs.summaries()}
    assert len(chunk_ids) == len(set(chunk_ids))
    assert store.vectors.ids() == set(chunk_ids)
    assert store.vectors.count() == len(chunk_ids)
    assert store.claim_vectors.ids() == {c.id for c in claims}
    assert store.claim_vectors.count() == len(claims)
