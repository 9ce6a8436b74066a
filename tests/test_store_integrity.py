"""A damaged or version-mismatched store gets a clear one-line message naming
`factcheck doctor` from every command, never a traceback; `factcheck doctor` checks the
store's integrity (every chunk and claim at an existing document span, one vector per
chunk and claim) and `--repair` fixes what is derived (vectors), nothing else."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from assistant.claims.store import ClaimStore
from assistant.cli.main import run as cli_main
from assistant.ingest.pipeline import Ingestor
from assistant.settings import Settings
from assistant.store import open_store
from assistant.store.store import DB_NAME

from .consistency import assert_consistent
from .fake_openai import FakeOpenAI
from .test_cli import factcheck
from .test_faults import ARTICLE, answers, run

Cli = Callable[..., tuple[int, str, str]]
STORE_COMMANDS = (
    ("sources",),
    ("search", "final tally"),
    ("claims", "--about", "schools"),
    ("remove", "floods.txt"),
)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """`factcheck ARGS` in this process (each call a fresh Chroma client): code, out, err."""

    def invoke(*args: str) -> tuple[int, str, str]:
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
        monkeypatch.setattr(sys, "argv", ["factcheck", *args])
        capsys.readouterr()
        try:
            cli_main()
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        assert "internal error" not in err
        return code, out, err

    monkeypatch.setenv("COLUMNS", "400")
    return invoke


@pytest.fixture
def home(fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path) -> Path:
    """A store with one article, its chunks and four claims; then closed."""
    path = tmp_path / "floods.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    store = open_store(fake_settings)
    Ingestor(store).ingest([path])
    doc = store.docs.get(store.docs.summaries()[0].id)
    assert doc is not None
    for arguments in answers(doc):
        fake_openai.enqueue_tool_call("SentenceFigures", arguments)
    run(store, fake_settings)
    assert len(ClaimStore(store).claims()) == 4
    assert_consistent(store)
    store.close()
    return fake_settings.home


def doctor(cli: Cli, *extra: str) -> tuple[int, str]:
    code, out, _ = cli("doctor", "--quick", "--no-llm", *extra)
    return code, " ".join(out.split())  # table cells may wrap


def set_user_version(home: Path, version: int) -> None:
    with sqlite3.connect(home / DB_NAME) as db:
        db.execute(f"PRAGMA user_version = {version}")


def garbage_db(home: Path) -> None:
    (home / DB_NAME).write_bytes(b"\x13not a database\x00" * 400)
    for extra in ("-wal", "-shm"):
        (home / (DB_NAME + extra)).unlink(missing_ok=True)


def newer_layout(home: Path) -> None:
    (home / "layout.json").write_text('{"layout_version": 99}\n', encoding="utf-8")


def garbage_chroma(home: Path) -> None:
    (home / "chroma" / "chroma.sqlite3").write_bytes(b"garbage" * 3000)


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (garbage_db, "is unreadable: file is not a database"),
        (lambda h: set_user_version(h, 99), "has schema 99, newer than this release"),
        (newer_layout, "has layout 99, newer than this release"),
        (garbage_chroma, "cannot open the store at"),
    ],
    ids=["garbage-sqlite", "newer-schema", "newer-layout", "garbage-chroma"],
)
def test_every_command_names_the_damage_and_doctor(
    home: Path, cli: Cli, damage: Callable[[Path], None], says: str
) -> None:
    damage(home)
    vector_only = damage is garbage_chroma  # SQLite is intact: listing needs no vectors
    for args in STORE_COMMANDS:
        code, out, err = cli(*args)
        if vector_only and args[0] == "sources":
            assert code == 0
            assert "floods" in out
            continue
        assert code == 1, args
        (line,) = err.strip().splitlines()
        assert line.startswith("factcheck: error: ")
        assert says in line
        assert "factcheck doctor" in line
    code, report = doctor(cli)
    assert code == 1
    assert says in report
    assert "check(s) failed" in report


def test_lost_vector_folder_is_refused_then_repaired(home: Path) -> None:
    # in real processes: an embedded Chroma keeps a deleted folder's data open in memory
    shutil.rmtree(home / "chroma")  # Chroma would silently recreate it empty
    result = factcheck("sources")
    assert result.returncode == 0
    assert "floods" in result.stdout
    fresh = home.parent / "storm.txt"
    fresh.write_text("Storm warning\n\nA storm closed the harbour on Friday.\n", "utf-8")
    for args in (("search", "final tally"), ("ingest", str(fresh), "--no-claims")):
        result = factcheck(*args)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "the vector index holds 0 chunk vectors for 1 stored chunks" in result.stderr
        assert "factcheck doctor --repair" in result.stderr
    result = factcheck("doctor", "--quick", "--no-llm", env={"COLUMNS": "400"})
    report = " ".join(result.stdout.split())
    assert result.returncode == 1
    assert "1 chunk(s) without a vector" in report
    assert "4 claim(s) without a vector" in report
    result = factcheck("doctor", "--quick", "--no-llm", "--repair", env={"COLUMNS": "400"})
    report = " ".join(result.stdout.split())
    assert result.returncode == 0, report
    assert "re-embedded 1 chunk vector(s), re-embedded 4 claim vector(s)" in report
    result = factcheck("search", "final tally")
    assert result.returncode == 0
    assert "the final tally reached at least 1,200" in result.stdout


def test_doctor_finds_and_repairs_stray_vectors(home: Path, cli: Cli, settings: Settings) -> None:
    code, report = doctor(cli)
    assert code == 0, report
    assert "1 documents, 1 chunks, 4 claims; vectors: 1 chunk, 4 claim" in report
    store = open_store(settings)
    unit = np.ones((1, 384), np.float32) / np.sqrt(384)
    store.vectors.add(["ghost:0123:00000"], unit, [{"doc_id": "ghost", "version": "0123"}])
    store.claim_vectors.add(["ghost:0123:7:figure_1"], unit, [{"doc_id": "ghost"}])
    hits = {h.chunk_id for h in store.vectors.query(unit[0], 10)}
    assert "ghost:0123:00000" in hits
    store.close()
    code, out, _ = cli("search", "final tally", "--mode", "vector", "--json")
    assert code == 0
    assert "ghost" not in out  # a stray vector never surfaces as a passage
    code, report = doctor(cli)
    assert code == 1
    assert "1 stray chunk vector(s) without a chunk (ghost:0123:00000)" in report
    assert "1 stray claim vector(s) without a claim (ghost:0123:7:figure_1)" in report
    assert "factcheck doctor --repair" in report
    code, report = doctor(cli, "--repair")
    assert code == 0, report
    assert "deleted 1 stray chunk vector(s), deleted 1 stray claim vector(s)" in report
    store = open_store(settings)
    assert_consistent(store)
    store.close()


def test_doctor_reports_rows_not_matching_their_document(home: Path, cli: Cli) -> None:
    with sqlite3.connect(home / DB_NAME) as db:
        db.execute('UPDATE chunks SET "end" = "end" + 5000')
        claim_id, data = db.execute("SELECT id, data FROM claims LIMIT 1").fetchone()
        db.execute(
            "UPDATE claims SET data = ? WHERE id = ?", (data.replace("1,200", "9,999"), claim_id)
        )
    code, report = doctor(cli, "--repair")  # nothing here is safe to repair
    assert code == 1
    assert "1 chunk(s) not matching their document" in report
    assert f"1 claim(s) not quoting their document ({claim_id})" in report
    assert "repaired" not in report
    assert "re-ingest the documents named" in report
