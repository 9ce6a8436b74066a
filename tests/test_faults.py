"""Model faults on the real code paths, through the fake OpenAI server: claim extraction
over several sentences where calls fail (HTTP 500/429, a timeout, a malformed body, the
endpoint down), and `factcheck ask` whose composed answer is cut off or never validates.

Each fault gives a bounded number of requests (counted at the fake server), a clear
message, the claims of the sentences that succeeded kept, a store left consistent, and a
re-run that finishes the rest. Waits are kept short with `retry-after-ms` headers.
"""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.claims.candidates import find_candidates
from assistant.claims.extract import MAX_FAILURES_IN_A_ROW
from assistant.claims.run import ExtractionReport, extract_claims
from assistant.claims.store import ClaimStore
from assistant.llm import LLM
from assistant.settings import Settings
from assistant.store import Document, Store, open_store

from .consistency import assert_consistent
from .fake_openai import FakeOpenAI
from .stored_article import ingest_article

# Every figure here is one the parse leaves open (a tally, total or count that does not say
# what it counts), so each sentence is one model call, as the fault tests need.
ARTICLE = (
    "Floods hit the coastal city on Monday.\n"
    "According to the Civil Defence Agency, the final tally reached at least 1,200.\n"
    "Mayor Ana Souza said the total was 40.\n"
    "The Red Cross said on Tuesday that the final count reached 300.\n"
    "Police chief Marta Lind said the tally stood at 25.\n"
)
QUOTES = (
    "the final tally reached at least 1,200",
    "the total was 40",
    "the final count reached 300",
    "the tally stood at 25",
)
FAST = {"retry-after-ms": "10"}  # the openai client waits this long before its retry
RETRIES = 2  # llm.max_retries in these tests: each call is tried at most 3 times


@pytest.fixture
def stored(fake_settings: Settings, tmp_path: Path) -> tuple[Store, Document]:
    fake_settings.llm.max_retries = RETRIES
    fake_settings.llm.validation_retries = 1
    return ingest_article(fake_settings, tmp_path, ARTICLE)


def answers(doc: Document) -> list[dict[str, Any]]:
    """The right scripted answer for each candidate sentence, in order."""
    found = list(find_candidates(doc.id, doc.text))
    assert [c.numbers[0].surface for c in found] == ["1,200", "40", "300", "25"]
    return [
        {"figure_1": {"quote": quote, "asserter": c.attributed_to}}
        for c, quote in zip(found, QUOTES, strict=True)
    ]


def answer(fake: FakeOpenAI, arguments: dict[str, Any]) -> None:
    fake.enqueue_tool_call("SentenceFigures", arguments)


def run(store: Store, settings: Settings) -> ExtractionReport:
    llm = LLM(settings.llm, settings.cache)
    try:
        return extract_claims(store, llm)
    finally:
        llm.close()


def values(store: Store) -> list[float]:
    return [c.quantity.value for c in ClaimStore(store).claims() if c.quantity]


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- claim extraction ------------------------------------------------------------------------


def test_http_500_on_one_sentence_keeps_the_others_and_a_rerun_finishes(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    first, second, third, fourth = answers(doc)
    answer(fake_openai, first)
    fake_openai.enqueue_error(500, "the model fell over", FAST, times=RETRIES + 1)
    answer(fake_openai, third)
    answer(fake_openai, fourth)
    report = run(store, fake_settings)
    fake_openai.assert_done()
    assert len(fake_openai.requests) == 1 + (RETRIES + 1) + 2  # bounded: 3 tries, then on
    assert values(store) == [1200, 300, 25]
    assert report.counts.failed_calls == 1
    assert report.stopped is None
    (error,) = report.errors
    assert "HTTP 500: the model fell over" in error
    assert "{" not in error  # the server's message, not its JSON body
    assert_consistent(store)

    # the document is not up to date: a re-run asks only for the sentence that failed
    answer(fake_openai, second)
    before = len(fake_openai.requests)
    again = run(store, fake_settings)
    assert len(fake_openai.requests) == before + 1
    assert (again.documents, again.errors, again.counts.cached) == (1, [], 3)
    assert values(store) == [1200, 40, 300, 25]
    assert_consistent(store)

    # and now it is: nothing more is asked
    third_run = run(store, fake_settings)
    assert (third_run.skipped, len(fake_openai.requests)) == (1, before + 1)


def test_429_retry_after_is_honoured_and_bounded(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    scripted = answers(doc)
    fake_openai.enqueue_error(429, "slow down", {"retry-after": "1"})
    for arguments in scripted:
        answer(fake_openai, arguments)
    began = time.perf_counter()
    report = run(store, fake_settings)
    waited = time.perf_counter() - began
    fake_openai.assert_done()
    assert len(fake_openai.requests) == 5
    assert waited >= 0.95  # the server's Retry-After, not the client's 0.5 s backoff
    assert (report.errors, values(store)) == ([], [1200, 40, 300, 25])


def test_a_failing_endpoint_stops_the_run_after_a_few_calls(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    first = answers(doc)[0]
    answer(fake_openai, first)
    fake_openai.enqueue_error(503, "overloaded", FAST, times=20)
    report = run(store, fake_settings)
    # 3 sentences in a row failed after their retries; the fourth was never asked
    assert len(fake_openai.requests) == 1 + MAX_FAILURES_IN_A_ROW * (RETRIES + 1)
    assert report.stopped is not None
    assert "3 failed call(s) in a row" in report.stopped
    assert "HTTP 503: overloaded" in report.stopped
    assert report.counts.failed_calls == MAX_FAILURES_IN_A_ROW
    assert values(store) == [1200]
    assert_consistent(store)


def test_timeout_stops_the_run_and_keeps_what_was_extracted(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    first, second, third, fourth = answers(doc)
    fake_settings.llm.timeout = 0.3
    fake_settings.llm.max_retries = 1
    answer(fake_openai, first)
    fake_openai.enqueue_text("too late", delay=2, times=2)
    report = run(store, fake_settings)
    assert len(fake_openai.requests) == 1 + 2  # the slow call and its one retry; no more
    assert report.stopped is not None
    assert "timed out" in report.stopped
    assert values(store) == [1200]
    assert_consistent(store)

    for arguments in (second, third, fourth):
        answer(fake_openai, arguments)
    again = run(store, fake_settings)
    fake_openai.assert_done()
    assert (again.errors, again.stopped) == ([], None)
    assert values(store) == [1200, 40, 300, 25]
    assert_consistent(store)


def test_malformed_response_body_is_a_failed_call_not_a_dropped_claim(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    first, second, third, fourth = answers(doc)
    answer(fake_openai, first)
    fake_openai.enqueue_raw(200, b'{"id": "chatcmpl-1", "choices": [', times=2)  # 2 attempts
    answer(fake_openai, third)
    answer(fake_openai, fourth)
    report = run(store, fake_settings)
    fake_openai.assert_done()
    (error,) = report.errors
    assert "sent no readable completion in 2 attempts" in error
    assert (report.counts.failed_calls, report.counts.dropped) == (1, 0)
    assert values(store) == [1200, 300, 25]

    answer(fake_openai, second)  # not cached as "no claims": the re-run asks again
    run(store, fake_settings)
    fake_openai.assert_done()
    assert values(store) == [1200, 40, 300, 25]
    assert_consistent(store)


def test_answer_that_never_validates_is_dropped_counted_and_bounded(
    stored: tuple[Store, Document], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, doc = stored
    first, second, third, fourth = answers(doc)
    answer(fake_openai, first)
    invented = {"figure_1": {"quote": "400 schools", "asserter": second["figure_1"]["asserter"]}}
    answer(fake_openai, invented)
    answer(fake_openai, invented)  # re-asked once (validation_retries = 1), then dropped
    answer(fake_openai, third)
    answer(fake_openai, fourth)
    report = run(store, fake_settings)
    fake_openai.assert_done()
    assert values(store) == [1200, 300, 25]
    assert (report.counts.dropped, report.counts.failed_calls, report.errors) == (1, 0, [])
    assert "400 schools" in str(fake_openai.requests[2]["json"]["messages"])  # the re-ask
    # a dropped answer is an answer: the document is up to date, a re-run asks nothing
    again = run(store, fake_settings)
    assert (again.skipped, len(fake_openai.requests)) == (1, 5)
    assert_consistent(store)


def test_endpoint_down_at_the_cli_is_one_line_exit_1_and_a_rerun_finishes(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    from .test_cli import factcheck

    path = tmp_path / "floods.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    down = f"http://127.0.0.1:{closed_port()}/v1"
    env = {
        "FACTCHECK_LLM__PROVIDER": "openai",
        "FACTCHECK_LLM__BASE_URL": down,
        "FACTCHECK_LLM__API_KEY": "sk-test-not-a-real-key",
        "FACTCHECK_LLM__EXTRACTION_MODEL": "fake-model",
        "FACTCHECK_LLM__MAX_RETRIES": "1",
    }
    result = factcheck("ingest", str(path), env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"cannot reach fake-model at {down}" in result.stderr
    assert "run again to finish" in result.stderr
    assert "added 1" in result.stdout  # the document itself is stored

    store = open_store(fake_settings)
    try:
        (summary,) = store.docs.summaries()
        assert values(store) == []
        assert_consistent(store)
        doc = store.docs.get(summary.id)
        assert doc is not None
        for arguments in answers(doc):
            answer(fake_openai, arguments)
        report = run(store, fake_settings)  # the endpoint is back
        fake_openai.assert_done()
        assert (report.documents, report.errors) == (1, [])
        assert values(store) == [1200, 40, 300, 25]
        assert_consistent(store)
    finally:
        store.close()
