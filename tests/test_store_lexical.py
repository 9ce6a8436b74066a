"""Lexical search leaves very common words out of the BM25 query once a store is large."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.store import docs as docs_module
from assistant.store.docs import Chunk, DocStore, Document


def _store(path: Path, texts: list[str]) -> DocStore:
    store = DocStore(path)
    doc = Document("d", "/d.txt", "h", "v", None, None, None, None, None, "txt", "utf-8", "", "")
    chunks = [Chunk(f"d:{n}", "d", n, 0, 0, 10, text) for n, text in enumerate(texts)]
    with store.transaction() as conn:
        store.put(conn, doc, chunks)
    return store


@pytest.fixture
def corpus(tmp_path: Path) -> DocStore:
    texts = [f"the army said the convoy moved {n}" for n in range(30)]
    texts[7] += " past the zebra crossing"
    texts[8] += " near a zebra"
    texts[9] += " and a gazelle"
    return _store(tmp_path / "f.db", texts)


def test_small_store_keeps_every_word(corpus: DocStore) -> None:
    assert corpus._selective_words("the zebra said") == ["the", "zebra", "said"]
    assert len(corpus.lexical("the zebra", 40)) == 30  # "the" matches every chunk


def test_large_store_drops_common_words(corpus: DocStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docs_module, "COMMON_MIN_CHUNKS", 5)
    monkeypatch.setattr(docs_module, "COMMON_SHARE", 0.1)  # cutoff max(5, 3) = 5 chunks
    assert corpus._selective_words("The zebra said, the gazelle") == ["zebra", "gazelle"]
    assert sorted(corpus.lexical("the zebra", 40)) == ["d:7", "d:8"]
    # only common words: the least common is kept, so something is still found
    assert corpus._selective_words("the army") == ["the"]
    assert len(corpus.lexical("the army", 40)) == 30
    assert corpus._selective_words("zebra") == ["zebra"]


def test_count_and_keyword_index_follow_writes(corpus: DocStore, tmp_path: Path) -> None:
    """The chunk total used for the cutoff is cached, but recounted after any commit (this
    connection's or another's); replacing a document removes its old keyword rows."""
    assert corpus._cached_chunk_count() == 30
    other = _store(tmp_path / "f.db", ["a zebra alone"])  # replaces "d" from a 2nd connection
    try:
        assert corpus._cached_chunk_count() == 1
        assert corpus.lexical("zebra", 40) == ["d:0"]
        assert corpus.lexical("convoy", 40) == []
        new = Document(
            "e", "/e.txt", "h2", "v", None, None, None, None, None, "txt", "utf-8", "", ""
        )
        with corpus.transaction() as conn:
            corpus.put(conn, new, [Chunk("e:0", "e", 0, 0, 0, 3, "zebra again")])
        assert corpus._cached_chunk_count() == 2
        assert sorted(corpus.lexical("zebra", 40)) == ["d:0", "e:0"]
    finally:
        other.close()
