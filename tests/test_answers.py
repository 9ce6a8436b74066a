"""Answers through the fake OpenAI server: figures from claims, attribution, composed
answers whose citations are checked, abstention, and an injected instruction."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.answers import CANNOT_ANSWER, Answer, Answerer
from assistant.answers.evidence import gather
from assistant.llm import LLM
from assistant.settings import Settings
from assistant.store import Store, open_store

from .answer_corpus import seed_store
from .fake_openai import FakeOpenAI


@pytest.fixture
def corpus(fake_settings: Settings, tmp_path: Path) -> Iterator[tuple[Store, dict[str, str]]]:
    store = open_store(fake_settings)
    ids = seed_store(store, tmp_path / "corpus")
    yield store, ids
    store.close()


def ask(store: Store, settings: Settings, question: str) -> Answer:
    llm = LLM(settings.llm, settings.cache)
    try:
        return Answerer(store, llm).ask(question)
    finally:
        llm.close()


RESCUE_QUESTION = "Where did rescue teams go on Monday?"
OPEN_QUESTION = "Tell me about the rescue teams on Monday"
OPEN_PLAN = {"kind": "other", "about": "rescue teams", "focus": []}


def evidence_id(store: Store, question: str, needle: str) -> str:
    """The id the answerer will give the evidence sentence containing `needle`."""
    evidence, _ = gather(store, question)
    return next(e.id for e in evidence if needle in e.text)


def draft(answerable: bool, *sentences: tuple[str, list[str]]) -> dict[str, Any]:
    return {"answerable": answerable,
            "sentences": [{"text": t, "cites": c} for t, c in sentences]}  # fmt: skip


def assert_quotes_verbatim(store: Store, answer: Answer) -> None:
    for c in [*answer.citations, *answer.closest]:
        doc = store.docs.get(c.doc_id)
        assert doc is not None
        assert doc.text[c.start : c.end] == c.quote


def test_figures_per_source_come_from_claims_without_a_model_call(
    corpus: tuple[Store, dict[str, str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = corpus
    answer = ask(store, fake_settings, "How many families were evacuated, per source?")
    assert fake_openai.requests == []
    assert answer.kind == "figures"
    assert not answer.abstained
    by_outlet = {(f.outlet, f.value, f.hedge, f.asserter) for f in answer.figures}
    assert by_outlet == {
        ("Valley Post", 1200, "at least", "regional emergency agency"),
        ("Coast Herald", 3000, "about", "Ilse Brandt"),
        ("River Times", 1500, None, "regional emergency agency"),
    }
    assert_quotes_verbatim(store, answer)
    for row in answer.figures:
        quote = answer.citations[row.citation - 1].quote
        assert row.surface in quote
    kinds = {c.kind for c in answer.conflicts}
    assert "asserter" in kinds  # the agency and the Red Cross disagree
    assert "update" in kinds  # the agency's figure changed from Mar 2 to Mar 3
    update = next(c for c in answer.conflicts if c.kind == "update")
    assert "1,500" in update.summary
    assert "1,200" in update.summary
    assert all(s.citations for s in answer.sentences)
    assert answer.verification.dropped == 0


def test_who_said_a_figure_names_the_asserter(
    corpus: tuple[Store, dict[str, str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = corpus
    answer = ask(store, fake_settings, "Who said 3,000 families were evacuated?")
    assert fake_openai.requests == []
    assert answer.kind == "attribution"
    assert (
        answer.answer == "Ilse Brandt gave the figure about 3,000 (Coast Herald, 4 Mar 2031) [1]."
    )
    assert [c.asserter for c in answer.citations] == ["Ilse Brandt"]
    assert "3,000" in answer.citations[0].quote


def test_who_said_a_figure_leaves_out_the_outlets_own_mention_of_it(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    """A headline's "3,000 families evacuated" is no second answer beside the body's
    "Red Cross coordinator Ilse Brandt said about 3,000 families ..." of the same page."""
    from .answer_corpus import Figure

    page = {"herald.md": (
        "---\ntitle: Marren flood\noutlet: Coast Herald\ndate: 2031-03-04\n---\n"
        "Marren: 3,000 families evacuated.\n\nRed Cross coordinator Ilse Brandt said about "
        "3,000 families were evacuated.\n"
    )}  # fmt: skip
    figures = (
        Figure("herald.md", "Marren: 3,000 families", "3,000", 3000, "families evacuated", None),
        Figure("herald.md", "Red Cross coordinator Ilse Brandt said about 3,000 families",
               "3,000", 3000, "families were evacuated", "Ilse Brandt", "about"),
    )  # fmt: skip
    store = open_store(fake_settings)
    try:
        seed_store(store, tmp_path / "corpus", page, figures)
        answer = ask(store, fake_settings, "Who said 3,000 families were evacuated?")
    finally:
        store.close()
    said = "Ilse Brandt gave the figure about 3,000 (Coast Herald, 4 Mar 2031) [1]."
    assert answer.answer == said


def test_composed_answer_keeps_supported_sentences_and_drops_the_rest(
    corpus: tuple[Store, dict[str, str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = corpus
    question = OPEN_QUESTION  # not a single fact: two sentences may answer it
    rescue = evidence_id(store, question, "Rescue teams")
    fake_openai.enqueue_tool_call("PlanDraft", OPEN_PLAN)
    fake_openai.enqueue_tool_call("Answer", draft(
        True,
        ("Rescue teams reached the northern villages on Monday.", [rescue]),
        ("They rescued 500 people in the villages.", [rescue]),
    ))  # fmt: skip
    answer = ask(store, fake_settings, question)
    fake_openai.assert_done()
    assert not answer.abstained
    assert answer.answer.startswith("Rescue teams reached the northern villages on Monday.")
    assert "500" not in answer.answer
    dropped = [s for s in answer.sentences if not s.verified]
    assert len(dropped) == 1
    assert "500" in (dropped[0].reason or "")
    assert answer.verification.model_dump() == {"checked": 2, "verified": 1, "dropped": 1}
    assert answer.citations[0].outlet == "Coast Herald"
    assert_quotes_verbatim(store, answer)
    # the schema given to the model only allows the evidence ids it was shown
    tool = fake_openai.requests[1]["json"]["tools"][0]["function"]["parameters"]
    enum = tool["$defs"]["AnswerSentence"]["properties"]["cites"]["items"]["enum"]
    assert rescue in enum
    assert tool["properties"]["sentences"]["maxItems"] == 2


def test_a_single_fact_is_answered_in_one_sentence(
    corpus: tuple[Store, dict[str, str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = corpus
    rescue = evidence_id(store, RESCUE_QUESTION, "Rescue teams")
    fake_openai.enqueue_tool_call("Answer", draft(
        True,
        ("Rescue teams reached the northern villages on Monday.", [rescue]),
        ("Rescue teams reached the villages in the north on Monday.", [rescue]),
    ))  # fmt: skip
    answer = ask(store, fake_settings, RESCUE_QUESTION)
    fake_openai.assert_done()
    assert answer.kind == "fact"
    # the first sentence passed the check: the stream was closed before the second counted
    assert [s.text for s in answer.sentences] == [
        "Rescue teams reached the northern villages on Monday."
    ]
    assert answer.verification.checked == 1
    assert answer.first_sentence_s is not None
    assert 0 < answer.first_sentence_s <= answer.latency_s
    # the endpoint reports no usage for a stream closed early: what it streamed is counted
    assert answer.usage.calls == 1
    assert answer.usage.completion_tokens > 0
    tool = fake_openai.requests[0]["json"]["tools"][0]["function"]["parameters"]
    assert tool["properties"]["sentences"]["maxItems"] == 2


def test_a_who_question_without_a_figure_is_answered_in_one_sentence(
    corpus: tuple[Store, dict[str, str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = corpus
    question = "Who said rescue teams reached the northern villages?"
    rescue = evidence_id(store, question, "Rescue teams")
    fake_openai.enqueue_tool_call("Answer", draft(
        True,
        ("Rescue teams reached the northern villages on Monday.", [rescue]),
        ("Rescue teams reached the villages in the north on Monday.", [rescue]),
    ))  # fmt: skip
    answer = ask(store, fake_settings, question)
    fake_openai.assert_done()
    assert answer.kind == "attribution"
    # one person or body is the answer: a second sentence was off the point on real pages
    assert [s.text for s in answer.sentences] == [
        "Rescue teams reached the northern villages on Monday."
    ]


def test_a_single_fact_abstains_when_its_first_sentence_fails_the_check(
    corpus: tuple[Store, dict[str, str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    # a failing sentence is tried under every passage; a second one written after it is
    # not waited for (it cost ~3 s on every abstention and gave no right answer)
    store, _ = corpus
    rescue = evidence_id(store, RESCUE_QUESTION, "Rescue teams")
    fake_openai.enqueue_tool_call("Answer", draft(
        True,
        ("Rescue teams reached 14 villages in Oskar County.", [rescue]),
        ("Rescue teams reached the northern villages on Monday.", [rescue]),
    ))  # fmt: skip
    answer = ask(store, fake_settings, RESCUE_QUESTION)
    assert answer.abstained
    assert answer.answer == CANNOT_ANSWER
    assert [s.text for s in answer.sentences] == [
        "Rescue teams reached 14 villages in Oskar County."
    ]
    assert answer.verification.model_dump() == {"checked": 1, "verified": 0, "dropped": 1}


def test_unanswerable_question_abstains_with_the_closest_passages(
    corpus: tuple[Store, dict[str, str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = corpus
    fake_openai.enqueue_tool_call("Answer", draft(False))
    answer = ask(store, fake_settings, "What did the flood cost in euros?")
    assert answer.abstained
    assert answer.answer == CANNOT_ANSWER
    assert answer.closest
    assert answer.figures == []
    assert_quotes_verbatim(store, answer)


def test_answer_with_only_unsupported_sentences_abstains(
    corpus: tuple[Store, dict[str, str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = corpus
    question = RESCUE_QUESTION
    rescue = evidence_id(store, question, "Rescue teams")
    fake_openai.enqueue_tool_call(
        "Answer", draft(True, ("Rescue teams reached 14 villages in Oskar County.", [rescue]))
    )
    answer = ask(store, fake_settings, question)
    assert answer.abstained
    assert answer.answer == CANNOT_ANSWER
    assert answer.verification.dropped == 1


def test_injected_instruction_changes_nothing(
    corpus: tuple[Store, dict[str, str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = corpus
    question = "What is the death toll of the flood?"
    evidence, _ = gather(store, question)
    assert evidence
    assert not any("Ignore previous instructions" in e.text for e in evidence)
    # a model that obeyed the article anyway is caught by the citation check
    fake_openai.enqueue_tool_call("Answer", draft(True, ("The death toll is zero.", ["E1"])))
    answer = ask(store, fake_settings, question)
    prompt = str(fake_openai.requests[0]["json"]["messages"])
    assert "Ignore previous instructions" not in prompt
    assert "zero" not in answer.answer
    assert answer.abstained


def test_invalid_streamed_answer_is_asked_again(
    corpus: tuple[Store, dict[str, str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = corpus
    question = RESCUE_QUESTION
    rescue = evidence_id(store, question, "Rescue teams")
    # an id it was not given (a true sentence would be cited to its passage before the end)
    fake_openai.enqueue_tool_call(
        "Answer", draft(True, ("Volcanic ash grounded every flight.", ["E99"]))
    )
    fake_openai.enqueue_tool_call(
        "Answer", draft(True, ("Rescue teams reached the northern villages.", [rescue]))
    )
    answer = ask(store, fake_settings, question)
    fake_openai.assert_done()
    assert answer.answer.startswith("Rescue teams reached the northern villages.")
    assert answer.usage.calls == 2


def test_question_no_rule_classifies_is_planned_by_the_model(
    corpus: tuple[Store, dict[str, str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = corpus
    fake_openai.enqueue_tool_call("PlanDraft", {"kind": "fact", "about": "schools", "focus": []})
    schools = evidence_id(store, "Tell me about the schools", "schools")
    fake_openai.enqueue_tool_call(
        "Answer", draft(True, ("Officials expect the schools to reopen next week.", [schools]))
    )
    answer = ask(store, fake_settings, "Tell me about the schools")
    fake_openai.assert_done()
    assert answer.kind == "fact"
    assert answer.about == "schools"
    assert answer.answer.startswith("Officials expect the schools to reopen next week.")
    assert answer.usage.calls == 2


def test_streamed_sentences_arrive_verified_before_the_answer_returns(
    corpus: tuple[Store, dict[str, str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = corpus
    question = OPEN_QUESTION
    rescue = evidence_id(store, question, "Rescue teams")
    fake_openai.enqueue_tool_call("PlanDraft", OPEN_PLAN)
    fake_openai.enqueue_tool_call("Answer", draft(
        True,
        ("Rescue teams reached the northern villages on Monday.", [rescue]),
        ("The teams reached the villages on Monday.", [rescue]),
    ))  # fmt: skip
    seen: list[str] = []
    llm = LLM(fake_settings.llm, fake_settings.cache)
    try:
        answer = Answerer(store, llm).ask(question, on_sentence=lambda s: seen.append(s.text))
    finally:
        llm.close()
    assert seen == [s.text for s in answer.sentences]
    assert len(seen) == 2


def test_a_summary_question_hears_every_source_in_its_own_quoted_words(
    corpus: tuple[Store, dict[str, str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, ids = corpus
    answer = ask(store, fake_settings, "Summarise what the sources say about the Marren flood.")
    assert fake_openai.requests == []  # quoted main points: no model call
    assert answer.kind == "summary"
    assert not answer.abstained
    assert {c.doc_id for c in answer.citations} == set(ids.values())
    assert_quotes_verbatim(store, answer)
    # in date order, each sentence the outlet and date, then a verbatim quote it cites
    assert [s.text.split(" (")[0] for s in answer.sentences][:1] == ["Valley Post"]
    assert answer.sentences[-1].text.startswith("Coast Herald (4 Mar 2031): “")
    for sentence in answer.sentences:
        (n,) = sentence.citations
        quote = next(c.quote for c in answer.citations if c.n == n)
        assert f"“{' '.join(quote.split())}” [{n}]" in sentence.text
    # the injected line is never quoted, and figures are preferred to framing sentences
    assert "Ignore previous instructions" not in answer.answer
    assert "3,000 families" in answer.answer
