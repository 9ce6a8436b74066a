"""Ingest benchmark: embedding throughput and whole-ingest speed, printed as a table.

    .venv/bin/python bench/bench_ingest.py [--chunks 2000] [--docs 200]

Writes a JSON record to bench/results/ingest-<timestamp>.json. Targets (2 cores):
embedding >= 300 chunks/s; whole ingest without claim extraction >= 150 chunks/s.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import chunk_texts, write_corpus
from records import machine, write_record

from assistant.embeddings import Embedder
from assistant.ingest.pipeline import Ingestor
from assistant.settings import Settings
from assistant.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def bench_embedding(settings: Settings, n: int) -> dict[str, float]:
    embedder = Embedder(settings.embedding.model, settings.cache, settings.embedding.batch_size)
    embedder.embed(["warm up"])
    texts = chunk_texts(n)
    began = time.perf_counter()
    embedder.embed(texts)
    seconds = time.perf_counter() - began
    return {"chunks": n, "seconds": seconds, "chunks_per_s": n / seconds}


def bench_ingest(settings: Settings, paths: list[Path]) -> dict[str, float]:
    store = open_store(settings)
    try:
        began = time.perf_counter()
        outcomes = Ingestor(store).ingest(paths)
        seconds = time.perf_counter() - began
        chunks = sum(o.chunks for o in outcomes)
        failed = sum(o.status == "failed" for o in outcomes)
    finally:
        store.close()
    return {
        "documents": len(paths), "chunks": chunks, "failed": failed, "seconds": seconds,
        "documents_per_s": len(paths) / seconds, "chunks_per_s": chunks / seconds,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=2000, help="passages to embed")
    parser.add_argument("--docs", type=int, default=200, help="generated articles to ingest")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FACTCHECK_HOME"] = str(Path(tmp) / "home")
        settings = Settings()
        results = {"embedding": bench_embedding(settings, args.chunks)}
        results["ingest_seeds"] = bench_ingest(settings, sorted((ROOT / "seeds").glob("*.txt")))
        os.environ["FACTCHECK_HOME"] = str(Path(tmp) / "home2")
        generated = write_corpus(Path(tmp) / "corpus", args.docs)
        results["ingest_generated"] = bench_ingest(Settings(), generated)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    record = {**machine(), "peak_rss_mb": peak_mb, **results}
    print(f"{'what':<18}{'docs':>7}{'chunks':>8}{'seconds':>9}{'chunks/s':>10}")
    for name, r in results.items():
        print(
            f"{name:<18}{r.get('documents', ''):>7}{r['chunks']:>8}"
            f"{r['seconds']:>9.2f}{r['chunks_per_s']:>10.1f}"
        )
    print(f"peak RSS {peak_mb:.0f} MB; targets: embedding >= 300 chunks/s, ingest >= 150 chunks/s")
    path = write_record("ingest", record)
    print(f"record: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
