"""`factcheck ask` as users run it: one process per question, model load included.

    .venv/bin/python bench/bench_ask.py [--home DIR] [--corpus DIR] [--questions FILE]

Ingests the corpus (default: the seeds) into DIR or a temporary data directory, then asks
each question in a process of its own, twice over: cold (`llm.keep_alive = 0`, the model
loaded by every command) and warm (the default keep-alive: an untimed first command starts
the background server, the timed ones reuse it). Prints, per question, the wall time of the
process, the answer's own latency, its first token and its first verified sentence (for a
composed answer, from the command's start and from the answer's), and the medians of
composed answers. Targets (issue 16, 2 cores): composed answers median within 10 s, first
checked sentence within 4 s. Writes bench/results/ask-<timestamp>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_answers import WARM_UP

ROOT = Path(__file__).resolve().parents[1]
FACTCHECK = [sys.executable, "-m", "assistant"]
QUESTIONS = (
    "How many North Korean troops are in Russia, per source?",
    "When did Russia and North Korea sign their agreement?",
    "Where are the North Korean troops being trained?",
    "Who oversees the training of the North Korean troops?",
    "Summarise what the articles say about North Korean troops in Russia.",
    "Will South Korea send weapons directly to Ukraine?",
    "What is the weather in Pyongyang?",
    "How did the number of North Korean troops change?",
)


def _env(home: Path, keep_alive: str | None) -> dict[str, str]:
    env = {**os.environ, "FACTCHECK_HOME": str(home)}
    env.pop("FACTCHECK_LLM__KEEP_ALIVE", None)
    if keep_alive is not None:
        env["FACTCHECK_LLM__KEEP_ALIVE"] = keep_alive
    return env


def ask(home: Path, question: str, keep_alive: str | None) -> dict[str, Any]:
    began = time.perf_counter()
    done = subprocess.run(
        [*FACTCHECK, "ask", question, "--json"], env=_env(home, keep_alive),
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - began
    if done.returncode != 0:
        return {"question": question, "wall_s": wall, "error": done.stderr[-400:]}
    answer = json.loads(done.stdout)
    return {
        "question": question, "wall_s": round(wall, 2), "kind": answer["kind"],
        "composed": answer["usage"]["calls"] > 0 and answer["kind"] != "figures",
        "latency_s": answer["latency_s"], "first_token_s": answer.get("first_token_s"),
        "first_sentence_s": answer.get("first_sentence_s"),
        "abstained": answer["abstained"], "prompt_tokens": answer["usage"]["prompt_tokens"],
        "completion_tokens": answer["usage"]["completion_tokens"],
    }  # fmt: skip


def stop_servers(home: Path) -> None:
    code = "from assistant.llm import keepalive; from assistant.settings import Settings; " \
           "print(keepalive.stop_all(Settings().cache))"  # fmt: skip
    subprocess.run([sys.executable, "-c", code], env=_env(home, None), check=False)


def measure(home: Path, questions: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    runs: dict[str, list[dict[str, Any]]] = {}
    for label, keep_alive in (("cold", "0"), ("warm", None)):
        stop_servers(home)
        # warm: the server is running when the timed commands start (a user's first command
        # of a session pays that load, as the cold pass measures)
        if keep_alive is None:
            ask(home, WARM_UP, keep_alive)
        print(f"{label}: {len(questions)} questions, one process each ...", flush=True)
        rows = []
        for question in questions:
            row = ask(home, question, keep_alive)
            rows.append(row)
            print(f"  {row['wall_s']:6.1f} s wall  {row.get('latency_s', 0):6.1f} s answer  "
                  f"{row.get('first_token_s') or 0:5.1f} s first token  "
                  f"{row.get('first_sentence_s') or 0:5.1f} s first sentence  "
                  f"{row.get('kind', 'error'):11} {question}", flush=True)  # fmt: skip
        runs[label] = rows
    stop_servers(home)
    return runs


def summarise(runs: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for label, rows in runs.items():
        composed = [r for r in rows if r.get("composed")]
        walls = [r["wall_s"] for r in composed]
        firsts = [r["first_token_s"] for r in composed if r.get("first_token_s")]
        # from the command's start: the process's time before and after answering, plus
        # the answer's own time to its first verified sentence (an upper bound: it counts
        # printing and exit too)
        sentences = [
            r["wall_s"] - r["latency_s"] + r["first_sentence_s"]
            for r in composed if r.get("first_sentence_s")
        ]  # fmt: skip
        in_answer = [r["first_sentence_s"] for r in composed if r.get("first_sentence_s")]
        out[label] = {
            "composed": len(composed),
            "wall_median_s": round(statistics.median(walls), 2) if walls else None,
            "answer_median_s": round(statistics.median(r["latency_s"] for r in composed), 2)
            if composed else None,
            "first_token_median_s": round(statistics.median(firsts), 2) if firsts else None,
            "first_sentence_median_s": round(statistics.median(sentences), 2)
            if sentences else None,
            "first_sentence_in_answer_median_s": round(statistics.median(in_answer), 2)
            if in_answer else None,
            "all_wall_median_s": round(statistics.median(r["wall_s"] for r in rows), 2),
        }  # fmt: skip
        s = out[label]
        print(
            f"{label}: composed answers {s['composed']}: median {s['wall_median_s']} s per "
            f"command ({s['answer_median_s']} s answering), first token median "
            f"{s['first_token_median_s']} s, first verified sentence median "
            f"{s['first_sentence_median_s']} s from the command's start "
            f"({s['first_sentence_in_answer_median_s']} s from the answer's); every question "
            f"{s['all_wall_median_s']} s"
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, help="data directory (default: a temporary one)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    parser.add_argument("--questions", type=Path, help="a file with one question per line")
    args = parser.parse_args(argv)
    questions = QUESTIONS
    if args.questions:
        questions = tuple(q for q in args.questions.read_text().splitlines() if q.strip())
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "home"
        subprocess.run([*FACTCHECK, "ingest", str(args.corpus)], env=_env(home, "0"),
                       check=True, capture_output=True)  # fmt: skip
        runs = measure(home, questions)
    summary = summarise(runs)
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    path = results / f"ask-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps({"runs": runs, "summary": summary}, indent=2) + "\n")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
