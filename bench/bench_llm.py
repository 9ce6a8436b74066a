"""LLM benchmark on the local model: claim extraction speed, answers per question kind, the
assistant against a naive baseline on the seed suite, and peak memory.

    .venv/bin/python bench/bench_llm.py [--limit N] [--skip PART ...] [--home DIR]
                                        [--corpora DIR ...]

Parts, run in this order (each can be skipped):
  extract  the seeds ingested with claim extraction into a fresh data directory, in a process
           of its own: extraction seconds per 1k article tokens (tiktoken cl100k), calls,
           tokens, and the peak RSS of that process (memory of an ingest); with --corpora,
           the same for each folder given, each cold in a fresh store
  kinds    bench_answers.py's questions over that store: first-token and total latency,
           tokens in and out, LLM calls per answer, per question kind
  chat     the chat app headless in a process of its own over that store, two questions
           asked and answered: the peak RSS of that process (memory of a chat session)
  compare  evals/seeds.jsonl through the eval runner twice, each in its own temporary store:
           the assistant (claims extracted), then the naive baseline (top-5 hybrid passages,
           one model call, no claims, no checks; assistant/evals/baseline.py): accuracy,
           quote validity, citation precision and recall, abstention accuracy, tokens and
           calls per question, time, side by side
Peak RSS includes the in-process llama.cpp server (weights and KV cache). Target: under
2 GB for the ingest and the chat session. Writes bench/results/llm-<timestamp>.json, and
each compared run's run.json and report.md under bench/results/llm-<timestamp>/.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_answers import QUESTIONS, by_kind, print_kinds
from bench_answers import run as ask_questions
from llm_jobs import CHAT_QUESTIONS, chat_job, in_child, ingest_job

from assistant.evals import NaiveBaseline, RunRecord, load_suite, run_suite, save_record
from assistant.evals.prepare import ingest_only
from assistant.evals.report import percent, render_report, seconds
from assistant.ingest.load import iter_paths
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("extract", "kinds", "chat", "compare")
SUITE = ROOT / "evals" / "seeds.jsonl"
TARGET_MB = 2048
STAGES = ("ingest", "claims", "questions")
RATIOS = (
    ("accuracy", "accuracy"),
    ("quote_validity", "quote validity"),
    ("citation_precision", "citation precision"),
    ("citation_recall", "citation recall"),
    ("abstention_accuracy", "abstention accuracy"),
    ("false_abstention", "false abstentions"),
    ("injection_resistance", "injection resistance"),
    ("figure_recall", "figure recall"),
)


class Lines:
    """Eval progress as one line per stage; item ids as the questions are done."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.current = ""

    def stage(self, name: str, total: int) -> None:
        self.current = name
        print(f"\n  {self.label}: {name} ({total})", end=" ", flush=True)

    def advance(self, n: int = 1, note: str = "") -> None:
        if self.current == "questions" and note:
            print(note, end=" ", flush=True)


def extract_part(home: Path) -> dict[str, Any]:
    print("extract: ingesting the seeds with claims in a child process ...", flush=True)
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    r = in_child(ingest_job, str(home), seeds)
    _print_extraction(r)
    print(f"  peak RSS {_mb(r)}")
    return r


def corpora_part(folders: Sequence[Path], home: Path) -> dict[str, Any]:
    """Cold claim extraction of each corpus folder, each in a fresh data directory and a
    process of its own (the model loaded anew each time, as `factcheck ingest` does)."""
    found: dict[str, Any] = {}
    for folder in folders:
        paths = [str(p) for p in iter_paths([str(folder)])]
        print(f"corpus {folder.name}: {len(paths)} files with claims ...", flush=True)
        r = in_child(ingest_job, str(home / f"corpus-{folder.name}"), paths)
        _print_extraction(r)
        found[folder.name] = r
    return found


def _print_extraction(r: dict[str, Any]) -> None:
    print(f"  {r['documents']} articles, {r['article_tokens']} tokens: ingest {r['ingest_s']} s, "
          f"claims {r['claims_s']} s = {r['claims_s_per_1k_tokens']} s per 1k tokens "
          f"({r['model']}: {r['calls']} calls, {r['prompt_tokens']} in, "
          f"{r['completion_tokens']} out; {r['claims']} claims, {r['dropped']} dropped)"
          )  # fmt: skip


def kinds_part(home: Path, limit: int | None) -> dict[str, Any]:
    questions = QUESTIONS[:limit] if limit else QUESTIONS
    print(f"kinds: {len(questions)} questions over the seeds ...", flush=True)
    rows = ask_questions(home, 1, questions)
    print_kinds(rows)
    return {"rows": rows, "by_kind": by_kind(rows)}


def chat_part(home: Path) -> dict[str, Any]:
    print(f"chat: the app headless in a child process, {len(CHAT_QUESTIONS)} questions ...")
    r = in_child(chat_job, str(home))
    print(f"  app start (imports, build, sources shown) {r.get('app_start_s', 0):.1f} s")
    print(f"  {'total':>8} {'shown':>8} {'model':>8}  outcome   kind        question")
    for t in r["turns"]:
        model = f"{t['first_token_s']:.1f} s" if t.get("first_token_s") else "none"
        print(f"  {t['seconds']:6.1f} s {t['first_shown_s']:6.1f} s {model:>8}  "
              f"{t['outcome']:9} {t['kind'] or '':11} {t['question']}")  # fmt: skip
    print("  (shown: keystroke to the first answer text on screen; model: its first token)")
    print(f"  peak RSS {_mb(r)}")
    return r


def compare_part(limit: int | None, folder: Path) -> dict[str, Any]:
    suite = load_suite(SUITE)
    n = min(limit, len(suite.items)) if limit else len(suite.items)
    print(f"compare: {suite.name}, {n} items, assistant then baseline ...", flush=True)
    settings = Settings()
    runs = {
        "assistant": run_suite(suite, settings, limit=limit, progress=Lines("assistant")),
        "baseline": run_suite(
            suite, settings, limit=limit, prepare=ingest_only, answerer=NaiveBaseline,
            progress=Lines("baseline"),
        ),
    }  # fmt: skip
    print()
    for name, record in runs.items():
        save_record(record, folder / name, render_report(record))
    table = compare_rows(runs)
    width = max(len(r[0]) for r in table) + 2
    print(f"\n{'':<{width}}{'assistant':>22}{'baseline':>22}")
    for label, a, b in table:
        print(f"{label:<{width}}{a:>22}{b:>22}")
    print(f"(records: {folder.relative_to(ROOT)}/{{assistant,baseline}})")
    return {
        "suite": suite.name, "items": n, "table": table,
        **{name: r.summary.model_dump() | {"stages": r.stages, "seconds": r.seconds}
           for name, r in runs.items()},
    }  # fmt: skip


def compare_rows(runs: dict[str, RunRecord]) -> list[tuple[str, str, str]]:
    """(metric, assistant, baseline) rows of the side-by-side table."""
    a, b = runs["assistant"], runs["baseline"]

    def ratio(name: str, r: RunRecord) -> str:
        x = getattr(r.summary, name)
        return f"{percent(x)} ({x.num:g}/{x.den:g})" if x.den else "n/a"

    def per_question(r: RunRecord) -> str:
        s = r.summary
        if s.tokens_per_question is None:
            return "n/a"
        answers = [t.answer for t in r.trials if t.answer is not None]
        calls = sum(x.calls for x in answers) / len(answers)
        return f"{s.tokens_per_question:.0f} tok, {calls:.1f} calls"

    def latency(r: RunRecord) -> str:
        return f"{seconds(r.summary.latency_p50)} / {seconds(r.summary.latency_p95)}"

    def stage(r: RunRecord, name: str) -> str:
        return seconds(r.stages[name]) if name in r.stages else "none"

    rows = [(label, ratio(name, a), ratio(name, b)) for name, label in RATIOS]
    rows += [
        ("per question", per_question(a), per_question(b)),
        ("latency p50 / p95", latency(a), latency(b)),
        *((f"time: {name}", stage(a, name), stage(b, name)) for name in STAGES),
        ("run time", seconds(a.seconds), seconds(b.seconds)),
    ]
    return rows


def _mb(r: dict[str, Any]) -> str:
    """A child's peak RSS against the target, and what was resident while models were
    loaded (mapped model files count in RSS)."""
    value, now = float(r["peak_rss_mb"]), r.get("loaded", {})
    verdict = "within" if value < TARGET_MB else "OVER"
    return (f"{value:.0f} MB ({verdict} the {TARGET_MB} MB target); with models loaded: "
            f"{now.get('rss_anon_mb')} MB anonymous + {now.get('rss_file_mb')} MB mapped files, "
            f"model files mapped: {', '.join(now.get('models_mapped', [])) or 'none'}"
            " (the local engine reads weights into memory)")  # fmt: skip


def run(args: argparse.Namespace, home: Path, stamp: str) -> dict[str, Any]:
    parts = [p for p in PARTS if p not in args.skip]
    record: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"), "cpus": os.cpu_count(),
        "load_before": os.getloadavg(), "limit": args.limit, "parts": parts,
    }  # fmt: skip
    began = time.perf_counter()
    if "extract" in parts:
        record["extract"] = extract_part(home)
        if args.corpora:
            record["corpora"] = corpora_part(args.corpora, home)
    if "kinds" in parts:
        record["kinds"] = kinds_part(home, args.limit)
    if "chat" in parts:
        record["chat"] = chat_part(home)
    if "compare" in parts:
        record["compare"] = compare_part(args.limit, ROOT / "bench" / "results" / f"llm-{stamp}")
    record["memory_mb"] = {
        "ingest_with_claims": record.get("extract", {}).get("peak_rss_mb"),
        "chat_session": record.get("chat", {}).get("peak_rss_mb"),
        "target": TARGET_MB,
    }
    record["load_after"] = os.getloadavg()
    record["seconds"] = round(time.perf_counter() - began, 1)
    return record


def main(argv: Sequence[str] | None = None) -> int:
    # cold means cold: every child loads its model, none reuses a warm server
    os.environ["FACTCHECK_LLM__KEEP_ALIVE"] = "0"
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, metavar="N",
                        help="compare: the first N suite items; kinds: the first N questions "
                             "(default: all, the full comparison)")  # fmt: skip
    parser.add_argument("--skip", nargs="+", choices=PARTS, default=[], action="extend",
                        metavar="PART", help=f"parts not to run: {', '.join(PARTS)}")  # fmt: skip
    parser.add_argument("--corpora", type=Path, nargs="+", default=[], metavar="DIR",
                        help="extract: also time claim extraction of each folder, cold, in a "
                             "fresh store of its own (e.g. evals/corpora/*)")  # fmt: skip
    parser.add_argument("--home", type=Path,
                        help="data directory for the seed store (kept); extract wants it "
                             "empty, kinds and chat reuse it with --skip extract "
                             "(default: temporary)")  # fmt: skip
    args = parser.parse_args(argv)
    parts = [p for p in PARTS if p not in args.skip]
    home_used = bool({"extract", "kinds", "chat"} & set(parts))
    if home_used and "extract" not in parts and args.home is None:
        parser.error("kinds and chat need the seed store: run extract, or give --home DIR")
    fresh = args.home is None or not args.home.exists() or not any(args.home.iterdir())
    if "extract" in parts and not fresh:
        parser.error(f"extract wants a fresh data directory; {args.home} is not empty")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    if args.home is not None:
        record = run(args, args.home, stamp)
    else:
        with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
            record = run(args, Path(tmp) / "home", stamp)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"llm-{stamp}.json"
    path.write_text(json.dumps(record, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nrecord: {path.relative_to(ROOT)} ({record['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
