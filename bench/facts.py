"""Planted facts for the retrieval benchmark: distinctive sentences with two queries each.

`facts.jsonl` holds one fact a line: a sentence on a topic the generated background never
touches (bees, ferries, glaciers...), carrying an invented name found nowhere else, and two
hand-written queries whose one correct answer is the chunk holding that sentence:

- ``exact``: the invented name and key words of the sentence, as a reader who saw the
  article would type them. BM25 should find these; vectors may or may not.
- ``paraphrase``: the same question in other words: synonyms, no invented name, almost no
  content word shared with the sentence ("bee colonies died in the cold snap" for "hives
  were lost to a late frost"). BM25 has little to go on; vectors should find these.

Each fact is planted once, into one generated article (see `corpus.placements`); after
ingest, `labels.label_queries` names the chunks whose text contains the sentence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

QueryKind = Literal["exact", "paraphrase"]
FACTS_FILE = Path(__file__).with_name("facts.jsonl")


@dataclass(frozen=True)
class Fact:
    """A planted sentence and its two queries."""

    key: str
    sentence: str
    exact: str
    paraphrase: str


@dataclass(frozen=True)
class Query:
    """A labelled query: what to search for and which fact answers it."""

    text: str
    kind: QueryKind
    fact: str


def load_facts(path: Path = FACTS_FILE) -> tuple[Fact, ...]:
    """The fact bank, in file order (the order fixes where each fact is planted)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    facts = tuple(Fact(**json.loads(line)) for line in lines if line.strip())
    keys = [f.key for f in facts]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{path}: fact keys must be unique")
    return facts


def queries(facts: tuple[Fact, ...]) -> list[Query]:
    """Every labelled query: the exact one, then the paraphrase, fact by fact."""
    return [
        query
        for f in facts
        for query in (Query(f.exact, "exact", f.key), Query(f.paraphrase, "paraphrase", f.key))
    ]
