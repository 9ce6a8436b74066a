"""Start-up: how long a command takes from a fresh process to its exit, printed as a table.

    .venv/bin/python bench/bench_startup.py [--runs 7] [--home DIR]

Each command runs RUNS times as `python -m assistant ...` from the repository root (the
working tree's package, not an installed copy), in a fresh process every time; the table
shows the median, fastest and slowest wall-clock seconds. Without --home the commands see
a new, empty data directory. Writes a JSON record to bench/results/startup-<timestamp>.json.
Targets (2 cores, idle): --help and --version <= 0.3 s, sources <= 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from records import machine, write_record

ROOT = Path(__file__).resolve().parents[1]

# (name, arguments, target seconds or None)
COMMANDS: list[tuple[str, list[str], float | None]] = [
    ("--help", ["--help"], 0.3),
    ("--version", ["--version"], 0.3),
    ("ingest --help", ["ingest", "--help"], None),
    ("ask --help", ["ask", "--help"], None),
    ("config --json", ["config", "--json"], None),
    ("sources", ["sources"], 1.0),
    ("sources --json", ["sources", "--json"], 1.0),
]


def time_command(args: list[str], runs: int, env: dict[str, str]) -> list[float]:
    """Wall-clock seconds of `runs` fresh `python -m assistant ARGS` processes."""
    seconds = []
    for _ in range(runs):
        began = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "assistant", *args],
            cwd=ROOT, env=env, capture_output=True, check=False,
        )  # fmt: skip
        seconds.append(time.perf_counter() - began)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed: {done.stderr.decode(errors='replace')}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per command")
    parser.add_argument("--home", type=Path, help="data directory to list (default: empty)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "FACTCHECK_HOME": str(args.home or Path(tmp) / "home")}
        env.pop("PYTHONPATH", None)
        time_command(["--version"], 1, env)  # warm the bytecode and file caches
        results = {}
        for name, cmd, target in COMMANDS:
            seconds = time_command(cmd, args.runs, env)
            results[name] = {
                "median_s": statistics.median(seconds), "min_s": min(seconds),
                "max_s": max(seconds), "runs": len(seconds), "target_s": target,
            }  # fmt: skip
    print(f"{'command':<16}{'median s':>10}{'min':>8}{'max':>8}{'target':>8}")
    for name, r in results.items():
        target = f"{r['target_s']:.1f}" if r["target_s"] is not None else ""
        print(f"{name:<16}{r['median_s']:>10.3f}{r['min_s']:>8.3f}{r['max_s']:>8.3f}{target:>8}")
    record = {
        "machine": machine(), "runs": args.runs, "home": str(args.home or "empty"),
        "commands": results,
    }  # fmt: skip
    path = write_record("startup", record)
    print(f"record: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
