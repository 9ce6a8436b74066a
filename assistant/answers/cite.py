"""Numbered citations, each a span copied from its document by offsets."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import PurePath

from pydantic import ValidationError

from ..claims.models import Quote
from ..store import Document
from .models import Citation, Provenance

log = logging.getLogger(__name__)


def marks(citations: Iterable[int]) -> str:
    """Citation marks as an answer writes them after its text: [2][5]."""
    return "".join(f"[{n}]" for n in citations)


def outlet_name(doc: Document) -> str:
    """The name a source goes by: its outlet, else its title, else its file name."""
    return doc.outlet or doc.title or PurePath(doc.source).stem or doc.id


class CitationBook:
    """Hands out citation numbers; the same span cited twice keeps its first number."""

    def __init__(self) -> None:
        self._by_span: dict[tuple[str, int, int], Citation] = {}

    def cite(self, doc: Document, start: int, end: int, asserter: str | None = None) -> int:
        """The number of the citation of `doc.text[start:end]`, adding it if new."""
        key = (doc.id, start, end)
        found = self._by_span.get(key)
        if found is not None:
            if asserter and not found.asserter:
                self._by_span[key] = found.model_copy(update={"asserter": asserter})
            return found.n
        quote = Quote.from_span(doc.id, doc.text, start, end)  # copied, never model text
        citation = Citation(
            n=len(self._by_span) + 1,
            doc_id=doc.id,
            outlet=outlet_name(doc),
            title=doc.title,
            date=doc.date,
            asserter=asserter,
            start=quote.start,
            end=quote.end,
            quote=quote.text,
            page=doc.page_at(quote.start),
            provenance=provenance(doc),
        )
        self._by_span[key] = citation
        return citation.n

    def get(self, n: int) -> Citation:
        return self.all()[n - 1]

    def all(self) -> list[Citation]:
        """Every citation, by number."""
        return sorted(self._by_span.values(), key=lambda c: c.n)


def provenance(doc: Document) -> Provenance | None:
    """A fetched page's provenance, as stored at ingest; None for a file."""
    stored = doc.extra.get("provenance")
    if not isinstance(stored, dict):
        return None
    fields = {
        k: stored.get(k) for k in ("url", "final_url", "retrieved_at", "http_status", "sha256")
    }
    try:
        return Provenance(**fields, version=int(doc.extra.get("version", 1)))
    except (ValidationError, TypeError, ValueError):
        log.warning("%s: stored provenance is incomplete; left out of its citations", doc.id)
        return None
