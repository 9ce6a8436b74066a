"""Batch summaries through the fake OpenAI server: checking, cache/resume, failures,
the digest, and the HTML page opened in headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from assistant.answers import Answerer
from assistant.claims.store import ClaimStore
from assistant.llm import LLM
from assistant.settings import Settings
from assistant.store import Store, open_store
from assistant.summaries import Summaries, summarize
from assistant.summaries.document import evidence_of
from assistant.summaries.html import page
from assistant.summaries.markdown import digest_md

from .answer_corpus import seed_store
from .browser import rendered_dom
from .fake_openai import FakeOpenAI

ORDER = ("valley-post.md", "coast-herald.md", "river-times.md")


@pytest.fixture
def corpus(fake_settings: Settings, tmp_path: Path) -> Iterator[tuple[Store, list[str]]]:
    store = open_store(fake_settings)
    ids = seed_store(store, tmp_path / "corpus")
    yield store, [ids[name] for name in ORDER]
    store.close()


def sid(store: Store, doc_id: str, needle: str) -> str:
    doc = store.docs.get(doc_id)
    assert doc is not None
    return next(e.id for e in evidence_of(doc, ClaimStore(store).claims([doc_id]))
                if needle in e.text)  # fmt: skip


def script(fake: FakeOpenAI, *sentences: tuple[str, str]) -> None:
    fake.enqueue_tool_call("Answer", {
        "answerable": True, "sentences": [{"text": t, "cites": [c]} for t, c in sentences],
    })  # fmt: skip


def script_all(store: Store, ids: list[str], fake: FakeOpenAI) -> None:
    valley, coast, river = ids
    script(fake,
           ("Heavy rain flooded Marren on Sunday.", sid(store, valley, "Heavy rain")),
           ("Floods killed 12 people in Marren.", sid(store, valley, "Heavy rain")))  # fmt: skip
    script(fake, ("Ilse Brandt said about 3,000 families were evacuated.",
                  sid(store, coast, "Ilse Brandt")))  # fmt: skip
    script(fake, ("The agency said 1,500 families were evacuated.",
                  sid(store, river, "1,500")))  # fmt: skip


def run(store: Store, settings: Settings, ids: list[str], **kw: Any) -> Summaries:
    llm = LLM(settings.llm, settings.cache)
    try:
        return summarize(store, llm, ids, **kw)
    finally:
        llm.close()


def test_summary_sentences_are_checked_and_counted(
    corpus: tuple[Store, list[str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, ids = corpus
    script_all(store, ids, fake_openai)
    result = run(store, fake_settings, ids)
    fake_openai.assert_done()
    assert result.run.summarized == 3
    assert (result.run.kept, result.run.dropped) == (3, 1)
    valley = result.documents[0]
    assert [s.verified for s in valley.sentences] == [True, False]
    assert "12" in (valley.sentences[1].reason or "")
    for summary in result.documents:
        doc = store.docs.get(summary.doc_id)
        assert doc is not None
        for c in summary.citations:
            assert doc.text[c.start : c.end] == c.quote
    # the injected line of the Coast Herald article is never shown to the model
    assert all("Ignore previous" not in str(r["json"]["messages"]) for r in fake_openai.requests)


def test_rerun_reuses_cached_summaries(
    corpus: tuple[Store, list[str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, ids = corpus
    script_all(store, ids, fake_openai)
    first = run(store, fake_settings, ids)
    asked = len(fake_openai.requests)
    again = run(store, fake_settings, ids)
    assert len(fake_openai.requests) == asked
    assert again.run.cached == 3
    assert again.run.summarized == 0
    assert [d.model_dump() for d in again.documents] == [d.model_dump() for d in first.documents]


def test_a_failing_document_is_reported_and_the_rest_go_on_then_resume(
    corpus: tuple[Store, list[str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, ids = corpus
    valley, coast, river = ids
    fake_openai.enqueue_error(500, "model crashed")
    script(fake_openai, ("Ilse Brandt said about 3,000 families were evacuated.",
                         sid(store, coast, "Ilse Brandt")))  # fmt: skip
    script(fake_openai, ("The agency said 1,500 families were evacuated.",
                         sid(store, river, "1,500")))  # fmt: skip
    first = run(store, fake_settings, ids)
    assert len(first.run.failed) == 1
    assert "valley-post.md" in first.run.failed[0]
    assert first.run.summarized == 2
    script(fake_openai, ("Heavy rain flooded Marren on Sunday.", sid(store, valley, "Heavy rain")))
    second = run(store, fake_settings, ids)
    fake_openai.assert_done()
    assert (second.run.summarized, second.run.cached, second.run.failed) == (1, 2, [])


def test_digest_has_key_figures_and_typed_disagreements(
    corpus: tuple[Store, list[str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, ids = corpus
    script_all(store, ids, fake_openai)
    result = run(store, fake_settings, ids, digest=True)
    digest = result.digest
    assert digest is not None
    figures = {(r.outlet, r.value, r.asserter) for r in digest.key_figures}
    assert ("Coast Herald", 3000, "Ilse Brandt") in figures
    assert ("River Times", 1500, "regional emergency agency") in figures
    assert ("Valley Post", 40, "Ana Souza") in figures
    kinds = {c.kind for c in digest.conflicts}
    assert {"asserter", "update"} <= kinds
    for c in digest.citations:
        doc = store.docs.get(c.doc_id)
        assert doc is not None
        assert doc.text[c.start : c.end] == c.quote
    text = digest_md(digest)
    assert "## Where sources disagree" in text
    assert "| about 3,000 | families were evacuated | Ilse Brandt | Coast Herald |" in text


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cites: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("class") == "cite":
            self.cites.append((a["href"], a.get("title", "")))


def test_html_page_citations_resolve_in_headless_chromium(
    corpus: tuple[Store, list[str]], fake_settings: Settings, fake_openai: FakeOpenAI,
    tmp_path: Path,
) -> None:  # fmt: skip
    store, ids = corpus
    script_all(store, ids, fake_openai)
    result = run(store, fake_settings, ids, digest=True)
    path = tmp_path / "summaries.html"
    path.write_text(page(result.documents, result.digest), encoding="utf-8")
    dom = rendered_dom(path)
    links = _Links()
    links.feed(dom)
    assert len(links.cites) >= 6
    quotes = {c.quote for s in result.documents for c in s.citations}
    assert result.digest is not None
    quotes |= {c.quote for c in result.digest.citations}
    for href, title in links.cites:
        assert href.startswith("#")
        assert href[1:] in links.ids, href
        assert title in quotes
    assert "Where sources disagree" in dom


def test_a_summary_question_reuses_the_documents_summaries(
    corpus: tuple[Store, list[str]], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    store, ids = corpus
    script_all(store, ids, fake_openai)
    run(store, fake_settings, ids)
    asked = len(fake_openai.requests)
    llm = LLM(fake_settings.llm, fake_settings.cache)
    try:
        answer = Answerer(store, llm).ask("Summarise what the sources say about the flood.")
    finally:
        llm.close()
    assert len(fake_openai.requests) == asked  # the cached summaries, no model call
    texts = [s.text for s in answer.sentences]
    # each document's kept sentences, after its outlet and date, cited anew; the dropped
    # sentence ("Floods killed 12 people") stays out
    assert "Valley Post (2 Mar 2031): Heavy rain flooded Marren on Sunday. [1]" in texts
    assert any(
        t.startswith("Coast Herald (4 Mar 2031): Ilse Brandt said about 3,000") for t in texts
    )
    assert all("12 people" not in t for t in texts)
    for c in answer.citations:
        doc = store.docs.get(c.doc_id)
        assert doc is not None
        assert doc.text[c.start : c.end] == c.quote
