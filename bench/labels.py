"""Labels for planted facts, and recall@k of ranked results against them.

A query's relevant chunks are the chunks of the article its fact was planted in whose text
contains the fact's sentence verbatim. Chunks overlap (the trailing sentences of one are
repeated at the start of the next), so a sentence can sit in two chunks: finding either
counts as a hit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from facts import Fact, Query

from assistant.store import Store


class LabelError(RuntimeError):
    """A planted fact could not be found in the store."""


def fact_chunks(
    store: Store, facts: Sequence[Fact], paths: Mapping[str, Path]
) -> dict[str, set[str]]:
    """For each fact key, the ids of the stored chunks containing its sentence.

    `paths` maps each fact key to the article it was planted in (as ingested).
    """
    found: dict[str, set[str]] = {}
    for fact in facts:
        doc = store.docs.by_source(str(paths[fact.key].resolve()))
        if doc is None:
            raise LabelError(f"{paths[fact.key]} (fact {fact.key!r}) is not in the store")
        ids = {c.id for c in store.docs.chunks_of(doc.id) if fact.sentence in c.text}
        if not ids:
            raise LabelError(f"no chunk of {doc.id} holds the sentence of fact {fact.key!r}")
        found[fact.key] = ids
    return found


def hit_at_k(ranked: Sequence[str], relevant: set[str], k: int) -> bool:
    """Whether any of the first `k` ranked ids is relevant."""
    return any(i in relevant for i in ranked[:k])


def recall_at_k(results: Sequence[Sequence[str]], relevant: Sequence[set[str]], k: int) -> float:
    """Share of queries with a relevant id in their first `k` results.

    Each query has one answer (possibly held by several overlapping chunks), so this is
    the fraction of answers found: recall@k as usually reported for single-answer sets.
    """
    if len(results) != len(relevant):
        raise ValueError("one relevant set per query")
    if not results:
        return 0.0
    return sum(hit_at_k(r, rel, k) for r, rel in zip(results, relevant, strict=True)) / len(results)


def recall_by_kind(
    queries: Sequence[Query],
    results: Sequence[Sequence[str]],
    labels: Mapping[str, set[str]],
    k: int,
) -> dict[str, float]:
    """recall@k over all queries and per query kind (``exact``, ``paraphrase``)."""
    out = {"all": recall_at_k(results, [labels[q.fact] for q in queries], k)}
    for kind in dict.fromkeys(q.kind for q in queries):
        own = [i for i, q in enumerate(queries) if q.kind == kind]
        out[kind] = recall_at_k(
            [results[i] for i in own], [labels[queries[i].fact] for i in own], k
        )
    return out
