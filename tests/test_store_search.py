"""The store (SQLite + FTS5 + Chroma), the ingest pipeline and hybrid search, on real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.errors import FactcheckError
from assistant.ingest.pipeline import Ingestor, remove_document
from assistant.search import Filters, fuse, search
from assistant.settings import Settings
from assistant.store import Store, StoreBusyError, open_store
from assistant.store.docs import fts_query

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of the sample articles (with their sidecars) that tests may edit."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def store(settings: Settings) -> Store:
    opened = open_store(settings)
    yield opened  # type: ignore[misc]
    opened.close()


def ingest(store: Store, *paths: Path) -> dict[str, str]:
    files = sorted(p for path in paths for p in ([path] if path.is_file() else path.glob("*.txt")))
    return {o.path.name: o.status for o in Ingestor(store).ingest(files)}


def test_fuse_matches_hand_computed_scores() -> None:
    fused = fuse({"lexical": ["a", "b", "c"], "vector": ["b", "d"]}, rrf_k=60)
    assert list(fused) == ["b", "a", "d", "c"]
    assert fused["b"][0] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["a"][0] == pytest.approx(1 / 61)
    assert fused["d"][1] == {"vector": 2}


@pytest.mark.parametrize(
    "query", ['"unbalanced', "a AND (b OR", "NEAR(x y)", "col:thing*", "^start", "", "   "]
)
def test_fts_query_never_passes_syntax_through(store: Store, query: str) -> None:
    assert store.docs.lexical(query, 5) == [] or fts_query(query)


def test_ingest_seeds_offsets_and_reingest(store: Store, corpus: Path) -> None:
    statuses = ingest(store, corpus)
    assert set(statuses.values()) == {"added"}
    assert len(statuses) == 5
    for summary in store.docs.summaries():
        doc = store.docs.get(summary.id)
        assert doc is not None
        chunks = store.docs.chunks_of(doc.id)
        assert chunks, doc.id
        for chunk in chunks:
            assert doc.text[chunk.start : chunk.end] == chunk.text
        assert Path(doc.original).read_bytes() == Path(doc.source).read_bytes()
    assert store.vectors.count() == store.docs.chunk_count()
    assert set(ingest(store, corpus).values()) == {"unchanged"}
    assert store.vectors.count() == store.docs.chunk_count()


def test_changed_file_replaces_everything_derived(store: Store, corpus: Path) -> None:
    ingest(store, corpus)
    target = sorted(corpus.glob("*.txt"))[3]
    before = store.docs.find(target.name)
    assert before is not None
    old_chunk_ids = {c.id for c in store.docs.chunks_of(before.id)}
    target.write_text(
        target.read_text(encoding="utf-8") + "\nA new paragraph says 4,321 volunteers came.\n",
        encoding="utf-8",
    )
    assert ingest(store, target) == {target.name: "replaced"}
    after = store.docs.find(target.name)
    assert after is not None
    assert after.id == before.id
    assert after.version != before.version
    assert "4,321 volunteers" in after.text
    new_ids = {c.id for c in store.docs.chunks_of(after.id)}
    assert not old_chunk_ids & new_ids
    assert store.vectors.count() == store.docs.chunk_count()  # old vectors are gone
    assert not Path(before.original).exists()
    hits = search(store, "4,321 volunteers", k=1)
    assert hits[0].chunk.doc_id == after.id


def test_bad_files_reported_rest_continue(store: Store, corpus: Path, tmp_path: Path) -> None:
    ingest(store, corpus)
    good_before = store.docs.chunk_count()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (bad / "ok.txt").write_text("Officials said 250 people attended the rally on Sunday.\n")
    outcomes = {o.path.name: o for o in Ingestor(store).ingest(sorted(bad.iterdir()))}
    assert outcomes["empty.txt"].status == "failed"
    assert outcomes["binary.txt"].status == "failed"
    assert outcomes["empty.txt"].reason
    assert outcomes["ok.txt"].status == "added"
    assert store.docs.chunk_count() == good_before + 1


def test_remove_document(store: Store, corpus: Path) -> None:
    ingest(store, corpus)
    first = store.docs.summaries()[0]
    removed = remove_document(store, first.id)
    assert store.docs.get(removed.id) is None
    assert store.vectors.count() == store.docs.chunk_count()
    assert all(h.chunk.doc_id != removed.id for h in search(store, first.title or "troops", k=20))
    with pytest.raises(FactcheckError, match="no stored document"):
        remove_document(store, "no-such-doc")


def test_search_ranks_kursk_passages_first(store: Store, corpus: Path) -> None:
    ingest(store, corpus)
    for mode in ("hybrid", "vector", "lexical"):
        hits = search(store, "troops arriving in the Kursk region", k=3, mode=mode)  # type: ignore[arg-type]
        assert hits, mode
        assert "Kursk" in hits[0].chunk.text, mode
    hits = search(store, "troops arriving in the Kursk region", k=5)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(h.document.text[h.chunk.start : h.chunk.end] == h.chunk.text for h in hits)


def test_search_filters(store: Store, corpus: Path) -> None:
    ingest(store, corpus)
    docs = store.docs.summaries()
    only = docs[2].id
    hits = search(store, "North Korean soldiers", k=10, filters=Filters(sources=[only]))
    assert hits
    assert {h.chunk.doc_id for h in hits} == {only}
    assert search(store, "troops", filters=Filters(outlets=["No Such Outlet"])) == []
    outlets = {d.outlet for d in docs if d.outlet}
    if outlets:
        outlet = sorted(outlets)[0]
        hits = search(store, "troops", k=20, filters=Filters(outlets=[outlet.upper()]))
        assert hits
        assert {h.document.outlet for h in hits} == {outlet}


def test_second_writer_is_told_in_use(settings: Settings) -> None:
    first, second = open_store(settings), open_store(settings)
    try:
        with first.writing(), pytest.raises(StoreBusyError, match="in use"), second.writing():
            pass
        with second.writing():
            pass  # free again once the first is done
    finally:
        first.close()
        second.close()


def test_newer_store_schema_refused(settings: Settings) -> None:
    store = open_store(settings)
    store.docs.db.execute("PRAGMA user_version = 99")
    store.close()
    with pytest.raises(FactcheckError, match="newer than this release"):
        open_store(settings)
