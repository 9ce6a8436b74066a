"""PDF and Word files: text with exact offsets, PDF pages kept, and a clear error for what
cannot be read (a scan, a password, a damaged file), losing nothing already stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.answers.cite import CitationBook
from assistant.ingest.load import BINARY_ENCODING, IngestError, load_document
from assistant.ingest.pdf import drop_running_lines, join_pages, unwrap
from assistant.ingest.pipeline import Ingestor
from assistant.settings import Settings
from assistant.store import open_store
from assistant.store.docs import page_at

from .documents import docx_bytes, encrypted_pdf, pdf_bytes
from .test_cli import factcheck

LIMIT = 5_000_000
HEADER = "Ministry of Defence - Press release"

PAGES = [
    [
        HEADER,
        "Troops cross the border",
        "The ministry said on Monday that 11,000 soldiers had crossed the",
        "border overnight, a figure that officials in Seoul did not dispute.",
        "Aid groups asked for access.",
        "Page 1 of 3",
    ],
    [
        HEADER,
        "Residents described a convoy of about 300 vehicles moving through the",
        "town before dawn, according to the regional governor (who spoke to us).",
        "Page 2 of 3",
    ],
    [
        HEADER,
        "A spokesperson for the army declined to comment on the well-",
        "known route, saying only that 40 checkpoints had been set up.",
        "Page 3 of 3",
    ],
]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def failure(path: Path) -> IngestError:
    with pytest.raises(IngestError) as caught:
        load_document(path, max_bytes=LIMIT)
    return caught.value


# --- PDF -----------------------------------------------------------------------------------


def test_pdf_text_has_pages_paragraphs_and_no_running_chrome(tmp_path: Path) -> None:
    path = write(tmp_path / "release.pdf", pdf_bytes(PAGES, title="Border report"))
    loaded = load_document(path, max_bytes=LIMIT)
    assert loaded.kind == "pdf"
    assert loaded.encoding == BINARY_ENCODING
    assert loaded.meta.title == "Border report"  # from the file's properties
    text = loaded.text
    assert HEADER not in text
    assert "Page 1 of 3" not in text
    assert "of 3" not in text
    # a sentence wrapped over two printed lines is on one line of the stored text (a line
    # break ends a sentence); a full line's next line continues its paragraph
    assert text.split("\n")[1] == (
        "The ministry said on Monday that 11,000 soldiers had crossed the border overnight, "
        "a figure that officials in Seoul did not dispute. Aid groups asked for access."
    )
    assert "the well-known route" in text  # hyphen at a line end: kept, lines joined
    starts = loaded.page_starts
    assert len(starts) == 3
    assert text[starts[0] :].startswith("Troops cross the border\n")
    assert text[starts[1] :].startswith("Residents described a convoy")
    assert text[starts[2] :].startswith("A spokesperson for the army")
    for needle, page in (("11,000 soldiers", 1), ("300 vehicles", 2), ("40 checkpoints", 3)):
        offset = text.index(needle)
        assert page_at(starts, offset) == page
        assert page_at(starts, offset + len(needle) - 1) == page
    assert page_at(starts, 0) == 1
    assert page_at(starts, len(text) - 1) == 3


def test_page_numbers_of_empty_pages_and_unpaged_text() -> None:
    text, starts = join_pages(["one", "", "three"])
    assert text == "one\n\nthree"
    assert starts == (0, 5, 5)
    assert page_at(starts, text.index("three")) == 3
    assert page_at(starts, 2) == 1
    assert page_at((), 10) is None


def test_unwrap_keeps_headings_lists_and_short_lines() -> None:
    lines = [
        "Key figures",
        "• 11,000 soldiers are said to have crossed according to the ministry",
        "wrapped onto a second line of the same item, as lists in reports do",
        "• 300 vehicles were seen",
        "A long paragraph line that runs nearly the whole width of the page and",
        "then ends here.",
    ]
    assert unwrap(lines) == [
        "Key figures",
        lines[1] + " " + lines[2],
        lines[3],
        lines[4] + " " + lines[5],
    ]
    table = ["Region", "Troops", "Kursk", "11,000"]
    assert unwrap(table) == table  # nothing is wide enough to have been wrapped


def test_running_lines_need_most_pages() -> None:
    bodies = ["Troops left.", "Aid came.", "Roads closed.", "Schools shut."]
    pages = [["Daily brief, issue 7", body, str(n)] for n, body in enumerate(bodies, start=1)]
    kept, removed = drop_running_lines(pages)
    assert removed == 8  # the header (issue numbers aside) and the page numbers
    assert kept == [[body] for body in bodies]
    two = [["Daily brief", "Body one."], ["Daily brief", "Body two."]]
    assert drop_running_lines(two) == (two, 0)  # two pages prove nothing


def test_scanned_pdf_is_refused_clearly(tmp_path: Path) -> None:
    path = write(tmp_path / "scan.pdf", pdf_bytes(PAGES, text_layer=False))
    assert failure(path).reason == "no text layer: scanned PDF? run OCR first (e.g. ocrmypdf)"


def test_encrypted_pdfs(tmp_path: Path) -> None:
    plain = pdf_bytes(PAGES)
    locked = write(tmp_path / "locked.pdf", encrypted_pdf(plain, "secret"))
    assert failure(locked).reason.startswith("encrypted PDF: it needs a password")
    # encrypted with an empty user password (permissions only): opens like any other
    opened = load_document(write(tmp_path / "open.pdf", encrypted_pdf(plain, "")), max_bytes=LIMIT)
    assert "11,000 soldiers" in opened.text
    assert len(opened.page_starts) == 3


def test_damaged_and_mislabelled_pdfs(tmp_path: Path) -> None:
    raw = pdf_bytes(PAGES)
    truncated = write(tmp_path / "cut.pdf", raw[: len(raw) // 3])
    assert failure(truncated).reason.startswith(("unreadable PDF", "no text layer"))
    garbage = write(tmp_path / "junk.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4)
    assert failure(garbage).reason.startswith("unreadable PDF")
    text = write(tmp_path / "notes.pdf", b"Officials said 4,000 troops arrived.\n")
    assert failure(text).reason == "not a PDF (no %PDF header)"


def test_pdf_pages_are_stored_and_cited(settings: Settings, tmp_path: Path) -> None:
    good = tmp_path / "release.pdf"
    write(good, pdf_bytes(PAGES))
    store = open_store(settings)
    try:
        (outcome,) = Ingestor(store).ingest([good])
        assert outcome.status == "added", outcome.reason
        doc = store.docs.get(outcome.doc_id or "")
        assert doc is not None
        assert doc.kind == "pdf"
        assert len(doc.page_starts) == 3
        start = doc.text.index("40 checkpoints")
        book = CitationBook()
        n = book.cite(doc, start, start + len("40 checkpoints"))
        citation = book.get(n)
        assert citation.page == 3
        assert citation.quote == "40 checkpoints"
        (summary,) = store.docs.summaries()
        assert (summary.kind, summary.pages) == ("pdf", 3)

        # the same file replaced by a scan: refused, and the stored version stays
        write(good, pdf_bytes(PAGES, text_layer=False))
        (again,) = Ingestor(store).ingest([good])
        assert again.status == "failed"
        assert "no text layer" in again.reason
        kept = store.docs.get(doc.id)
        assert kept is not None
        assert kept.text == doc.text
        assert Path(kept.original).read_bytes() == pdf_bytes(PAGES)
    finally:
        store.close()


def test_search_json_gives_the_page(tmp_path: Path) -> None:
    path = write(tmp_path / "release.pdf", pdf_bytes(PAGES))
    done = factcheck("ingest", "--no-claims", str(path))
    assert done.returncode == 0, done.stderr
    assert "added 1" in done.stdout
    listed = json.loads(factcheck("sources", "--json").stdout)
    assert (listed[0]["kind"], listed[0]["pages"]) == ("pdf", 3)
    found = json.loads(factcheck("search", "checkpoints", "--mode", "lexical", "--json").stdout)
    assert found
    assert found[0]["page"] in (1, 2, 3)
    assert "page" in found[0]


# --- Word ----------------------------------------------------------------------------------


def test_docx_paragraphs_in_order_with_headings(tmp_path: Path) -> None:
    blocks = [
        ("h1", "Troops cross the border"),
        ("p", "The ministry said on Monday that 11,000 soldiers had crossed."),
        ("h2", "Reaction"),
        ("p", "Officials in Seoul did not dispute the figure."),
        ("p", ""),
        ("p", "Aid groups asked for access.\tThey are waiting."),
    ]
    raw = docx_bytes(
        blocks, title="Draft: border", table=[["Region", "Troops"], ["Kursk", "11,000"]]
    )
    loaded = load_document(write(tmp_path / "draft.docx", raw), max_bytes=LIMIT)
    assert loaded.kind == "docx"
    assert loaded.meta.title == "Draft: border"
    assert loaded.page_starts == ()
    assert loaded.text == (
        "Troops cross the border\n\n"
        "The ministry said on Monday that 11,000 soldiers had crossed.\n"
        "Reaction\n\n"
        "Officials in Seoul did not dispute the figure.\n"
        "Aid groups asked for access. They are waiting.\n"
        "Region | Troops\n"
        "Kursk | 11,000"
    )


def test_bad_word_files(tmp_path: Path) -> None:
    old = write(tmp_path / "old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200)
    assert failure(old).reason == "not a Word .docx file (an old .doc? save it as .docx)"
    zipped = write(tmp_path / "broken.docx", docx_bytes([("p", "Hello there.")])[:300])
    assert failure(zipped).reason.startswith("unreadable Word file")
    empty = write(tmp_path / "empty.docx", docx_bytes([("p", "")]))
    assert failure(empty).reason == "no text in this Word file"
