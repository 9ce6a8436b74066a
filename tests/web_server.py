"""A loopback web server for URL ingest tests: routes of scripted responses, in a thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    """One scripted response: status, headers and body, optionally dripped slowly."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    send_length: bool = True
    delay_s: float = 0.0  # before each of `pieces` parts of the body
    pieces: int = 1


class WebServer:
    """Serves `routes` on 127.0.0.1; `requests` lists (path, User-Agent) as they come."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, self.headers.get("User-Agent", "")))
                route = server.routes.get(self.path)
                if route is None:
                    route = Route(b"<html><body>Not found</body></html>", status=404)
                self.send_response(route.status)
                if route.content_type is not None:
                    self.send_header("Content-Type", route.content_type)
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                for key, value in route.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                size = max(1, -(-len(route.body) // route.pieces))
                try:
                    for start in range(0, len(route.body), size):
                        time.sleep(route.delay_s)
                        self.wfile.write(route.body[start : start + size])
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout or size limit under test)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, body: bytes | str, **kwargs: object) -> str:
        """Serve `body` at `path`; return its URL."""
        raw = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(raw, **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = Route(status=status, content_type=None, headers={"Location": to})
        return self.url(path)


@pytest.fixture
def web() -> Iterator[WebServer]:
    server = WebServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
