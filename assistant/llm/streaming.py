"""A schema-constrained answer, streamed: partial objects while the model writes, then the
whole output validated once it has finished.

The schema goes to the endpoint the same way instructor sends it (a JSON-schema response
format for the local engine, a forced tool call for hosted APIs), so decoding is still
constrained; the partial JSON is read with jiter (the parser openai itself ships). There
is no re-ask here: what has been shown cannot be unshown, so a caller whose stream fails
validation asks again with `LLM.structured`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Generator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import instructor
import jiter
import openai
from openai.types.chat import ChatCompletionMessageParam
from pydantic import BaseModel, ValidationError

from ..errors import LLMError, ModelNotReadyError

if TYPE_CHECKING:
    from .client import LLM, Role

T = TypeVar("T", bound=BaseModel)


class StructuredStream(Generic[T]):
    """Iterate for partial dicts; afterwards `result` is the validated object."""

    def __init__(
        self,
        llm: LLM,
        role: Role,
        response_model: type[T],
        messages: Sequence[ChatCompletionMessageParam],
        *,
        context: dict[str, Any] | None = None,
        max_tokens: int = 512,
        opening: str = "",
        grammar: str | None = None,
    ) -> None:
        self._llm, self._role, self._model = llm, role, response_model
        self._messages, self._context, self._max_tokens = list(messages), context, max_tokens
        self._opening, self._grammar = opening, grammar
        """Local engine (`prefill`): the reply so far, and the GBNF grammar of its rest."""
        self.text = opening
        self.first_token_s: float | None = None
        self._result: T | None = None

    @property
    def result(self) -> T:
        if self._result is None:
            raise RuntimeError("the stream has not been read to the end")
        return self._result

    def _constraint(self, mode: instructor.Mode, messages: list[Any]) -> dict[str, Any]:
        """The request's decoding constraint: the schema, or with an opening (appended to
        `messages` as the reply so far) the grammar of its rest."""
        if not self._opening:
            return _schema_kwargs(self._model, mode)
        messages.append({"role": "assistant", "content": self._opening})
        return {"extra_body": {"grammar": self._grammar}} if self._grammar else {}

    def __iter__(self) -> Generator[dict[str, Any], None, None]:
        from .client import ValidationFailed, api_error, is_transport_error

        ep = self._llm.endpoint(self._role)
        began = time.perf_counter()
        usage = None
        messages = list(self._messages)
        if ep.mode == instructor.Mode.JSON:
            schema = dumps_schema(self._model)
            messages.insert(0, {"role": "system", "content": f"Reply with JSON: {schema}"})
        constraint = self._constraint(ep.mode, messages)
        chunks = None
        deltas = 0
        try:
            chunks = ep.client.chat.completions.create(
                model=ep.model, messages=messages, stream=True,
                stream_options={"include_usage": True}, max_tokens=self._max_tokens,
                temperature=self._llm.settings.temperature, seed=self._llm.settings.seed,
                **constraint,
            )  # fmt: skip
            for chunk in chunks:
                if chunk.usage is not None:
                    usage = chunk.usage
                delta = _delta(chunk)
                if not delta:
                    continue
                deltas += 1
                if self.first_token_s is None:
                    self.first_token_s = time.perf_counter() - began
                self.text += delta
                partial = _partial(self.text)
                if partial is not None:
                    yield partial
        except openai.OpenAIError as exc:
            raise api_error(ep, exc) from exc
        except Exception as exc:
            if not is_transport_error(exc):
                raise
            raise LLMError(f"the stream from {ep.model} at {ep.base_url} broke off: {exc}") from exc
        finally:
            if chunks is not None:
                chunks.close()  # a reader that stops early also stops the generation
            # closed early, the endpoint never said what it used
            usage = usage or _estimated_usage(self._llm.cache, messages, deltas)
            self._llm._record(self._role, ep.model, usage, began)
        try:
            self._result = self._model.model_validate_json(self.text, context=self._context)
        except ValidationError as exc:
            reason = "; ".join(e["msg"] for e in exc.errors())[:300]
            raise ValidationFailed(
                f"{ep.model} streamed no valid {self._model.__name__}: {reason}",
                attempts=1, last_output=self.text,
            ) from exc  # fmt: skip


def _estimated_usage(
    cache: Path, messages: Sequence[ChatCompletionMessageParam], deltas: int
) -> SimpleNamespace:
    """Tokens of a stream that ended before the endpoint reported its usage: one token per
    streamed delta (llama.cpp sends one each), the prompt counted with tiktoken (within
    ~10% of the Qwen tokenizer on English news text; 0 when the tokenizer is not set up)."""
    from ..tokens import count_tokens, get_encoding

    text = " ".join(str(m.get("content") or "") for m in messages)
    try:
        prompt = count_tokens(text, get_encoding(cache))
    except ModelNotReadyError:
        prompt = 0
    return SimpleNamespace(prompt_tokens=prompt, completion_tokens=deltas)


def _schema_kwargs(model: type[BaseModel], mode: instructor.Mode) -> dict[str, Any]:
    # Tried and measured: the local engine (llama.cpp with llguidance) takes a grammar in
    # which whitespace is off ("x-guidance": {"whitespace_flexible": false}), which cut a
    # one-sentence answer from 42 to 32 tokens (bench_ask warm median 11.2 -> 9.1 s) but
    # took the 1.5B model off its habit ('{ "answerable": true, ...'): three seeds answers
    # became off-topic sentences (accuracy .88 -> .83). The schema is sent as it is.
    schema = model.model_json_schema()
    name = model.__name__
    if mode == instructor.Mode.TOOLS:
        tool = {"type": "function", "function": {"name": name, "parameters": schema}}
        return {"tools": [tool], "tool_choice": {"type": "function", "function": {"name": name}}}
    if mode == instructor.Mode.JSON:
        return {"response_format": {"type": "json_object"}}
    return {"response_format": {"type": "json_schema",
                                "json_schema": {"name": name, "schema": schema}}}  # fmt: skip


def _delta(chunk: Any) -> str:
    """Content or tool-call argument text of one streamed chunk."""
    out = []
    for choice in chunk.choices:
        delta = choice.delta
        if delta.content:
            out.append(delta.content)
        for call in delta.tool_calls or []:
            if call.function is not None and call.function.arguments:
                out.append(call.function.arguments)
    return "".join(out)


def _partial(
    text: str, mode: Literal["on", "trailing-strings"] = "trailing-strings"
) -> dict[str, Any] | None:
    try:
        value = jiter.from_json(text.encode(), partial_mode=mode)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def complete(text: str) -> dict[str, Any] | None:
    """The object of a partial JSON text with only its finished strings: a string that is
    there has been closed (a trailing one being written is left out)."""
    return _partial(text, "on")


def dumps_schema(model: type[BaseModel]) -> str:
    """The model's JSON schema as compact text (for prompts of the plain JSON mode)."""
    return json.dumps(model.model_json_schema(), separators=(",", ":"))
