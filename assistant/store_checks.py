"""The store rows of `factcheck doctor`: the SQLite file itself, then integrity."""

from __future__ import annotations

from .errors import DataDirError
from .integrity import check_integrity, repair
from .settings import Settings
from .store import open_store
from .store.docs import SCHEMA_VERSION


def check_document_store(settings: Settings) -> str:
    """SQLite opens, has the schema this release writes, and passes `PRAGMA quick_check`."""
    store = open_store(settings)
    try:
        db = store.docs.db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        verdict = [r[0] for r in db.execute("PRAGMA quick_check").fetchall()]
    finally:
        store.close()
    if verdict != ["ok"]:
        raise DataDirError(
            f"the document store {store.docs.path} is damaged: {'; '.join(verdict[:3])}",
            hint="restore it from a backup, or move it aside and ingest again",
        )
    return f"{store.docs.path} (schema {version} of {SCHEMA_VERSION}): quick_check ok"


def check_store(settings: Settings, fix: bool) -> str:
    """Every chunk and claim points at an existing document span; one vector per row."""
    store = open_store(settings)
    try:
        found = check_integrity(store)
        done: list[str] = []
        if fix and (found.stray_chunk_vectors or found.stray_claim_vectors
                    or found.missing_chunk_vectors or found.missing_claim_vectors):  # fmt: skip
            done = repair(store, found)
            found = check_integrity(store)
    finally:
        store.close()
    repaired = f"; repaired: {', '.join(done)}" if done else ""
    if found.ok:
        return found.counts() + repaired
    hint = (
        "run `factcheck doctor --repair` to delete stray vectors and re-embed missing ones"
        if found.repairable and not fix
        else "re-ingest the documents named (`factcheck remove X`, then `factcheck ingest`)"
    )
    raise DataDirError(f"{'; '.join(found.problems())} [{found.counts()}]{repaired}", hint=hint)
