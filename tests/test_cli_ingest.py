"""`factcheck ingest / sources / search / remove` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from .test_cli import factcheck

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_ingest_sources_search_remove(tmp_path: Path) -> None:
    result = factcheck("ingest", "--no-claims", str(SEEDS))
    assert result.returncode == 0, result.stderr
    assert "added 5, unchanged 0, replaced 0, failed 0" in result.stdout

    again = factcheck("ingest", "--no-claims", str(SEEDS / "*.txt"))
    assert "added 0, unchanged 5" in again.stdout

    listed = json.loads(factcheck("sources", "--json").stdout)
    assert len(listed) == 5
    assert {"id", "title", "outlet", "date", "source", "chars", "chunks"} <= set(listed[0])
    assert listed[0]["kind"] == "text"
    assert listed[0]["pages"] is None
    assert all(d["chunks"] > 0 and d["chars"] > 0 for d in listed)

    found = factcheck("search", "troops arriving in the Kursk region", "-k", "3", "--json")
    assert found.returncode == 0, found.stderr
    items = json.loads(found.stdout)
    assert len(items) == 3
    assert {"doc_id", "start", "end", "text", "score"} <= set(items[0])
    assert "Kursk" in items[0]["text"]

    removed = factcheck("remove", listed[0]["id"])
    assert removed.returncode == 0, removed.stderr
    assert len(json.loads(factcheck("sources", "--json").stdout)) == 4


def test_ingest_failures_exit_nonzero_and_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "fine.md").write_text("# Rally\n\nPolice said 300 people marched on Sunday.\n")
    result = factcheck("ingest", "--no-claims", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert "added 1" in result.stdout
    assert "failed 2" in result.stdout
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failures) == 2
    assert any("empty.txt" in line for line in failures)
    assert any("missing.txt" in line for line in failures)
    assert "Traceback" not in result.stderr
