"""Concurrency: while one real `factcheck` process writes a data directory, a second
writer is told clearly that it is in use (non-zero exit, one line, no traceback), and
readers get correct results; the store is never corrupted."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from assistant.settings import Settings
from assistant.store import open_store

from .consistency import assert_consistent
from .fake_openai import FakeOpenAI
from .generated_corpus import ARTICLES, extraction_answer, write_corpus
from .processes import finish, llm_env, start, stored, wait_for

HELD_S = 60


def assert_passages_are_real(home_settings: Settings, results: list[dict[str, object]]) -> None:
    store = open_store(home_settings)
    try:
        assert results
        for item in results:
            doc = store.docs.get(str(item["doc_id"]))
            assert doc is not None
            start, end = int(str(item["start"])), int(str(item["end"]))
            assert doc.text[start:end] == item["text"]
    finally:
        store.close()


def test_second_writer_is_told_in_use_while_readers_get_correct_results(
    tmp_path: Path, factcheck_home: Path, fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    corpus = write_corpus(tmp_path / "articles")
    other = write_corpus(tmp_path / "other")[:2]
    fake_openai.enqueue_tool_call("SentenceFigures", extraction_answer(corpus[0]))
    fake_openai.enqueue_tool_call("SentenceFigures", extraction_answer(corpus[1]), delay=HELD_S)
    writer = start("ingest", str(corpus[0].parent), env=llm_env(fake_openai))
    try:
        # the writer holds the lock while it waits for the held-back model answer
        wait_for(lambda: len(fake_openai.requests) >= 2, writer, "extraction under way")
        second = start("ingest", str(other[0].parent), "--no-claims")
        sources = start("sources", "--json")
        search = start("search", "containers delayed at the northern quay", "--json")
        code, out, err = finish(second)
        assert code == 1
        assert "factcheck: error: the data directory" in err
        assert "is in use by factcheck (pid " in err
        assert "wait for it to finish" in err
        assert "Traceback" not in err
        assert out == ""
        code, out, err = finish(sources)
        assert code == 0, err
        assert len(json.loads(out)) == ARTICLES
        code, out, err = finish(search)
        assert code == 0, err
        assert_passages_are_real(fake_settings, json.loads(out))
    finally:
        writer.send_signal(signal.SIGINT)
        finish(writer)
    assert stored(factcheck_home) == ARTICLES  # the refused writer added nothing
    store = open_store(fake_settings)
    try:
        assert_consistent(store)
        assert len(store.docs.summaries()) == ARTICLES
    finally:
        store.close()


def test_two_ingests_racing_a_fresh_store_and_a_reader(
    tmp_path: Path, factcheck_home: Path, settings: Settings
) -> None:
    folder = str(write_corpus(tmp_path / "articles")[0].parent)
    first = start("ingest", folder, "--no-claims")
    second = start("ingest", folder, "--no-claims")
    wait_for(lambda: stored(factcheck_home) >= 2, (first, second), "documents stored")
    reader = start("search", "containers delayed at the northern quay", "--json")
    results = [finish(first), finish(second)]
    for code, out, err in results:
        assert "Traceback" not in err
        # either it did the work, found it done, or was told the directory is in use
        assert (code == 0 and "failed 0" in out) or (code == 1 and "is in use by" in err), err
    assert sum("added 12" in out for _, out, _ in results) == 1  # each document added once
    code, out, err = finish(reader)
    assert "Traceback" not in err
    if code == 0:  # a reader sees what is committed, never a passage without its row
        assert_passages_are_real(settings, json.loads(out))
    else:
        assert "factcheck: error:" in err
    store = open_store(settings)
    try:
        assert_consistent(store)
        assert len(store.docs.summaries()) == ARTICLES
    finally:
        store.close()
