"""Hard-wrapped plain text: paragraphs broken into lines of a fixed width, joined again.

Wire copy, e-mailed press releases and text pasted from old pages often arrive wrapped at
60-80 characters ("Chief temple administrator Suresh Mohapatra told AFP at least 25" /
"people were injured in the crush"). Every later step reads one line as one paragraph, so
a wrapped sentence loses its reporting verb, its agency or its counted noun. A text is
taken as wrapped when most of its lines end near one width; then a line that reaches that
width and does not end a sentence is joined to the next by turning its newline into a
space. The text keeps its length, so nothing else shifts; a headline, a short last line of
a paragraph, a blank line, a Markdown heading, list item, quote or table row is never
joined. No library does this (textwrap only wraps); the rule is a few lines.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

_MIN_LINES: Final = 6
_WRAPPED_SHARE: Final = 0.6
_NEAR_WIDTH: Final = 0.7
_MAX_WIDTH: Final = 100
_ENDS_SENTENCE: Final = re.compile(r"[.!?:;\"”’)\]|]\s*$")
_BLOCK_START: Final = re.compile(r"^\s*(?:#|[-*+•]\s|\d+[.)]\s|>|\|)")


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text is wrapped at, or None when it is not wrapped."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < _MIN_LINES:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > _MAX_WIDTH:
        return None
    near = sum(1 for n in lengths if n >= _NEAR_WIDTH * width)
    return width if near >= _WRAPPED_SHARE * len(lengths) else None


def unwrap(text: str) -> str:
    """`text` with its hard-wrapped paragraphs joined into one line each (same length)."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    out = list(text)
    at = 0
    for line, following in itertools.pairwise(lines):
        at += len(line)
        joins = (
            len(line.rstrip()) >= _NEAR_WIDTH * width
            and following.strip()
            and not _ENDS_SENTENCE.search(line)
            and not _BLOCK_START.match(following)
        )
        if joins:
            out[at] = " "
        at += 1
    return "".join(out)
