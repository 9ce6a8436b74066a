"""Interruption: a real `factcheck ingest` killed (SIGKILL) or interrupted (SIGINT, as
Ctrl-C) mid-ingest or mid-extraction leaves the store consistent, and running it again
finishes the work without duplicates.

The kill points are chosen from outside: the ingest ones by watching the store fill (an
article is about six chunks, so there is a window between documents), the extraction ones
by a scripted model answer that is held back, so the process is waiting for it.
"""

from __future__ import annotations

import signal
from pathlib import Path

import numpy as np
import pytest

from assistant.claims.store import ClaimStore
from assistant.settings import Settings
from assistant.store import Store, open_store

from .consistency import assert_consistent
from .fake_openai import FakeOpenAI
from .generated_corpus import ARTICLES, extraction_answer, figure, write_corpus
from .processes import finish, llm_env, start, stored, wait_for

HELD_S = 30  # the held-back answer: far longer than it takes to kill the process


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    return write_corpus(tmp_path / "articles")


def check_complete(settings: Settings, corpus: list[Path], claims: bool) -> Store:
    """Every article stored once, with its chunks and (if asked) its one claim."""
    store = open_store(settings)
    summaries = store.docs.summaries()
    assert sorted(Path(s.source).name for s in summaries) == [p.name for p in corpus]
    assert all(s.chunks >= 3 for s in summaries)
    assert store.docs.chunk_count() == sum(s.chunks for s in summaries)
    assert_consistent(store)
    values = sorted(c.quantity.value for c in ClaimStore(store).claims() if c.quantity)
    assert values == ([figure(i) for i in range(ARTICLES)] if claims else [])
    return store


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill", "ctrl-c"])
def test_ingest_interrupted_twice_then_rerun_finishes(
    sig: signal.Signals, corpus: list[Path], factcheck_home: Path, settings: Settings
) -> None:
    folder = str(corpus[0].parent)
    for at_least in (3, 8):
        proc = start("ingest", folder, "--no-claims")

        def enough(n: int = at_least) -> bool:
            return stored(factcheck_home) >= n

        wait_for(enough, proc, f"{at_least} documents")
        proc.send_signal(sig)
        code, _, err = finish(proc)
        assert 0 < stored(factcheck_home) < ARTICLES  # some but not all were stored
        if sig == signal.SIGINT:
            assert code == 130
            assert "factcheck: error: interrupted; what was finished is kept" in err
            assert "Traceback" not in err
        else:
            assert code == -signal.SIGKILL
        store = open_store(settings)
        assert_consistent_but_for_stray_vectors(store)
        store.close()

    stored_before_rerun = stored(factcheck_home)
    code, out, err = finish(start("ingest", folder, "--no-claims"))
    assert code == 0, err
    assert f"added {ARTICLES - stored_before_rerun}, unchanged {stored_before_rerun}," in out
    check_complete(settings, corpus, claims=False).close()


def assert_consistent_but_for_stray_vectors(store: Store) -> None:
    """Right after a kill: rows are consistent; vectors may exceed rows (written first) but
    never miss one, and search never returns a passage without its row."""
    chunk_ids = {c.id for s in store.docs.summaries() for c in store.docs.chunks_of(s.id)}
    assert chunk_ids <= store.vectors.ids()
    for s in store.docs.summaries():
        doc = store.docs.get(s.id)
        assert doc is not None
        assert all(doc.text[c.start : c.end] == c.text for c in store.docs.chunks_of(s.id))


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill", "ctrl-c"])
def test_extraction_interrupted_then_rerun_asks_only_for_the_rest(
    sig: signal.Signals,
    corpus: list[Path],
    factcheck_home: Path,
    fake_settings: Settings,
    fake_openai: FakeOpenAI,
) -> None:
    answers = [extraction_answer(p) for p in corpus]
    done = 5
    for arguments in answers[:done]:
        fake_openai.enqueue_tool_call("SentenceFigures", arguments)
    fake_openai.enqueue_tool_call("SentenceFigures", answers[done], delay=HELD_S)
    proc = start("ingest", str(corpus[0].parent), env=llm_env(fake_openai))
    wait_for(lambda: len(fake_openai.requests) > done, proc, "the held-back request")
    proc.send_signal(sig)
    code, _, err = finish(proc)
    assert code == (130 if sig == signal.SIGINT else -signal.SIGKILL)
    assert "Traceback" not in err
    if sig == signal.SIGINT:
        assert "factcheck: error: interrupted" in err
    assert stored(factcheck_home) == ARTICLES  # ingest had finished; extraction had not
    assert stored(factcheck_home, "claims") == done

    store = open_store(fake_settings)
    assert_consistent(store)
    # a kill between writing a document's claim vectors and its claim rows leaves vectors
    # nobody can see: plant one for the next document, as that kill would
    next_doc = store.docs.summaries()[done]
    doc = store.docs.get(next_doc.id)
    assert doc is not None
    stray = f"{doc.id}:{doc.version}:99999:figure_1"
    store.claim_vectors.add([stray], np.ones((1, 384), np.float32) / np.sqrt(384), [
        {"doc_id": doc.id, "version": doc.version}
    ])  # fmt: skip
    assert stray not in {c.id for c in ClaimStore(store).about("containers delayed", n=50)}
    store.close()

    for arguments in answers[done:]:
        fake_openai.enqueue_tool_call("SentenceFigures", arguments)
    asked = len(fake_openai.requests)
    code, out, err = finish(start("ingest", str(corpus[0].parent), env=llm_env(fake_openai)))
    assert code == 0, err
    assert f"unchanged {ARTICLES}" in out
    fake_openai.assert_done()
    assert len(fake_openai.requests) - asked == ARTICLES - done  # the finished ones not asked
    check_complete(fake_settings, corpus, claims=True).close()  # the stray vector is gone
