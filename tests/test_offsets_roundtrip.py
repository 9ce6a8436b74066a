"""Offsets survive the whole way: clean → chunk → SQLite store → read back → FTS search.

Every quote is checked against ``document.text[start:end]``, so the stored text must be
exactly the cleaned text and every stored chunk an exact slice of it, whatever odd
characters a scraped page carries (combining marks, zero-width and bidi characters, RTL
scripts, emoji sequences, CRLF, NUL, huge lines, long runs of blank lines).
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path

import tiktoken
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.ingest.chunk import chunk_text
from assistant.ingest.clean import clean_text
from assistant.settings import Settings
from assistant.store.docs import Chunk, DocStore, Document
from assistant.tokens import get_encoding

_WORD = st.sampled_from(
    [
        "troops", "soldiers", "Kyiv", "Pyongyang", "officials", "said", "Budanov", "the",
        "North", "Korean", "infantrymen", "training", "Kursk", "Oblast", "Mr.", "U.S.",
        "11,000", "2,600", "1.5%", "“We", "stay,”", "(Reuters)", "—", "war.", "Ukraine’s",
        "ministry", "denied", "reports", "on", "Friday.", "about", "élite", "naïve",
    ]
)  # fmt: skip
_NEWS = st.lists(_WORD, min_size=1, max_size=25).map(" ".join)
_BOILERPLATE = st.sampled_from(
    [
        "Copyright © 2024 Example News. All rights reserved.",
        "Privacy and Cookie Policies",
        "Subscribe",
        "Become a Patron!",
        "Related:",
        "Read more: Ukraine’s spy chief on North Korean troops",
        "Photo: Reuters",
        "To suggest a correction, highlight the text and press Ctrl + Enter",
        "— Jane Doe (@janedoe) October 29, 2024",
    ]
)
_ODD = st.sampled_from(
    [
        "\u0301", "e\u0301", "\u0308", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
        "\u200e", "\u200f", "\u202e", "\u2066", "\u2069",
        "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "\u0645\u0631\u062d\u0628\u0627",
        "\u0627\u0644\u0639\u0627\u0644\u0645 123", "🙂", "👩\u200d👩\u200d👧", "🇺🇦", "👍🏽",
        "\r\n", "\r", "\n", "\x00", "\t", "\x0b", "\x0c", "\x1c", "\x85", "\u00a0", "\u2028",
        "\u2029", "\u3000", "”", "’", "»", ". ", "? ", "...", "…",
    ]
)  # fmt: skip
_UNICODE = st.lists(st.one_of(st.characters(), _ODD, _WORD), max_size=40).map("".join)
_LONG_LINE = st.tuples(
    st.sampled_from(["x", "word ", "ab1/+=", "🙂é", "\u0301a", "\u05e9 ", "https://t.co/a?q="]),
    st.integers(min_value=200, max_value=3000),
).map(lambda t: t[0] * t[1])
_BLANKS = st.sampled_from(["\n" * 40, "\r\n" * 25, "\n \n\t\n" * 10, "\n\u3000\n" * 5])
_SEPARATOR = st.sampled_from([" ", "\n", "\r\n", "\n\n", "\r\n\r\n", "\n\n\n\n", ""])
_PART = st.one_of(_NEWS, _NEWS, _BOILERPLATE, _UNICODE, _LONG_LINE, _BLANKS)
DOCUMENTS = st.lists(st.tuples(_PART, _SEPARATOR), max_size=12).map(
    lambda parts: "".join(p + s for p, s in parts)
)
# (max_tokens, overlap_tokens); (0, 0) stands for the configured defaults.
SIZES = st.sampled_from([(0, 0), (16, 4), (48, 12)])

_ASCII_WORD = re.compile(r"[A-Za-z0-9]{3,}")


def _words(text: str) -> list[str]:
    """Whitespace-delimited words of `text` that are plain ASCII letters/digits, 3+ long."""
    return [w for w in text.split() if _ASCII_WORD.fullmatch(w)]


def _store_and_check(text: str, encoding: tiktoken.Encoding, max_tokens: int, overlap: int) -> None:
    cleaned = clean_text(text).text
    spans = chunk_text(cleaned, encoding, max_tokens=max_tokens, overlap_tokens=overlap)
    doc = Document(
        id="doc",
        source="/articles/doc.txt",
        content_hash=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        version="v1",
        title=None,
        outlet=None,
        date=None,
        url=None,
        author=None,
        kind="text",
        encoding="utf-8",
        text=cleaned,
        original="/originals/doc.txt",
    )
    chunks = [
        Chunk(f"doc:v1:{seq:05d}", doc.id, seq, c.start, c.end, c.tokens, c.text)
        for seq, c in enumerate(spans)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        store = DocStore(Path(tmp) / "docs.sqlite3")
        try:
            with store.transaction() as conn:
                store.put(conn, doc, chunks)
            stored = store.get(doc.id)
            assert stored is not None
            assert stored.text == cleaned
            stored_chunks = store.chunks_of(doc.id)
            assert [c.id for c in stored_chunks] == [c.id for c in chunks]
            for chunk in stored_chunks:
                assert stored.text[chunk.start : chunk.end] == chunk.text
            # Every chunk holding a plain word is found by it. The limit covers all chunks,
            # so a chunk outranked by others with the same word still counts as found.
            limit = max(5, len(stored_chunks))
            for chunk in stored_chunks:
                words = _words(chunk.text)
                if words:
                    word = words[len(words) // 2]
                    assert chunk.id in store.lexical(word, limit), (word, chunk.text)
        finally:
            store.close()


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(DOCUMENTS, SIZES)
def test_offsets_roundtrip(text: str, sizes: tuple[int, int]) -> None:
    ingest = Settings().ingest
    max_tokens, overlap = sizes if sizes != (0, 0) else (ingest.chunk_tokens, ingest.chunk_overlap)
    _store_and_check(text, get_encoding(Settings().cache), max_tokens, overlap)


def test_offsets_roundtrip_examples() -> None:
    """Hand-picked hard cases, always run (hypothesis may not draw them)."""
    encoding = get_encoding(Settings().cache)
    for text in (
        "",
        "\n\n\n",
        "Troops\x00arrived in Kursk.\x00\n\nOfficials said\x00 nothing.",
        "Headline\r\n\r\nThe ministry\r\ndenied reports.\r\n",
        "Cafe\u0301 owners in \u05e9\u05dc\u05d5\u05dd said 👩\u200d👩\u200d👧 troops\u200b left.",
        "Copyright © 2024 Example\nSubscribe\n\n" + "word " * 2000 + "\n" * 60 + "End here.",
        "\ud800 ",  # a lone surrogate (hypothesis drew it): stored as U+FFFD
    ):
        _store_and_check(text, encoding, 16, 4)
