"""Claim extraction against scripted model output: the grounding invariant enforced.

A fabricated quote, a number not in its quote and an asserter not in the text are each
rejected, re-asked with the reason, and dropped (and counted) if still wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.claims.candidates import Candidate, find_candidates
from assistant.claims.run import extract_claims
from assistant.claims.store import ClaimStore
from assistant.llm import LLM
from assistant.settings import Settings
from assistant.store import Document, Store

from .fake_openai import FakeOpenAI
from .stored_article import ingest_article

ARTICLE = (
    "Floods hit the coastal city on Monday.\n"
    "According to the Civil Defence Agency, at least 1,200 families were evacuated from "
    "the river delta.\n"
    "Mayor Ana Souza said 40 schools and 3 hospitals remain closed.\n"
)


@pytest.fixture
def stored(fake_settings: Settings, tmp_path: Path) -> tuple[Store, Document]:
    fake_settings.llm.validation_retries = 1  # two attempts per sentence
    return ingest_article(fake_settings, tmp_path, ARTICLE)


def candidates(doc: Document) -> list[Candidate]:
    found = list(find_candidates(doc.id, doc.text))
    assert [c.numbers[0].surface for c in found] == ["1,200", "40"]
    return found


def figure(quote: str, asserter: str, *more: str) -> dict[str, object]:
    """A scripted answer: figure_1 stated by `quote`, further figures by `more`."""
    quotes = [quote, *more]
    return {f"figure_{i}": {"quote": q, "asserter": asserter} for i, q in enumerate(quotes, 1)}


def agency(c: Candidate) -> str:
    assert c.attributed_to is not None
    assert "Civil Defence Agency" in c.attributed_to
    return c.attributed_to


def mayor(c: Candidate) -> str:
    assert c.attributed_to is not None
    assert "Souza" in c.attributed_to
    return c.attributed_to


def run(store: Store, settings: Settings) -> tuple[list, object]:
    llm = LLM(settings.llm, settings.cache)
    try:
        report = extract_claims(store, llm)
    finally:
        llm.close()
    return ClaimStore(store).claims(), report


def test_valid_figures_become_claims_with_verbatim_quotes(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    first, second = candidates(doc)
    fake_openai.enqueue_tool_call(
        "SentenceFigures",
        figure("at least 1,200 families were evacuated", agency(first)),
    )
    fake_openai.enqueue_tool_call(
        "SentenceFigures", figure("40 schools", mayor(second), "3 hospitals")
    )
    claims, report = run(store, fake_settings)
    assert fake_openai.remaining == 0
    assert not fake_openai.unexpected
    assert [c.quantity.value for c in claims if c.quantity] == [1200, 40, 3]
    evacuated = claims[0]
    assert evacuated.quantity is not None
    assert evacuated.quantity.hedge == "at least"
    assert evacuated.asserter == agency(first)
    assert evacuated.quantity.counted == "families were evacuated"
    assert evacuated.statement == "at least 1,200 families were evacuated"
    for claim in claims:
        for quote in claim.quotes:
            assert quote.is_verbatim(doc.text)
    # the quote shown is the whole sentence, copied from the document by offsets
    assert (
        claims[1].quotes[0].text == "Mayor Ana Souza said 40 schools and 3 hospitals remain closed."
    )
    assert [c.quantity.counted for c in claims[1:] if c.quantity] == ["schools", "hospitals"]
    assert report.counts.verified == 3
    assert report.counts.dropped == 0


def test_fabricated_quote_is_reasked_then_repaired(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    first, second = candidates(doc)
    fake_openai.enqueue_tool_call(
        "SentenceFigures",
        figure("at least 1,200 families fled the burning city", agency(first)),
    )
    fake_openai.enqueue_tool_call(
        "SentenceFigures", figure("at least 1,200 families were evacuated", agency(first))
    )
    fake_openai.enqueue_tool_call(
        "SentenceFigures", figure("40 schools", mayor(second), "3 hospitals")
    )
    claims, report = run(store, fake_settings)
    assert len(claims) == 3
    assert report.counts.repaired == 1
    reask = str(fake_openai.requests[1]["json"]["messages"])
    assert "fled the burning city" in reask  # the refused answer and why go back


def test_number_not_in_quote_is_dropped_and_counted(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    first, second = candidates(doc)
    wrong = figure("families were evacuated from the river delta", agency(first))
    fake_openai.enqueue_tool_call("SentenceFigures", wrong, times=2)
    fake_openai.enqueue_tool_call(
        "SentenceFigures", figure("40 schools", mayor(second), "3 hospitals")
    )
    claims, report = run(store, fake_settings)
    assert [c.quantity.surface for c in claims if c.quantity] == ["40", "3"]
    assert report.counts.dropped == 1
    assert "families were evacuated from the river delta" in str(
        fake_openai.requests[1]["json"]["messages"]
    )


def test_asserter_not_in_text_is_dropped(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    _, second = candidates(doc)
    invented = figure("at least 1,200 families were evacuated", "President Lula")
    fake_openai.enqueue_tool_call("SentenceFigures", invented, times=2)
    fake_openai.enqueue_tool_call(
        "SentenceFigures", figure("40 schools", mayor(second), "3 hospitals")
    )
    claims, report = run(store, fake_settings)
    assert [c.quantity.surface for c in claims if c.quantity] == ["40", "3"]
    assert all(c.asserter == mayor(second) for c in claims)
    assert report.counts.dropped == 1
    assert "President Lula" in str(fake_openai.requests[1]["json"]["messages"])


def test_salvage_keeps_the_valid_figure_of_a_failing_answer(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    first, second = candidates(doc)
    fake_openai.enqueue_tool_call(
        "SentenceFigures", figure("at least 1,200 families", agency(first))
    )
    half_right = figure("40 schools", mayor(second), "3 hospitals remain open")
    fake_openai.enqueue_tool_call("SentenceFigures", half_right, times=2)
    claims, report = run(store, fake_settings)
    assert [c.quantity.surface for c in claims if c.quantity] == ["1,200", "40"]
    assert report.counts.verified == 1
    assert report.counts.repaired == 1
    assert report.counts.dropped == 1


def test_cached_rerun_makes_no_calls_and_model_junk_is_survived(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    _, second = candidates(doc)
    fake_openai.enqueue_text("this is not JSON at all", times=2)  # no tool call: invalid
    fake_openai.enqueue_tool_call(
        "SentenceFigures", figure("40 schools", mayor(second), "3 hospitals")
    )
    claims, report = run(store, fake_settings)
    assert len(claims) == 2
    assert report.counts.dropped + len(report.errors) >= 1
    calls = len(fake_openai.requests)
    # a second run over the same document version: nothing to do
    claims_again, report_again = run(store, fake_settings)
    assert len(fake_openai.requests) == calls
    assert [c.id for c in claims_again] == [c.id for c in claims]
    assert report_again.skipped == 1
