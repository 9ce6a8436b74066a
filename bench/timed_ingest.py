"""The real ingest path (`Ingestor`, no claim extraction), with its parts timed.

The store's own objects are wrapped, not re-implemented: `Embedder.embed` (time in the
embedding model, tokenizer included), `VectorStore.add` (Chroma writes), the SQLite
transaction that writes a document's rows (rows, FTS5 index, commit) and, inside it, the
FTS5 inserts alone. What is left of the total is loading, cleaning, chunking and hashing.

`ingest_job` is meant to run in a child process of its own (see `run_in_child`), so the
peak RSS it reports is the ingest's alone.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from assistant.ingest.chunk import chunk_text
from assistant.ingest.pipeline import Ingestor
from assistant.settings import Settings, StoreSettings
from assistant.store import Store, open_store
from assistant.tokens import get_encoding


@dataclass
class Timer:
    """Seconds spent in, and calls of, whatever it wraps."""

    seconds: float = 0.0
    calls: int = 0

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - began
                self.calls += 1

        return timed


class _FtsTimedConnection:
    """A connection that times `executemany` statements writing the FTS5 table."""

    def __init__(self, conn: sqlite3.Connection, timer: Timer) -> None:
        self._conn = conn
        self._timer = timer

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        if "chunks_fts" in sql:
            return cast(sqlite3.Cursor, self._timer.wrap(self._conn.executemany)(sql, rows))
        return self._conn.executemany(sql, rows)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def instrument(store: Store) -> dict[str, Timer]:
    """Wrap the store's embedder, vector writes and SQLite writes with timers."""
    timers = {name: Timer() for name in ("embed", "vector_add", "sqlite_write", "fts_insert")}
    embedder = store.embedder
    setattr(embedder, "embed", timers["embed"].wrap(embedder.embed))  # noqa: B010
    vectors = store.vectors
    setattr(vectors, "add", timers["vector_add"].wrap(vectors.add))  # noqa: B010
    docs = store.docs
    put, transaction = docs.put, docs.transaction

    def timed_put(conn: sqlite3.Connection, *args: Any) -> None:
        put(cast(sqlite3.Connection, _FtsTimedConnection(conn, timers["fts_insert"])), *args)

    @contextmanager
    def timed_transaction() -> Iterator[sqlite3.Connection]:
        began = time.perf_counter()
        try:
            with transaction() as conn:
                yield conn
        finally:
            timers["sqlite_write"].seconds += time.perf_counter() - began
            timers["sqlite_write"].calls += 1

    setattr(docs, "put", timed_put)  # noqa: B010
    setattr(docs, "transaction", timed_transaction)  # noqa: B010
    return timers


def chunks_per_document(settings: Settings, texts: Sequence[str]) -> float:
    """Mean chunk count of `texts` under the ingest settings (the real chunker)."""
    s = settings.ingest
    encoding = get_encoding(settings.cache)
    counts = [
        len(chunk_text(t, encoding, max_tokens=s.chunk_tokens, overlap_tokens=s.chunk_overlap))
        for t in texts
    ]
    return sum(counts) / max(len(counts), 1)


def ingest_job(home: str, paths: Sequence[str], expected_chunks: int) -> dict[str, float]:
    """Ingest `paths` into a fresh store at `home`; the figures, peak RSS included."""
    os.environ["FACTCHECK_HOME"] = home
    store = open_store(Settings(home=Path(home), store=StoreSettings(url=None)))
    try:
        timers = instrument(store)
        store.embedder.embed(["warm up"])  # model load is not ingest throughput
        timers["embed"].seconds, timers["embed"].calls = 0.0, 0
        columns = (
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
            TextColumn("chunks"), TaskProgressColumn(), TimeElapsedColumn(),
            TextColumn("eta"), TimeRemainingColumn(),
        )  # fmt: skip
        with Progress(*columns) as progress:
            task = progress.add_task("ingest", total=expected_chunks)
            began = time.perf_counter()
            outcomes = Ingestor(store).ingest(
                [Path(p) for p in paths], progress=lambda _path, n: progress.advance(task, n)
            )
            total = time.perf_counter() - began
        chunks = sum(o.chunks for o in outcomes)
    finally:
        store.close()
    parts = {f"{name}_s": t.seconds for name, t in timers.items()}
    accounted = parts["embed_s"] + parts["vector_add_s"] + parts["sqlite_write_s"]
    return {
        "documents": len(outcomes), "chunks": chunks,
        "failed": sum(o.status == "failed" for o in outcomes),
        "total_s": total, "documents_per_s": len(outcomes) / total, "chunks_per_s": chunks / total,
        "embeddings_per_s": chunks / parts["embed_s"] if parts["embed_s"] else 0.0,
        **parts, "other_s": total - accounted,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }  # fmt: skip


def run_in_child(home: Path, paths: Sequence[Path], expected_chunks: int) -> dict[str, float]:
    """`ingest_job` in a fresh (spawned) process: its peak RSS is the ingest's own."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        result: dict[str, float] = pool.apply(
            ingest_job, (str(home), [str(p) for p in paths], expected_chunks)
        )
    return result
