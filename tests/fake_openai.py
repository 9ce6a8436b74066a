"""A fake OpenAI-compatible HTTP server on loopback that replays scripted responses.

Tests drive the real `openai` and `instructor` clients against it: script what the
"model" answers with the `enqueue_*` methods, point the client at `base_url`, then
inspect `requests`, `unexpected` and `remaining`.

    with FakeOpenAI() as fake:
        fake.enqueue_text("hello")
        client = openai.OpenAI(base_url=fake.base_url, api_key="test")
        client.chat.completions.create(model="m", messages=[...])
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

import pytest

NO_SCRIPT_LEFT = "fake OpenAI server: no scripted response left"
DEFAULT_MODEL = "fake-model"

Kind = Literal["text", "json", "tool_call", "stream", "error", "raw"]


@dataclass(frozen=True)
class Scripted:
    """One scripted answer to one POST /v1/chat/completions."""

    kind: Kind
    delay: float = 0.0
    text: str = ""
    chunks: tuple[str, ...] = ()
    cut_after: int | None = None
    tool_name: str = ""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    content_type: str = "application/json"


def _words(text: str) -> int:
    """Deterministic token estimate: whitespace-separated words."""
    return len(text.split())


def _message_text(messages: Any) -> str:
    """All text in a request's `messages` (string contents and text parts)."""
    parts: list[str] = []
    for message in messages if isinstance(messages, list) else []:
        if not isinstance(message, dict):
            continue
        content = message.get("content")
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            parts.extend(
                str(p.get("text", ""))
                for p in content
                if isinstance(p, dict) and p.get("type") == "text"
            )
        for call in message.get("tool_calls") or []:
            parts.append(str(call.get("function", {}).get("arguments", "")))
    return " ".join(parts)


def _split(text: str, pieces: int = 3) -> list[str]:
    """`text` in up to `pieces` non-empty consecutive slices (one slice if short)."""
    if len(text) < pieces:
        return [text]
    size = -(-len(text) // pieces)
    return [text[i : i + size] for i in range(0, len(text), size)]


class _Server(ThreadingHTTPServer):
    """Threading server that knows its FakeOpenAI and closes open connections on stop."""

    daemon_threads = True
    block_on_close = False
    fake: FakeOpenAI

    def __init__(self, fake: FakeOpenAI) -> None:
        self.fake = fake
        self.connections: set[socket.socket] = set()
        self.conn_lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet; a dropped client is normal, anything else is recorded as unexpected."""
        exc = sys.exc_info()[1]
        if isinstance(exc, OSError) or self.fake._stopping.is_set():
            return
        self.fake._record_unexpected({"reason": "server error", "error": traceback.format_exc()})

    def close_connections(self) -> None:
        """Shut every open client connection so blocked handler threads end now."""
        with self.conn_lock:
            connections = list(self.connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    """Routes /v1/models and /v1/chat/completions to the owning FakeOpenAI."""

    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        """Track the connection so stop() can close it."""
        super().setup()
        with self.server.conn_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        """Untrack the connection."""
        with self.server.conn_lock:
            self.server.connections.discard(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        """No request logging."""

    def do_GET(self) -> None:
        """GET /v1/models; anything else is a 404."""
        record = self.server.fake._record_request(self._path(), dict(self._headers()), None)
        if self._path() in ("/v1/models", "/models"):
            self._send_json(200, self.server.fake._models_body())
            return
        self.server.fake._record_unexpected({**record, "reason": "unknown path"})
        self._send_error(404, f"fake OpenAI server: no route GET {self._path()}", "not_found")

    def do_POST(self) -> None:
        """POST /v1/chat/completions: answer with the next scripted entry."""
        fake = self.server.fake
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = None
        record = fake._record_request(self._path(), dict(self._headers()), body)
        if self._path() not in ("/v1/chat/completions", "/chat/completions"):
            fake._record_unexpected({**record, "reason": "unknown path"})
            self._send_error(404, f"fake OpenAI server: no route POST {self._path()}", "not_found")
            return
        if not isinstance(body, dict):
            fake._record_unexpected({**record, "reason": "request body is not a JSON object"})
            self._send_error(
                400, "fake OpenAI server: request body is not a JSON object", "invalid_request"
            )
            return
        number, entry = fake._pop()
        if entry is None:
            fake._record_unexpected({**record, "reason": NO_SCRIPT_LEFT})
            self._send_error(500, NO_SCRIPT_LEFT, "server_error")
            return
        if entry.delay and fake._stopping.wait(entry.delay):
            self.close_connection = True
            return
        self._answer(entry, body, number)

    # -- answers ---------------------------------------------------------------------------

    def _answer(self, entry: Scripted, request: dict[str, Any], number: int) -> None:
        fake = self.server.fake
        if entry.kind == "error":
            self._send_error(entry.status, entry.text, _error_type(entry.status), entry.headers)
        elif entry.kind == "raw":
            self._send(entry.status, entry.body, entry.content_type)
        elif entry.kind == "stream" or request.get("stream") is True:
            self._send_stream(fake._chunks(entry, request, number), entry.cut_after)
        else:
            self._send_json(200, fake._completion(entry, request, number))

    def _send(
        self, status: int, payload: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(payload)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(payload)
        self.wfile.flush()

    def _send_json(self, status: int, obj: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(obj).encode(), "application/json", headers)

    def _send_error(
        self, status: int, message: str, kind: str, headers: dict[str, str] | None = None
    ) -> None:
        error = {"error": {"message": message, "type": kind, "param": None, "code": kind}}
        self._send_json(status, error, headers)

    def _send_stream(self, events: Iterator[dict[str, Any] | str], cut_after: int | None) -> None:
        """SSE over chunked encoding; with `cut_after`, drop the connection mid-body."""
        self.send_response(200)
        self.send_header("content-type", "text/event-stream; charset=utf-8")
        self.send_header("cache-control", "no-cache")
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        sent = 0
        for event in events:
            if cut_after is not None and sent >= cut_after:
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)  # no [DONE], no final chunk
                return
            data = event if isinstance(event, str) else json.dumps(event)
            self._chunk(f"data: {data}\n\n".encode())
            if isinstance(event, dict) and event.get("choices"):
                sent += 1
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _path(self) -> str:
        return self.path.split("?", 1)[0]

    def _headers(self) -> Iterator[tuple[str, str]]:
        for key, value in self.headers.items():
            yield key.lower(), value


def _error_type(status: int) -> str:
    return {
        400: "invalid_request_error",
        401: "authentication_error",
        404: "not_found_error",
        429: "rate_limit_exceeded",
    }.get(status, "server_error")


class FakeOpenAI:
    """Fake OpenAI chat-completions server replaying a FIFO queue of scripted answers.

    Every `enqueue_*` returns `self`, sleeps `delay` seconds before answering, and
    repeats the entry `times` times. Requests are recorded in `requests`; requests the
    script did not foresee (empty queue, unknown path) also land in `unexpected`.
    """

    def __init__(self, models: Iterable[str] = ()) -> None:
        self.models = [DEFAULT_MODEL, *(m for m in models if m != DEFAULT_MODEL)]
        self.requests: list[dict[str, Any]] = []
        self.unexpected: list[dict[str, Any]] = []
        self._queue: deque[Scripted] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._counter = 0

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> FakeOpenAI:
        """Listen on 127.0.0.1 (OS-assigned port) in a daemon thread."""
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            daemon=True,
            name=f"fake-openai-{self.port}",
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, cut open connections (and delayed answers), join briefly."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self._stopping.set()
        server.shutdown()
        server.close_connections()
        server.server_close()
        if thread is not None:
            thread.join(timeout=2)
        self._server = self._thread = None

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The TCP port the server listens on."""
        if self._server is None:
            raise RuntimeError("FakeOpenAI is not started")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """The URL to pass as `base_url` to an OpenAI client."""
        return f"http://127.0.0.1:{self.port}/v1"

    # -- scripting -------------------------------------------------------------------------

    def _push(self, entry: Scripted, times: int) -> FakeOpenAI:
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._queue.extend([entry] * times)
        return self

    def enqueue_text(self, text: str, *, delay: float = 0, times: int = 1) -> FakeOpenAI:
        """The assistant answers with `text` (streamed if the request asks for a stream)."""
        return self._push(Scripted("text", delay, text=text), times)

    def enqueue_json(self, obj: Any, *, delay: float = 0, times: int = 1) -> FakeOpenAI:
        """The assistant answers with `json.dumps(obj)` as its content (instructor JSON modes)."""
        return self._push(Scripted("json", delay, text=json.dumps(obj)), times)

    def enqueue_tool_call(
        self, name: str, arguments: dict[str, Any], *, delay: float = 0, times: int = 1
    ) -> FakeOpenAI:
        """The assistant calls tool `name` with `arguments` (instructor TOOLS mode)."""
        entry = Scripted("tool_call", delay, text=json.dumps(arguments), tool_name=name)
        return self._push(entry, times)

    def enqueue_stream(
        self,
        chunks: list[str],
        cut_after: int | None = None,
        *,
        delay: float = 0,
        times: int = 1,
    ) -> FakeOpenAI:
        """Stream exactly these content deltas (whatever the request asked for).

        With `cut_after`, the connection drops after that many deltas: no finish
        reason, no usage, no [DONE], no end of the chunked body.
        """
        text = "".join(chunks)
        entry = Scripted("stream", delay, text=text, chunks=tuple(chunks), cut_after=cut_after)
        return self._push(entry, times)

    def enqueue_error(
        self,
        status: int,
        message: str = "fake OpenAI server: scripted error",
        headers: dict[str, str] | None = None,
        *,
        delay: float = 0,
        times: int = 1,
    ) -> FakeOpenAI:
        """Answer HTTP `status` with an OpenAI-shaped error body and optional headers."""
        entry = Scripted("error", delay, text=message, status=status, headers=dict(headers or {}))
        return self._push(entry, times)

    def enqueue_raw(
        self,
        status: int,
        body: bytes,
        content_type: str = "application/json",
        *,
        delay: float = 0,
        times: int = 1,
    ) -> FakeOpenAI:
        """Answer with arbitrary bytes (e.g. malformed JSON)."""
        entry = Scripted("raw", delay, status=status, body=body, content_type=content_type)
        return self._push(entry, times)

    # -- inspection ------------------------------------------------------------------------

    @property
    def remaining(self) -> int:
        """Scripted entries not consumed yet."""
        with self._lock:
            return len(self._queue)

    @property
    def last_request(self) -> dict[str, Any] | None:
        """The most recent request (`path`, `headers`, `json`), or None."""
        with self._lock:
            return self.requests[-1] if self.requests else None

    def assert_done(self) -> None:
        """Fail unless every scripted entry was used and nothing unexpected was asked."""
        assert not self.unexpected, f"unexpected requests: {self.unexpected}"
        assert self.remaining == 0, f"{self.remaining} scripted responses were never requested"

    # -- server side -----------------------------------------------------------------------

    def _record_request(self, path: str, headers: dict[str, str], body: Any) -> dict[str, Any]:
        record = {"path": path, "headers": headers, "json": body}
        with self._lock:
            self.requests.append(record)
        return record

    def _record_unexpected(self, record: dict[str, Any]) -> None:
        with self._lock:
            self.unexpected.append(record)

    def _pop(self) -> tuple[int, Scripted | None]:
        """The next entry and its serial number (for ids), or (0, None) when none is left."""
        with self._lock:
            if not self._queue:
                return 0, None
            self._counter += 1
            return self._counter, self._queue.popleft()

    def _models_body(self) -> dict[str, Any]:
        return {
            "object": "list",
            "data": [
                {"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in self.models
            ],
        }

    @staticmethod
    def _envelope(request: dict[str, Any], obj: str, number: int) -> dict[str, Any]:
        return {
            "id": f"chatcmpl-fake{number:06d}",
            "object": obj,
            "created": int(time.time()),
            "model": str(request.get("model") or DEFAULT_MODEL),
            "system_fingerprint": "fp_fake",
        }

    @staticmethod
    def _usage(request: dict[str, Any], output: str) -> dict[str, int]:
        prompt, completion = _words(_message_text(request.get("messages"))), _words(output)
        total = prompt + completion
        return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": total}

    def _completion(self, entry: Scripted, request: dict[str, Any], number: int) -> dict[str, Any]:
        """A non-streamed chat.completion for a text/json/tool_call entry."""
        message: dict[str, Any] = {"role": "assistant", "content": entry.text, "refusal": None}
        finish = "stop"
        if entry.kind == "tool_call":
            message["content"] = None
            message["tool_calls"] = [
                {
                    "id": f"call_fake{number:06d}",
                    "type": "function",
                    "function": {"name": entry.tool_name, "arguments": entry.text},
                }
            ]
            finish = "tool_calls"
        return {
            **self._envelope(request, "chat.completion", number),
            "choices": [
                {"index": 0, "message": message, "logprobs": None, "finish_reason": finish}
            ],
            "usage": self._usage(request, entry.text),
        }

    def _chunks(
        self, entry: Scripted, request: dict[str, Any], number: int
    ) -> Iterator[dict[str, Any] | str]:
        """chat.completion.chunk events for an entry, then usage (if asked) and [DONE]."""
        envelope = self._envelope(request, "chat.completion.chunk", number)
        options = request.get("stream_options")
        include_usage = isinstance(options, dict) and bool(options.get("include_usage"))

        def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
            choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
            return {**envelope, "choices": [choice], **({"usage": None} if include_usage else {})}

        if entry.kind == "tool_call":
            call_id = f"call_fake{number:06d}"
            pieces = _split(entry.text)
            function = {"name": entry.tool_name, "arguments": ""}
            call = {"index": 0, "id": call_id, "type": "function", "function": function}
            yield chunk({"role": "assistant", "content": None, "tool_calls": [call]})
            for piece in pieces:
                yield chunk({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]})
            finish = "tool_calls"
        else:
            pieces = list(entry.chunks) if entry.kind == "stream" else _split(entry.text)
            for i, piece in enumerate(pieces):
                delta = {"role": "assistant", "content": piece} if i == 0 else {"content": piece}
                yield chunk(delta)
            finish = "stop"
        yield chunk({}, finish)
        if include_usage:
            yield {**envelope, "choices": [], "usage": self._usage(request, entry.text)}
        yield "[DONE]"


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    """A started FakeOpenAI, stopped after the test."""
    with FakeOpenAI() as server:
        yield server
