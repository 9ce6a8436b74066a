"""The retrieval benchmark's labelled queries and scoring (bench/), on a tiny real store."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))  # bench/ is no package

from ann import exact_top, overlap
from bench_retrieval import scale_list
from corpus import placements, write_corpus
from facts import load_facts, queries
from labels import fact_chunks, recall_at_k, recall_by_kind

from assistant.ingest.pipeline import Ingestor
from assistant.search import search
from assistant.settings import Settings
from assistant.store import open_store


def test_recall_at_k_on_a_hand_example() -> None:
    results = [["a", "b"], ["c", "d", "e", "f", "g", "x"], [], ["y2"]]
    relevant = [{"b"}, {"x"}, {"z"}, {"y1", "y2"}]  # y1/y2: one sentence in two chunks
    assert recall_at_k(results, relevant, 5) == pytest.approx(2 / 4)  # x is 6th: a miss
    assert recall_at_k(results, relevant, 6) == pytest.approx(3 / 4)
    assert recall_at_k([], [], 5) == 0.0
    with pytest.raises(ValueError, match="one relevant set per query"):
        recall_at_k(results, relevant[:2], 5)


def test_recall_by_kind_splits_exact_and_paraphrase() -> None:
    labelled = queries(load_facts()[:2])  # exact, paraphrase, exact, paraphrase
    labels = {labelled[0].fact: {"c1"}, labelled[2].fact: {"c2"}}
    got = recall_by_kind(labelled, [["c1"], ["zz"], ["c2"], ["c2"]], labels, 5)
    assert got == {"all": 0.75, "exact": 1.0, "paraphrase": 0.5}


def test_fact_bank_is_well_formed() -> None:
    facts = load_facts()
    assert len(facts) == 40
    for fact in facts:
        assert fact.exact != fact.sentence
        assert fact.paraphrase.lower() not in fact.sentence.lower()
        assert "\n" not in fact.sentence


def test_background_does_not_depend_on_the_facts(tmp_path: Path) -> None:
    facts = load_facts()[:3]
    plain = write_corpus(tmp_path / "plain", 5, seed=3)
    planted = write_corpus(tmp_path / "planted", 5, seed=3, facts=facts)
    where = placements(5, facts, seed=3)
    assert where == placements(5, facts, seed=3)  # deterministic
    for n, (a, b) in enumerate(zip(plain, planted, strict=True)):
        text, with_facts = a.read_text(), b.read_text()
        mine = [f.sentence for f in facts if where[f.key] == n]
        for sentence in mine:
            assert with_facts.count(sentence) == 1
            with_facts = with_facts.replace("\n\n" + sentence, "", 1)
        assert with_facts == text


def test_labels_point_at_the_chunks_holding_the_planted_sentence(tmp_path: Path) -> None:
    """~30 chunks through the real pipeline: every label holds its fact's sentence, and
    lexical search finds every exact-term query's label (the invented names are unique)."""
    facts = load_facts()[:4]
    paths = write_corpus(tmp_path / "corpus", 5, seed=11, facts=facts)
    where = placements(5, facts, seed=11)
    fact_paths = {key: paths[n] for key, n in where.items()}
    store = open_store(Settings())
    try:
        outcomes = Ingestor(store).ingest(paths)
        assert {o.status for o in outcomes} == {"added"}
        assert 20 <= store.docs.chunk_count() <= 45
        labels = fact_chunks(store, facts, fact_paths)
        for fact in facts:
            doc = store.docs.by_source(str(fact_paths[fact.key].resolve()))
            assert doc is not None
            chunks = store.docs.chunks_by_id(sorted(labels[fact.key]))
            assert set(chunks) == labels[fact.key]
            for chunk in chunks.values():
                assert chunk.doc_id == doc.id
                assert fact.sentence in chunk.text
                assert doc.text[chunk.start : chunk.end] == chunk.text
        labelled = [q for q in queries(facts) if q.kind == "exact"]
        ranked = [
            [h.chunk.id for h in search(store, q.text, k=5, mode="lexical")] for q in labelled
        ]
        assert recall_by_kind(labelled, ranked, labels, 5)["exact"] == 1.0
    finally:
        store.close()


def test_exact_top_and_overlap() -> None:
    matrix = np.eye(4, dtype=np.float32)
    query = np.array([[0.9, 0.1, 0.0, 0.3]], dtype=np.float32)
    assert exact_top(["a", "b", "c", "d"], matrix, query, 2) == [["a", "d"]]
    assert overlap([["a", "x"]], [["a", "d"]], 2) == 0.5
    assert overlap([], [], 5) == 1.0


def test_scale_list() -> None:
    assert scale_list("1000, 10k,1e5") == [1000, 10000, 100000]
