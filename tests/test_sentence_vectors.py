"""Sentence vectors stored at claim extraction: evidence ranks by them exactly as by vectors
embedded when asked, never embeds a stored sentence again, and ignores rows that no longer
fit (a replaced document, another embedding model, another sentence count)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from assistant.answers.evidence import gather
from assistant.ingest.pipeline import Ingestor
from assistant.settings import Settings
from assistant.store import Store, open_store
from assistant.store.sentence_vectors import fill, stored
from assistant.text.sentences import sentence_spans

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
QUESTIONS = (
    "How many troops were sent?",
    "Who oversees the training?",
    "When was the agreement signed?",
)


@pytest.fixture
def store(settings: Settings, tmp_path: Path) -> Iterator[Store]:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    opened = open_store(settings)
    Ingestor(opened).ingest(sorted(corpus.glob("*.txt")))
    yield opened
    opened.close()


class Counting:
    """The store's embedder, counting the texts it is given."""

    def __init__(self, store: Store) -> None:
        self.real = store.embedder
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.typing.NDArray[np.float32]:
        self.texts += texts
        return self.real.embed(texts)


def _ranked(store: Store, question: str) -> list[tuple[str, int, float]]:
    evidence, _ = gather(store, question)
    return [(e.doc.id, e.start, e.score) for e in evidence]


def _counts(store: Store) -> dict[str, int]:
    return {c.id: len(sentence_spans(c.text)) for d in store.docs.summaries()
            for c in store.docs.chunks_of(d.id)}  # fmt: skip


def test_stored_vectors_rank_as_vectors_embedded_when_asked(store: Store) -> None:
    before = [_ranked(store, q) for q in QUESTIONS]
    ids = [d.id for d in store.docs.summaries()]
    assert fill(store, ids) == sum(len(store.docs.chunks_of(i)) for i in ids)
    assert fill(store, ids) == 0  # nothing left to fill
    counting = Counting(store)
    store.__dict__["embedder"] = counting
    after = [_ranked(store, q) for q in QUESTIONS]
    for was, now in zip(before, after, strict=True):
        assert [r[:2] for r in now] == [r[:2] for r in was]
        assert [r[2] for r in now] == pytest.approx([r[2] for r in was], abs=1e-5)
    # only the questions themselves were embedded (search, then ranking)
    assert set(counting.texts) == set(QUESTIONS)


def test_each_sentence_vector_is_the_sentence_embedded_alone(store: Store) -> None:
    doc = store.docs.summaries()[0]
    fill(store, [doc.id])
    chunk = store.docs.chunks_of(doc.id)[0]
    vectors = stored(store, {chunk.id: len(sentence_spans(chunk.text))})[chunk.id]
    full = store.docs.get(doc.id)
    assert full is not None
    texts = [full.text[chunk.start + s.start : chunk.start + s.end]
             for s in sentence_spans(chunk.text)]  # fmt: skip
    assert np.allclose(vectors, store.embedder.embed(texts), atol=1e-5)


def test_rows_that_no_longer_fit_are_not_used(store: Store) -> None:
    ids = [d.id for d in store.docs.summaries()]
    fill(store, ids)
    counts = _counts(store)
    assert set(stored(store, counts)) == set(counts)
    some = next(iter(counts))
    assert some not in stored(store, {some: counts[some] + 1})  # another sentence count
    store.settings.embedding.model = "another-model"
    assert stored(store, counts) == {}


def test_a_replaced_document_loses_its_old_vectors(store: Store, tmp_path: Path) -> None:
    ids = [d.id for d in store.docs.summaries()]
    fill(store, ids)
    doc = store.docs.get(ids[0])
    assert doc is not None
    old_chunks = [c.id for c in store.docs.chunks_of(doc.id)]
    path = Path(doc.source)
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA new paragraph was added.\n")
    (outcome,) = Ingestor(store).ingest([path])
    assert outcome.status == "replaced"
    rows = store.docs.db.execute("SELECT chunk_id FROM sentence_vectors").fetchall()
    kept = {r[0] for r in rows}
    new_chunks = {c.id for c in store.docs.chunks_of(doc.id)}
    assert not (kept & new_chunks)  # the new version's chunks have none yet
    assert not (set(old_chunks) - new_chunks) & kept  # the old version's are gone
    assert len(store.docs.chunks_without_sentence_vectors(doc.id, "minilm-l6-v2-int8")) == len(
        new_chunks
    )
