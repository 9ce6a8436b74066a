"""The local engine's two-request answer (`llm.prefill`): the verdict, then the sentences
continued from an opening the schema forces, against the fake server standing in for
llama.cpp (the real engine runs it in test_e2e_answers)."""

from __future__ import annotations

import dataclasses

import pytest

from assistant.answers.compose import compose
from assistant.answers.evidence import Evidence
from assistant.errors import LLMError
from assistant.llm import LLM, prefill
from assistant.settings import Settings
from assistant.store import Document

from .fake_openai import FakeOpenAI

TEXT = "The agency said at least 1,200 families were evacuated. Forty schools remain closed."


def _evidence() -> list[Evidence]:
    doc = Document(
        id="d1", source="a.md", content_hash="h", version="v", title="t", outlet="Valley Post",
        date=None, url=None, author=None, kind="md", encoding="utf-8", text=TEXT, original=TEXT,
    )  # fmt: skip
    first = TEXT.index(".") + 1
    return [Evidence("E1", doc, 0, first, 1.0), Evidence("E2", doc, first + 1, len(TEXT), 0.5)]


@pytest.fixture
def llm(fake_settings: Settings) -> LLM:
    """The fake endpoint, taken for one that continues a reply begun for it."""
    client = LLM(fake_settings.llm, fake_settings.cache)
    ep = client.endpoint("answer")
    client._endpoints[ep.model] = dataclasses.replace(ep, prefill=True)
    return client


def test_the_sentences_continue_from_the_opening_under_a_grammar(
    llm: LLM, fake_openai: FakeOpenAI
) -> None:
    fake_openai.enqueue_text(" true")
    fake_openai.enqueue_stream(
        ["At least 1,200 families were", ' evacuated, the agency said.",', ' "cites": [ "E1" ]',
         " }\n  ]\n}"]
    )  # fmt: skip
    composed = compose(llm, "How many families were evacuated?", _evidence())
    assert composed.draft.answerable
    assert [(s.text, s.cites) for s in composed.draft.sentences] == [
        ("At least 1,200 families were evacuated, the agency said.", ["E1"])
    ]
    verdict, sentences = [r["json"] for r in fake_openai.requests]
    assert verdict["messages"][-1] == {"role": "assistant", "content": prefill.VERDICT_OPENING}
    assert verdict["grammar"] == 'root ::= " true" | " false"'
    assert "response_format" not in verdict
    assert "response_format" not in sentences
    assert sentences["messages"][-1]["content"] == prefill.SENTENCES_OPENING
    assert sentences["messages"][:-1] == verdict["messages"][:-1]  # one cached prompt
    assert '"\\"E1\\"" | "\\"E2\\""' in sentences["grammar"]
    assert sentences["stream"] is True


def test_a_false_verdict_ends_the_answer_after_one_request(
    llm: LLM, fake_openai: FakeOpenAI
) -> None:
    fake_openai.enqueue_text('{ "answerable": false')  # an endpoint that echoes the opening
    composed = compose(llm, "What is the weather?", _evidence())
    assert not composed.draft.answerable
    assert composed.draft.sentences == []
    assert len(fake_openai.requests) == 1
    assert composed.first_token_s is not None


def test_a_verdict_outside_the_options_is_a_clear_error(llm: LLM, fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue_text("maybe")
    with pytest.raises(LLMError, match="where one of"):
        compose(llm, "How many families were evacuated?", _evidence())


def test_the_grammar_allows_one_more_sentence_per_sentence_allowed() -> None:
    one = prefill.sentences_grammar(["E1", "E2"], 1, 3)
    two = prefill.sentences_grammar(["E1", "E2"], 2, 3)
    assert "sentence){0,1}" in two.splitlines()[0]
    assert "sentence)" not in one.splitlines()[0]
    assert one.splitlines()[0].startswith("root ::= chars")
