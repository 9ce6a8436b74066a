"""Answer benchmark on the local model: latency, first token, tokens and calls per question.

    .venv/bin/python bench/bench_answers.py [--home DIR] [--repeat 1]

Ingests the sample articles (with claim extraction) into DIR, or a temporary data
directory, unless DIR already holds them; then asks a fixed set of questions of every
kind. Writes bench/results/answers-<timestamp>.json. Targets (2 cores): figure answers
within 2 s from stored claims, timeline answers ("how did ... change?", "the latest
figure") within 1 s; composed answers median within 10 s, first checked sentence within
4 s (issue 16; it was 15 s and a first token within 4 s). The process is warm, as in the
chat UI: two untimed questions first load the parser, the embedder and the answer model.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.answers import Answerer
from assistant.claims.run import extract_claims
from assistant.ingest.pipeline import Ingestor
from assistant.llm import LLM
from assistant.settings import Settings
from assistant.store import open_store

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = (
    "How many North Korean troops are in Russia, per source?",
    "how many troops per source?",
    "Who said 11,000 troops are training in eastern Russia?",
    "Do the sources agree on how many troops were sent?",
    "When did Russia and North Korea sign their agreement?",
    "Where are the North Korean troops being trained?",
    "Who oversees the training of the North Korean troops?",
    "How many North Korean soldiers have been killed?",
    "What is the weather in Pyongyang?",
    "How did the number of North Korean troops change?",
    "What is the latest figure for North Korean troops in Russia?",
)
WARM_UP = "What did the articles say about the weather in Seoul?"
"""Asked untimed before the timed questions: a composed question, so the answer model is
loaded (by bench_ask too: it starts the background server before the warm pass)."""


def run(home: Path, repeat: int, questions: Sequence[str] = QUESTIONS) -> list[dict[str, Any]]:
    """Ask `questions` `repeat` times over the seeds in `home` (ingested and extracted first
    when missing); one row per answer."""
    os.environ["FACTCHECK_HOME"] = str(home)
    settings = Settings()
    store = open_store(settings)
    llm = LLM(settings.llm, settings.cache)
    try:
        if not store.docs.summaries():
            Ingestor(store).ingest(sorted((ROOT / "seeds").glob("*.txt")))
        extract_claims(store, llm)
        answerer = Answerer(store, llm)
        answerer.ask("warm up: how many troops per source?")
        answerer.ask(WARM_UP)
        rows = []
        for n in range(repeat):
            for question in questions:
                answer = answerer.ask(question)
                kind = "timeline" if answer.timeline else answer.kind
                rows.append({
                    "question": question, "pass": n, "kind": kind, "abstained": answer.abstained,
                    "latency_s": answer.latency_s, "first_token_s": answer.first_token_s,
                    "first_sentence_s": answer.first_sentence_s,
                    "prompt_tokens": answer.usage.prompt_tokens,
                    "completion_tokens": answer.usage.completion_tokens,
                    "calls": answer.usage.calls, "figures": len(answer.figures),
                    "verified": answer.verification.verified,
                    "dropped": answer.verification.dropped, "answer": answer.answer[:160],
                })  # fmt: skip
                verdict = "abstain" if answer.abstained else "answer"
                print(f"{answer.latency_s:6.2f}s {kind:11} {verdict:8} {question}")
        return rows
    finally:
        llm.close()
        store.close()


def by_kind(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per question kind: answers, median and max latency, median first token, mean tokens
    in and out and LLM calls per answer."""
    table = []
    for kind in dict.fromkeys(str(r["kind"]) for r in rows):
        own = [r for r in rows if r["kind"] == kind]
        lat = [float(r["latency_s"]) for r in own]
        first = [float(r["first_token_s"]) for r in own if r["first_token_s"] is not None]
        table.append({
            "kind": kind, "n": len(own), "median_s": statistics.median(lat), "max_s": max(lat),
            "first_token_s": statistics.median(first) if first else None,
            "tokens_in": statistics.mean(int(r["prompt_tokens"]) for r in own),
            "tokens_out": statistics.mean(int(r["completion_tokens"]) for r in own),
            "calls": statistics.mean(int(r["calls"]) for r in own),
        })  # fmt: skip
    return table


def print_kinds(rows: Sequence[dict[str, Any]]) -> None:
    """The per-kind table, then the medians of composed answers."""
    print(f"\n{'kind':<12}{'n':>3}{'median s':>10}{'max s':>8}{'first tok':>10}"
          f"{'tok in':>8}{'tok out':>8}{'calls':>6}")  # fmt: skip
    for k in by_kind(rows):
        first = float("nan") if k["first_token_s"] is None else k["first_token_s"]
        print(f"{k['kind']:<12}{k['n']:>3}{k['median_s']:>10.2f}{k['max_s']:>8.2f}"
              f"{first:>10.2f}{k['tokens_in']:>8.0f}{k['tokens_out']:>8.0f}"
              f"{k['calls']:>6.1f}")  # fmt: skip
    # a question asked again finds its whole prompt in llama.cpp's cache (no prefill): the
    # first pass is what a user asking a new question waits, repeats are shown apart
    for label, own in (
        ("composed answers", [r for r in rows if not r.get("pass")]),
        ("asked again (prompt cached)", [r for r in rows if r.get("pass")]),
    ):
        composed = [r for r in own if r["first_token_s"] is not None]
        if not composed:
            continue
        lat = [float(r["latency_s"]) for r in composed]
        first_s = [float(r["first_token_s"]) for r in composed]
        checked = [float(r["first_sentence_s"]) for r in composed if r.get("first_sentence_s")]
        sentence = f"{statistics.median(checked):.2f} s" if checked else "none"
        print(f"{label}: median {statistics.median(lat):.2f} s, "
              f"first token median {statistics.median(first_s):.2f} s, "
              f"first checked sentence median {sentence}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="data directory to reuse (seeds ingested)")
    parser.add_argument("--repeat", type=int, default=1, help="times to ask each question")
    args = parser.parse_args()
    if args.home is not None:
        rows = run(args.home, args.repeat)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            rows = run(Path(tmp), args.repeat)
    print_kinds(rows)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"answers-{time.strftime('%Y%m%d-%H%M%S')}.json"
    record = {"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "cpus": os.cpu_count(), "rows": rows}
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"record: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
