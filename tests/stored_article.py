"""One article ingested into a fresh store: the starting point of the extraction tests."""

from __future__ import annotations

from pathlib import Path

from assistant.ingest.pipeline import Ingestor
from assistant.settings import Settings
from assistant.store import Document, Store, open_store


def ingest_article(settings: Settings, folder: Path, text: str) -> tuple[Store, Document]:
    """`text` written to `folder`/floods.txt and ingested (no claims yet)."""
    path = folder / "floods.txt"
    path.write_text(text, encoding="utf-8")
    store = open_store(settings)
    (outcome,) = Ingestor(store).ingest([path])
    doc = store.docs.get(outcome.doc_id or "")
    assert doc is not None
    return store, doc
