"""A store written by the release before documents.extra opens, gains the column, and keeps
its documents."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from assistant.store.docs import _SCHEMA, SCHEMA_VERSION, DocStore


def test_a_schema_2_store_gets_the_extra_column(tmp_path: Path) -> None:
    path = tmp_path / "factcheck.db"
    old_schema = _SCHEMA.replace(",\n    extra TEXT NOT NULL DEFAULT '{}'", "")
    assert "extra TEXT" not in old_schema
    with sqlite3.connect(path) as db:
        db.executescript(old_schema)
        db.execute(
            "INSERT INTO documents (id, source, content_hash, version, kind, encoding, text,"
            " original) VALUES ('floods', '/a/floods.txt', 'h', 'v', 'text', 'utf-8',"
            " 'Rain fell.', '/o/floods-v.txt')"
        )
        db.execute("PRAGMA user_version = 2")
    store = DocStore(path)
    try:
        doc = store.get("floods")
        assert doc is not None
        assert (doc.text, dict(doc.extra), doc.page_starts, doc.page_at(3)) == (
            "Rain fell.", {}, (), None,
        )  # fmt: skip
        version = store.db.execute("PRAGMA user_version").fetchone()[0]
        assert version == SCHEMA_VERSION
        (summary,) = store.summaries()
        assert (summary.pages, summary.provenance, summary.version) == (None, None, None)
    finally:
        store.close()
    again = DocStore(path)  # opening a second time changes nothing
    again.close()
