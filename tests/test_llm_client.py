"""The one LLM client path, exercised through the fake OpenAI server."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationInfo, field_validator

from assistant.errors import LLMError, ModelNotReadyError
from assistant.llm import LLM
from assistant.settings import Settings

from .fake_openai import FakeOpenAI


class Figure(BaseModel):
    value: int
    quote: str

    @field_validator("quote")
    @classmethod
    def quote_in_source(cls, quote: str, info: ValidationInfo) -> str:
        source = (info.context or {}).get("source", "")
        if quote not in source:
            raise ValueError(f"quote {quote!r} is not in the source text")
        return quote


SOURCE = "Budanov said about 11,000 North Korean troops are training in Russia."
MESSAGES = [{"role": "user", "content": "Extract the figure."}]


def test_structured_uses_tools_mode_for_openai(
    fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    fake_openai.enqueue_tool_call("Figure", {"value": 11000, "quote": "about 11,000"})
    llm = LLM(fake_settings.llm, fake_settings.cache)
    fig = llm.structured("extraction", Figure, MESSAGES, context={"source": SOURCE})
    assert (fig.value, fig.quote) == (11000, "about 11,000")
    request = fake_openai.last_request
    assert request is not None
    assert request["json"]["model"] == "fake-model"
    assert request["json"]["tools"][0]["function"]["name"] == "Figure"
    assert request["json"]["temperature"] == 0.0
    assert request["headers"].get("authorization") == "Bearer sk-test-not-a-real-key"
    assert llm.usage.calls[-1].prompt_tokens > 0
    assert llm.usage.calls[-1].role == "extraction"


def test_json_schema_mode_and_reask_with_context(
    fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    fake_settings.llm.mode = "json_schema"
    fake_openai.enqueue_json({"value": 11000, "quote": "12,000 troops"})  # not in source
    fake_openai.enqueue_json({"value": 11000, "quote": "about 11,000"})
    llm = LLM(fake_settings.llm, fake_settings.cache)
    fig = llm.structured("answer", Figure, MESSAGES, context={"source": SOURCE})
    assert fig.quote == "about 11,000"
    assert len(fake_openai.requests) == 2
    first = fake_openai.requests[0]["json"]
    assert first["response_format"]["type"] == "json_schema"
    # the re-ask tells the model why its first answer was refused
    reask = str(fake_openai.requests[1]["json"]["messages"])
    assert "is not in the source text" in reask


def test_validation_never_passing_is_bounded(
    fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    fake_settings.llm.validation_retries = 1
    fake_openai.enqueue_tool_call("Figure", {"value": 5, "quote": "invented"}, times=5)
    llm = LLM(fake_settings.llm, fake_settings.cache)
    with pytest.raises(LLMError, match=r"no valid Figure after 2 attempts"):
        llm.structured("extraction", Figure, MESSAGES, context={"source": SOURCE})
    assert len(fake_openai.requests) == 2
    assert fake_openai.remaining == 3


def test_http_error_is_one_clear_error(fake_settings: Settings, fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue_error(500, "the model fell over")
    llm = LLM(fake_settings.llm, fake_settings.cache)
    with pytest.raises(LLMError, match="HTTP 500") as info:
        llm.structured("extraction", Figure, MESSAGES, context={"source": SOURCE})
    assert "sk-test-not-a-real-key" not in str(info.value)


def test_retry_after_429_then_success(fake_settings: Settings, fake_openai: FakeOpenAI) -> None:
    fake_settings.llm.max_retries = 2
    fake_openai.enqueue_error(429, "slow down", headers={"retry-after": "0"})
    fake_openai.enqueue_tool_call("Figure", {"value": 11000, "quote": "about 11,000"})
    llm = LLM(fake_settings.llm, fake_settings.cache)
    assert llm.structured("extraction", Figure, MESSAGES, context={"source": SOURCE}).value == 11000
    assert len(fake_openai.requests) == 2


def test_timeout_is_reported(fake_settings: Settings, fake_openai: FakeOpenAI) -> None:
    fake_settings.llm.timeout = 0.3
    fake_openai.enqueue_text("late", delay=2)
    llm = LLM(fake_settings.llm, fake_settings.cache)
    with pytest.raises(LLMError, match="timed out"):
        list(llm.stream("answer", MESSAGES))


def test_unreachable_endpoint(fake_settings: Settings) -> None:
    fake_settings.llm.base_url = "http://127.0.0.1:9/v1"  # discard port: nothing listens
    llm = LLM(fake_settings.llm, fake_settings.cache)
    with pytest.raises(LLMError, match="cannot reach"):
        list(llm.stream("answer", MESSAGES))


def test_stream_yields_text_and_records_usage(
    fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    fake_openai.enqueue_stream(["About ", "11,000 ", "troops."])
    llm = LLM(fake_settings.llm, fake_settings.cache)
    pieces = list(llm.stream("answer", MESSAGES))
    assert pieces == ["About ", "11,000 ", "troops."]
    assert fake_openai.last_request is not None
    assert fake_openai.last_request["json"]["stream"] is True
    assert len(llm.usage.calls) == 1


def test_cut_stream_is_an_error(fake_settings: Settings, fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue_stream(["About ", "11,000 ", "troops."], cut_after=1)
    llm = LLM(fake_settings.llm, fake_settings.cache)
    with pytest.raises(LLMError):
        list(llm.stream("answer", MESSAGES))


def test_hosted_api_without_key_is_refused(settings: Settings) -> None:
    settings.llm.provider = "openai"
    with pytest.raises(LLMError, match="needs an API key"):
        LLM(settings.llm, settings.cache).endpoint("answer")


def test_local_model_not_set_up(settings: Settings, tmp_path: Path) -> None:
    llm = LLM(settings.llm, tmp_path / "empty-cache")
    with pytest.raises(ModelNotReadyError, match="factcheck setup"):
        llm.endpoint("answer")


def test_local_unknown_model_and_gguf_path(settings: Settings, tmp_path: Path) -> None:
    settings.llm.answer_model = "gpt-17"
    with pytest.raises(ModelNotReadyError, match="unknown local model"):
        LLM(settings.llm, settings.cache).endpoint("answer")
    settings.llm.answer_model = str(tmp_path / "missing.gguf")
    with pytest.raises(ModelNotReadyError, match="does not exist"):
        LLM(settings.llm, settings.cache).endpoint("answer")
