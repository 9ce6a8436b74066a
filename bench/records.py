"""Benchmark records: the machine a run was on, and one JSON file per run in bench/results/.

bench/results/ is ignored by git (see the repository's .gitignore): records are local
evidence, quoted in commit messages and issues, not committed.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict[str, Any]:
    """What the figures depend on: cores, CPU, Python, and how busy the machine was."""
    return {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "processor": platform.processor() or platform.machine(),
        "system": platform.platform(),
        "python": sys.version.split()[0],
        "load_avg": list(os.getloadavg()),
        "git": _git_state(),
    }


def _git_state() -> str:
    """The commit checked out, with "+dirty" when tracked files have changes."""
    git = shutil.which("git")
    if git is None:
        return "unknown"

    def run(*args: str) -> str:
        done = subprocess.run(
            [git, *args], cwd=RESULTS.parent, capture_output=True, text=True, check=False
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = run("rev-parse", "--short", "HEAD") or "unknown"
    return commit + ("+dirty" if run("status", "--porcelain", "--untracked-files=no") else "")


def write_record(prefix: str, record: dict[str, Any], folder: Path = RESULTS) -> Path:
    """Write `record` to `folder/<prefix>-<timestamp>.json`; return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{prefix}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return path
