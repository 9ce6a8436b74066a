"""Summarize many documents: cached, resumable, one failure never stops the rest."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..claims.store import ClaimStore
from ..errors import FactcheckError
from ..llm import LLM
from ..store import Document, Store
from .cache import SummaryCache
from .digest import build_digest
from .document import prompt_version, summarize_document
from .models import Digest, DocSummary, SummaryRun

log = logging.getLogger(__name__)


@dataclass
class Summaries:
    """The summaries made or reused, the digest if asked, and what the run did."""

    documents: list[DocSummary] = field(default_factory=list)
    digest: Digest | None = None
    run: SummaryRun = field(default_factory=SummaryRun)


def summarize(
    store: Store,
    llm: LLM,
    doc_ids: Sequence[str],
    *,
    digest: bool = False,
    on_document: Callable[[Document, str], None] | None = None,
) -> Summaries:
    """Summaries of `doc_ids` (and a digest across them); `on_document(doc, status)` is
    called after each with status "summarized", "cached" or "failed: reason"."""
    began = time.perf_counter()
    cache = SummaryCache(store.settings.home / "summaries")
    version, model = prompt_version(), llm.model_name("answer")
    claim_store = ClaimStore(store)
    result = Summaries()
    docs: list[Document] = []
    for doc_id in doc_ids:
        doc = store.docs.get(doc_id)
        if doc is None:
            continue
        docs.append(doc)
        summary = cache.get(doc.id, doc.version, version, model)
        status = "cached"
        if summary is None:
            try:
                summary = summarize_document(llm, doc, claim_store.claims([doc.id]))
            except FactcheckError as exc:
                result.run.failed.append(f"{doc.source}: {exc}")
                log.warning("summary of %s failed: %s", doc.source, exc)
                if on_document is not None:
                    on_document(doc, f"failed: {exc}")
                continue
            cache.put(summary)
            status = "summarized"
            result.run.summarized += 1
        else:
            result.run.cached += 1
        result.documents.append(summary)
        result.run.kept += len(summary.kept)
        result.run.dropped += summary.dropped
        if on_document is not None:
            on_document(doc, status)
    if digest:
        result.digest = build_digest(
            store, docs, claim_store.claims([d.id for d in docs]), result.documents
        )
    result.run.seconds = round(time.perf_counter() - began, 2)
    return result
