"""PDF: the text layer of each page (pypdf), as one text with the offset where each page
starts, so a quote can say which page it is on.

Per page: pypdf's plain text extraction; control characters removed, newlines and Unicode
normalised as for text files; running headers and footers dropped (a line at the top or
bottom edge of most pages, digits aside, and lone page numbers there: "3", "Page 3 of 20");
hard-wrapped lines joined into paragraphs (see :func:`unwrap`); then the boilerplate
cleaning every article gets (:func:`assistant.ingest.clean.clean_text`). Pages are joined
with a blank line; ``page_starts[n]`` is where page ``n + 1`` starts in the joined text (a
page without text starts where the next one does).

A PDF without any text on any page is a scan (or drawings): refused, since OCR is not
done here. Encrypted PDFs are read when they open with the empty password; otherwise, as
for a damaged file, a clear IngestError.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .clean import clean_text

log = logging.getLogger(__name__)

PAGE_SEPARATOR = "\n\n"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # a form feed included; tab kept
_PAGE_NUMBER = re.compile(
    r"(?:page\s+|p\.\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE
)
_BLOCK_START = re.compile(r"[•●▪◦‣*–—-]\s|\d{1,3}[.)]\s|\([a-z0-9]{1,3}\)\s")
_EDGE_LINES = 2  # lines at the top and at the bottom of a page a running header may be
_MIN_WRAP_WIDTH = 30  # pages whose full lines are shorter than this are left as lines
_SHORT_LINE = 0.7  # a line shorter than this share of the full width ends its paragraph


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF and where each of its pages starts in it."""

    text: str
    page_starts: tuple[int, ...]
    title: str | None
    author: str | None
    removed_lines: int


class PdfError(Exception):
    """The PDF cannot be read; the message says why, for the user."""


def read_pdf(raw: bytes, path: Path) -> PdfText:
    """The text layer of the PDF `raw` (see the module docstring)."""
    from pypdf import PdfReader  # loads only for PDFs
    from pypdf.errors import FileNotDecryptedError, PdfReadError, PdfStreamError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfError("encrypted PDF: it needs a password (save a decrypted copy)")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except FileNotDecryptedError as exc:
        raise PdfError("encrypted PDF: it needs a password (save a decrypted copy)") from exc
    except NotImplementedError as exc:  # an encryption algorithm pypdf cannot do alone
        raise PdfError(f"encrypted PDF: cannot decrypt it here ({exc})") from exc
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, OSError) as exc:
        raise PdfError(f"unreadable PDF: {type(exc).__name__}: {exc}") from exc
    if not pages:
        raise PdfError("unreadable PDF: it has no pages")
    log.debug("%s: %d PDF pages", path, len(pages))
    lines = [_page_lines(text) for text in pages]
    if not any(line.strip() for page in lines for line in page):
        raise PdfError("no text layer: scanned PDF? run OCR first (e.g. ocrmypdf)")
    kept, removed = drop_running_lines(lines)
    texts: list[str] = []
    for page in kept:
        cleaned = clean_text("\n".join(unwrap(page)))
        texts.append(cleaned.text.strip())
        removed += cleaned.removed_lines
    text, starts = join_pages(texts)
    if not text.strip():
        raise PdfError("no text left after cleaning")
    return PdfText(text, starts, _info(info, "title"), _info(info, "author"), removed)


def _page_lines(text: str) -> list[str]:
    from unicodedata import normalize

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = normalize("NFC", _CONTROL.sub("", text.replace("\f", "\n")))
    return [line.strip() for line in text.split("\n")]


def _info(info: object, field: str) -> str | None:
    value = getattr(info, field, None) if info is not None else None
    if not isinstance(value, str) or not value.strip():
        return None
    value = " ".join(value.split())
    # A title that is a file name ("Microsoft Word - draft.docx") says nothing.
    if field == "title" and re.search(r"\.\w{2,4}$|^microsoft \w+ - ", value, re.IGNORECASE):
        return None
    return value


def drop_running_lines(pages: Sequence[Sequence[str]]) -> tuple[list[list[str]], int]:
    """Pages without their running headers and footers, and how many lines went.

    At a page's edges (its first and last two non-blank lines): a lone page number, or a
    line that, digits aside, is at an edge of at least half the pages (three at least).
    """

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.lower())

    edges = [_edge_indexes(page) for page in pages]
    seen = Counter(k for page, idx in zip(pages, edges, strict=True)
                   for k in {key(page[i]) for i in idx})  # fmt: skip
    needed = max(3, (len(pages) + 1) // 2)
    result: list[list[str]] = []
    removed = 0
    for page, idx in zip(pages, edges, strict=True):
        drop = {i for i in idx if _PAGE_NUMBER.fullmatch(page[i])
                or (len(pages) >= 3 and seen[key(page[i])] >= needed)}  # fmt: skip
        removed += len(drop)
        result.append([line for i, line in enumerate(page) if i not in drop])
    return result, removed


def _edge_indexes(page: Sequence[str]) -> list[int]:
    nonblank = [i for i, line in enumerate(page) if line]
    if len(nonblank) <= 2 * _EDGE_LINES:
        return nonblank
    return nonblank[:_EDGE_LINES] + nonblank[-_EDGE_LINES:]


def unwrap(lines: Sequence[str]) -> list[str]:
    """Lines joined into paragraphs, one a line (a line break ends a sentence downstream).

    The full width is the 80th-percentile line length of the page. A blank line, or a line
    shorter than 70% of it (a paragraph's last line, a heading), ends a paragraph; a line
    starting like a list item begins one. A word hyphenated at a line end is joined with
    its hyphen kept ("well-" + "known" -> "well-known"): the text stays what was printed.
    Pages of short lines only (a table, a list, verse) are left as they are.
    """
    widths = sorted(len(line) for line in lines if line)
    if not widths:
        return []
    full = widths[int(0.8 * (len(widths) - 1))]
    if full < _MIN_WRAP_WIDTH:
        return [line for line in lines if line]
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and _BLOCK_START.match(line):
            paragraphs.append(current)
            current = ""
        if not current:
            current = line
        elif current.endswith("-") and current[-2:-1].isalpha() and line[:1].islower():
            current += line
        else:
            current += " " + line
        if len(line) < _SHORT_LINE * full:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def join_pages(texts: Sequence[str]) -> tuple[str, tuple[int, ...]]:
    """The page texts joined with a blank line, and where each page starts."""
    parts: list[str] = []
    starts: list[int] = []
    at = 0
    pending: list[int] = []  # pages without text start where the next text does
    for text in texts:
        if not text:
            pending.append(len(starts))
            starts.append(at)
            continue
        if parts:
            parts.append(PAGE_SEPARATOR)
            at += len(PAGE_SEPARATOR)
        for n in pending:
            starts[n] = at
        pending = []
        starts.append(at)
        parts.append(text)
        at += len(text)
    return "".join(parts), tuple(starts)
