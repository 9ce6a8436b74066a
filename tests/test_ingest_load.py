"""Loading article files: types, encodings, bad input, metadata sources and path expansion."""

from __future__ import annotations

import json
import logging
import unicodedata
from pathlib import Path

import pytest

from assistant.errors import FactcheckError
from assistant.ingest.load import (
    SUPPORTED_SUFFIXES,
    IngestError,
    LoadedDocument,
    iter_paths,
    load_document,
)
from assistant.ingest.meta import DocMeta, normalise_date, parse_front_matter

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
LIMIT = 1_000_000
BODY = "Officials said on Monday that 4,000 troops had arrived near the border.\n"


def load(path: Path, max_bytes: int = LIMIT) -> LoadedDocument:
    return load_document(path, max_bytes=max_bytes)


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def failure(path: Path, max_bytes: int = LIMIT) -> IngestError:
    with pytest.raises(IngestError) as caught:
        load(path, max_bytes)
    return caught.value


# --- the sample articles -----------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_seed_loads(path: Path) -> None:
    doc = load(path)
    assert doc.path == path.resolve()
    assert doc.kind == "text"
    assert doc.encoding == "utf-8"
    assert doc.raw == path.read_bytes()
    assert doc.text
    assert doc.text == doc.text.strip()
    assert "\r" not in doc.text
    assert doc.meta.title
    assert doc.meta.title == doc.meta.title.strip()
    assert len(doc.meta.title) <= 200
    for chrome in ("Copyright", "Privacy", "Patron", "Related", "ALSO READ", "Expanded Coverage"):
        assert chrome not in doc.text
    # every seed has a sidecar, and sidecars only state what the text shows
    sidecar = path.with_name(path.name + ".meta.json")
    stated = json.loads(sidecar.read_text(encoding="utf-8"))
    DocMeta.model_validate(stated)
    if "title" in stated:
        assert stated["title"] in path.read_text(encoding="utf-8")
        assert doc.text.startswith(stated["title"])


def test_seed_001_metadata_and_cleaning() -> None:
    (path,) = SEEDS.glob("001_*.txt")
    doc = load(path)
    headline = (
        "Ukraine’s spy chief: 11,000 North Korean soldiers will be ready to fight "
        "against Ukraine starting from November"
    )
    assert doc.meta == DocMeta(title=headline, outlet="Euromaidan Press")
    assert doc.text.count(headline) == 1
    assert "about 11,000 North Korean infantrymen are currently undergoing training" in doc.text
    assert doc.removed_lines == 15


def test_seed_003_and_004_metadata() -> None:
    (kirby,) = SEEDS.glob("003_*.txt")
    doc = load(kirby)
    assert "at least 3,000 North Korean soldiers had arrived in eastern Russia" in doc.text
    assert doc.meta.title == (
        "Ukraine: North Korean soldiers have entered the Russia-Ukraine border conflict zone"
    )
    assert doc.meta.outlet is None
    assert doc.meta.date is None
    (dated,) = SEEDS.glob("004_*.txt")
    assert load(dated).meta.date == "2024-10-25"


def test_title_is_derived_from_the_first_line_when_nothing_is_declared(tmp_path: Path) -> None:
    (path,) = SEEDS.glob("000_*.txt")
    copy = write(tmp_path / "article.txt", path.read_bytes())
    doc = load(copy)
    assert doc.meta.outlet is None
    assert doc.meta.date is None
    assert doc.meta.title is not None
    assert doc.meta.title.endswith("…")
    assert len(doc.meta.title) <= 200
    assert doc.text.startswith(doc.meta.title[:-1])
    short = write(tmp_path / "short.md", "\n# Troops arrive in Kursk\n\n" + BODY)
    assert load(short).meta.title == "Troops arrive in Kursk"


def test_a_site_bar_with_a_pictograph_is_no_headline(tmp_path: Path) -> None:
    bar = "Start your morning here \u2600\ufe0f Top stories Weather Sport\n\n"
    doc = load(write(tmp_path / "page.txt", bar + "Storm cuts power to 40,000 homes\n\n" + BODY))
    assert doc.meta.title == "Storm cuts power to 40,000 homes"
    # a pictograph in the only line left is still the title
    assert load(write(tmp_path / "one.txt", "Fire \U0001f525 update\n")).meta.title == (
        "Fire \U0001f525 update"
    )


@pytest.mark.parametrize(
    "chrome",
    [
        "Watch Harbour News",  # a video link
        "Skip to main content",
        "Se encuentra usted aqu\u00ed",  # "you are here", in another language
        "Saturday, October 20, 2031",
        "A crane over the harbour. A crane over the harbour.",  # a caption, twice
        "Your web browser is no longer supported. To improve your experience update it here",
    ],
)
def test_chrome_over_the_headline_is_no_title(tmp_path: Path, chrome: str) -> None:
    page = f"{chrome}\n\nStorm cuts power to 40,000 homes in Veland\n\n{BODY}"
    doc = load(write(tmp_path / "page.txt", page))
    assert doc.meta.title == "Storm cuts power to 40,000 homes in Veland"


def test_a_page_without_a_headline_is_titled_by_its_first_sentence(tmp_path: Path) -> None:
    """The body begins with a long paragraph: nothing under it is taken for a headline."""
    first = "Officials said on Monday that 40,000 homes in the port city had lost power overnight."
    page = f"{first} Crews worked through the night.\n\nMore storms are expected\n\n{BODY}"
    assert load(write(tmp_path / "page.txt", page)).meta.title == first


# --- bad input ------------------------------------------------------------------------------


def test_error_shape(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.txt", b"")
    error = failure(path)
    assert isinstance(error, FactcheckError)
    assert error.path == path
    assert error.reason == "empty file"
    assert str(error) == f"{path}: empty file"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("blank.txt", " \n\t\r\n  \n", "no text left after cleaning"),
        ("chrome.txt", "Copyright © 2024 Example News\n\nPrivacy Policy\n", "no text left"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "looks binary"),
        ("nul.txt", b"Troops arrived.\x00\x00 More text follows here.", "looks binary"),
        ("controls.txt", "Troops\x01\x02\x03\x04\x05 arrived\x06\x07\x08 today", "looks binary"),
        ("bad-utf16.txt", b"\xff\xfeT\x00r\x00\x00\xd8", "undecodable"),
    ],
)
def test_bad_content_is_refused(tmp_path: Path, name: str, data: str | bytes, reason: str) -> None:
    error = failure(write(tmp_path / name, data))
    assert error.reason.startswith(reason)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", BODY * 40_000)  # 2.9 MB
    error = failure(path, max_bytes=2_000_000)
    assert error.reason == "2.88 MB exceeds the limit of 2 MB (ingest.max_file_bytes)"
    small = write(tmp_path / "small.txt", BODY)
    assert "exceeds the limit of 10 bytes" in failure(small, max_bytes=10).reason
    assert load(small, max_bytes=len(BODY)).text == BODY.strip()  # the limit itself is fine


def test_unsupported_missing_and_folder_paths(tmp_path: Path) -> None:
    error = failure(write(tmp_path / "report.odt", BODY))
    assert (
        error.reason == "unsupported type .odt (supported: " + ", ".join(SUPPORTED_SUFFIXES) + ")"
    )
    assert ".txt" in error.reason
    assert ".html" in error.reason
    assert failure(write(tmp_path / "README", BODY)).reason.startswith("unsupported type (no")
    assert failure(tmp_path / "missing.txt").reason == "no such file"
    (tmp_path / "folder.txt").mkdir()
    assert failure(tmp_path / "folder.txt").reason == "not a file"


# --- encodings and normalisation -------------------------------------------------------------

QUOTED = "The minister said “we will not retreat” – and the café’s owner agreed.\n"


def test_cp1252_with_curly_quotes(tmp_path: Path) -> None:
    doc = load(write(tmp_path / "a.txt", QUOTED.encode("cp1252")))
    assert doc.encoding == "cp1252"
    assert doc.text == QUOTED.strip()


def test_cyrillic_single_byte_text_is_not_read_as_western(tmp_path: Path) -> None:
    text = "Москва заявила, что «переговоры» продолжатся в пятницу. Министр сказал это.\n"
    doc = load(write(tmp_path / "ru.txt", text.encode("cp1251")))
    assert doc.encoding == "cp1251"
    assert doc.text == text.strip()


def test_latin1_text_is_read(tmp_path: Path) -> None:
    text = "Der Bürgermeister von Zürich sagte, die Straße bleibe gesperrt.\n"
    doc = load(write(tmp_path / "b.txt", text.encode("latin-1")))
    assert doc.text == text.strip()


@pytest.mark.parametrize(
    ("codec", "name"), [("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig"), ("utf-32", "utf-32")]
)
def test_byte_order_marks(tmp_path: Path, codec: str, name: str) -> None:
    doc = load(write(tmp_path / "c.txt", QUOTED.encode(codec)))
    assert doc.encoding == name
    assert doc.text == QUOTED.strip()  # no BOM left at the start


def test_newlines_and_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Café in Zürich.\r\nSecond line.\rThird line.")
    doc = load(write(tmp_path / "d.txt", decomposed.encode("utf-8")))
    assert doc.text == "Café in Zürich.\nSecond line.\nThird line."
    assert unicodedata.is_normalized("NFC", doc.text)


# --- metadata: front matter, sidecars ----------------------------------------------------------

FRONT = """---
title: "Troops reach the front"
outlet: Example News
date: October 25, 2024
author: Jane Doe
tags:
  - war
  - korea
unknown_key: ignored
---
"""


def test_front_matter_is_parsed_and_removed(tmp_path: Path) -> None:
    doc = load(write(tmp_path / "a.md", FRONT + "\n" + BODY))
    assert doc.kind == "markdown"
    assert doc.text == BODY.strip()
    assert doc.meta == DocMeta(
        title="Troops reach the front", outlet="Example News", date="2024-10-25", author="Jane Doe"
    )


def test_a_horizontal_rule_is_not_front_matter() -> None:
    text = "---\nThis is prose, not a key.\n---\n" + BODY
    assert parse_front_matter(text) == ({}, text)
    assert parse_front_matter("---\ntitle: never closed\n" + BODY) == (
        {},
        "---\ntitle: never closed\n" + BODY,
    )


def test_unreadable_front_matter_date_is_dropped_not_fatal(tmp_path: Path) -> None:
    doc = load(write(tmp_path / "a.txt", "---\ntitle: T\ndate: last week\n---\n" + BODY))
    assert doc.meta == DocMeta(title="T")


def test_sidecar_beats_front_matter_field_by_field(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", FRONT + BODY)
    write(tmp_path / "a.md.meta.json", json.dumps({"title": "From the sidecar", "url": "u"}))
    meta = load(path).meta
    assert meta.title == "From the sidecar"
    assert meta.url == "u"
    assert meta.outlet == "Example News"  # not in the sidecar: front matter fills it


def test_full_name_sidecar_wins_over_stem_sidecar(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path / "a.txt", BODY)
    write(tmp_path / "a.meta.json", json.dumps({"outlet": "Stem", "date": "2024-10-25T16:57Z"}))
    assert load(path).meta == DocMeta(title=BODY.strip(), outlet="Stem", date="2024-10-25")
    write(tmp_path / "a.txt.meta.json", json.dumps({"outlet": "Full name"}))
    with caplog.at_level(logging.WARNING, logger="assistant.ingest.meta"):
        meta = load(path).meta
    assert meta.outlet == "Full name"
    assert meta.date is None  # the stem sidecar is ignored entirely
    assert "ignoring a.meta.json" in caplog.text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "invalid sidecar: not JSON"),
        ("[1, 2]", "invalid sidecar: expected a JSON object"),
        ('{"headline": "x"}', "invalid sidecar: headline: Extra inputs are not permitted"),
        ('{"date": "sometime in autumn"}', "invalid sidecar: date: Value error, unrecognised"),
        ('{"title": 5}', "invalid sidecar: title: Input should be a valid string"),
    ],
)
def test_invalid_sidecar_is_a_clear_error(tmp_path: Path, content: str, reason: str) -> None:
    path = write(tmp_path / "a.txt", BODY)
    sidecar = write(tmp_path / "a.txt.meta.json", content)
    error = failure(path)
    assert error.path == sidecar
    assert error.reason.startswith(reason)
    assert str(error).startswith(f"{sidecar}: ")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-25", "2024-10-25"),
        ("2024-10-25T16:57:00-04:00", "2024-10-25"),
        ("2024-10-25 16:57", "2024-10-25"),
        ("2024/10/25", "2024-10-25"),
        ("20241025", "2024-10-25"),
        ("October 25, 2024", "2024-10-25"),
        ("Oct. 5, 2024", "2024-10-05"),
        ("Fri, 25 Oct 2024 16:57:00 GMT", "2024-10-25"),
        ("4:57 PM EDT, October 25, 2024", "2024-10-25"),
        ("25th of October 2024", "2024-10-25"),
        ("10/11/2024", None),  # ambiguous day/month order
        ("2024-02-30", None),
        ("last week", None),
    ],
)
def test_normalise_date(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


# --- HTML ------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Troops arrive in Kursk | Example News</title>
<meta property="og:title" content="Troops arrive in Kursk">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-10-25T16:57:00-04:00">
<meta name="author" content="By Jane Doe">
<link rel="canonical" href="https://news.example.com/world/troops-kursk">
<script>window.tracker = "SCRIPT_MARKER"; console.log("x");</script>
<style>.x { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">NAV_MARKER Politics</a></li></ul></nav>
<article>
<h1>Troops arrive in Kursk</h1>
<p>Ukraine's military intelligence said on Thursday that about 11,000 North Korean soldiers
were training in eastern Russia, and that some had reached the Kursk region.</p>
<p>John Kirby told reporters that at least 3,000 soldiers had arrived in October, a figure
lower than the Ukrainian estimate published a day earlier.</p>
<p>Officials in Seoul said they were monitoring the deployment closely and would consider
their response in the coming weeks.</p>
</article>
<footer><p>FOOTER_MARKER Copyright 2024 Example News. All rights reserved.</p>
<a href="/privacy">Privacy Policy</a></footer>
</body></html>
"""


def test_html_page_becomes_article_text_and_metadata(tmp_path: Path) -> None:
    doc = load(write(tmp_path / "page.html", PAGE))
    assert doc.kind == "html"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Troops arrive in Kursk"
    assert paragraphs.count("Troops arrive in Kursk") == 1
    assert any(p.startswith("John Kirby told reporters that at least 3,000") for p in paragraphs)
    assert "about 11,000 North Korean soldiers were training" in doc.text  # newline unwrapped
    for marker in ("SCRIPT_MARKER", "NAV_MARKER", "FOOTER_MARKER", "color: red", "Privacy"):
        assert marker not in doc.text
    assert doc.meta == DocMeta(
        title="Troops arrive in Kursk",
        outlet="Example News",
        date="2024-10-25",
        url="https://news.example.com/world/troops-kursk",
        author="Jane Doe",
    )
    assert doc.raw == PAGE.encode()


def test_txt_file_holding_an_html_page_is_read_as_html(tmp_path: Path) -> None:
    doc = load(write(tmp_path / "saved.txt", "\n  " + PAGE))
    assert doc.kind == "html"
    assert "SCRIPT_MARKER" not in doc.text
    assert doc.meta.outlet == "Example News"


def test_html_declared_charset_and_title_fallback(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<title>Café owners protest | Le Monde Example</title>"
        '<meta property="og:site_name" content="Le Monde Example"></head><body>'
        "<p>The café’s owners said “enough” on Monday, as 300 people marched through Lyon to "
        "protest against the new rules for terraces announced by the city council last week.</p>"
        "</body></html>"
    ).encode("cp1252")
    doc = load(write(tmp_path / "page.htm", page))
    assert doc.encoding == "cp1252"
    assert doc.meta.title == "Café owners protest"  # the " | Outlet" suffix is dropped
    assert "The café’s owners said “enough” on Monday" in doc.text
    assert doc.text.startswith("Café owners protest\n\n")


def test_html_headline_is_not_doubled_when_og_title_differs(tmp_path: Path) -> None:
    page = PAGE.replace(
        'content="Troops arrive in Kursk"', 'content="Troops arrive in Kursk, Ukraine says"'
    )
    doc = load(write(tmp_path / "page.html", page))
    assert doc.meta.title == "Troops arrive in Kursk, Ukraine says"
    assert doc.text.startswith("Troops arrive in Kursk\n\nUkraine's military intelligence")


def test_html_without_article_text_is_refused(tmp_path: Path) -> None:
    page = "<html><head><script>var a = 1;</script></head><body><nav></nav></body></html>"
    assert failure(write(tmp_path / "empty.html", page)).reason == "no text left after cleaning"


def test_sidecar_beats_html_meta(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", PAGE)
    write(tmp_path / "page.meta.json", json.dumps({"outlet": "Syndicated Wire"}))
    meta = load(path).meta
    assert meta.outlet == "Syndicated Wire"
    assert meta.title == "Troops arrive in Kursk"


# --- iter_paths ----------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    for name in (
        "a.txt",
        "b.md",
        "c.HTML",
        "sub/d.txt",
        "sub/deeper/e.markdown",
        ".hidden.txt",
        ".git/f.txt",
        "notes.odt",
        "a.txt.meta.json",
        "b.meta.json",
    ):
        write(root / name, BODY)
    return root


def test_iter_paths_over_a_folder(tree: Path) -> None:
    found = iter_paths([str(tree)])
    assert [p.relative_to(tree).as_posix() for p in found] == [
        "a.txt",
        "b.md",
        "c.HTML",
        "sub/d.txt",
        "sub/deeper/e.markdown",
    ]
    assert all(p.is_absolute() for p in found)


def test_iter_paths_globs_files_and_dedupes(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree.parent)
    assert iter_paths(["articles/*.txt"]) == [tree / "a.txt"]
    assert [p.name for p in iter_paths([str(tree / "**" / "*.txt")])] == ["a.txt", "d.txt"]
    assert [p.name for p in iter_paths(["articles/s*"])] == ["d.txt", "e.markdown"]
    both = iter_paths(["articles/a.txt", str(tree / "a.txt"), "articles/*.md", "articles/b.md"])
    assert both == [tree / "a.txt", tree / "b.md"]
    # a file named explicitly is passed on as given; load_document says why it is refused
    assert iter_paths(["articles/notes.odt"]) == [tree / "notes.odt"]


def test_iter_paths_errors(tree: Path) -> None:
    with pytest.raises(IngestError, match="no such file or directory"):
        iter_paths([str(tree / "missing.txt")])
    with pytest.raises(IngestError, match="no supported files match"):
        iter_paths([str(tree / "*.docx")])
    (tree / "empty").mkdir()
    assert iter_paths([str(tree / "empty")]) == []


def test_a_page_without_metadata_is_dated_by_its_date_line(tmp_path: Path) -> None:
    page = "Skip to main content\nStorm cuts power to 40,000 homes in Veland\n"
    dated = load(
        write(tmp_path / "page.txt", f"{page}PUBLISHED ON FEB 02, 2031 12:02 AM IST\n\n{BODY}")
    )
    assert dated.meta.date == "2031-02-02"
    assert "PUBLISHED ON" in dated.text  # the line stays: removing it moves chunks
    # the metadata's date wins; a date in a sentence dates nothing
    declared = f"---\ndate: 2031-02-03\n---\n{page}Saturday, February 1, 2031\n\n{BODY}"
    assert load(write(tmp_path / "front.md", declared)).meta.date == "2031-02-03"
    undated = f"{page}\nThe storm hit on February 1, 2031.\n\n{BODY}"
    assert load(write(tmp_path / "plain.txt", undated)).meta.date is None
