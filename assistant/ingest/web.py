"""Fetching a URL to ingest: one GET with httpx, and what it returned read as a document.

The request: a ``factcheck/VERSION`` User-Agent, redirects followed up to
``ingest.max_redirects``, ``ingest.fetch_timeout`` seconds for the whole exchange (a server
that drips bytes is cut off too), and at most ``ingest.max_file_bytes`` of body (checked
against Content-Length first, then while reading). An HTTP status of 400 or more, a
timeout, too many redirects, a body too large or a connection failure is an IngestError
naming the URL.

The response is read by its media type: HTML (text/html, application/xhtml+xml), plain
text, Markdown, PDF and .docx through the same loader as files
(:func:`assistant.ingest.load.load_bytes`), the Content-Type charset passed on as the
server's declaration; anything else is refused (a PDF served as
application/octet-stream is recognised by its first bytes). What was fetched is kept as
:class:`Provenance`: the URL asked for, the final URL after redirects, when, the HTTP
status and the sha256 of the body, which is also kept byte for byte.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from .. import __version__
from .load import DocKind, IngestError, LoadedDocument, load_bytes

log = logging.getLogger(__name__)

USER_AGENT = f"factcheck/{__version__}"
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.1"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MEDIA_KINDS: Mapping[str, DocKind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "application/pdf": "pdf",
    DOCX_TYPE: "docx",
}
"""Media types read, and the kind each is read as."""
SUFFIXES: Mapping[DocKind, str] = {
    "html": ".html", "text": ".txt", "markdown": ".md", "pdf": ".pdf", "docx": ".docx",
}  # fmt: skip
"""The suffix of a fetched document's original copy."""


@dataclass(frozen=True)
class Provenance:
    """Where and when a document was fetched, and what came back."""

    url: str
    final_url: str
    retrieved_at: str
    http_status: int
    sha256: str
    content_type: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Fetched:
    """A response body and its provenance."""

    raw: bytes
    media_type: str
    charset: str | None
    provenance: Provenance


def is_url(arg: str) -> bool:
    """True for what `factcheck ingest` fetches instead of reading from disk."""
    return arg.lower().startswith(("http://", "https://"))


def read_url_list(lines: Iterable[str]) -> list[str]:
    """The URLs of a list file: one a line; blank lines and ``#`` comment lines skipped."""
    return [s for line in lines if (s := line.strip()) and not s.startswith("#")]


def fetch(url: str, *, max_bytes: int, timeout: float, max_redirects: int) -> Fetched:
    """GET `url` (see the module docstring); an IngestError names the URL on failure."""
    import httpx  # loads only when a URL is ingested

    began = time.monotonic()
    retrieved_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        with (
            httpx.Client(
                follow_redirects=True, max_redirects=max_redirects, timeout=timeout,
                headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
            ) as client,
            client.stream("GET", url) as response,
        ):  # fmt: skip
            if response.status_code >= 400:
                status = f"HTTP {response.status_code} {response.reason_phrase}".strip()
                raise IngestError(url, status)
            _check_length(url, response.headers.get("content-length"), max_bytes)
            body = bytearray()
            for piece in response.iter_bytes():
                body += piece
                if len(body) > max_bytes:
                    raise IngestError(url, _too_large(max_bytes))
                if time.monotonic() - began > timeout:
                    raise IngestError(url, f"timed out after {timeout:g} s")
            media_type, charset = _content_type(response.headers.get("content-type", ""))
            provenance = Provenance(
                url=url, final_url=str(response.url), retrieved_at=retrieved_at,
                http_status=response.status_code, sha256=hashlib.sha256(body).hexdigest(),
                content_type=media_type,
            )  # fmt: skip
    except httpx.TooManyRedirects as exc:
        raise IngestError(url, f"more than {max_redirects} redirects") from exc
    except httpx.TimeoutException as exc:
        raise IngestError(url, f"timed out after {timeout:g} s") from exc
    except httpx.InvalidURL as exc:
        raise IngestError(url, f"invalid URL: {exc}") from exc
    except httpx.HTTPError as exc:  # connection refused, DNS, TLS, protocol errors
        raise IngestError(url, f"cannot fetch: {type(exc).__name__}: {exc}") from exc
    if not body:
        raise IngestError(url, "empty response")
    log.info("fetched %s (%s, %d bytes)", provenance.final_url, media_type, len(body))
    return Fetched(bytes(body), media_type, charset, provenance)


def load_fetched(fetched: Fetched) -> LoadedDocument:
    """The fetched body read as a document of its media type."""
    p = fetched.provenance
    kind = _kind(fetched)
    name = PurePosixPath(urlsplit(p.final_url).path).name or "index"
    try:
        return load_bytes(fetched.raw, kind, Path(name), charset=fetched.charset)
    except IngestError as exc:
        raise IngestError(p.url, exc.reason, exc.hint) from exc


def url_stem(url: str) -> str:
    """The readable part of a URL a document id is made from: host and last path segment."""
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    last = PurePosixPath(parts.path).stem if parts.path not in ("", "/") else ""
    return f"{host}-{last}" if last else host


def _kind(fetched: Fetched) -> DocKind:
    kind = MEDIA_KINDS.get(fetched.media_type)
    if kind is not None:
        return kind
    if fetched.raw.startswith(b"%PDF-"):  # served as application/octet-stream, or untyped
        return "pdf"
    if not fetched.media_type:  # no Content-Type: the loader tells HTML from text
        return "text"
    supported = ", ".join(MEDIA_KINDS)
    raise IngestError(
        fetched.provenance.url,
        f"unsupported content type {fetched.media_type} (supported: {supported})",
    )


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _check_length(url: str, header: str | None, max_bytes: int) -> None:
    if header is not None and header.strip().isdigit() and int(header) > max_bytes:
        raise IngestError(url, _too_large(max_bytes))


def _too_large(max_bytes: int) -> str:
    return f"larger than the limit of {max_bytes:,} bytes (ingest.max_file_bytes)"
