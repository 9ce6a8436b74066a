"""Claim extraction: the parse settles what it can, scripted model output the rest.

A sentence the parse reads completely never reaches the model. Where it leaves a figure
open, the model's answer is held to the grounding invariant: a fabricated quote, a number
not in its quote and an asserter not in the text are each rejected, re-asked with the
reason, and dropped (and counted) if still wrong.
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
    # the parse leaves both figures open: a "final tally" says nothing of what it counts
    "According to the Civil Defence Agency, the final tally reached at least 1,200, up from "
    "800.\n"
    # read off the parse alone: 40 schools, 3 hospitals, closed, said by the mayor
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


def run(store: Store, settings: Settings) -> tuple[list, object]:
    llm = LLM(settings.llm, settings.cache)
    try:
        report = extract_claims(store, llm)
    finally:
        llm.close()
    return ClaimStore(store).claims(), report


def assert_mayor_read_off_the_parse(claims: list, doc: Document) -> None:
    mayor = [c for c in claims if c.quantity and c.quantity.surface in {"40", "3"}]
    assert [(c.quantity.value, c.quantity.counted) for c in mayor] == [
        (40, "schools closed"),
        (3, "hospitals closed"),
    ]
    assert {c.asserter for c in mayor} == {"Mayor Ana Souza"}
    assert {c.model for c in mayor} == {"en-core-web-sm"}
    for claim in mayor:
        assert claim.quotes[0].text == (
            "Mayor Ana Souza said 40 schools and 3 hospitals remain closed."
        )
        assert claim.quotes[0].is_verbatim(doc.text)
        assert claim.statement in claim.quotes[0].text


def test_valid_figures_become_claims_with_verbatim_quotes(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    first, _ = candidates(doc)
    fake_openai.enqueue_tool_call(
        "SentenceFigures",
        figure("the final tally reached at least 1,200", agency(first), "up from 800"),
    )
    claims, report = run(store, fake_settings)
    assert fake_openai.remaining == 0
    assert len(fake_openai.requests) == 1  # the mayor's sentence never reached the model
    assert not fake_openai.unexpected
    assert [c.quantity.value for c in claims if c.quantity] == [1200, 800, 40, 3]
    tally = claims[0]
    assert tally.quantity is not None
    assert tally.quantity.hedge == "at least"
    assert tally.asserter == agency(first)
    assert tally.quantity.counted == "the final tally reached"
    assert tally.statement == "the final tally reached at least 1,200"
    for claim in claims:
        for quote in claim.quotes:
            assert quote.is_verbatim(doc.text)
    assert_mayor_read_off_the_parse(claims, doc)
    assert report.counts.verified == 2
    assert report.counts.parsed == 2
    assert report.counts.model_calls == 1
    assert report.counts.dropped == 0


def test_fabricated_quote_is_reasked_then_repaired(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    first, _ = candidates(doc)
    fake_openai.enqueue_tool_call(
        "SentenceFigures",
        figure("at least 1,200 families fled the burning city", agency(first), "up from 800"),
    )
    fake_openai.enqueue_tool_call(
        "SentenceFigures",
        figure("the final tally reached at least 1,200", agency(first), "up from 800"),
    )
    claims, report = run(store, fake_settings)
    assert len(claims) == 4
    assert report.counts.repaired == 2
    reask = str(fake_openai.requests[1]["json"]["messages"])
    assert "fled the burning city" in reask  # the refused answer and why go back


def test_number_not_in_quote_is_dropped_and_counted(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    first, _ = candidates(doc)
    wrong = figure("the final tally reached", agency(first), "up from 800")
    fake_openai.enqueue_tool_call("SentenceFigures", wrong, times=2)
    claims, report = run(store, fake_settings)
    assert [c.quantity.surface for c in claims if c.quantity] == ["800", "40", "3"]
    assert report.counts.dropped == 1
    assert "the final tally reached" in str(fake_openai.requests[1]["json"]["messages"])
    assert_mayor_read_off_the_parse(claims, doc)


def test_asserter_not_in_text_is_dropped(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = stored
    invented = figure("the final tally reached at least 1,200", "President Lula", "up from 800")
    fake_openai.enqueue_tool_call("SentenceFigures", invented, times=2)
    claims, report = run(store, fake_settings)
    assert [c.quantity.surface for c in claims if c.quantity] == ["40", "3"]
    assert report.counts.dropped == 2
    assert "President Lula" in str(fake_openai.requests[1]["json"]["messages"])
    assert not any("Lula" in (c.asserter or "") for c in claims)


def test_salvage_keeps_the_valid_figure_of_a_failing_answer(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    first, _ = candidates(doc)
    half_right = figure("the final tally reached at least 1,200", agency(first), "up from 900")
    fake_openai.enqueue_tool_call("SentenceFigures", half_right, times=2)
    claims, report = run(store, fake_settings)
    assert [c.quantity.surface for c in claims if c.quantity] == ["1,200", "40", "3"]
    assert report.counts.repaired == 1
    assert report.counts.dropped == 1


def test_cached_rerun_makes_no_calls_and_model_junk_is_survived(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = stored
    fake_openai.enqueue_text("this is not JSON at all", times=2)  # no tool call: invalid
    claims, report = run(store, fake_settings)
    assert len(claims) == 2  # the parse's figures are kept when the model fails
    assert report.counts.dropped + len(report.errors) >= 1
    calls = len(fake_openai.requests)
    # a second run over the same document version: nothing to do
    claims_again, report_again = run(store, fake_settings)
    assert len(fake_openai.requests) == calls
    assert [c.id for c in claims_again] == [c.id for c in claims]
    assert report_again.skipped == 1


def test_a_model_read_figure_gets_its_kind_from_its_words() -> None:
    from assistant.claims.extract import kind_of_words
    from assistant.settings import default_cache

    cache = default_cache()
    assert kind_of_words(cache, "people feared dead") == "deaths"
    assert kind_of_words(cache, "bodies recovered") == "deaths"
    assert kind_of_words(cache, "people injured in the blast") == "injured"
    assert kind_of_words(cache, "houses damaged") == "house"


def test_sentences_the_parse_settles_never_reach_the_model(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    article = (
        "Harbour Mayor Ana Souza visited the shelters on Tuesday.\n"
        # nobody is named as saying it: no claim, and nothing to ask
        "Residents were told to boil their water.\n"
        # the second verb shares the subject that names the speaker
        "The port's director, Ilse Varga, thanked the crews and said the terminal would reopen.\n"
        # "up from 30": the earlier value of the figure beside it
        "The agency said 45 people were missing on Friday, up from 30 a day earlier.\n"
    )
    store, doc = ingest_article(fake_settings, tmp_path, article)
    claims, report = run(store, fake_settings)
    assert fake_openai.requests == []
    assert report.counts.model_calls == 0
    said = [c for c in claims if c.quantity is None]
    assert [c.asserter for c in said] == ["The port's director, Ilse Varga"]
    missing = {c.quantity.value: c for c in claims if c.quantity}
    assert sorted(missing) == [30, 45]
    assert {c.quantity.kind for c in missing.values()} == {"missing"}
    assert missing[30].statement.endswith("up from 30")
    assert {c.asserter for c in missing.values()} == {"The agency"}
    for claim in claims:
        assert claim.quotes[0].is_verbatim(doc.text)


def test_extraction_stores_sentence_vectors_also_for_current_documents(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    model = fake_settings.embedding.model
    assert store.docs.chunks_without_sentence_vectors(doc.id, model)  # ingest stores none
    fake_openai.enqueue_text("this is not JSON at all", times=2)
    run(store, fake_settings)
    assert store.docs.chunks_without_sentence_vectors(doc.id, model) == []
    # a store from before sentence vectors: its current claims are kept, the vectors added
    store.docs.db.execute("DELETE FROM sentence_vectors")
    calls = len(fake_openai.requests)
    _, report = run(store, fake_settings)
    assert (report.skipped, len(fake_openai.requests)) == (1, calls)
    assert store.docs.chunks_without_sentence_vectors(doc.id, model) == []
