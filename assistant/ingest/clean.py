"""Cleaning: page boilerplate out of scraped article text, line by line.

The cleaned text is what gets stored, and every later offset (chunks, quotes) refers to
it, so cleaning returns one plain string and is deterministic for the same input.

Plain text and Markdown are cleaned with the general page-boilerplate rules of
:mod:`assistant.ingest.rules` (:data:`~assistant.ingest.rules.LINE_RULES`) and the context
rules in :func:`clean_text`. HTML is first reduced to its article text by
:func:`assistant.ingest.html.html_to_text`, then cleaned here the same way.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from .rules import (
    CHROME,
    LINE_RULES,
    LIST_BULLET,
    RELATED_HEADER,
    RELATED_ITEM_MAX,
    is_card_teaser,
    is_fragment,
    is_related_item,
    is_separator,
    social_attribution,
)

__all__ = ["LINE_RULES", "CleanResult", "clean_text"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CleanResult:
    """The cleaned text and how many non-blank lines were dropped (by rule name)."""

    text: str
    removed_lines: int
    removed_by_rule: Mapping[str, int] = field(default_factory=dict)
    posts: tuple[tuple[int, int], ...] = ()
    """Embedded social posts kept in `text`: (start, end) of each, its attribution line
    included."""


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> CleanResult:
    """Remove page boilerplate from plain text or Markdown, line by line.

    First the line rules (:data:`LINE_RULES`). Then, in context:

    - ``caption``: the line right above a caption credit line that starts with it (the
      caption printed twice, its credit on the second copy);
    - ``related``: link titles directly under a link-list header (blank lines between them
      allowed, at most 8): dropped only when clearly a list (two or more titles, every one
      bulleted, or the list runs to the end of the text);
    - ``related`` too: a block of story cards, from a separator line ("-") to the next or
      to the end, two or more of its lines teasers ending in a section label and a dash
      ("… in north-western Spain World News -");
    - ``fragment``: a short non-sentence line without figures whose nearest non-blank
      neighbours on both sides are page chrome (copyright, privacy, reprint, appeal,
      correction, related), e.g. an outlet name or sponsor credit inside a footer;
    - ``duplicate``: a later exact repeat (after trimming) of a kept line of at least 4
      words and 20 characters, only where the repeat is page chrome: the headline (the
      first kept line) again, a line right after its own twin, or a repeat whose nearest
      neighbours on both sides are chrome. Other repeats are the article's own (a recipe's
      steps, a refrain, a quote given twice) and stay.

    Embedded social posts are kept, never cleaned away: a line "— Name (@handle) DATE" and
    the post just above it (at most one blank line between) are what someone said, and
    their spans are returned in ``posts``.

    Then trailing whitespace is stripped from every line, runs of blank lines become one
    blank line, and leading/trailing blank lines go. Nothing else changes: no rewrapping,
    no Markdown removal, no character changes inside a line, but one: a lone surrogate
    (which a JSON "\\ud800" escape can bring, and no store can encode) becomes U+FFFD, one
    character for one, so offsets stay.
    """
    doc = _Lines(_LONE_SURROGATE.sub("\ufffd", text))
    for i in doc.nonblank:
        line = doc.stripped[i]
        doc.why[i] = next((name for name, rule in LINE_RULES.items() if rule(line)), None)
    doc.mark_caption_twins()
    doc.mark_related_lists()
    doc.mark_card_lists()
    doc.mark_fragments()
    doc.mark_duplicates()
    posts = doc.find_posts()
    counts = dict(sorted(Counter(r for r in doc.why if r is not None).items()))
    removed = sum(counts.values())
    if removed:
        log.debug("cleaning removed %d lines: %s", removed, counts)
    text, starts = doc.render()
    spans = tuple(
        (starts[a] + len(doc.lines[a]) - len(doc.stripped[a]), starts[b] + len(doc.lines[b]))
        for a, b in posts
    )
    return CleanResult(text, removed, counts, spans)


class _Lines:
    """The lines of a text and, for each, the rule that removes it (None: kept)."""

    def __init__(self, text: str) -> None:
        self.lines = [line.rstrip() for line in text.split("\n")]
        self.stripped = [line.strip() for line in self.lines]
        self.nonblank = [i for i, line in enumerate(self.stripped) if line]
        self.why: list[str | None] = [None] * len(self.lines)

    def prev_nonblank(self, i: int) -> int | None:
        j = i - 1
        while j >= 0 and not self.stripped[j]:
            j -= 1
        return j if j >= 0 else None

    def next_nonblank(self, i: int) -> int | None:
        j = i + 1
        while j < len(self.stripped) and not self.stripped[j]:
            j += 1
        return j if j < len(self.stripped) else None

    def mark_caption_twins(self) -> None:
        """A caption printed twice, its credit on the second copy only ("Crews at the
        ridge." over "Crews at the ridge. Photo: Lee Park"): the first copy goes too."""
        for i in self.nonblank:
            after = self.next_nonblank(i)
            line = self.stripped[i]
            if (
                self.why[i] is None
                and after is not None
                and self.why[after] == "caption"
                and len(line.split()) >= 3
                and self.stripped[after].startswith(line)
            ):
                self.why[i] = "caption"

    def mark_related_lists(self) -> None:
        for i in self.nonblank:
            if self.why[i] == "related" and RELATED_HEADER.fullmatch(self.stripped[i]):
                self._mark_related_list(i)

    def _mark_related_list(self, header: int) -> None:
        items: list[int] = []
        blanks = 0
        for j in range(header + 1, len(self.stripped)):
            line = self.stripped[j]
            if not line:
                blanks += 1
                if blanks > 1:
                    break
            elif self.why[j] is None and is_related_item(line) and len(items) < RELATED_ITEM_MAX:
                items.append(j)
                blanks = 0
            else:
                break
        if not items:
            return
        rest = range(items[-1] + 1, len(self.why))
        at_end = all(not self.stripped[k] or self.why[k] is not None for k in rest)
        bulleted = all(LIST_BULLET.match(self.stripped[k]) for k in items)
        if len(items) >= 2 or bulleted or at_end:
            for k in items:
                self.why[k] = "related"

    def mark_card_lists(self) -> None:
        """A block of story cards: from a separator line to the next or to the end, at
        least two of its lines teasers ending in a section label ("… World News -"). Every
        line of it goes (headlines, teasers, a teaser cut off by the page's end)."""
        cuts = [i for i in self.nonblank if is_separator(self.stripped[i])]
        for at, start in enumerate(cuts):
            end = cuts[at + 1] if at + 1 < len(cuts) else len(self.stripped)
            block = [i for i in self.nonblank if start < i < end and self.why[i] is None]
            if sum(is_card_teaser(self.stripped[i]) for i in block) >= 2:
                for i in (start, *block):
                    self.why[i] = "related"

    def mark_fragments(self) -> None:
        for i in self.nonblank:
            if self.why[i] is None and is_fragment(self.stripped[i]) and self._between_chrome(i):
                self.why[i] = "fragment"

    def _between_chrome(self, i: int) -> bool:
        before, after = self.prev_nonblank(i), self.next_nonblank(i)
        return (
            before is not None
            and after is not None
            and self.why[before] in CHROME
            and self.why[after] in CHROME
        )

    def mark_duplicates(self) -> None:
        kept = [i for i in self.nonblank if self.why[i] is None]
        headline = self.stripped[kept[0]] if kept else None
        seen: set[str] = set()
        previous = None  # the last kept line
        for i in kept:
            line = self.stripped[i]
            if (
                line in seen
                and len(line) >= 20
                and len(line.split()) >= 4
                and (line in (headline, previous) or self._between_chrome(i))
            ):
                self.why[i] = "duplicate"
                continue
            seen.add(line)
            previous = line

    def find_posts(self) -> list[tuple[int, int]]:
        """(first, last) line of each embedded post kept: the post and its attribution."""
        posts = []
        for i in self.nonblank:
            if self.why[i] is not None or not social_attribution(self.stripped[i]):
                continue
            j = self.prev_nonblank(i)
            first = j if j is not None and i - j <= 2 and self.why[j] is None else i
            posts.append((first, i))
        return posts

    def render(self) -> tuple[str, dict[int, int]]:
        """The kept lines, and where each kept line starts in the result (by line index)."""
        kept: list[str] = []
        starts: dict[int, int] = {}
        at = 0
        for i, (line, why) in enumerate(zip(self.lines, self.why, strict=True)):
            if why is not None:
                continue
            if line.strip():
                starts[i] = at
                kept.append(line)
                at += len(line) + 1
            elif kept and kept[-1]:
                kept.append("")
                at += 1
        while kept and not kept[-1]:
            kept.pop()
        return "\n".join(kept), starts
