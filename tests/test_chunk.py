"""Chunking: exact offsets, token limits, overlap and progress, on news and on garbage."""

from __future__ import annotations

import base64
import itertools
import random
import time
from pathlib import Path

import pytest
import tiktoken
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.ingest.chunk import ChunkSpan, chunk_text
from assistant.settings import Settings
from assistant.text import sentence_spans
from assistant.tokens import count_tokens, get_encoding

from .test_sentences import LONG_LINES, NEWS_SENTENCE, SEPARATORS, UNICODE

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def enc() -> tiktoken.Encoding:
    return get_encoding(Settings().cache)


def check_chunks(
    text: str, chunks: list[ChunkSpan], enc: tiktoken.Encoding, max_tokens: int
) -> None:
    """Every invariant chunk_text promises."""
    if not text.strip():
        assert chunks == []
        return
    assert chunks
    covered = bytearray(len(text))
    prev_start = -1
    for c in chunks:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert c.text == c.text.strip()
        assert c.start > prev_start  # ordered, and always moving forward
        prev_start = c.start
        real = count_tokens(c.text, enc)
        assert c.tokens == real
        assert 1 <= real <= max_tokens
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert missing == []


# --- examples ---------------------------------------------------------------------------


def test_empty_and_blank(enc: tiktoken.Encoding) -> None:
    assert chunk_text("", enc) == []
    assert chunk_text(" \n\r\n\t\u3000\n\n", enc) == []


def test_short_text_is_one_chunk(enc: tiktoken.Encoding) -> None:
    text = "  Headline\n\nMr. Smith said 11,000 troops. They arrived.  \n"
    (chunk,) = chunk_text(text, enc)
    assert chunk.text == "Headline\n\nMr. Smith said 11,000 troops. They arrived."
    assert chunk.start == 2
    assert chunk.tokens == count_tokens(chunk.text, enc)


def test_bad_arguments(enc: tiktoken.Encoding) -> None:
    with pytest.raises(ValueError, match="max_tokens"):
        chunk_text("Some text.", enc, max_tokens=3)
    with pytest.raises(ValueError, match="overlap_tokens"):
        chunk_text("Some text.", enc, overlap_tokens=-1)


def test_seed_article_chunks_end_on_sentences(enc: tiktoken.Encoding) -> None:
    text = (SEEDS / "003_42fc694e5a38e64f.txt").read_text(encoding="utf-8")
    chunks = chunk_text(text, enc, max_tokens=120, overlap_tokens=30)
    check_chunks(text, chunks, enc, 120)
    assert len(chunks) > 3
    starts = {s.start for s in sentence_spans(text)}
    ends = {s.end for s in sentence_spans(text)}
    for c in chunks:
        assert c.start in starts
        assert c.end in ends
    # Most chunks end where a paragraph does (the seed has one paragraph per line).
    line_ends = {i for i, ch in enumerate(text) if ch == "\n"} | {len(text.rstrip())}
    assert sum(c.end in line_ends for c in chunks) >= len(chunks) - 1
    # Overlap: some chunk starts inside the one before, by whole sentences.
    assert any(b.start < a.end for a, b in itertools.pairwise(chunks))


def test_every_seed(enc: tiktoken.Encoding) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for max_tokens, overlap in ((200, 40), (64, 0), (32, 16)):
            check_chunks(
                text,
                chunk_text(text, enc, max_tokens=max_tokens, overlap_tokens=overlap),
                enc,
                max_tokens,
            )


def test_overlap_is_whole_trailing_sentences(enc: tiktoken.Encoding) -> None:
    text = " ".join(f"Sentence number {i} reports {i * 1000} troops." for i in range(60))
    chunks = chunk_text(text, enc, max_tokens=60, overlap_tokens=20)
    check_chunks(text, chunks, enc, 60)
    sentence_starts = {s.start for s in sentence_spans(text)}
    for a, b in itertools.pairwise(chunks):
        assert b.start in sentence_starts
        assert a.start < b.start < a.end  # overlaps the previous chunk ...
        assert count_tokens(text[b.start : a.end], enc) <= 20 + 1  # ... by at most ~20 tokens


def test_no_overlap(enc: tiktoken.Encoding) -> None:
    text = " ".join(f"Sentence number {i} reports {i * 1000} troops." for i in range(60))
    chunks = chunk_text(text, enc, max_tokens=60, overlap_tokens=0)
    check_chunks(text, chunks, enc, 60)
    for a, b in itertools.pairwise(chunks):
        assert b.start > a.end


def test_overlap_larger_than_chunk_still_progresses(enc: tiktoken.Encoding) -> None:
    text = " ".join(f"Item {i} is here." for i in range(50))
    chunks = chunk_text(text, enc, max_tokens=16, overlap_tokens=500)
    check_chunks(text, chunks, enc, 16)


def test_prefers_paragraph_ends(enc: tiktoken.Encoding) -> None:
    para = "This is a sentence about troops. " * 5
    text = "\n".join(para.strip() for _ in range(6))
    chunks = chunk_text(text, enc, max_tokens=100, overlap_tokens=0)
    check_chunks(text, chunks, enc, 100)
    line_ends = {i for i, ch in enumerate(text) if ch == "\n"} | {len(text)}
    assert all(c.end in line_ends for c in chunks)


def test_30k_character_word(enc: tiktoken.Encoding) -> None:
    rng = random.Random(7)  # noqa: S311 (test data)
    blob = base64.b64encode(rng.randbytes(22_500)).decode()
    assert len(blob) == 30_000
    text = f"Intro sentence here. See {blob} for details. Closing words."
    chunks = chunk_text(text, enc, max_tokens=200, overlap_tokens=40)
    check_chunks(text, chunks, enc, 200)
    assert len(chunks) > 30_000 // (200 * 8)
    assert chunks[0].text.startswith("Intro sentence here.")
    assert chunks[-1].text.endswith("Closing words.")


def test_long_sentence_splits_at_whitespace(enc: tiktoken.Encoding) -> None:
    text = "The list of places includes " + ", ".join(f"village {i}" for i in range(400)) + "."
    chunks = chunk_text(text, enc, max_tokens=50, overlap_tokens=10)
    check_chunks(text, chunks, enc, 50)
    for c in chunks:  # every cut is at whitespace
        assert c.start == 0 or text[c.start - 1].isspace()
        assert c.end == len(text) or text[c.end].isspace()


def test_special_token_strings_are_plain_text(enc: tiktoken.Encoding) -> None:
    text = "Article text <|endoftext|> continues. " * 40
    check_chunks(text, chunk_text(text, enc, max_tokens=30, overlap_tokens=5), enc, 30)


def test_many_blank_lines_and_wide_gaps(enc: tiktoken.Encoding) -> None:
    text = "One.\n" + "\n" * 3000 + "Two." + " " * 5000 + "Three. " + "\r\n" * 2000 + "Four."
    chunks = chunk_text(text, enc, max_tokens=8, overlap_tokens=4)
    check_chunks(text, chunks, enc, 8)
    assert [c.text for c in chunks] == ["One.", "Two.", "Three.", "Four."]


def test_speed_on_news(enc: tiktoken.Encoding) -> None:
    rng = random.Random(0)  # noqa: S311 (test data)
    paragraphs = [
        line
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    text = "\n".join(rng.choice(paragraphs) for _ in range(1500))  # ~250 kB
    began = time.perf_counter()
    chunks = chunk_text(text, enc)
    seconds = time.perf_counter() - began
    assert len(chunks) / seconds > 150, f"{len(chunks) / seconds:.0f} chunks/s"


# --- properties -------------------------------------------------------------------------

PIECES = st.one_of(NEWS_SENTENCE, NEWS_SENTENCE, UNICODE, LONG_LINES, st.just("\n" * 30))
TEXTS = st.lists(PIECES, max_size=10).flatmap(
    lambda parts: st.lists(SEPARATORS, min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True))
    )
)


@settings(max_examples=200, deadline=None)
@given(
    text=TEXTS,
    max_tokens=st.integers(min_value=4, max_value=80),
    overlap=st.integers(min_value=0, max_value=40),
)
def test_chunk_invariants(text: str, max_tokens: int, overlap: int, enc: tiktoken.Encoding) -> None:
    check_chunks(
        text, chunk_text(text, enc, max_tokens=max_tokens, overlap_tokens=overlap), enc, max_tokens
    )


@settings(max_examples=60, deadline=None)
@given(text=TEXTS)
def test_chunk_invariants_defaults(text: str, enc: tiktoken.Encoding) -> None:
    check_chunks(text, chunk_text(text, enc), enc, 200)


@settings(max_examples=50, deadline=None)
@given(
    text=st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
    max_tokens=st.integers(min_value=4, max_value=20),
)
def test_chunk_invariants_any_text(text: str, max_tokens: int, enc: tiktoken.Encoding) -> None:
    check_chunks(
        text, chunk_text(text, enc, max_tokens=max_tokens, overlap_tokens=3), enc, max_tokens
    )
