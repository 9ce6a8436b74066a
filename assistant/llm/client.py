"""One LLM client path: the openai client (and instructor on top of it) for every provider.

`local` resolves to the in-process llama.cpp server on loopback; `openai` to any
OpenAI-compatible endpoint. Callers ask by role (extraction, answer) and never see which.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

import instructor
import openai
from instructor.core import InstructorRetryException
from openai.types.chat import ChatCompletionMessageParam
from pydantic import BaseModel, ValidationError

from ..errors import LLMError
from ..redact import redact, register_secret
from ..settings import LLMSettings
from .local import LocalEngine, resolve_model_path
from .streaming import StructuredStream

log = logging.getLogger(__name__)

Role = Literal["extraction", "answer"]
T = TypeVar("T", bound=BaseModel)

_MODES = {
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
}


@dataclass(frozen=True)
class Usage:
    """Tokens and time of one LLM call."""

    role: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    seconds: float


@dataclass
class UsageLog:
    """Every call's usage in this process, newest last."""

    calls: list[Usage] = field(default_factory=list)

    def add(self, usage: Usage) -> None:
        self.calls.append(usage)
        log.debug(
            "llm %s %s: %d in, %d out, %.2f s",
            usage.role,
            usage.model,
            usage.prompt_tokens,
            usage.completion_tokens,
            usage.seconds,
        )

    @property
    def prompt_tokens(self) -> int:
        return sum(c.prompt_tokens for c in self.calls)

    @property
    def completion_tokens(self) -> int:
        return sum(c.completion_tokens for c in self.calls)


@dataclass(frozen=True)
class Structured(Generic[T]):
    """A validated object and the number of attempts it took (1: no re-ask)."""

    value: T
    attempts: int


class ValidationFailed(LLMError):  # noqa: N818 (reads better than ...Error at call sites)
    """Every attempt failed validation; `last_output` is the model's last raw text."""

    def __init__(self, message: str, *, attempts: int, last_output: str | None) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.last_output = last_output


class EndpointUnavailable(LLMError):  # noqa: N818 (a state, like ValidationFailed)
    """The endpoint could not be reached, timed out or refused the key: every further
    request would fail the same way, so a batch of calls should stop rather than go on."""


@dataclass(frozen=True)
class Endpoint:
    """Where one role's requests go."""

    base_url: str
    model: str
    client: openai.OpenAI
    mode: instructor.Mode
    prefill: bool = False
    """The endpoint continues a reply begun for it, under a GBNF grammar (the local
    llama.cpp engine; `prefill`)."""


class LLM:
    """Structured and streamed calls by role, with bounded retries and usage recorded."""

    def __init__(
        self, settings: LLMSettings, cache: Path, engine: LocalEngine | None = None
    ) -> None:
        self.settings = settings
        self.cache = cache
        self.usage = UsageLog()
        self._engine = engine
        self._endpoints: dict[str, Endpoint] = {}
        self._endpoint_lock = threading.Lock()

    # -- endpoints -------------------------------------------------------------------------

    def model_name(self, role: Role) -> str:
        """The configured model for `role`."""
        s = self.settings
        return s.extraction_model if role == "extraction" else s.answer_model

    def endpoint(self, role: Role) -> Endpoint:
        """The endpoint for `role`, starting the local engine on first use."""
        name = self.model_name(role)
        with self._endpoint_lock:  # one endpoint per model, also when loaded ahead
            if name not in self._endpoints:
                self._endpoints[name] = self._make_endpoint(name)
            return self._endpoints[name]

    def _make_endpoint(self, name: str) -> Endpoint:
        s = self.settings
        if s.provider == "local":
            if self._engine is None:
                self._engine = LocalEngine(
                    context_size=s.context_size, threads=s.threads, keep_alive=s.keep_alive,
                    cache=self.cache,
                )  # fmt: skip
            base_url = self._engine.base_url(resolve_model_path(name, self.cache))
            api_key = "local"  # the loopback engine checks no key
            mode = "json_schema" if s.mode == "auto" else s.mode
        else:
            base_url = s.base_url or "https://api.openai.com/v1"
            if s.api_key is None and s.base_url is None:
                raise LLMError(
                    "provider `openai` with the hosted API needs an API key",
                    hint="set OPENAI_API_KEY or FACTCHECK_LLM__API_KEY, or llm.base_url",
                )
            api_key = s.api_key.get_secret_value() if s.api_key else "none"
            register_secret(api_key)  # masked in every log record from now on
            mode = "tools" if s.mode == "auto" else s.mode
        client = openai.OpenAI(
            base_url=base_url, api_key=api_key, timeout=s.timeout, max_retries=s.max_retries
        )
        return Endpoint(base_url, name, client, _MODES[mode], prefill=s.provider == "local")

    def close(self) -> None:
        """Close HTTP clients and stop the local engine."""
        with self._endpoint_lock:
            for ep in self._endpoints.values():
                ep.client.close()
            self._endpoints.clear()
        if self._engine is not None:
            self._engine.close()

    # -- calls -----------------------------------------------------------------------------

    def structured(
        self,
        role: Role,
        response_model: type[T],
        messages: Sequence[ChatCompletionMessageParam],
        *,
        context: dict[str, Any] | None = None,
        max_tokens: int = 512,
    ) -> T:
        """A validated `response_model` from the model; re-asked on validation failure.

        `context` reaches the model's validators (e.g. the source text quotes must be in).
        """
        return self.structured_result(
            role, response_model, messages, context=context, max_tokens=max_tokens
        ).value

    def structured_result(
        self,
        role: Role,
        response_model: type[T],
        messages: Sequence[ChatCompletionMessageParam],
        *,
        context: dict[str, Any] | None = None,
        max_tokens: int = 512,
    ) -> Structured[T]:
        """Like `structured`, also saying how many attempts it took.

        Raises `ValidationFailed` (with the last raw output) when every attempt failed.
        """
        ep = self.endpoint(role)
        client = instructor.from_openai(ep.client, mode=ep.mode)
        failures: list[BaseException] = []
        client.on("parse:error", failures.append)
        began = time.perf_counter()
        try:
            obj, completion = client.chat.completions.create_with_completion(
                model=ep.model,
                response_model=response_model,
                messages=list(messages),
                context=context,
                max_retries=self.settings.validation_retries,
                max_tokens=max_tokens,
                temperature=self.settings.temperature,
                seed=self.settings.seed,
            )
        except InstructorRetryException as exc:
            self._record(role, ep.model, getattr(exc, "total_usage", None), began)
            api_failure = _api_cause(exc)
            if api_failure is not None:
                raise api_error(ep, api_failure) from exc
            if getattr(exc, "last_completion", None) is None:  # no completion ever parsed:
                raise LLMError(  # the endpoint's answer was broken, not the model's output
                    f"{ep.model} at {ep.base_url} sent no readable completion in "
                    f"{exc.n_attempts} attempts: {_failure_reason(exc)}",
                    hint="check llm.base_url: is it an OpenAI-compatible endpoint?",
                ) from exc
            raise ValidationFailed(
                f"{ep.model} gave no valid {response_model.__name__} after "
                f"{exc.n_attempts} attempts: {_failure_reason(exc)}",
                attempts=int(exc.n_attempts),
                last_output=_raw_output(getattr(exc, "last_completion", None)),
            ) from exc
        except openai.OpenAIError as exc:
            raise api_error(ep, exc) from exc
        self._record(role, ep.model, completion.usage, began)
        return Structured(obj, attempts=len(failures) + 1)

    def structured_stream(
        self,
        role: Role,
        response_model: type[T],
        messages: Sequence[ChatCompletionMessageParam],
        *,
        context: dict[str, Any] | None = None,
        max_tokens: int = 512,
        opening: str = "",
        grammar: str | None = None,
    ) -> StructuredStream[T]:
        """A schema-constrained answer streamed as partial dicts (see `streaming`); with
        `opening`, the reply so far, continued under the GBNF `grammar` (`prefill`)."""
        return StructuredStream(
            self, role, response_model, messages, context=context, max_tokens=max_tokens,
            opening=opening, grammar=grammar,
        )  # fmt: skip

    def stream(
        self,
        role: Role,
        messages: Sequence[ChatCompletionMessageParam],
        *,
        max_tokens: int = 512,
    ) -> Iterator[str]:
        """Plain text deltas as the model produces them (validate the whole text afterwards)."""
        ep = self.endpoint(role)
        began = time.perf_counter()
        usage = None
        finished = False
        try:
            chunks = ep.client.chat.completions.create(
                model=ep.model,
                messages=list(messages),
                stream=True,
                stream_options={"include_usage": True},
                max_tokens=max_tokens,
                temperature=self.settings.temperature,
                seed=self.settings.seed,
            )
            for chunk in chunks:
                if chunk.usage is not None:
                    usage = chunk.usage
                for choice in chunk.choices:
                    if choice.delta.content:
                        yield choice.delta.content
                    finished = finished or choice.finish_reason is not None
        except openai.OpenAIError as exc:
            raise api_error(ep, exc) from exc
        except Exception as exc:
            if not is_transport_error(exc):
                raise
            raise LLMError(f"the stream from {ep.model} at {ep.base_url} broke off: {exc}") from exc
        finally:
            self._record(role, ep.model, usage, began)
        if not finished:
            raise LLMError(
                f"the stream from {ep.model} at {ep.base_url} ended before the answer did"
            )

    def _record(self, role: str, model: str, usage: Any, began: float) -> None:
        self.usage.add(
            Usage(
                role=role,
                model=model,
                prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
                completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
                seconds=time.perf_counter() - began,
            )
        )


def is_transport_error(exc: BaseException) -> bool:
    """A connection error raised by the HTTP layer under openai (httpx or its fork httpx2)."""
    return type(exc).__module__.split(".")[0] in {"httpx", "httpx2", "httpcore", "httpcore2"}


def _api_cause(exc: BaseException) -> openai.OpenAIError | None:
    """The HTTP failure behind an instructor retry exception, if that is what it was."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, openai.OpenAIError):
            return seen
        seen = seen.__cause__ or seen.__context__
    for attempt in getattr(exc, "failed_attempts", None) or []:
        failure = getattr(attempt, "exception", None)
        if isinstance(failure, openai.OpenAIError):
            return failure
    return None


def _failure_reason(exc: InstructorRetryException) -> str:
    """Why the last attempt was refused, in one line (validation messages, not payloads)."""
    attempts = getattr(exc, "failed_attempts", None) or []
    last = getattr(attempts[-1], "exception", None) if attempts else None
    if isinstance(last, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'output'}: {e['msg']}" for e in last.errors()
        )[:300]
    return _first_line(last) if isinstance(last, BaseException) else _first_line(exc)


def _raw_output(completion: Any) -> str | None:
    """The text or tool-call arguments of a chat completion, for salvaging valid parts."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None)
    if calls:
        return str(calls[0].function.arguments)
    content = getattr(message, "content", None)
    return content if isinstance(content, str) else None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__


def api_error(ep: Endpoint, exc: openai.OpenAIError) -> LLMError:
    """One clear line for a failed request; the API key never appears in it (a server that
    echoes it back in its error message has it masked)."""
    where = f"{ep.model} at {ep.base_url}"
    if isinstance(exc, openai.APITimeoutError):
        return EndpointUnavailable(
            f"{where} timed out", hint="raise llm.timeout or use a smaller model"
        )
    if isinstance(exc, openai.APIConnectionError):
        return EndpointUnavailable(
            f"cannot reach {where}", hint="check llm.base_url and that it is running"
        )
    if isinstance(exc, openai.AuthenticationError):
        return EndpointUnavailable(f"{where} refused the API key", hint="check OPENAI_API_KEY")
    if isinstance(exc, openai.APIStatusError):
        detail = redact(_status_detail(exc))
        return LLMError(f"{where} answered HTTP {exc.status_code}: {detail}")
    return LLMError(f"{where} failed: {redact(_first_line(exc))}")


def _status_detail(exc: openai.APIStatusError) -> str:
    """The server's own error message when its body has one, else the exception's line."""
    body = exc.body
    message = body.get("message") if isinstance(body, dict) else None
    if isinstance(message, str) and message.strip():
        return message.strip().splitlines()[0][:300]
    return _first_line(exc)
