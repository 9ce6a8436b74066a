"""`factcheck check --file DRAFT` as users run it: one process, model load included.

    .venv/bin/python bench/bench_check.py [--home DIR] [--corpus DIR] [--draft FILE]
                                          [--expect v1,v2,...]

Ingests the corpus (default: evals/corpora/kaveri) into DIR or a temporary data directory,
then checks the draft (default: evals/drafts/kaveri-draft.md) in one process, cold
(`llm.keep_alive = 0`: the model is loaded by the command if a statement needs it), then
warm (the second of two commands with the default keep-alive: the first starts the
background server, the second reuses it). Prints each statement's verdict,
what decided it and its latency, the wall time of the command, and the medians of figure
statements and of the others. With --expect (the gold verdicts in draft order, e.g. from
evals/drafts/kaveri-draft.gold.md) it says which verdicts differ. Target (issue 17, 2
cores): a ten-sentence draft within 30 s, figure statements well under a second each.
Writes bench/results/check-<timestamp>.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench_ask import FACTCHECK, ROOT, _env, stop_servers


def check(home: Path, draft: Path, keep_alive: str | None) -> dict[str, Any]:
    began = time.perf_counter()
    done = subprocess.run(
        [*FACTCHECK, "check", "--file", str(draft), "--json"], env=_env(home, keep_alive),
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - began
    if done.returncode != 0:
        return {"wall_s": round(wall, 2), "error": done.stderr[-400:]}
    report = json.loads(done.stdout)
    return {"wall_s": round(wall, 2), "latency_s": report["latency_s"],
            "usage": report["usage"], "statements": report["statements"]}  # fmt: skip


def show(label: str, run: dict[str, Any], expect: Sequence[str]) -> None:
    if "error" in run:
        print(f"{label}: failed after {run['wall_s']} s: {run['error']}")
        return
    rows = run["statements"]
    print(
        f"{label}: {len(rows)} statements, {run['wall_s']:.1f} s wall, "
        f"{run['latency_s']:.1f} s checking, {run['usage'].get('calls', 0)} model calls"
    )
    for i, s in enumerate(rows):
        gold = expect[i] if i < len(expect) else ""
        mark = "" if not gold else ("  ok" if gold == s["verdict"] else f"  gold: {gold}")
        kind = "figure" if s["figures"] else "other"
        print(
            f"  {s['latency_s']:5.2f} s {kind:6} {s['by']:9} {s['verdict']:15} "
            f"{s['text'][:60]}{mark}"
        )
    for kind in ("figure", "other"):
        own = [s["latency_s"] for s in rows if bool(s["figures"]) == (kind == "figure")]
        if own:
            print(
                f"  {kind} statements: {len(own)}, median {statistics.median(own):.2f} s, "
                f"slowest {max(own):.2f} s"
            )
    if expect:
        right = sum(1 for s, g in zip(rows, expect, strict=False) if s["verdict"] == g)
        print(f"  verdicts as expected: {right}/{len(expect)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, help="data directory (default: a temporary one)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "evals" / "corpora" / "kaveri")
    parser.add_argument("--draft", type=Path, default=ROOT / "evals" / "drafts" / "kaveri-draft.md")
    parser.add_argument("--expect", default="", help="gold verdicts in order, comma-separated")
    args = parser.parse_args(argv)
    expect = [v.strip() for v in args.expect.split(",") if v.strip()]
    runs: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "home"
        subprocess.run([*FACTCHECK, "ingest", str(args.corpus)], env=_env(home, "0"),
                       check=True, capture_output=True)  # fmt: skip
        stop_servers(home)
        runs["cold"] = check(home, args.draft, "0")
        show("cold", runs["cold"], expect)
        check(home, args.draft, None)  # starts the background server (and its cache)
        runs["warm"] = check(home, args.draft, None)
        show("warm", runs["warm"], expect)
        stop_servers(home)
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    path = results / f"check-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps({"draft": str(args.draft), "runs": runs}, indent=2) + "\n")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
