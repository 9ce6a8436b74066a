"""The gold-quote checker: every gold quote must really be in its file.

A gold quote is checked twice: against the raw file (decoded, newlines normalised, as
`factcheck ingest` reads it) and against the cleaned document text that ingest stores and
that every answer offset refers to. Both must contain it verbatim. A quote found only in
the raw file sits in a line ingest removed as boilerplate: an answer could never cite it,
so it is a gold error too. Items with a problem are reported and scored as unscored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..ingest.load import BINARY_ENCODING, load_document, normalise_text
from .suite import GoldQuote, Item, Suite

MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class CorpusText:
    """One corpus file as read from disk and as cleaned by ingest."""

    raw: str
    cleaned: str


@dataclass(frozen=True)
class QuoteProblem:
    """A gold quote that is not where the suite says it is."""

    item_id: str
    file: str
    quote: str
    problem: str

    def line(self) -> str:
        short = self.quote if len(self.quote) <= 70 else self.quote[:69] + "…"
        return f"{self.item_id}: {self.file}: {self.problem}: {short!r}"


def read_corpus(files: Iterable[Path]) -> dict[str, CorpusText]:
    """Raw and cleaned text of every corpus file, by file name."""
    texts: dict[str, CorpusText] = {}
    for path in files:
        loaded = load_document(path, max_bytes=MAX_BYTES)
        if loaded.encoding == BINARY_ENCODING:  # PDF, Word: no raw text beside the extracted
            raw = loaded.text
        else:
            raw = normalise_text(loaded.raw.decode(loaded.encoding, errors="replace"))
        texts[path.name] = CorpusText(raw=raw, cleaned=loaded.text)
    return texts


def item_quotes(item: Item) -> list[GoldQuote]:
    """Every gold quote of an item: its evidence and the injected lines it names."""
    return [*item.evidence, *item.gold.injected]


def check_item(item: Item, corpus: Mapping[str, CorpusText]) -> list[QuoteProblem]:
    """Problems with the item's gold quotes and the files its gold names."""
    problems: list[QuoteProblem] = []
    for q in item_quotes(item):
        text = corpus.get(q.file)
        if text is None:
            problems.append(QuoteProblem(item.id, q.file, q.quote, "no such corpus file"))
        elif q.quote not in text.raw:
            problems.append(QuoteProblem(item.id, q.file, q.quote, "not in the raw file"))
        elif q.quote not in text.cleaned:
            problem = "only in lines ingest removes as boilerplate"
            problems.append(QuoteProblem(item.id, q.file, q.quote, problem))
    for name in named_files(item):
        if name not in corpus and name not in {q.file for q in item_quotes(item)}:
            problems.append(QuoteProblem(item.id, name, "", "gold names no such corpus file"))
    return problems


def check_suite(suite: Suite, corpus: Mapping[str, CorpusText] | None = None) -> list[QuoteProblem]:
    """Problems across a whole suite (reads the corpus unless given)."""
    texts = corpus if corpus is not None else read_corpus(suite.files)
    return [p for item in suite.items for p in check_item(item, texts)]


def locate(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) at which `quote` occurs verbatim in `text`."""
    spans: list[tuple[int, int]] = []
    at = text.find(quote)
    while at >= 0:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return spans


def gold_spans(
    quotes: Sequence[GoldQuote], cleaned: Mapping[str, str]
) -> list[list[tuple[str, int, int]]]:
    """For each gold quote, its (file, start, end) occurrences in the cleaned texts."""
    return [[(q.file, s, e) for s, e in locate(cleaned.get(q.file, ""), q.quote)] for q in quotes]


def named_files(item: Item) -> list[str]:
    """Every corpus file an item's gold, evidence or sources name."""
    g = item.gold
    names = [*g.figures, *g.optional_figures, *item.sources, *(q.file for q in item_quotes(item))]
    names += [a.file for a in g.asserters if a.file]
    names += [f for c in g.conflicts for side in c.sides for f in side]
    return sorted(set(names))
