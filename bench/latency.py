"""Retrieval latency through the project's own entry point, `assistant.search.search`.

Each query is timed end to end as `factcheck search` runs it (embedding the query, BM25 in
SQLite FTS5, the Chroma query, fusion, fetching chunk and document rows), minus process
start-up and printing. Warm-up queries run first and are not counted: they load the ONNX
model, open Chroma and fill SQLite's page cache.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.search import Mode, search
from assistant.store import Store

# Generic questions on the background's topics, never on a planted fact.
WARMUP = (
    "How many troops were in the border region?",
    "refugees in the coastal city",
    "What did the defence ministry say about drones?",
    "tonnes of grain at the harbour",
    "protesters in the capital on day 12",
    "Did officials confirm the casualties on the eastern front?",
    "shipping containers river delta",
    "How many doctors reached the three villages?",
)


@dataclass(frozen=True)
class ModeRun:
    """Timings (ms, warm-up excluded) and first-pass rankings of one mode over a query set."""

    mode: Mode
    latencies_ms: list[float]
    rankings: list[list[str]]  # chunk ids per query, best first (first repetition)


def run_mode(
    store: Store, queries: Sequence[str], mode: Mode, *, k: int, repeat: int = 1
) -> ModeRun:
    """Time `search` for every query, `repeat` times over, after the warm-up queries."""
    for text in WARMUP:
        search(store, text, k=k, mode=mode)
    latencies: list[float] = []
    rankings: list[list[str]] = []
    for round_ in range(repeat):
        for text in queries:
            began = time.perf_counter()
            hits = search(store, text, k=k, mode=mode)
            latencies.append((time.perf_counter() - began) * 1000)
            if round_ == 0:
                rankings.append([h.chunk.id for h in hits])
    return ModeRun(mode, latencies, rankings)


def summarize(latencies_ms: Sequence[float]) -> dict[str, float]:
    """n, mean, p50, p95 and max, in milliseconds."""
    values = np.asarray(latencies_ms, dtype=np.float64)
    if values.size == 0:
        return {"n": 0, "mean_ms": 0.0, "p50_ms": 0.0, "p95_ms": 0.0, "max_ms": 0.0}
    p50, p95 = np.percentile(values, [50, 95])
    return {
        "n": int(values.size), "mean_ms": float(values.mean()), "p50_ms": float(p50),
        "p95_ms": float(p95), "max_ms": float(values.max()),
    }  # fmt: skip


def agreement(a: Sequence[Sequence[str]], b: Sequence[Sequence[str]]) -> float:
    """Share of queries whose ranked ids are identical in `a` and `b`."""
    if not a:
        return 1.0
    return sum(list(x) == list(y) for x, y in zip(a, b, strict=True)) / len(a)
