"""The naive baseline run through the eval runner and the fake OpenAI server: a quote
found verbatim is a valid citation copied from the document; a paraphrased quote is still
recorded, scores invalid and makes its answer incorrect; the summary counts both."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from assistant.answers import CANNOT_ANSWER
from assistant.evals import NaiveBaseline, Prepared, load_suite, run_suite
from assistant.evals.baseline import K
from assistant.evals.prepare import Progress, ingest_only
from assistant.llm import LLM
from assistant.search import search
from assistant.store import Store

from .answer_corpus import write_corpus
from .fake_openai import FakeOpenAI

COAST, VALLEY = "coast-herald.md", "valley-post.md"
RESCUE = "Rescue teams reached the northern villages on Monday."
SCHOOLS = "Mayor Ana Souza said 40 schools remain closed."
PARAPHRASE = "The mayor said that forty schools are still shut."
ITEMS: list[dict[str, Any]] = [
    {"id": "rescue", "kind": "fact", "question": "Where did rescue teams go on Monday?",
     "gold": {"mentions": [["northern villages"]]},
     "evidence": [{"file": COAST, "quote": RESCUE}]},
    {"id": "schools", "kind": "fact", "question": "What did the mayor say about schools?",
     "gold": {"mentions": [["40"]]}, "evidence": [{"file": VALLEY, "quote": SCHOOLS}]},
    {"id": "euros", "kind": "unanswerable", "question": "What did the flood cost in euros?",
     "gold": {"answerable": False}},
]  # fmt: skip
REPLIES = {  # question -> (answer, quote, needle locating the passage the quote names)
    ITEMS[0]["question"]: ("Rescue teams went to the northern villages.", f"“{RESCUE}”", RESCUE),
    ITEMS[1]["question"]: ("The mayor said 40 schools remain closed.", PARAPHRASE, "40 schools"),
}


def scripted(fake: FakeOpenAI) -> Any:
    """Prepare: ingest the corpus, then script the baseline's one reply per question (the
    passage numbers depend on retrieval, so they are known only now)."""

    def prepare(store: Store, llm: LLM, files: Sequence[Path], progress: Progress) -> Prepared:
        prepared = ingest_only(store, llm, files, progress)
        for item in ITEMS:
            reply = REPLIES.get(item["question"])
            if reply is None:
                fake.enqueue_tool_call(
                    "BaselineReply", {"answerable": False, "answer": "", "quotes": []}
                )
                continue
            answer, quote, needle = reply
            hits = search(store, item["question"], k=K)
            passage = next(i for i, h in enumerate(hits, start=1) if needle in h.chunk.text)
            fake.enqueue_tool_call(
                "BaselineReply",
                {"answerable": True, "answer": answer,
                 "quotes": [{"passage": passage, "quote": quote}]},
            )  # fmt: skip
        return prepared

    return prepare


@pytest.fixture
def record(fake_settings: Any, fake_openai: FakeOpenAI, tmp_path: Path) -> Any:
    folder = tmp_path / "suite"
    write_corpus(folder / "corpus")
    lines = [{"suite": "baseline", "corpus": ["corpus"]}, *ITEMS]
    path = folder / "baseline.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    result = run_suite(
        load_suite(path), fake_settings, prepare=scripted(fake_openai), answerer=NaiveBaseline
    )
    fake_openai.assert_done()
    return result


def test_verbatim_quote_valid_paraphrase_invalid(record: Any) -> None:
    trials = {t.item_id: t for t in record.trials}
    rescue, schools = trials["rescue"], trials["schools"]
    assert rescue.scores.verdict == "correct"
    assert (rescue.scores.quotes_valid, rescue.scores.quotes_total) == (1, 1)
    assert rescue.answer.citations[0].quote == RESCUE  # copied from the document, no marks
    assert schools.scores.verdict == "incorrect"  # it says 40, but its quote is not verbatim
    assert (schools.scores.quotes_valid, schools.scores.quotes_total) == (0, 1)
    assert schools.scores.reason == "1 of 1 quotes not verbatim"
    bad = schools.answer.citations[0]
    assert (bad.file, bad.quote) == (VALLEY, PARAPHRASE)  # recorded, not dropped
    assert trials["euros"].scores.verdict == "correct"
    assert trials["euros"].answer.text == CANNOT_ANSWER


def test_summary_counts_the_invalid_quote(record: Any) -> None:
    s = record.summary
    assert record.answerer == "baseline"
    assert (s.quote_validity.num, s.quote_validity.den) == (1, 2)
    assert (s.accuracy.num, s.accuracy.den) == (2, 3)
    assert (s.abstention_accuracy.num, s.abstention_accuracy.den) == (1, 1)
    answered = [t.answer for t in record.trials if t.answer is not None]
    assert all(a.calls == 1 for a in answered)  # one model call per question, no plan
