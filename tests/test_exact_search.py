"""Exact vector search over a real Chroma collection: rankings, filters, staleness, switch."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from assistant.settings import SearchSettings, Settings
from assistant.store.exact import ExactIndex
from assistant.store.vectors import ChromaVectors

DIM = 16


def unit_rows(rng: np.random.Generator, n: int) -> npt.NDArray[np.float32]:
    rows = rng.normal(size=(n, DIM)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def meta(doc: str) -> dict[str, str | int]:
    return {"doc_id": doc, "version": "v1"}


@pytest.fixture
def vectors(settings: Settings) -> ChromaVectors:
    return ChromaVectors(settings)


def fill(vectors: ChromaVectors, matrix: npt.NDArray[np.float32], docs: list[str]) -> list[str]:
    ids = [f"c{i:04d}" for i in range(len(matrix))]
    vectors.add(ids, matrix, [meta(d) for d in docs])
    return ids


def brute(
    matrix: npt.NDArray[np.float32],
    query: npt.NDArray[np.float32],
    ids: list[str],
    n: int,
    allowed: set[str] | None = None,
    docs: list[str] | None = None,
) -> list[str]:
    """The ids of the `n` rows most similar to `query` (only `allowed` documents if given)."""
    sims = matrix @ (query / np.linalg.norm(query))
    order = [int(i) for i in np.argsort(-sims, kind="stable")]
    if allowed is not None and docs is not None:
        order = [i for i in order if docs[i] in allowed]
    return [ids[i] for i in order[:n]]


def test_exact_ranking_equals_brute_force(vectors: ChromaVectors) -> None:
    rng = np.random.default_rng(3)
    matrix = unit_rows(rng, 600)
    docs = [f"d{i % 7}" for i in range(600)]
    ids = fill(vectors, matrix, docs)
    for query in rng.normal(size=(20, DIM)).astype(np.float32):
        hits = vectors.query(query, 12)
        assert [h.chunk_id for h in hits] == brute(matrix, query, ids, 12)
        sims = matrix @ (query / np.linalg.norm(query))
        expected = sorted(1.0 - sims)[:12]
        assert [h.distance for h in hits] == pytest.approx(expected, abs=1e-5)


def test_doc_filter_keeps_only_those_documents(vectors: ChromaVectors) -> None:
    rng = np.random.default_rng(4)
    matrix = unit_rows(rng, 300)
    docs = [f"d{i % 5}" for i in range(300)]
    ids = fill(vectors, matrix, docs)
    query = rng.normal(size=DIM).astype(np.float32)
    got = [h.chunk_id for h in vectors.query(query, 10, ["d1", "d3", "unknown"])]
    assert got == brute(matrix, query, ids, 10, {"d1", "d3"}, docs)
    few = [h.chunk_id for h in vectors.query(query, 500, ["d2"])]
    assert len(few) == 60  # only d2's rows, however many were asked for
    assert vectors.query(query, 5, ["unknown"]) == []
    assert vectors.query(query, 5, []) == []


def test_writes_through_this_process_are_seen_at_once(vectors: ChromaVectors) -> None:
    rng = np.random.default_rng(5)
    matrix = unit_rows(rng, 50)
    fill(vectors, matrix, ["a"] * 50)
    query = rng.normal(size=DIM).astype(np.float32)
    assert len(vectors.query(query, 100)) == 50  # loads the matrix
    twin = (query / np.linalg.norm(query)).reshape(1, -1)
    vectors.add(["new"], twin, [meta("b")])
    top = vectors.query(query, 1)[0]
    assert top.chunk_id == "new"
    assert top.distance == pytest.approx(0.0, abs=1e-5)
    vectors.delete_doc("b")
    assert "new" not in {h.chunk_id for h in vectors.query(query, 100)}
    vectors.delete_ids(["c0000"])
    assert len(vectors.query(query, 100)) == 49


def test_another_process_writing_is_noticed_by_count(settings: Settings) -> None:
    """A second client (as another process would) adds vectors: the next query reloads."""
    rng = np.random.default_rng(6)
    reader, writer = ChromaVectors(settings), ChromaVectors(settings)
    fill(writer, unit_rows(rng, 40), ["a"] * 40)
    query = rng.normal(size=DIM).astype(np.float32)
    assert len(reader.query(query, 100)) == 40
    twin = (query / np.linalg.norm(query)).reshape(1, -1)
    writer.add(["late"], twin, [meta("b")])
    assert reader.query(query, 1)[0].chunk_id == "late"


def test_zero_switches_to_the_hnsw_index(settings: Settings) -> None:
    hnsw = ChromaVectors(settings.model_copy(update={"search": SearchSettings(exact_up_to=0)}))
    rng = np.random.default_rng(7)
    matrix = unit_rows(rng, 30)
    ids = fill(hnsw, matrix, ["a"] * 30)
    query = rng.normal(size=DIM).astype(np.float32)
    assert [h.chunk_id for h in hnsw.query(query, 5)] == brute(matrix, query, ids, 5)
    assert hnsw.exact._matrix is None  # never loaded: the index answered


def test_empty_collection_and_zero_query() -> None:
    class Empty:
        def get(self, **_: object) -> dict[str, list[object]]:
            return {"ids": [], "embeddings": [], "metadatas": []}

    index = ExactIndex(Empty())
    assert index.query(np.ones(DIM, dtype=np.float32), 5, count=0) == []
    rows = {"ids": ["x"], "embeddings": [[1.0] + [0.0] * (DIM - 1)], "metadatas": [None]}

    class One:
        def get(self, **_: object) -> dict[str, list[object]]:
            return rows

    one = ExactIndex(One())
    assert one.query(np.zeros(DIM, dtype=np.float32), 5, count=1) == []
    assert [r.id for r in one.query(np.ones(DIM, dtype=np.float32), 5, count=1)] == ["x"]


def test_watch_token_decides_when_to_count_again(settings: Settings) -> None:
    """With a watch (the document store's commit state), the collection is counted again
    only when the token changes: a write elsewhere is seen after that store's commit."""
    rng = np.random.default_rng(8)
    token = [0]
    reader = ChromaVectors(settings, watch=lambda: token[0])
    writer = ChromaVectors(settings)
    fill(writer, unit_rows(rng, 20), ["a"] * 20)
    query = rng.normal(size=DIM).astype(np.float32)
    assert len(reader.query(query, 100)) == 20
    twin = (query / np.linalg.norm(query)).reshape(1, -1)
    writer.add(["late"], twin, [meta("b")])
    assert "late" not in {h.chunk_id for h in reader.query(query, 100)}  # not committed yet
    token[0] += 1  # the writer's rows were committed
    assert reader.query(query, 1)[0].chunk_id == "late"


def test_store_state_changes_on_commits_from_any_connection(settings: Settings) -> None:
    from assistant.store import open_store

    one, two = open_store(settings), open_store(settings)
    try:
        before = one.docs.state()
        assert one.docs.state() == before
        with two.docs.transaction() as conn:
            conn.execute("INSERT INTO extraction_cache (key, drafts) VALUES ('k', '[]')")
        after_other = one.docs.state()
        assert after_other != before
        with one.docs.transaction() as conn:
            conn.execute("DELETE FROM extraction_cache WHERE key = 'k'")
        assert one.docs.state() != after_other
    finally:
        one.close()
        two.close()
