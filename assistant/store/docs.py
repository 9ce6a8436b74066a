"""Documents, chunks and the lexical (FTS5/BM25) index, in one SQLite file.

SQLite is the source of truth: a chunk exists when its row does. Chroma holds the vectors
beside it; search keeps only vector hits whose chunk row exists, so a crash between the
two stores can leave stray vectors but never a dangling passage.
"""

from __future__ import annotations

import bisect
import json
import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataDirError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 4  # 2: claims and the extraction cache; 3: documents.extra; 4: sentence vectors
_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    version TEXT NOT NULL,
    title TEXT, outlet TEXT, date TEXT, url TEXT, author TEXT,
    kind TEXT NOT NULL,
    encoding TEXT NOT NULL,
    text TEXT NOT NULL,
    original TEXT NOT NULL,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    extra TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    tokens INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id, seq);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    chunk_id UNINDEXED, text, tokenize = 'porter unicode61'
);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_id);
CREATE TABLE IF NOT EXISTS extracted (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    model TEXT NOT NULL,
    counts TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS extraction_cache (
    key TEXT PRIMARY KEY,
    drafts TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentence_vectors (
    chunk_id TEXT PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    vectors BLOB NOT NULL
);
"""


@dataclass(frozen=True)
class Document:
    """A stored document: its cleaned text is what every offset refers to."""

    id: str
    source: str
    content_hash: str
    version: str
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None
    author: str | None
    kind: str
    encoding: str
    text: str
    original: str
    added_at: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)
    """What only some documents have, as JSON: ``pages`` (a PDF's page start offsets),
    ``embedded_posts`` ([start, end] of each social post quoted in the text), and for a
    fetched page ``provenance``, ``version``, ``supersedes``, ``superseded_by``."""

    @property
    def page_starts(self) -> tuple[int, ...]:
        return tuple(self.extra.get("pages") or ())

    def page_at(self, offset: int) -> int | None:
        """The page (1-based) that `offset` of the text is on, for a paged document."""
        return page_at(self.page_starts, offset)


def page_at(page_starts: Sequence[int], offset: int) -> int | None:
    """The page number (1-based) of `offset`, given where each page starts; None if unpaged.

    A page without text starts where the next one does, so its start is never the answer:
    the last page starting at or before `offset` is.
    """
    if not page_starts:
        return None
    return max(1, bisect.bisect_right(page_starts, offset))


@dataclass(frozen=True)
class Chunk:
    """A passage of a document: `document.text[start:end] == text`."""

    id: str
    doc_id: str
    seq: int
    start: int
    end: int
    tokens: int
    text: str


@dataclass(frozen=True)
class DocSummary:
    """One row of `factcheck sources`."""

    id: str
    title: str | None
    outlet: str | None
    date: str | None
    source: str
    chars: int
    chunks: int
    kind: str = "text"
    pages: int | None = None
    """A PDF's page count."""
    provenance: Mapping[str, Any] | None = None
    """A fetched page's: url, final_url, retrieved_at, http_status, sha256, content_type."""
    version: int | None = None
    """A fetched page's version: 1, then one more each time the page is found changed."""
    supersedes: str | None = None
    superseded_by: str | None = None


class DocStore:
    """The SQLite side of the store."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
            self._commits = 0  # by this connection (data_version counts the others')
            self._chunk_total: tuple[tuple[int, int], int] | None = None
        except sqlite3.DatabaseError as exc:
            raise DataDirError(
                f"the document store {path} is unreadable: {exc}",
                hint="run `factcheck doctor`; restore it or move it aside and ingest again",
            ) from exc

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise DataDirError(
                f"the document store {self.path} has schema {version}, newer than this "
                f"release understands ({SCHEMA_VERSION})",
                hint="upgrade factcheck; `factcheck doctor` checks the data directory",
            )
        if version < SCHEMA_VERSION:  # every statement is idempotent: new and older stores
            columns = {r[1] for r in self.db.execute("PRAGMA table_info(documents)")}
            add = (
                "ALTER TABLE documents ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';"
                if columns and "extra" not in columns
                else ""
            )
            self.db.executescript(
                f"BEGIN IMMEDIATE; {_SCHEMA} {add} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
            )

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: commit on success, roll back on any exception."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
        self._commits += 1

    def state(self) -> tuple[int, int]:
        """Changes whenever anything is committed, by this connection or any other."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0]), self._commits

    # -- documents --------------------------------------------------------------------------

    def by_source(self, source: str) -> Document | None:
        row = self.db.execute("SELECT * FROM documents WHERE source = ?", (source,)).fetchone()
        return _document(row) if row else None

    def by_hash(self, content_hash: str) -> Document | None:
        row = self.db.execute(
            "SELECT * FROM documents WHERE content_hash = ? LIMIT 1", (content_hash,)
        ).fetchone()
        return _document(row) if row else None

    def get(self, doc_id: str) -> Document | None:
        row = self.db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return _document(row) if row else None

    def find(self, ref: str) -> Document | None:
        """A document by id, by source path, or by unique file name; an id cut short as
        tables show it ("ukraine-s-spy…ldiers") finds the one document it can be."""
        if ref.count("…") == 1 and len(ref) > 1 and "/" not in ref:
            head, _, tail = ref.partition("…")
            rows = self.db.execute(
                "SELECT * FROM documents WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                (f"{_like_escape(head)}%{_like_escape(tail)}",),
            ).fetchall()
            return _document(rows[0]) if len(rows) == 1 else None
        doc = self.get(ref) or self.by_source(ref)
        if doc is None:
            try:
                doc = self.by_source(str(Path(ref).expanduser().resolve()))
            except OSError:
                doc = None
        if doc is None:
            rows = self.db.execute(
                "SELECT * FROM documents WHERE source LIKE ? ESCAPE '\\'",
                ("%/" + _like_escape(ref),),
            ).fetchall()
            doc = _document(rows[0]) if len(rows) == 1 else None
        return doc

    def new_id(self, stem: str) -> str:
        """A readable, unused document id made from a file name."""
        base = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:48] or "doc"
        candidate, n = base, 1
        while self.get(candidate) is not None:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def put(self, conn: sqlite3.Connection, doc: Document, chunks: Sequence[Chunk]) -> None:
        """Insert or replace `doc` and all its chunks, inside the caller's transaction."""
        self._delete_rows(conn, doc.id)
        conn.execute(
            "INSERT INTO documents (id, source, content_hash, version, title, outlet, date, url,"
            " author, kind, encoding, text, original, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id, doc.source, doc.content_hash, doc.version, doc.title, doc.outlet,
                doc.date, doc.url, doc.author, doc.kind, doc.encoding, doc.text, doc.original,
                json.dumps(dict(doc.extra), sort_keys=True),
            ),
        )  # fmt: skip
        conn.executemany(
            'INSERT INTO chunks (id, doc_id, seq, start, "end", tokens, text)'
            " VALUES (?,?,?,?,?,?,?)",
            [(c.id, c.doc_id, c.seq, c.start, c.end, c.tokens, c.text) for c in chunks],
        )
        conn.executemany(
            "INSERT INTO chunks_fts (chunk_id, text) VALUES (?, ?)",
            [(c.id, c.text) for c in chunks],
        )

    def set_source(
        self, conn: sqlite3.Connection, doc_id: str, source: str, extra: Mapping[str, Any]
    ) -> None:
        """Rename a document's source and set its extra metadata, inside a transaction (an
        older version of a URL makes way for the newer one; its text and chunks stay)."""
        conn.execute(
            "UPDATE documents SET source = ?, extra = ? WHERE id = ?",
            (source, json.dumps(dict(extra), sort_keys=True), doc_id),
        )

    def delete(self, conn: sqlite3.Connection, doc_id: str) -> None:
        """Remove a document and everything derived from it, inside a transaction."""
        self._delete_rows(conn, doc_id)

    @staticmethod
    def _delete_rows(conn: sqlite3.Connection, doc_id: str) -> None:
        conn.execute("DELETE FROM claims WHERE doc_id = ?", (doc_id,))
        conn.execute("DELETE FROM extracted WHERE doc_id = ?", (doc_id,))
        # chunk_id is not indexed in FTS5, so this delete reads the whole keyword index:
        # skipped for a new document (ingesting 100k chunks spent 657 s here, growing with
        # the store, before it was).
        if conn.execute("SELECT 1 FROM chunks WHERE doc_id = ? LIMIT 1", (doc_id,)).fetchone():
            conn.execute(
                "DELETE FROM chunks_fts WHERE chunk_id IN (SELECT id FROM chunks WHERE doc_id = ?)",
                (doc_id,),
            )
            conn.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def summaries(self) -> list[DocSummary]:
        rows = self.db.execute(
            "SELECT d.id, d.title, d.outlet, d.date, d.source, length(d.text) AS chars,"
            " (SELECT count(*) FROM chunks c WHERE c.doc_id = d.id) AS n, d.kind, d.extra"
            " FROM documents d ORDER BY d.source"
        ).fetchall()
        return [_summary(r) for r in rows]

    def mentioning(self, names: Iterable[str]) -> list[str]:
        """Ids of documents whose title or text holds one of `names` (as written)."""
        found: set[str] = set()
        for name in (n for n in names if n):
            rows = self.db.execute(
                "SELECT id FROM documents WHERE instr(text, ?) > 0"
                " OR instr(coalesce(title, ''), ?) > 0",
                (name, name),
            ).fetchall()
            found.update(r[0] for r in rows)
        return sorted(found)

    def doc_ids(
        self,
        sources: Iterable[str] = (),
        outlets: Iterable[str] = (),
        since: str | None = None,
        until: str | None = None,
    ) -> list[str]:
        """Ids of documents matching every filter given (sources are ids, paths or names)."""
        wanted_sources = list(sources)
        ids: set[str] | None = None
        if wanted_sources:
            ids = set()
            for ref in wanted_sources:
                doc = self.find(ref)
                if doc is not None:
                    ids.add(doc.id)
        clauses, params = [], []
        outlet_list = [o.lower() for o in outlets]
        if outlet_list:
            clauses.append(f"lower(outlet) IN ({','.join('?' * len(outlet_list))})")
            params.extend(outlet_list)
        if since:
            clauses.append("date >= ?")
            params.append(since)
        if until:
            clauses.append("date <= ?")
            params.append(until)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        rows = self.db.execute(f"SELECT id FROM documents{where}", params).fetchall()  # noqa: S608 (placeholders only)
        found = [r[0] for r in rows]
        return sorted(set(found) & ids) if ids is not None else sorted(found)

    # -- chunks -----------------------------------------------------------------------------

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        rows = self.db.execute(
            "SELECT * FROM chunks WHERE doc_id = ? ORDER BY seq", (doc_id,)
        ).fetchall()
        return [_chunk(r) for r in rows]

    def chunks_by_id(self, ids: Sequence[str]) -> dict[str, Chunk]:
        """Existing chunks among `ids` (stray vector ids simply are not found)."""
        found: dict[str, Chunk] = {}
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            rows = self.db.execute(
                f"SELECT * FROM chunks WHERE id IN ({','.join('?' * len(batch))})",  # noqa: S608
                list(batch),
            ).fetchall()
            found.update((r["id"], _chunk(r)) for r in rows)
        return found

    def chunk_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM chunks").fetchone()[0])

    def doc_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    # -- sentence vectors (`sentence_vectors`) -----------------------------------------------

    def sentence_vectors(self, chunk_ids: Sequence[str], model: str) -> dict[str, bytes]:
        """The stored sentence vectors of those of `chunk_ids` that have them for `model`."""
        found: dict[str, bytes] = {}
        for start in range(0, len(chunk_ids), 500):
            batch = chunk_ids[start : start + 500]
            marks = ",".join("?" * len(batch))
            rows = self.db.execute(
                f"SELECT chunk_id, vectors FROM sentence_vectors WHERE model = ? AND chunk_id IN ({marks})",  # noqa: S608, E501
                [model, *batch],
            ).fetchall()
            found.update((r[0], bytes(r[1])) for r in rows)
        return found

    def chunks_without_sentence_vectors(self, doc_id: str, model: str) -> list[Chunk]:
        rows = self.db.execute(
            "SELECT c.* FROM chunks c LEFT JOIN sentence_vectors v ON v.chunk_id = c.id"
            " AND v.model = ? WHERE c.doc_id = ? AND v.chunk_id IS NULL ORDER BY c.seq",
            (model, doc_id),
        ).fetchall()
        return [_chunk(r) for r in rows]

    def put_sentence_vectors(self, rows: Sequence[tuple[str, str, bytes]]) -> None:
        """Store (chunk id, model, vectors) rows, replacing a chunk's older ones; a chunk
        deleted meanwhile (a document replaced by another process) is skipped."""
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO sentence_vectors (chunk_id, model, vectors)"
                " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM chunks WHERE id = ?)",
                [(chunk_id, model, blob, chunk_id) for chunk_id, model, blob in rows],
            )

    def _cached_chunk_count(self) -> int:
        """`chunk_count`, counted again only after a commit (a count reads the whole table)."""
        state = self.state()
        if self._chunk_total is None or self._chunk_total[0] != state:
            self._chunk_total = (state, self.chunk_count())
        return self._chunk_total[1]

    def claim_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM claims").fetchone()[0])

    def lexical(self, query: str, limit: int, doc_ids: Sequence[str] | None = None) -> list[str]:
        """Chunk ids ranked by BM25 for the words of `query` (any word may match).

        In a large store, words found in very many chunks are left out (see
        `_selective_words`): BM25 scores every chunk any word matches, so one such word
        costs a pass over most of the index while adding almost nothing to the ranking.
        """
        match = fts_query(" ".join(self._selective_words(query)))
        if not match:
            return []
        sql = "SELECT chunk_id FROM chunks_fts WHERE chunks_fts MATCH ?"
        params: list[object] = [match]
        if doc_ids is not None:
            marks = ",".join("?" * len(doc_ids))
            sql += f" AND chunk_id IN (SELECT id FROM chunks WHERE doc_id IN ({marks}))"  # noqa: S608
            params.extend(doc_ids)
        sql += " ORDER BY bm25(chunks_fts) LIMIT ?"
        params.append(limit)
        return [r[0] for r in self.db.execute(sql, params).fetchall()]

    def _selective_words(self, query: str) -> list[str]:
        """The words of `query`, less those matching more than the common-word cutoff.

        The cutoff is max(COMMON_MIN_CHUNKS, COMMON_SHARE of all chunks), so a store
        smaller than COMMON_MIN_CHUNKS is never affected, and a dropped word's BM25 weight
        (idf) is small wherever one is dropped. Matches are counted only up to the cutoff.
        When every word is common, the least common one is kept.
        """
        words = list(dict.fromkeys(w.lower() for w in _WORD.findall(query)))
        if len(words) < 2:
            return words
        total = self._cached_chunk_count()
        cutoff = max(COMMON_MIN_CHUNKS, int(total * COMMON_SHARE))
        if total <= cutoff:
            return words
        counts = {
            w: self.db.execute(
                "SELECT count(*) FROM (SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT ?)",
                (fts_query(w), cutoff + 1),
            ).fetchone()[0]
            for w in words
        }
        kept = [w for w in words if counts[w] <= cutoff]
        return kept or [min(words, key=counts.__getitem__)]


_WORD = re.compile(r"\w+", re.UNICODE)
# Lexical search leaves out words matching more chunks than this (see `_selective_words`).
# At 100k chunks on 2 cores, BM25 over "the" alone took 250 ms; words in 5% of chunks have
# an idf of about 3, against 8-11 for the rare words a lexical search is for.
COMMON_MIN_CHUNKS = 2000
COMMON_SHARE = 0.05


def fts_query(query: str) -> str:
    """An FTS5 query matching any word of `query`; user text never reaches FTS5 syntax."""
    words = dict.fromkeys(w.lower() for w in _WORD.findall(query))
    return " OR ".join(f'"{w}"' for w in words)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _document(row: sqlite3.Row) -> Document:
    values = {k: row[k] for k in row.keys()}  # noqa: SIM118 (sqlite3.Row)
    values["extra"] = _extra(values.get("extra"))
    return Document(**values)


def _extra(raw: str | None) -> dict[str, Any]:
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        log.warning("a document's extra metadata is not JSON; ignored")
        return {}
    return value if isinstance(value, dict) else {}


def _summary(row: sqlite3.Row) -> DocSummary:
    extra = _extra(row[8])
    pages = extra.get("pages")
    return DocSummary(
        row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
        pages=len(pages) if isinstance(pages, list) and pages else None,
        provenance=extra.get("provenance"), version=extra.get("version"),
        supersedes=extra.get("supersedes"), superseded_by=extra.get("superseded_by"),
    )  # fmt: skip


def _chunk(row: sqlite3.Row) -> Chunk:
    return Chunk(**{k: row[k] for k in row.keys()})  # noqa: SIM118 (sqlite3.Row)
