"""The jobs the chat app hands to its engine: list sources, read a document, answer, ingest.

Each takes the engine's `Session` and runs on the engine thread; callbacks they are given
(streamed sentences, progress) are called from that thread. No Textual import.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..answers import Answer, Sentence
from ..claims.candidates import find_candidates
from ..claims.extract import Counts
from ..claims.run import ExtractionReport, extract_claims
from ..claims.store import ClaimStore
from ..errors import FactcheckError
from ..ingest.load import SUPPORTED_SUFFIXES, iter_paths
from ..ingest.pipeline import Ingestor
from ..ingest.web import is_url
from ..store import Document
from .engine import Session


class AnswerCancelled(Exception):  # noqa: N818 (a signal, not an error)
    """Raised from the sentence callback to stop an answer nobody waits for any more."""


@dataclass(frozen=True)
class SourceRow:
    """One document of the sources sidebar."""

    doc_id: str
    outlet: str
    title: str
    date: str
    claims: int


@dataclass
class IngestReport:
    """What an ingest from the UI did."""

    added: int = 0
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)
    claims: int = 0
    claim_errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        text = f"{self.added} added, {self.unchanged} unchanged, {self.claims} claims"
        if self.failed:
            text += f"; {len(self.failed)} failed ({self.failed[0]})"
        if self.claim_errors:
            text += (f"; claim extraction failed for {len(self.claim_errors)} sentences "
                     f"({self.claim_errors[0]})")  # fmt: skip
        return text


# (phase, done, total, label): phase is "files" or "claims"
IngestProgress = Callable[[str, int, int, str], None]


def sources(session: Session) -> list[SourceRow]:
    """Every stored document with its outlet, date and number of claims."""
    store = session.store
    counts = Counter(c.doc_id for c in ClaimStore(store).claims())
    return [
        SourceRow(s.id, s.outlet or "unknown outlet", s.title or s.id, s.date or "",
                  counts.get(s.id, 0))
        for s in store.docs.summaries()
    ]  # fmt: skip


def document(session: Session, doc_id: str) -> Document:
    """A stored document; a FactcheckError if it is gone."""
    doc = session.store.docs.get(doc_id)
    if doc is None:
        raise FactcheckError(f"document {doc_id} is no longer in the store")
    return doc


def answer(
    session: Session,
    question: str,
    on_sentence: Callable[[Sentence], None],
    cancelled: threading.Event,
) -> Answer:
    """The answer to `question`; streamed sentences go to `on_sentence` until cancelled."""

    def stream(sentence: Sentence) -> None:
        if cancelled.is_set():
            raise AnswerCancelled
        on_sentence(sentence)

    if cancelled.is_set():  # cancelled while it waited for an earlier job
        raise AnswerCancelled
    return session.answerer.ask(question, on_sentence=stream)


def ingest(session: Session, path: str, progress: IngestProgress) -> IngestReport:
    """Ingest a file, folder or URL, then extract claims for the documents that need them."""
    ingestor = Ingestor(session.store)
    if is_url(path):
        progress("files", 0, 1, "")
        outcomes = ingestor.ingest_urls([path], lambda url, _: progress("files", 1, 1, url))
    else:
        files = iter_paths([path])
        if not files:
            raise FactcheckError(f"{path}: no {', '.join(SUPPORTED_SUFFIXES)} files found")
        done = 0

        def on_file(file: Path, chunks: int) -> None:
            nonlocal done
            done += 1
            progress("files", done, len(files), file.name)

        progress("files", 0, len(files), "")
        outcomes = ingestor.ingest(files, on_file)
    report = IngestReport()
    doc_ids: list[str] = []
    for outcome in outcomes:
        if outcome.status == "failed":
            name = outcome.url or outcome.path.name
            report.failed.append(f"{name}: {outcome.reason}")
            continue
        if outcome.status == "unchanged":
            report.unchanged += 1
        else:
            report.added += 1
        if outcome.doc_id is not None:
            doc_ids.append(outcome.doc_id)
    if doc_ids:  # only these files' documents: others keep their claims as they are
        extraction = _extract(session, doc_ids, progress)
        report.claims = extraction.counts.claims
        report.claim_errors = extraction.errors
    return report


def _extract(session: Session, doc_ids: list[str], progress: IngestProgress) -> ExtractionReport:
    """Claims of `doc_ids`, with progress counted in candidate sentences."""
    store = session.store
    docs = [d for i in doc_ids if (d := store.docs.get(i)) is not None]
    total = sum(1 for d in docs for _ in find_candidates(d.id, d.text))
    seen = Counts()

    def tick(doc_id: str, counts: Counts) -> None:
        seen.add(counts)
        progress("claims", seen.candidates, total, f"{seen.claims} claims · {doc_id}")

    progress("claims", 0, total, "")
    return extract_claims(store, session.llm, doc_ids, progress=tick)
