"""Bad input at scale, property-based: random bytes, odd Unicode (zero-width, right-to-left,
combining marks, NUL), huge lines and deeply nested HTML go through load → clean → chunk
and the candidate sentences claims are extracted from. Either the invariants hold (text
normalised, every chunk and sentence an exact slice of the stored text) or one clear
`IngestError` naming the file comes out; never another exception.

No embedding model or LLM here: the chain stops before the store, whose own offsets are
covered by test_offsets_roundtrip.py.
"""

from __future__ import annotations

import itertools
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import tiktoken
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant.claims.candidates import find_candidates
from assistant.ingest.chunk import chunk_text
from assistant.ingest.clean import clean_text
from assistant.ingest.load import IngestError, LoadedDocument, load_document
from assistant.settings import Settings
from assistant.tokens import get_encoding

from .test_chunk import check_chunks

MAX_BYTES = 2_000_000
MARKER = "The ministry said 11,000 troops arrived in Kursk on Monday."
SUFFIXES = st.sampled_from([".txt", ".md", ".html"])
ODD = st.sampled_from(
    [
        "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",  # zero-width, soft hyphen
        "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2067", "\u2069",  # bidi
        "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627 123",  # Hebrew, Arabic
        "e\u0301", "\u0301", "a\u0308\u0323", "\u1100\u1161",  # combining, conjoining jamo
        "👩\u200d👩\u200d👧", "🇺🇦", "👍🏽", "\U0001d400",
        "\x00", "\x01", "\x1b[31m", "\x7f", "\x85", "\ud7ff", "\ue000",  # controls, private use
        "\r\n", "\r", "\n", "\t", "\x0b", "\x0c", "\u2028", "\u2029", "\u00a0", "\u3000",
        "<", "&amp;", "---", "# ", "> ", "* ", "“", "’", "…", ". ", "Subscribe",
    ]
)  # fmt: skip
ODD_TEXT = st.lists(st.one_of(ODD, st.characters(codec="utf-8")), max_size=60).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252"])
FAST = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def enc() -> tiktoken.Encoding:
    return get_encoding(Settings().cache)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


def load(folder: Path, data: bytes, suffix: str) -> LoadedDocument | IngestError:
    """The loaded file, or the IngestError it gave (any other exception fails the test)."""
    path = folder / f"article{suffix}"
    path.write_bytes(data)
    try:
        return load_document(path, max_bytes=MAX_BYTES)
    except IngestError as exc:
        error = exc
    assert str(error).startswith(f"{path.resolve()}: ")
    assert error.reason.strip()
    assert "\n" not in str(error)  # one line
    return error


def check_loaded(doc: LoadedDocument, enc: tiktoken.Encoding) -> None:
    """What every stored text promises, and exact offsets for chunks and sentences."""
    text = doc.text
    assert text.strip()
    assert text == text.strip("\n")
    assert "\r" not in text
    assert "\x00" not in text
    assert unicodedata.is_normalized("NFC", text)
    assert "\n\n\n" not in text
    check_chunks(text, chunk_text(text, enc, max_tokens=32, overlap_tokens=8), enc, 32)
    for candidate in find_candidates("doc", text):
        assert text[candidate.sentence.start : candidate.sentence.end] == candidate.text
        for number in candidate.numbers:
            assert candidate.text[number.start : number.end] == number.surface


@settings(FAST, max_examples=150)
@given(data=st.binary(max_size=3000), suffix=SUFFIXES)
@example(data=b"\x00" * 10, suffix=".txt")
@example(data=b"\xff\xfe" + b"\x00\xd8" * 3, suffix=".txt")  # UTF-16 BOM, lone surrogates
@example(data=b"%PDF-1.7\n", suffix=".md")
@example(data=b"<html><body></body></html>", suffix=".txt")
@example(data=b"\xef\xbb\xbf", suffix=".html")  # a BOM and nothing else
def test_any_bytes_load_or_fail_clearly(
    data: bytes, suffix: str, folder: Path, enc: tiktoken.Encoding
) -> None:
    loaded = load(folder, data, suffix)
    if isinstance(loaded, LoadedDocument):
        assert loaded.raw == data
        check_loaded(loaded, enc)


@settings(FAST, max_examples=150)
@given(before=ODD_TEXT, after=ODD_TEXT, encoding=ENCODINGS, suffix=SUFFIXES)
def test_odd_unicode_around_an_article_keeps_its_sentence(
    before: str, after: str, encoding: str, suffix: str, folder: Path, enc: tiktoken.Encoding
) -> None:
    text = f"{before}\n\n{MARKER}\n\n{after}"
    if suffix == ".html":
        text = f"<html><body><article><p>{before}</p><p>{MARKER}</p><p>{after}</p></article>"
    data = text.encode(encoding, errors="ignore")
    loaded = load(folder, data, suffix)
    if isinstance(loaded, IngestError):
        # refused only for what the surrounding junk is: binary-looking, or undecodable
        assert any(w in loaded.reason for w in ("binary", "undecodable")), loaded.reason
        return
    check_loaded(loaded, enc)
    assert MARKER in loaded.text


LONG_UNITS = st.sampled_from(
    ["x", "word ", "ab1/+=", "🙂é", "\u0301a", "\u05e9 ", "https://t.co/a?q=", "11,000 "]
)


@settings(FAST, max_examples=12)
@given(unit=LONG_UNITS, size=st.integers(10_000, 300_000), lines=st.integers(1, 3))
@example(unit="🙂é", size=222_216, lines=3)  # 2,000,006 bytes: just over the limit
def test_huge_lines_load_and_chunk_quickly(
    unit: str, size: int, lines: int, folder: Path, enc: tiktoken.Encoding
) -> None:
    line = (unit * (size // len(unit) + 1))[:size]
    text = "\n".join([MARKER, *[line] * lines])
    data = text.encode()
    ingest = Settings().ingest
    began = time.perf_counter()
    loaded = load(folder, data, ".txt")
    if len(data) > MAX_BYTES:
        # over the size limit (multi-byte characters): refused, and the limit is named
        assert isinstance(loaded, IngestError)
        assert "max_file_bytes" in loaded.reason
        return
    assert isinstance(loaded, LoadedDocument)
    chunks = chunk_text(
        loaded.text, enc, max_tokens=ingest.chunk_tokens, overlap_tokens=ingest.chunk_overlap
    )
    assert time.perf_counter() - began < 20  # under 2 s on 2 busy cores
    assert loaded.text.startswith(MARKER)
    check_chunks(loaded.text, chunks, enc, ingest.chunk_tokens)


HTML_TAGS = st.sampled_from(["div", "span", "b", "section", "table", "ul", "font", "blockquote"])


@settings(FAST, max_examples=25)
@given(tag=HTML_TAGS, depth=st.integers(1, 5000), closed=st.booleans())
@example(tag="div", depth=100_000, closed=True)
def test_deeply_nested_html_loads_or_fails_clearly(
    tag: str, depth: int, closed: bool, folder: Path, enc: tiktoken.Encoding
) -> None:
    closing = f"</{tag}>" * depth if closed else ""
    html = f"<html><body>{f'<{tag}>' * depth}<p>{MARKER}</p>{closing}</body></html>"
    loaded = load(folder, html.encode(), ".html")
    if isinstance(loaded, IngestError):
        # libxml2 stops at 256 levels: what lies deeper is not read, and that is said
        assert depth > 200
        assert "no text left" in loaded.reason
        return
    check_loaded(loaded, enc)
    assert MARKER in loaded.text


def test_moderately_nested_html_keeps_its_text(folder: Path, enc: tiktoken.Encoding) -> None:
    for tag in ("div", "span", "table", "blockquote"):
        html = f"<html><body>{f'<{tag}>' * 100}<p>{MARKER}</p>{f'</{tag}>' * 100}</body></html>"
        loaded = load(folder, html.encode(), ".html")
        assert isinstance(loaded, LoadedDocument), (tag, loaded)
        assert MARKER in loaded.text


LINES = st.lists(
    st.one_of(
        ODD_TEXT,
        st.sampled_from(["", " ", "Subscribe", "Related:", "Photo: Reuters", MARKER, "\t"]),
    ),
    max_size=30,
)


@settings(FAST, max_examples=200)
@given(lines=LINES)
def test_clean_only_drops_and_trims_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    result = clean_text(text)
    kept = result.text.split("\n") if result.text else []
    source = [line.rstrip() for line in text.split("\n")]
    # the kept lines are the input's lines, trimmed at the end, in order
    position = 0
    for line in (k for k in kept if k):
        position = source.index(line, position) + 1
    assert "" not in (kept[:1] + kept[-1:])
    assert all(a or b for a, b in itertools.pairwise(kept))  # no two blanks
    nonblank_in = sum(1 for line in source if line.strip())
    nonblank_out = sum(1 for line in kept if line.strip())
    assert nonblank_in - nonblank_out == result.removed_lines
