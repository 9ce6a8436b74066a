"""Extract claims for the stored documents that need it, then resolve asserters corpus-wide."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..llm import LLM
from ..store import Store
from ..store.sentence_vectors import fill as fill_sentence_vectors
from .actors import resolve_actors
from .extract import ClaimExtractor, Counts
from .store import ClaimStore

log = logging.getLogger(__name__)


@dataclass
class ExtractionReport:
    """Totals over the documents processed."""

    documents: int = 0
    skipped: int = 0
    counts: Counts = field(default_factory=Counts)
    errors: list[str] = field(default_factory=list)
    stopped: str | None = None
    """Set when the run gave up on an unusable endpoint; later documents were not started."""


def extract_claims(
    store: Store,
    llm: LLM,
    doc_ids: Sequence[str] | None = None,
    *,
    progress: Callable[[str, Counts], None] | None = None,
    on_document: Callable[[str], None] | None = None,
) -> ExtractionReport:
    """Claims for each document (all by default) whose stored claims are out of date.

    `progress(doc_id, counts)` is called after every candidate sentence; `on_document` when
    a document is finished. Claims of a document are stored all at once, so an interrupted
    run leaves each document with its old claims or its new ones; the per-sentence cache
    makes the next run resume where this one stopped. A document with failed calls keeps
    the claims of its other sentences and is taken up again by the next run, which asks
    only for the sentences that failed.
    """
    with store.writing():
        return _extract(store, llm, doc_ids, progress, on_document)


def _extract(
    store: Store,
    llm: LLM,
    doc_ids: Sequence[str] | None,
    progress: Callable[[str, Counts], None] | None,
    on_document: Callable[[str], None] | None,
) -> ExtractionReport:
    claim_store = ClaimStore(store)
    extractor = ClaimExtractor(llm, claim_store, store.settings.cache)
    report = ExtractionReport()
    ids = list(doc_ids) if doc_ids is not None else [d.id for d in store.docs.summaries()]
    loading = False
    for doc_id in ids:
        doc = store.docs.get(doc_id)
        if doc is None:
            continue
        # the vectors evidence ranks sentences by (cheap beside extraction; see the module)
        fill_sentence_vectors(store, [doc.id])
        if claim_store.is_current(doc.id, doc.version, extractor.version, extractor.model):
            report.skipped += 1
            if on_document is not None:
                on_document(doc.id)
            continue

        if not loading:  # the first document to extract: documents up to date need no model
            _load_model_meanwhile(llm)
            loading = True

        def tick(counts: Counts, doc_id: str = doc.id) -> None:
            if progress is not None:
                progress(doc_id, counts)

        result = extractor.extract(doc, tick)
        claim_store.replace(
            doc.id, doc.version, result.claims, result.counts, extractor.model, extractor.version
        )
        report.documents += 1
        report.counts.add(result.counts)
        report.errors.extend(result.errors)
        if on_document is not None:
            on_document(doc.id)
        if result.stopped is not None:
            report.stopped = result.stopped
            log.warning("claim extraction %s", result.stopped)
            break
    resolve_asserters(store)
    return report


def _load_model_meanwhile(llm: LLM) -> None:
    """Start loading the local extraction model while the parser reads the sentences: most
    documents leave a sentence or two open for it, and loading (~1-2 s) then overlaps the
    parse instead of following it. Failures are left to the first real call to report."""
    if llm.settings.provider != "local":
        return

    def load() -> None:
        try:
            llm.endpoint("extraction")
        except Exception:
            log.debug("loading the extraction model ahead failed", exc_info=True)

    threading.Thread(target=load, name="load-extraction-model", daemon=True).start()


def resolve_asserters(store: Store) -> int:
    """Give every claim the canonical name of its asserter, across the whole corpus."""
    claim_store = ClaimStore(store)
    surfaces = {c.asserter for c in claim_store.claims() if c.asserter}
    if not surfaces:
        return 0
    texts = [d.text for s in store.docs.summaries() if (d := store.docs.get(s.id)) is not None]
    mapping = resolve_actors(sorted(surfaces), texts)
    changed = claim_store.set_canonical(mapping)
    log.info("resolved %d asserter forms; %d claims updated", len(surfaces), changed)
    return changed
