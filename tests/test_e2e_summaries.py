"""End-to-end: the digest of the sample articles with the real local model."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.store import Store
from assistant.summaries import summarize

pytestmark = pytest.mark.e2e


def test_digest_names_every_troop_estimate_with_its_asserter(
    seeded_corpus: tuple[Store, Any, float], local_llm: Any
) -> None:
    store = seeded_corpus[0]
    ids = [s.id for s in store.docs.summaries()]
    result = summarize(store, local_llm, ids, digest=True)
    digest = result.digest
    assert digest is not None
    assert result.run.failed == []
    attributed = {r.value for r in digest.key_figures if r.asserter}
    assert {1500, 2600, 3000, 10000, 11000, 12000} <= attributed
    assert {c.kind for c in digest.conflicts} & {"asserter", "update", "contradiction"}
    assert len(result.documents) == len(ids)
    assert result.run.kept > 0
    for citation in [*digest.citations, *(c for d in result.documents for c in d.citations)]:
        doc = store.docs.get(citation.doc_id)
        assert doc is not None
        assert doc.text[citation.start : citation.end] == citation.quote
