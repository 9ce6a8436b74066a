"""Ingesting URLs from a loopback web server: provenance, redirects, failures, limits,
charsets, content types, and versions of a page that changes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from assistant import __version__
from assistant.answers.cite import CitationBook
from assistant.ingest.pipeline import Ingestor, Outcome
from assistant.ingest.web import read_url_list, url_stem
from assistant.settings import Settings
from assistant.store import Store, open_store

from .documents import pdf_bytes
from .fake_openai import FakeOpenAI
from .test_cli import factcheck
from .test_cli_ask import fake_env
from .web_server import WebServer


def article(headline: str, *paragraphs: str, charset: str | None = None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f"<!doctype html><html><head>{meta}<title>{headline} | Example News</title>"
        '<meta property="og:site_name" content="Example News"></head><body>'
        f"<nav>Home World Sport</nav><article><h1>{headline}</h1>\n{body}</article>"
        "<footer>Copyright 2026 Example News</footer></body></html>"
    )


FIRST = (
    "Ukraine's military intelligence said on Thursday that about 11,000 North Korean "
    "soldiers were training in the Kursk region, close to the border with Ukraine."
)
SECOND = (
    "Officials in Seoul said they were monitoring the deployment closely and would consider "
    "every option, including sending weapons, if the troops joined the fighting."
)
PAGE = article("Troops arrive in Kursk", FIRST, SECOND)


@pytest.fixture
def store(factcheck_home: Path) -> Store:
    settings = Settings(ingest={"fetch_timeout": 1.5, "max_file_bytes": 60_000})
    opened = open_store(settings)
    yield opened  # type: ignore[misc]
    opened.close()


def ingest(store: Store, *urls: str) -> list[Outcome]:
    return Ingestor(store).ingest_urls(list(urls))


def test_a_page_is_stored_with_its_provenance(store: Store, web: WebServer) -> None:
    url = web.page("/world/troops-kursk.html", PAGE)
    (outcome,) = ingest(store, url)
    assert outcome.status == "added", outcome.reason
    assert outcome.doc_id == "127-0-0-1-troops-kursk"
    doc = store.docs.find(url)
    assert doc is not None
    assert doc.source == url
    assert doc.kind == "html"
    assert doc.outlet == "Example News"
    assert FIRST in doc.text
    assert "Home World Sport" not in doc.text
    p = doc.extra["provenance"]
    assert (p["url"], p["final_url"], p["http_status"]) == (url, url, 200)
    assert p["retrieved_at"].endswith("Z")
    assert p["sha256"] == hashlib.sha256(PAGE.encode()).hexdigest()
    assert Path(doc.original).read_bytes() == PAGE.encode()  # the original bytes, kept
    assert web.requests == [("/world/troops-kursk.html", f"factcheck/{__version__}")]
    start = doc.text.index("about 11,000")
    book = CitationBook()
    cited = book.get(book.cite(doc, start, start + len("about 11,000")))
    assert cited.provenance is not None
    assert cited.provenance.final_url == url
    assert cited.provenance.version == 1


def test_redirects_are_followed_and_the_final_url_kept(store: Store, web: WebServer) -> None:
    final = web.page("/story", PAGE)
    short = web.redirect("/s/1", "/go")
    web.redirect("/go", final, status=301)
    (outcome,) = ingest(store, short)
    assert outcome.status == "added", outcome.reason
    doc = store.docs.find(short)
    assert doc is not None
    assert doc.extra["provenance"]["final_url"] == final
    assert doc.extra["provenance"]["url"] == short

    web.redirect("/loop", "/loop")
    (looped,) = ingest(store, web.url("/loop"))
    assert looped.status == "failed"
    assert looped.reason == "more than 5 redirects"


@pytest.mark.parametrize(
    ("status", "reason"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error")]
)
def test_http_errors(store: Store, web: WebServer, status: int, reason: str) -> None:
    url = web.page("/broken", "<html><body>oops</body></html>", status=status)
    (outcome,) = ingest(store, url)
    assert (outcome.status, outcome.reason) == ("failed", reason)
    assert outcome.where == url
    assert store.docs.summaries() == []


def test_a_slow_server_times_out(store: Store, web: WebServer) -> None:
    url = web.page("/slow", PAGE, delay_s=0.6, pieces=6)  # 3.6 s in all, the limit is 1.5 s
    (outcome,) = ingest(store, url)
    assert (outcome.status, outcome.reason) == ("failed", "timed out after 1.5 s")
    assert outcome.seconds < 3


def test_a_huge_page_is_refused(store: Store, web: WebServer) -> None:
    huge = article("Big", *([FIRST] * 600))  # about 100 kB, the limit is 60 kB
    for path, send_length in (("/declared", True), ("/undeclared", False)):
        url = web.page(path, huge, send_length=send_length)
        (outcome,) = ingest(store, url)
        assert outcome.status == "failed"
        assert outcome.reason == "larger than the limit of 60,000 bytes (ingest.max_file_bytes)"


def test_charsets_header_then_meta_then_detection(store: Store, web: WebServer) -> None:
    text = "The café’s owners said “enough” on Monday, as 300 people marched through Lyon."
    body = article("Café owners protest", text, SECOND, charset="windows-1252").encode("cp1252")
    # the header claims UTF-8, which the bytes are not: the page's meta charset decides
    wrong = web.page("/wrong", body, content_type="text/html; charset=utf-8")
    # a Western default on UTF-8 bytes is taken for UTF-8
    utf8 = article("Lyon march", text, SECOND).encode("utf-8")
    default = web.page("/default", utf8, content_type="text/html; charset=ISO-8859-1")
    # a Cyrillic page, labelled only by its header
    russian = "Военные заявили в понедельник, что около 11 000 солдат прибыли в Курскую область."
    cyrillic = web.page(
        "/ru", article("Войска", russian, russian + " Это всё.").encode("cp1251"),
        content_type="text/html; charset=windows-1251",
    )  # fmt: skip
    outcomes = ingest(store, wrong, default, cyrillic)
    assert [o.status for o in outcomes] == ["added"] * 3, [o.reason for o in outcomes]
    for url in (wrong, default):
        doc = store.docs.find(url)
        assert doc is not None
        assert text in doc.text, doc.text
    ru = store.docs.find(cyrillic)
    assert ru is not None
    assert russian in ru.text
    assert ru.encoding == "cp1251"


def test_content_types(store: Store, web: WebServer) -> None:
    plain = web.page("/note.txt", f"{FIRST}\n\n{SECOND}\n", content_type="text/plain")
    pdf = web.page("/report.pdf", pdf_bytes([[FIRST[:60], FIRST[60:]], [SECOND]]),
                   content_type="application/pdf")  # fmt: skip
    untyped_pdf = web.page("/download?id=7", pdf_bytes([[SECOND]]),
                           content_type="application/octet-stream")  # fmt: skip
    image = web.page("/photo.png", b"\x89PNG\r\n\x1a\n" + bytes(100), content_type="image/png")
    outcomes = ingest(store, plain, pdf, untyped_pdf, image)
    assert [o.status for o in outcomes] == ["added", "added", "added", "failed"]
    assert outcomes[3].reason.startswith("unsupported content type image/png (supported: ")
    text = store.docs.find(plain)
    assert text is not None
    assert (text.kind, text.text) == ("text", f"{FIRST}\n\n{SECOND}")
    paged = store.docs.find(pdf)
    assert paged is not None
    assert paged.kind == "pdf"
    assert paged.page_at(paged.text.index(SECOND[:30])) == 2
    assert Path(paged.original).suffix == ".pdf"


def test_unchanged_page_does_nothing_and_a_changed_one_is_a_new_version(
    store: Store, web: WebServer
) -> None:
    url = web.page("/live", PAGE)
    (first,) = ingest(store, url)
    v1 = store.docs.find(url)
    assert v1 is not None
    (again,) = ingest(store, url)
    assert (again.status, again.doc_id) == ("unchanged", first.doc_id)
    # new bytes, same text (a rotated ad): still unchanged
    web.page("/live", PAGE.replace("Home World Sport", "Home World Sport Ads"))
    assert ingest(store, url)[0].status == "unchanged"
    assert len(store.docs.summaries()) == 1

    updated = article("Troops arrive in Kursk", FIRST.replace("11,000", "12,000"), SECOND)
    web.page("/live", updated)
    (changed,) = ingest(store, url)
    assert changed.status == "new version", changed.reason
    assert changed.doc_id == f"{first.doc_id}-v2"
    v2 = store.docs.find(url)
    assert v2 is not None
    assert v2.id == changed.doc_id
    assert "about 12,000" in v2.text
    assert (v2.extra["version"], v2.extra["supersedes"]) == (2, v1.id)
    old = store.docs.get(v1.id)
    assert old is not None
    assert old.text == v1.text  # the old version stays, citable as it was retrieved
    assert old.source == f"{url}#version-1"
    assert old.extra["superseded_by"] == v2.id
    assert old.extra["provenance"] == v1.extra["provenance"]
    assert store.docs.chunks_of(old.id) == store.docs.chunks_of(v1.id)
    assert Path(old.original).read_bytes() == PAGE.encode()
    assert len(store.vectors.ids(old.id)) == len(store.docs.chunks_of(old.id))
    rows = {s.id: s for s in store.docs.summaries()}
    assert rows[v2.id].version == 2
    assert rows[v1.id].superseded_by == v2.id
    assert ingest(store, url)[0].status == "unchanged"  # v2 is what the URL is now


def test_url_lists_and_stems() -> None:
    lines = ["# sources for the Kursk story", "", "  https://a.example/x  ", "#https://b/", "b"]
    assert read_url_list(lines) == ["https://a.example/x", "b"]
    assert url_stem("https://www.example.com/world/2026/troops-kursk.html?x=1") == (
        "example.com-troops-kursk"
    )
    assert url_stem("https://example.com/") == "example.com"


def test_cli_ingests_urls_and_shows_provenance(
    web: WebServer, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    good = web.page("/world/troops-kursk", PAGE)
    listed = tmp_path / "urls.txt"
    listed.write_text(f"# today\n{good}\n{web.url('/gone')}\nftp://example.com/x\n")
    result = factcheck("ingest", "--no-claims", "--urls", str(listed))
    assert result.returncode == 1  # the 404 and the ftp line failed; the page went in
    assert "added 1, unchanged 0, replaced 0, failed 2" in result.stdout
    assert f"failed: {web.url('/gone')}: HTTP 404 Not Found" in result.stderr
    assert "failed: ftp://example.com/x: not an http(s) URL" in result.stderr
    again = factcheck("ingest", "--no-claims", good)
    assert again.returncode == 0, again.stderr
    assert "added 0, unchanged 1" in again.stdout

    (row,) = json.loads(factcheck("sources", "--json").stdout)
    assert row["source"] == good
    assert row["version"] == 1
    assert set(row["provenance"]) == {
        "url", "final_url", "retrieved_at", "http_status", "sha256", "content_type",
    }  # fmt: skip
    assert row["provenance"]["http_status"] == 200

    fake_openai.enqueue_tool_call("Answer", {"answerable": False, "sentences": []})
    asked = factcheck("ask", "--json", "What did the troops eat?", env=fake_env(fake_openai))
    assert asked.returncode == 0, asked.stderr
    closest = json.loads(asked.stdout)["closest"]
    assert closest
    assert closest[0]["provenance"]["url"] == good
    assert closest[0]["provenance"]["sha256"] == row["provenance"]["sha256"]


def test_chat_evidence_pane_shows_provenance(
    web: WebServer, fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    from textual.widgets import OptionList

    from assistant.tui import make_app
    from assistant.tui.panels import EvidencePanel

    from .test_tui import Pilot, ask, drive

    url = web.page("/world/troops-kursk", PAGE)
    store = open_store(fake_settings)
    try:
        (outcome,) = Ingestor(store).ingest_urls([url])
        assert outcome.status == "added", outcome.reason
    finally:
        store.close()
    fake_openai.enqueue_tool_call("Answer", {"answerable": False, "sentences": []})
    app = make_app(fake_settings)

    async def script(pilot: Pilot[None]) -> None:
        card = await ask(pilot, "What did the troops eat?")
        assert card.answer is not None
        (first, *_) = app.query_one(EvidencePanel).citations
        assert first.provenance is not None
        assert first.provenance.final_url == url
        shown = str(app.query_one("#evidence", OptionList).get_option_at_index(0).prompt)
        assert f"{url} · retrieved {first.provenance.retrieved_at} · v1" in shown

    drive(app, script)


def test_chat_ingest_takes_a_url(
    web: WebServer, fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    from assistant.tui import work
    from assistant.tui.engine import Session

    url = web.page("/world/troops-kursk", PAGE)
    session = Session(fake_settings, None, None)
    seen: list[tuple[str, int, int]] = []
    try:
        report = work.ingest(session, url, lambda phase, done, total, _: seen.append(
            (phase, done, total)))  # fmt: skip
        assert (report.added, report.failed) == (1, [])
        assert seen[:2] == [("files", 0, 1), ("files", 1, 1)]
        gone = work.ingest(session, web.url("/gone"), lambda *_: None)
        assert gone.failed == [f"{web.url('/gone')}: HTTP 404 Not Found"]
    finally:
        session.close()


def test_exports_cite_the_page_and_when_it_was_retrieved() -> None:
    from assistant.answers.models import Citation, Provenance
    from assistant.summaries.html import _quotes
    from assistant.summaries.markdown import quotes_md
    from assistant.tui.markdown import citation_md

    final = "https://news.example/troops?a=1&b=2"
    citation = Citation(
        n=1, doc_id="news-example-troops-v2", outlet="Example News", start=10, end=22,
        quote="about 11,000", page=None,
        provenance=Provenance(url="https://t.example/x", final_url=final,
                              retrieved_at="2026-12-03T07:57:30Z", http_status=200,
                              sha256="ab" * 32, version=2),
    )  # fmt: skip
    (line,) = quotes_md([citation])
    assert line.endswith(f"retrieved 2026-12-03T07:57:30Z from <{final}>)")
    assert 'href="https://news.example/troops?a=1&amp;b=2"' in _quotes("s1", [citation])
    assert f"retrieved 2026-12-03T07:57:30Z from <{final}>" in citation_md(citation)
