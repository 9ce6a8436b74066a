"""Finding a model's quote in the document, so that code, not the model, sets offsets.

Only whitespace and typographic quote marks are normalised before matching; digits, names
and every other character must match exactly (never fuzzy: "10,000" must not match a
source that says "1,500"). The model's text is never put into a regex.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text.sentences import Span

_QUOTE_MARKS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'", "`": "'",
    }
)  # fmt: skip
_STRIP = " \t\n\"'.,;:"


def normalise(text: str) -> tuple[str, list[int]]:
    """`text` with whitespace runs as one space and quote marks plain, plus, for each
    character of the result, the index of the character of `text` it came from."""
    out: list[str] = []
    index: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space and out:
                out.append(" ")
                index.append(i)
            in_space = True
            continue
        in_space = False
        out.append(ch.translate(_QUOTE_MARKS))
        index.append(i)
    if out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


def locate(quote: str, text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Offsets in `text` of `quote` within text[start:end], or None if it is not there.

    A quote wrapped in quote marks, or ending with punctuation the text lacks, is matched
    without them; what is returned is always a span of `text` itself.
    """
    end = len(text) if end is None else end
    window, index = normalise(text[start:end])
    wanted, _ = normalise(quote)
    for candidate in dict.fromkeys((wanted, wanted.strip(_STRIP))):
        if not candidate:
            continue
        at = window.find(candidate)
        if at >= 0:
            first = index[at]
            last = index[at + len(candidate) - 1]
            return start + first, start + last + 1
    return None


def sentence_bounds(spans: Sequence[Span], start: int, end: int) -> tuple[int, int]:
    """The smallest run of whole sentences (`spans` of the text) covering [start, end)."""
    lo, hi = start, end
    for span in spans:
        if span.end > start and span.start < end:
            lo, hi = min(lo, span.start), max(hi, span.end)
    return lo, hi
