"""Start-up stays cheap: registering the commands imports none of the heavy libraries.

Structural, not timed: a fresh interpreter imports the CLI (or runs `--help`/`--version`)
and reports which modules got loaded. The heavy libraries load inside the commands that
use them (bench/bench_startup.py has the seconds).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import assistant

ROOT = Path(assistant.__file__).resolve().parents[1]

# Each takes from 0.05 s to over a second to import on 2 cores. pydantic itself is not
# among them: typer loads it (typer._adapters) to parse any subcommand's options.
HEAVY = (
    "chromadb", "openai", "instructor", "textual", "spacy", "tiktoken", "onnxruntime",
    "numpy", "trafilatura", "lxml", "httpx", "pydantic_settings", "tokenizers", "xllamacpp",
    "pypdf", "docx",
)  # fmt: skip

_REPORT = (
    "import json, sys\n"
    "sys.argv = ['factcheck', *json.loads(sys.argv[1])]\n"
    "try:\n"
    "    from assistant.cli.main import app\n"
    "    if len(sys.argv) > 1:\n"
    "        app()\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
)


def loaded_modules(*args: str) -> set[str]:
    """Top-level packages loaded by importing the CLI and running it with ARGS."""
    done = subprocess.run(
        [sys.executable, "-c", _REPORT, json.dumps(args)],
        capture_output=True, text=True, timeout=120, check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"},
    )  # fmt: skip
    names = json.loads(done.stderr.strip().splitlines()[-1])
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("args", [(), ("--help",), ("--version",), ("ingest", "--help")])
def test_registering_commands_loads_no_heavy_library(args: tuple[str, ...]) -> None:
    loaded = loaded_modules(*args)
    assert "assistant" in loaded
    assert sorted(loaded & set(HEAVY)) == []
    if not args or args[0].startswith("--"):  # no subcommand: typer never needs pydantic
        assert "pydantic" not in loaded


def test_listing_sources_loads_no_model_or_vector_library() -> None:
    loaded = loaded_modules("sources", "--json")
    assert "pydantic_settings" in loaded  # settings were read: the command really ran
    for heavy in ("chromadb", "openai", "instructor", "textual", "spacy", "onnxruntime", "numpy"):
        assert heavy not in loaded
