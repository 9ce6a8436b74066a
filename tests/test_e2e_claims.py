"""End-to-end: claims of the sample articles with the real local model.

Slow (a few minutes on 2 cores): one extraction per test session, shared by the tests.
"""

from __future__ import annotations

import os
import time

import pytest

from assistant.claims.models import Claim
from assistant.claims.run import ExtractionReport, extract_claims
from assistant.claims.store import ClaimStore
from assistant.llm import LLM
from assistant.store import Store

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def seeded(
    seeded_corpus: tuple[Store, ExtractionReport, float],
) -> tuple[Store, list[Claim], ExtractionReport, float]:
    store, report, seconds = seeded_corpus
    return store, ClaimStore(store).claims(), report, seconds


def test_every_quote_is_verbatim_at_its_offsets(seeded: tuple) -> None:
    store, claims, report, _ = seeded
    assert claims, report
    for claim in claims:
        doc = store.docs.get(claim.doc_id)
        assert doc is not None
        for quote in claim.quotes:
            assert doc.text[quote.start : quote.end] == quote.text, claim


def test_troop_figures_come_out_with_asserters(seeded: tuple) -> None:
    claims = seeded[1]
    figures = {
        (c.quantity.value, c.doc_id): c
        for c in claims
        if c.quantity is not None and c.asserter is not None
    }
    values = {value for value, _ in figures}
    for expected in (1500, 2600, 3000, 10000, 11000, 12000):
        assert expected in values, (expected, sorted(values))
    if os.environ.get("FACTCHECK_SHOW_CLAIMS"):
        for c in claims:
            print(c.statement, "|", c.asserter_canonical, "|", c.quotes[0].text[:80])


def test_counts_add_up_and_rerun_is_cached(seeded: tuple) -> None:
    store, claims, report, _ = seeded
    c = report.counts
    assert c.claims == len(claims)
    assert c.claims == c.parsed + c.verified + c.repaired
    assert c.parsed > c.model_calls  # most figures are read off the parse
    llm = LLM(store.settings.llm, store.settings.cache)
    try:
        began = time.perf_counter()
        again = extract_claims(store, llm)
        assert time.perf_counter() - began < 5
    finally:
        llm.close()
    assert again.documents == 0
    assert again.skipped == 5
