"""End-to-end: answers over the sample articles with the real local model.

Shares the session's one extraction of the seeds (see conftest `seeded_corpus`).
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answers import CANNOT_ANSWER, Answer, Answerer
from assistant.store import Store

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def answerer(seeded_corpus: tuple[Store, Any, float], local_llm: Any) -> Answerer:
    return Answerer(seeded_corpus[0], local_llm)


def assert_verbatim(store: Store, answer: Answer) -> None:
    for c in [*answer.citations, *answer.closest]:
        doc = store.docs.get(c.doc_id)
        assert doc is not None
        assert doc.text[c.start : c.end] == c.quote


def test_troops_per_source_lists_every_article_with_asserters(answerer: Answerer) -> None:
    answer = answerer.ask("How many North Korean troops are in Russia, per source?")
    assert answer.kind == "figures"
    assert not answer.abstained
    store = answerer.store
    assert {f.doc_id for f in answer.figures} == {d.id for d in store.docs.summaries()}
    values = {f.value for f in answer.figures}
    assert {1500, 2600, 3000, 10000, 11000, 12000} <= values
    attributed = [f for f in answer.figures if f.asserter]
    assert len(attributed) >= len(answer.figures) - 2
    assert any("Budanov" in (f.asserter or "") for f in answer.figures)
    assert answer.conflicts
    for row in answer.figures:
        assert row.surface in answer.citations[row.citation - 1].quote
    assert_verbatim(store, answer)
    assert answer.latency_s < 30  # from stored claims; the measured figure is in the bench


def test_who_said_11000_names_ukraines_military_intelligence(answerer: Answerer) -> None:
    answer = answerer.ask("Who said 11,000 troops are training in eastern Russia?")
    assert answer.kind == "attribution"
    assert not answer.abstained
    assert all("11,000" in c.quote for c in answer.citations)
    asserters = " ".join(c.asserter or "" for c in answer.citations)
    assert "Intelligence" in asserters or "Budanov" in asserters
    assert_verbatim(answerer.store, answer)


@pytest.mark.parametrize(
    "question",
    ["How many North Korean soldiers have been killed?", "What is the weather in Pyongyang?"],
)
def test_questions_the_articles_do_not_answer_abstain(answerer: Answerer, question: str) -> None:
    answer = answerer.ask(question)
    assert answer.abstained, answer.answer
    assert answer.answer == CANNOT_ANSWER
    assert answer.closest
    assert_verbatim(answerer.store, answer)


def test_composed_answer_is_cited_and_verbatim(answerer: Answerer) -> None:
    answer = answerer.ask("When did Russia and North Korea sign their agreement?")
    assert not answer.abstained, answer.sentences
    assert "June" in answer.answer
    assert answer.citations
    assert all(s.citations for s in answer.sentences)
    assert_verbatim(answerer.store, answer)
