"""Chunking: whole sentences packed into chunks of at most ``max_tokens`` tiktoken tokens.

Every chunk is an exact slice ``text[start:end]`` (trimmed of whitespace), so a passage
found through a chunk can be quoted by offsets. Chunks prefer to end where a paragraph
ends, and each one repeats the trailing sentences of the one before (at most
``overlap_tokens`` of them) so a claim that spans a chunk border is whole in one of them.

A sentence longer than ``max_tokens`` is cut at whitespace into pieces that fit; a single
"word" longer than that (a URL, a base64 blob) is cut at token boundaries mapped back to
characters. Such pieces then take part in packing like sentences.

Tokens are counted once per sentence and summed (plus an estimate for the whitespace
between sentences); the sum can differ slightly from the count of the joined text, so the
real count of every assembled chunk is checked, and the chunk shrunk until it fits. Tokens
are counted as ``encoding.encode(text, disallowed_special=())``: special-token strings in
an article are plain text.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

import tiktoken

from ..text import paragraph_spans, sentence_spans

log = logging.getLogger(__name__)

__all__ = ["MIN_MAX_TOKENS", "ChunkSpan", "chunk_text"]

MIN_MAX_TOKENS = 4
"""Smallest usable ``max_tokens``: one character can take up to 4 tokens (its UTF-8 bytes)."""

_WORD_RE = re.compile(r"\S+")
# A chunk ending at a paragraph break is preferred over a fuller one ending mid-paragraph,
# as long as it keeps at least this share of max_tokens.
_PARAGRAPH_FILL = 0.5


@dataclass(frozen=True, slots=True)
class ChunkSpan:
    """One chunk: ``text == source[start:end]``, with its token count."""

    start: int
    end: int
    text: str
    tokens: int


@dataclass(frozen=True, slots=True)
class _Unit:
    """A sentence, or a piece of an over-long one: the atoms chunks are packed from."""

    start: int
    end: int
    tokens: int
    paragraph_end: bool


class _Counter:
    """Token counts of `text` slices, the way the rest of the project counts them."""

    def __init__(self, text: str, encoding: tiktoken.Encoding) -> None:
        self.text = text
        self.encoding = encoding
        self._gaps: dict[str, int] = {}

    def encode(self, start: int, end: int) -> list[int]:
        return self.encoding.encode(self.text[start:end], disallowed_special=())

    def count(self, start: int, end: int) -> int:
        return len(self.encode(start, end))

    def counts(self, spans: list[tuple[int, int]]) -> list[int]:
        # A plain loop: encode_batch's thread pool costs more than it saves on sentences.
        encode, text = self.encoding.encode, self.text
        return [len(encode(text[s:e], disallowed_special=())) for s, e in spans]

    def gap(self, end: int, start: int) -> int:
        """Estimated extra tokens of the whitespace between two units when joined."""
        ws = self.text[end:start]
        if len(ws) <= 1:  # one space or newline merges into a neighbouring token
            return 0
        cost = self._gaps.get(ws)
        if cost is None:
            cost = max(0, len(self.encoding.encode(ws, disallowed_special=())) - 1)
            if len(self._gaps) < 1024:
                self._gaps[ws] = cost
        return cost


def chunk_text(
    text: str,
    encoding: tiktoken.Encoding,
    *,
    max_tokens: int = 200,
    overlap_tokens: int = 40,
) -> list[ChunkSpan]:
    """Split `text` into overlapping chunks of whole sentences, each within `max_tokens`.

    Raises ValueError when `max_tokens` < MIN_MAX_TOKENS or `overlap_tokens` < 0. Any
    larger overlap is allowed: overlap is shed as needed so that every chunk holds at
    least one sentence (or piece) the previous chunk did not.
    """
    if max_tokens < MIN_MAX_TOKENS:
        raise ValueError(f"max_tokens must be at least {MIN_MAX_TOKENS}, not {max_tokens}")
    if overlap_tokens < 0:
        raise ValueError(f"overlap_tokens must be 0 or more, not {overlap_tokens}")
    counter = _Counter(text, encoding)
    units = _units(text, counter, max_tokens)
    chunks = _pack(units, counter, max_tokens, overlap_tokens)
    log.debug("chunked %d chars into %d chunks (%d units)", len(text), len(chunks), len(units))
    return chunks


def _units(text: str, counter: _Counter, max_tokens: int) -> list[_Unit]:
    """Sentences with their token counts; over-long sentences cut into fitting pieces."""
    sentences = [(s.start, s.end) for s in sentence_spans(text)]
    if not sentences:
        return []
    paragraph_ends = {p.end for p in paragraph_spans(text)}
    units: list[_Unit] = []
    # A sentence this long is almost surely over max_tokens: it goes straight to the
    # splitter, which encodes it a window at a time (tiktoken slows down on huge unbroken
    # strings) and returns it whole, counted, if it does fit (long runs of spaces can).
    long_chars = max(4096, 16 * max_tokens)
    normal = [(s, e) for s, e in sentences if e - s <= long_chars]
    counts = iter(counter.counts(normal))
    for start, end in sentences:
        last = end in paragraph_ends
        tokens = next(counts) if end - start <= long_chars else max_tokens + 1
        if tokens <= max_tokens:
            units.append(_Unit(start, end, tokens, last))
            continue
        pieces = _split_long(text, start, end, counter, max_tokens)
        for i, (s, e, n) in enumerate(pieces):
            units.append(_Unit(s, e, n, last and i == len(pieces) - 1))
    return units


def _split_long(
    text: str, start: int, end: int, counter: _Counter, max_tokens: int
) -> list[tuple[int, int, int]]:
    """Cut text[start:end] into trimmed pieces of at most `max_tokens` tokens each.

    Cuts fall at whitespace where possible, else (inside one over-long word) at a token
    boundary. Only a window a little larger than one piece is encoded at a time, so a
    50,000-character blob costs about one pass, not one pass per piece.
    """
    word_ends = [m.end() for m in _WORD_RE.finditer(text, start, end)]
    word_starts = [m.start() for m in _WORD_RE.finditer(text, start, end)]
    pieces: list[tuple[int, int, int]] = []
    pos = start
    window = max_tokens * 6
    while pos < end:
        limit = end
        budget = max_tokens
        while True:
            cut = _cut(text, pos, end, limit, budget, counter, word_ends, window)
            n = counter.count(pos, cut)
            if n <= max_tokens:
                break
            # The piece re-tokenised to more tokens than its share of the longer text:
            # try again with a smaller budget (each round cuts strictly shorter).
            budget = max(1, budget - (n - max_tokens))
            limit = cut - 1
        pieces.append((pos, cut, n))
        window = (cut - pos) * 3 // 2 + 32  # the next piece is likely about as long
        i = bisect.bisect_left(word_starts, cut)
        nxt = word_starts[i] if i < len(word_starts) else end
        pos = cut if cut < end and not text[cut].isspace() else nxt
    return pieces


def _cut(
    text: str,
    pos: int,
    end: int,
    limit: int,
    budget: int,
    counter: _Counter,
    word_ends: list[int],
    window: int,
) -> int:
    """End of the longest piece from `pos` (at most `limit`) of about `budget` tokens."""
    if limit <= pos + 1:
        return pos + 1  # one character: at most 4 tokens, which always fits
    # Character offset where token number `budget` starts: everything before fits.
    while True:
        stop = min(limit, pos + window)
        tokens = counter.encode(pos, stop)
        if len(tokens) > budget or stop == limit:
            break
        window *= 2
    if len(tokens) <= budget:
        fits = stop
    else:
        # Characters wholly before token number `budget` (a character whose bytes that
        # token shares is left out: cuts fall on character boundaries).
        head = b"".join(counter.encoding.decode_tokens_bytes(tokens[:budget]))
        fits = pos + len(head.decode("utf-8", errors="ignore"))
    fits = min(max(fits, pos + 1), limit)
    if fits == end:
        return end
    # Prefer the end of the last whole word within the fitting prefix.
    i = bisect.bisect_right(word_ends, fits) - 1
    if i >= 0 and word_ends[i] > pos:
        return word_ends[i]
    return fits  # inside one over-long word: cut at the token boundary


def _pack(
    units: list[_Unit], counter: _Counter, max_tokens: int, overlap_tokens: int
) -> list[ChunkSpan]:
    """Greedy packing of units into chunks, with overlap, checked against real counts."""
    text = counter.text
    chunks: list[ChunkSpan] = []
    first_prev = -1  # index of the previous chunk's first unit
    i = 0  # next unit not yet in any chunk
    while i < len(units):
        lo, total = _overlap(units, counter, first_prev, i, max_tokens, overlap_tokens)
        hi, sums = _fill(units, counter, i, total, max_tokens)
        hi = _prefer_paragraph_end(units, i, hi, sums, max_tokens)
        # Check the real count; shrink (new units from the end, then overlap) until it fits.
        # A single unit always fits: units are counted exactly, on their own.
        while True:
            start, end = units[lo].start, units[hi - 1].end
            if hi - lo == 1:  # already counted exactly, on its own
                tokens = units[lo].tokens
                break
            tokens = counter.count(start, end)
            if tokens <= max_tokens:
                break
            excess = tokens - max_tokens
            while excess > 0 and hi - 1 > i:
                hi -= 1
                excess -= units[hi].tokens
            while excess > 0 and lo < i:
                excess -= units[lo].tokens
                lo += 1
        chunks.append(ChunkSpan(start, end, text[start:end], tokens))
        first_prev, i = lo, hi
    return chunks


def _overlap(
    units: list[_Unit],
    counter: _Counter,
    first_prev: int,
    i: int,
    max_tokens: int,
    overlap_tokens: int,
) -> tuple[int, int]:
    """First unit of the chunk whose first new unit is `i`, and the estimated tokens before i.

    The overlap is whole trailing units of the previous chunk, never its first one (so
    each chunk starts after the one before), and leaves room for unit `i`.
    """
    lo, total = i, 0
    if overlap_tokens > 0:
        while lo - 1 > first_prev:
            more = units[lo - 1].tokens + counter.gap(units[lo - 1].end, units[lo].start)
            if total + more > overlap_tokens:
                break
            total += more
            lo -= 1
    while lo < i and total + units[i].tokens > max_tokens:
        total -= units[lo].tokens + counter.gap(units[lo].end, units[lo + 1].start)
        lo += 1
    return lo, total


def _fill(
    units: list[_Unit], counter: _Counter, i: int, total: int, max_tokens: int
) -> tuple[int, list[int]]:
    """End (exclusive) of the new units that fit, and the running estimate after each."""
    total += units[i].tokens
    sums = [total]  # sums[k]: estimated tokens up to and including unit i + k
    hi = i + 1
    while hi < len(units):
        more = counter.gap(units[hi - 1].end, units[hi].start) + units[hi].tokens
        if total + more > max_tokens:
            break
        total += more
        sums.append(total)
        hi += 1
    return hi, sums


def _prefer_paragraph_end(
    units: list[_Unit], i: int, hi: int, sums: list[int], max_tokens: int
) -> int:
    """Pull the chunk's end back to the last paragraph end, if it stays reasonably full."""
    if hi == len(units) or units[hi - 1].paragraph_end:
        return hi
    for k in range(hi - 2, i - 1, -1):
        if units[k].paragraph_end:
            return k + 1 if sums[k - i] >= _PARAGRAPH_FILL * max_tokens else hi
    return hi
