"""Model faults while answering, through the fake OpenAI server: a composed answer whose
stream is cut mid-way, one that never validates, a failing or unreachable endpoint.
In-process the Answerer raises one LLMError; at the CLI `factcheck ask` prints one line,
no traceback, and exits 1. Requests are counted at the fake server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.answers import Answerer, Sentence
from assistant.errors import LLMError
from assistant.llm import LLM
from assistant.settings import Settings
from assistant.store import Store, open_store

from .answer_corpus import seed_store
from .fake_openai import FakeOpenAI
from .test_answers import OPEN_PLAN, OPEN_QUESTION, RESCUE_QUESTION, evidence_id
from .test_cli import factcheck
from .test_cli_ask import fake_env
from .test_faults import FAST, closed_port

SUPPORTED = "Rescue teams reached the northern villages on Monday."


@pytest.fixture
def rescue(fake_settings: Settings, tmp_path: Path) -> Iterator[tuple[Store, str]]:
    """The seeded flood corpus and the evidence id of the rescue sentence."""
    store = open_store(fake_settings)
    seed_store(store, tmp_path / "corpus")
    yield store, evidence_id(store, RESCUE_QUESTION, "Rescue teams")
    store.close()


def two_sentences(cite: str) -> list[str]:
    """A streamed answer in pieces: the first sentence is complete once the second starts."""
    text = json.dumps(
        {
            "answerable": True,
            "sentences": [
                {"text": SUPPORTED, "cites": [cite]},
                {"text": "Teams also reached the coast.", "cites": [cite]},
            ],
        }
    )
    cut = text.index('{"text": "Teams')
    return [text[:cut], text[cut : cut + 12], text[cut + 12 :]]


def test_cut_stream_raises_one_error_after_the_checked_sentences(
    rescue: tuple[Store, str], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = rescue
    # an open question: a single fact's answer would end at its first checked sentence
    fake_openai.enqueue_tool_call("PlanDraft", OPEN_PLAN)
    fake_openai.enqueue_stream(two_sentences(open_cite(store)), cut_after=2)
    shown: list[Sentence] = []
    llm = LLM(fake_settings.llm, fake_settings.cache)
    try:
        with pytest.raises(LLMError, match="broke off"):
            Answerer(store, llm).ask(OPEN_QUESTION, on_sentence=shown.append)
    finally:
        llm.close()
    assert len(fake_openai.requests) == 2  # a stream is not retried behind the user's back
    assert [(s.text, s.verified) for s in shown] == [(SUPPORTED, True)]


def test_http_errors_while_answering_are_retried_a_bounded_number_of_times(
    rescue: tuple[Store, str], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, _ = rescue
    fake_settings.llm.max_retries = 2
    fake_openai.enqueue_error(500, "the model fell over", FAST, times=10)
    llm = LLM(fake_settings.llm, fake_settings.cache)
    try:
        with pytest.raises(LLMError, match="HTTP 500: the model fell over"):
            Answerer(store, llm).ask(RESCUE_QUESTION)
    finally:
        llm.close()
    assert len(fake_openai.requests) == 3


def open_cite(store: Store) -> str:
    """The evidence id of the rescue sentence for `OPEN_QUESTION`."""
    return evidence_id(store, OPEN_QUESTION, "Rescue teams")


def cli_ask(fake: FakeOpenAI, question: str = RESCUE_QUESTION, **env: str) -> tuple[int, str, str]:
    result = factcheck("ask", question, env={**fake_env(fake), **env})
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    return result.returncode, result.stdout, result.stderr


def test_ask_with_a_cut_stream_fails_in_one_line(
    rescue: tuple[Store, str], fake_openai: FakeOpenAI
) -> None:
    store, _ = rescue
    fake_openai.enqueue_tool_call("PlanDraft", OPEN_PLAN)
    fake_openai.enqueue_stream(two_sentences(open_cite(store)), cut_after=2)
    code, out, err = cli_ask(fake_openai, OPEN_QUESTION)
    assert code == 1
    assert SUPPORTED in out  # shown once checked, before the stream broke off
    (line,) = err.strip().splitlines()
    assert line.startswith("factcheck: error: the stream from fake-model at ")
    assert "broke off" in line


def test_ask_whose_answer_never_validates_fails_in_one_line(
    rescue: tuple[Store, str], fake_openai: FakeOpenAI
) -> None:
    # an id it was not given, on a sentence no passage states (a stated one would be cited
    # to its passage and shown)
    unstated = "Volcanic ash grounded every flight."
    invalid = {"answerable": True, "sentences": [{"text": unstated, "cites": ["E99"]}]}
    fake_openai.enqueue_tool_call("Answer", invalid, times=5)
    code, _, err = cli_ask(fake_openai, FACTCHECK_LLM__VALIDATION_RETRIES="1")
    assert code == 1
    # the stream, then one structured call and its one re-ask; then it gives up
    assert len(fake_openai.requests) == 3
    assert fake_openai.remaining == 2
    assert "factcheck: error: fake-model gave no valid Answer after 2 attempts" in err
    assert err.strip().splitlines()[-1].endswith("Input should be 'E1', 'E2', 'E3' or 'E4'")


def test_ask_with_the_endpoint_down_fails_in_one_line(rescue: tuple[Store, str]) -> None:
    down = f"http://127.0.0.1:{closed_port()}/v1"
    with FakeOpenAI() as unused:
        env = {**fake_env(unused), "FACTCHECK_LLM__BASE_URL": down}
    result = factcheck("ask", RESCUE_QUESTION, env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"factcheck: error: cannot reach fake-model at {down} "
        "(check llm.base_url and that it is running)"
    )
