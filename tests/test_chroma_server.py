"""The same store code against a real Chroma server (`chroma run`) on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.ingest.pipeline import Ingestor
from assistant.search import search
from assistant.settings import Settings
from assistant.store import open_store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[str]:
    chroma = Path(sys.executable).with_name("chroma")
    assert chroma.exists(), "the chroma CLI comes with the chromadb package"
    port = _free_port()
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail("chroma run did not come up within 60 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_ingest_and_search_through_chroma_server(chroma_server: str, factcheck_home: Path) -> None:
    settings = Settings(store={"url": chroma_server})
    store = open_store(settings)
    try:
        outcomes = Ingestor(store).ingest(sorted(SEEDS.glob("*.txt")))
        assert [o.status for o in outcomes] == ["added"] * 5
        assert store.vectors.count() == store.docs.chunk_count()
        hits = search(store, "troops arriving in the Kursk region", k=3)
        assert "Kursk" in hits[0].chunk.text
        assert "vector" in hits[0].ranks or "vector" in hits[1].ranks
    finally:
        store.close()
    # nothing went to the embedded store: the vectors live on the server
    assert not (factcheck_home / "chroma").exists()
