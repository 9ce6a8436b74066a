"""Preparing a suite's corpus: an isolated store, the files ingested, claims extracted.

The store lives in a temporary data directory (never the user's, never a Chroma server),
so a run measures exactly the suite's corpus and leaves nothing behind.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..claims.candidates import find_candidates
from ..claims.extract import Counts
from ..claims.run import extract_claims
from ..ingest.pipeline import Ingestor
from ..llm import LLM
from ..settings import Settings
from ..store import Store
from .record import CorpusDoc, ExtractionInfo


class Progress(Protocol):
    """Where a run reports how far it is (a progress bar, or nothing)."""

    def stage(self, name: str, total: int) -> None: ...

    def advance(self, n: int = 1, note: str = "") -> None: ...


class Silent:
    """Progress that reports nothing."""

    def stage(self, name: str, total: int) -> None:
        pass

    def advance(self, n: int = 1, note: str = "") -> None:
        pass


@dataclass
class Prepared:
    """The corpus as stored, and what extraction did."""

    corpus: list[CorpusDoc]
    extraction: ExtractionInfo = field(default_factory=ExtractionInfo)
    stages: dict[str, float] = field(default_factory=dict)


Prepare = Callable[[Store, LLM, Sequence[Path], Progress], Prepared]
"""Fills an empty store with a suite's corpus (tests pass one that stores claims by hand)."""


def isolated(settings: Settings, home: Path) -> Settings:
    """`settings` with the data directory at `home` and the embedded vector store."""
    store = settings.store.model_copy(update={"url": None})
    return settings.model_copy(update={"home": home, "store": store})


def ingest_and_extract(
    store: Store, llm: LLM, files: Sequence[Path], progress: Progress
) -> Prepared:
    """The default preparation: ingest every file, then extract claims from all of them."""
    began = time.perf_counter()
    corpus = ingest_corpus(store, files, progress)
    ingested = time.perf_counter()
    extraction = extract(store, llm, progress)
    stages = {"ingest": ingested - began, "claims": time.perf_counter() - ingested}
    return Prepared(corpus, extraction, stages)


def ingest_only(store: Store, llm: LLM, files: Sequence[Path], progress: Progress) -> Prepared:
    """Ingest every file without extracting claims (for an answerer that uses none, such as
    the naive baseline)."""
    began = time.perf_counter()
    corpus = ingest_corpus(store, files, progress)
    return Prepared(corpus, stages={"ingest": time.perf_counter() - began})


def ingest_corpus(store: Store, files: Sequence[Path], progress: Progress) -> list[CorpusDoc]:
    """Ingest `files`; a file that fails is recorded, never fatal."""
    progress.stage("ingest", len(files))
    outcomes = Ingestor(store).ingest(files, progress=lambda p, _: progress.advance(1, p.name))
    return describe(store, [(o.path, o.status, o.doc_id, o.reason) for o in outcomes])


def describe(
    store: Store, outcomes: Sequence[tuple[Path, str, str | None, str]]
) -> list[CorpusDoc]:
    """Corpus entries for (path, status, doc id, reason) outcomes."""
    corpus: list[CorpusDoc] = []
    for path, status, doc_id, reason in outcomes:
        doc = store.docs.get(doc_id) if doc_id else None
        if doc is None:
            corpus.append(CorpusDoc(file=path.name, status="failed", reason=reason or status))
            continue
        corpus.append(
            CorpusDoc(
                file=path.name,
                status=status,
                doc_id=doc.id,
                outlet=doc.outlet,
                date=doc.date,
                chars=len(doc.text),
                reason=reason,
            )
        )
    return corpus


def extract(store: Store, llm: LLM, progress: Progress) -> ExtractionInfo:
    """Extract claims from every stored document, counting candidates as progress."""
    docs = [d for s in store.docs.summaries() if (d := store.docs.get(s.id)) is not None]
    progress.stage("claims", sum(1 for d in docs for _ in find_candidates(d.id, d.text)))
    calls_before = len(llm.usage.calls)
    began = time.perf_counter()

    def tick(doc_id: str, counts: Counts) -> None:
        progress.advance(counts.candidates, doc_id)

    report = extract_claims(store, llm, progress=tick)
    calls = llm.usage.calls[calls_before:]
    c = report.counts
    return ExtractionInfo(
        claims=c.claims,
        verified=c.verified,
        repaired=c.repaired,
        dropped=c.dropped,
        failed_calls=c.failed_calls,
        errors=report.errors[:50],
        seconds=round(time.perf_counter() - began, 3),
        prompt_tokens=sum(u.prompt_tokens for u in calls),
        completion_tokens=sum(u.completion_tokens for u in calls),
    )
