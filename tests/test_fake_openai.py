"""The fake OpenAI server, driven through the real `openai` and `instructor` clients."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx2
import instructor
import openai
import pytest
from instructor.core import InstructorRetryException
from pydantic import BaseModel, ValidationInfo, field_validator

from .fake_openai import NO_SCRIPT_LEFT, FakeOpenAI

MESSAGES: list[Any] = [{"role": "user", "content": "Who said what about the troops?"}]
SOURCE = "Budanov said about 11,000 North Korean troops are training in Russia."


class Figure(BaseModel):
    """A figure whose quote must appear verbatim in the validation context's source."""

    value: int
    quote: str

    @field_validator("quote")
    @classmethod
    def quote_in_source(cls, quote: str, info: ValidationInfo) -> str:
        """Refuse a quote that is not in `context["source"]`."""
        source = (info.context or {}).get("source", "")
        if quote not in source:
            raise ValueError(f"quote {quote!r} is not in the source text")
        return quote


@pytest.fixture
def client(fake_openai: FakeOpenAI) -> Iterator[openai.OpenAI]:
    """A real OpenAI client on the fake server, without client-side retries."""
    with openai.OpenAI(base_url=fake_openai.base_url, api_key="test", max_retries=0) as c:
        yield c


# -- plain completions ---------------------------------------------------------------------


def test_text_completion_has_realistic_envelope_and_usage(
    fake_openai: FakeOpenAI, client: openai.OpenAI
) -> None:
    assert fake_openai.enqueue_text("About 11,000 troops.") is fake_openai
    completion = client.chat.completions.create(model="my-model", messages=MESSAGES)
    assert completion.choices[0].message.content == "About 11,000 troops."
    assert completion.choices[0].finish_reason == "stop"
    assert completion.object == "chat.completion"
    assert completion.model == "my-model"
    assert completion.id.startswith("chatcmpl-")
    assert completion.created > 0
    assert completion.usage is not None
    assert completion.usage.prompt_tokens == 6  # words in MESSAGES
    assert completion.usage.completion_tokens == 3
    assert completion.usage.total_tokens == 9
    request = fake_openai.last_request
    assert request is not None
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["authorization"] == "Bearer test"
    assert request["json"]["messages"] == MESSAGES
    assert fake_openai.remaining == 0
    assert fake_openai.unexpected == []
    fake_openai.assert_done()


def test_models_list_includes_constructor_names() -> None:
    with (
        FakeOpenAI(["gpt-test", "other"]) as fake,
        openai.OpenAI(base_url=fake.base_url, api_key="test", max_retries=0) as c,
    ):
        assert [m.id for m in c.models.list()] == ["fake-model", "gpt-test", "other"]
        assert fake.requests[0]["path"] == "/v1/models"


def test_times_repeats_and_entries_are_fifo(fake_openai: FakeOpenAI, client: openai.OpenAI) -> None:
    fake_openai.enqueue_text("one", times=2).enqueue_json({"n": 2})
    assert fake_openai.remaining == 3
    answers = [
        client.chat.completions.create(model="m", messages=MESSAGES).choices[0].message.content
        for _ in range(3)
    ]
    assert answers == ["one", "one", '{"n": 2}']
    assert fake_openai.remaining == 0
    with pytest.raises(ValueError, match="at least 1"):
        fake_openai.enqueue_text("never", times=0)


def test_concurrent_requests_each_get_one_entry(fake_openai: FakeOpenAI) -> None:
    for i in range(8):
        fake_openai.enqueue_text(f"answer {i}", delay=0.05)
    answers: list[str] = []
    lock = threading.Lock()

    def ask() -> None:
        with openai.OpenAI(base_url=fake_openai.base_url, api_key="t", max_retries=0) as c:
            text = c.chat.completions.create(model="m", messages=MESSAGES).choices[0].message
        with lock:
            answers.append(str(text.content))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=5)
    assert sorted(answers) == [f"answer {i}" for i in range(8)]
    assert len(fake_openai.requests) == 8
    assert fake_openai.remaining == 0


def test_server_is_quiet(
    fake_openai: FakeOpenAI, client: openai.OpenAI, capfd: pytest.CaptureFixture[str]
) -> None:
    fake_openai.enqueue_text("hi").enqueue_error(404, "nope")
    client.chat.completions.create(model="m", messages=MESSAGES)
    with pytest.raises(openai.NotFoundError):
        client.chat.completions.create(model="m", messages=MESSAGES)
    assert capfd.readouterr().err == ""


# -- instructor ----------------------------------------------------------------------------


def test_instructor_json_schema_mode(fake_openai: FakeOpenAI, client: openai.OpenAI) -> None:
    fake_openai.enqueue_json({"value": 11000, "quote": "about 11,000"})
    ic = instructor.from_openai(client, mode=instructor.Mode.JSON_SCHEMA)
    figure = ic.chat.completions.create(
        model="m", response_model=Figure, messages=MESSAGES, context={"source": SOURCE}
    )
    assert figure.model_dump() == {"value": 11000, "quote": "about 11,000"}
    request = fake_openai.last_request
    assert request is not None
    response_format = request["json"]["response_format"]
    assert response_format["type"] == "json_schema"
    assert set(response_format["json_schema"]["schema"]["properties"]) == {"value", "quote"}
    assert "tools" not in request["json"]


def test_instructor_tools_mode(fake_openai: FakeOpenAI, client: openai.OpenAI) -> None:
    fake_openai.enqueue_tool_call("Figure", {"value": 11000, "quote": "about 11,000"})
    ic = instructor.from_openai(client, mode=instructor.Mode.TOOLS)
    figure, completion = ic.chat.completions.create_with_completion(
        model="m", response_model=Figure, messages=MESSAGES, context={"source": SOURCE}
    )
    assert figure.value == 11000
    assert completion.choices[0].finish_reason == "tool_calls"
    assert completion.usage is not None
    assert completion.usage.completion_tokens > 0
    request = fake_openai.last_request
    assert request is not None
    assert request["json"]["tools"][0]["function"]["name"] == "Figure"
    assert "response_format" not in request["json"]


def test_instructor_reasks_after_a_failed_validator(
    fake_openai: FakeOpenAI, client: openai.OpenAI
) -> None:
    fake_openai.enqueue_json({"value": 12000, "quote": "12,000 troops"})  # not in SOURCE
    fake_openai.enqueue_json({"value": 11000, "quote": "about 11,000"})
    ic = instructor.from_openai(client, mode=instructor.Mode.JSON_SCHEMA)
    figure = ic.chat.completions.create(
        model="m",
        response_model=Figure,
        messages=MESSAGES,
        context={"source": SOURCE},
        max_retries=1,  # one retry: two attempts
    )
    assert figure.quote == "about 11,000"
    assert len(fake_openai.requests) == 2
    reask = str(fake_openai.requests[1]["json"]["messages"])
    assert "is not in the source text" in reask
    fake_openai.assert_done()


def test_instructor_streams_a_tool_call(fake_openai: FakeOpenAI, client: openai.OpenAI) -> None:
    fake_openai.enqueue_tool_call("Figure", {"value": 11000, "quote": "about 11,000"})
    ic = instructor.from_openai(client, mode=instructor.Mode.TOOLS)
    partials = list(
        ic.chat.completions.create_partial(
            model="m", response_model=Figure, messages=MESSAGES, context={"source": SOURCE}
        )
    )
    assert len(partials) > 1
    assert partials[-1].value == 11000
    assert partials[-1].quote == "about 11,000"
    request = fake_openai.last_request
    assert request is not None
    assert request["json"]["stream"] is True


def test_malformed_json_under_instructor(fake_openai: FakeOpenAI, client: openai.OpenAI) -> None:
    fake_openai.enqueue_raw(200, b'{"id": "chatcmpl-1", "choices": [')
    ic = instructor.from_openai(client, mode=instructor.Mode.JSON_SCHEMA)
    with pytest.raises(InstructorRetryException) as info:
        ic.chat.completions.create(
            model="m", response_model=Figure, messages=MESSAGES, max_retries=0
        )
    # instructor wraps whatever the API call raised; openai itself does not wrap the bad body
    assert isinstance(info.value.__cause__, json.JSONDecodeError)
    assert info.value.n_attempts == 1


def test_malformed_json_is_retried_by_instructor(
    fake_openai: FakeOpenAI, client: openai.OpenAI
) -> None:
    fake_openai.enqueue_raw(200, b"not json at all")
    fake_openai.enqueue_json({"value": 11000, "quote": "about 11,000"})
    ic = instructor.from_openai(client, mode=instructor.Mode.JSON_SCHEMA)
    figure = ic.chat.completions.create(
        model="m",
        response_model=Figure,
        messages=MESSAGES,
        context={"source": SOURCE},
        max_retries=1,
    )
    assert figure.value == 11000
    assert len(fake_openai.requests) == 2


def test_malformed_json_plain_openai_raises_json_error(
    fake_openai: FakeOpenAI, client: openai.OpenAI
) -> None:
    fake_openai.enqueue_raw(200, b"{oops", content_type="application/json")
    with pytest.raises(json.JSONDecodeError):
        client.chat.completions.create(model="m", messages=MESSAGES)


def test_instructor_wraps_http_errors(fake_openai: FakeOpenAI, client: openai.OpenAI) -> None:
    fake_openai.enqueue_error(500, "the model fell over")
    ic = instructor.from_openai(client, mode=instructor.Mode.TOOLS)
    with pytest.raises(InstructorRetryException) as info:
        ic.chat.completions.create(
            model="m", response_model=Figure, messages=MESSAGES, max_retries=3
        )
    assert isinstance(info.value.__cause__, openai.InternalServerError)
    assert len(fake_openai.requests) == 1  # HTTP errors are not re-asked


# -- streaming -----------------------------------------------------------------------------


def test_stream_text_reassembles_and_reports_usage(
    fake_openai: FakeOpenAI, client: openai.OpenAI
) -> None:
    fake_openai.enqueue_text("About 11,000 North Korean troops.")
    stream = client.chat.completions.create(
        model="m", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
    )
    pieces: list[str] = []
    finishes: list[str] = []
    usage = None
    for chunk in stream:
        assert chunk.object == "chat.completion.chunk"
        if chunk.usage is not None:
            usage = chunk.usage
        for choice in chunk.choices:
            pieces.extend([choice.delta.content] if choice.delta.content else [])
            finishes.extend([choice.finish_reason] if choice.finish_reason else [])
    assert len(pieces) > 1
    assert "".join(pieces) == "About 11,000 North Korean troops."
    assert finishes == ["stop"]
    assert usage is not None
    assert usage.prompt_tokens == 6
    assert usage.completion_tokens == 5


def test_stream_without_include_usage_has_no_usage(
    fake_openai: FakeOpenAI, client: openai.OpenAI
) -> None:
    fake_openai.enqueue_json({"a": 1})
    chunks = list(client.chat.completions.create(model="m", messages=MESSAGES, stream=True))
    assert all(c.usage is None for c in chunks)
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == '{"a": 1}'


def test_enqueue_stream_sends_exact_chunks(fake_openai: FakeOpenAI, client: openai.OpenAI) -> None:
    fake_openai.enqueue_stream(["About ", "11,000 ", "troops."])
    stream = client.chat.completions.create(
        model="m", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
    )
    chunks = list(stream)
    contents = [
        c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content
    ]
    assert contents == ["About ", "11,000 ", "troops."]
    assert chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens == 3


def test_stream_tool_call_argument_deltas(fake_openai: FakeOpenAI, client: openai.OpenAI) -> None:
    arguments = {"value": 11000, "quote": "about 11,000"}
    fake_openai.enqueue_tool_call("Figure", arguments)
    stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
    name, parts, finish = "", [], None
    for chunk in stream:
        choice = chunk.choices[0]
        for call in choice.delta.tool_calls or []:
            assert call.index == 0
            if call.function and call.function.name:
                name = call.function.name
            if call.function and call.function.arguments:
                parts.append(call.function.arguments)
        finish = choice.finish_reason or finish
    assert name == "Figure"
    assert len(parts) > 1
    assert json.loads("".join(parts)) == arguments
    assert finish == "tool_calls"


def test_cut_stream_raises_remote_protocol_error(
    fake_openai: FakeOpenAI, client: openai.OpenAI
) -> None:
    fake_openai.enqueue_stream(["About ", "11,000 ", "troops."], cut_after=1)
    stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
    received: list[str] = []

    def consume() -> None:
        for chunk in stream:
            received.extend(c.delta.content or "" for c in chunk.choices)

    # openai 3.x is built on `httpx2`: the cut surfaces as httpx2's error, unwrapped by
    # openai (not an openai.APIError) and unrelated to the `httpx` package's exceptions.
    with pytest.raises(httpx2.RemoteProtocolError, match="incomplete chunked read"):
        consume()
    assert received == ["About "]


# -- HTTP errors, retries and timeouts ------------------------------------------------------


def test_429_with_retry_after_then_success(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue_error(429, "slow down", headers={"retry-after": "0"})
    fake_openai.enqueue_text("ok")
    with openai.OpenAI(base_url=fake_openai.base_url, api_key="test", max_retries=2) as c:
        completion = c.chat.completions.create(model="m", messages=MESSAGES)
    assert completion.choices[0].message.content == "ok"
    assert len(fake_openai.requests) == 2
    assert fake_openai.requests[1]["headers"]["x-stainless-retry-count"] == "1"


def test_500_without_retries_raises_internal_server_error(
    fake_openai: FakeOpenAI, client: openai.OpenAI
) -> None:
    fake_openai.enqueue_error(500, "the model fell over")
    with pytest.raises(openai.InternalServerError) as info:
        client.chat.completions.create(model="m", messages=MESSAGES)
    assert info.value.status_code == 500
    assert info.value.body == {
        "message": "the model fell over",
        "type": "server_error",
        "param": None,
        "code": "server_error",
    }
    assert len(fake_openai.requests) == 1


def test_error_headers_are_sent(fake_openai: FakeOpenAI, client: openai.OpenAI) -> None:
    fake_openai.enqueue_error(503, "overloaded", headers={"x-fake": "yes"})
    with pytest.raises(openai.APIStatusError) as info:
        client.chat.completions.create(model="m", messages=MESSAGES)
    assert info.value.status_code == 503
    assert info.value.response.headers["x-fake"] == "yes"


def test_delay_beyond_client_timeout_raises_api_timeout_error(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue_text("late", delay=2)
    began = time.monotonic()
    with (
        openai.OpenAI(
            base_url=fake_openai.base_url, api_key="test", timeout=0.3, max_retries=0
        ) as c,
        pytest.raises(openai.APITimeoutError),
    ):
        c.chat.completions.create(model="m", messages=MESSAGES)
    assert time.monotonic() - began < 1.5


def test_empty_queue_is_an_error_and_recorded(
    fake_openai: FakeOpenAI, client: openai.OpenAI
) -> None:
    with pytest.raises(openai.InternalServerError, match=NO_SCRIPT_LEFT):
        client.chat.completions.create(model="m", messages=MESSAGES)
    assert len(fake_openai.unexpected) == 1
    assert fake_openai.unexpected[0]["reason"] == NO_SCRIPT_LEFT
    assert fake_openai.unexpected[0]["json"]["messages"] == MESSAGES
    with pytest.raises(AssertionError, match="unexpected requests"):
        fake_openai.assert_done()


def test_stop_is_quick_while_a_delayed_answer_is_pending() -> None:
    fake = FakeOpenAI().start()
    fake.enqueue_text("very late", delay=30)
    errors: list[BaseException] = []

    def ask() -> None:
        with openai.OpenAI(base_url=fake.base_url, api_key="t", max_retries=0) as c:
            try:
                c.chat.completions.create(model="m", messages=MESSAGES)
            except openai.APIError as exc:
                errors.append(exc)

    thread = threading.Thread(target=ask, daemon=True)
    thread.start()
    deadline = time.monotonic() + 2
    while not fake.requests and time.monotonic() < deadline:
        time.sleep(0.01)
    began = time.monotonic()
    fake.stop()
    assert time.monotonic() - began < 1
    thread.join(timeout=2)
    assert not thread.is_alive()
    assert len(errors) == 1
    assert isinstance(errors[0], openai.APIConnectionError)
