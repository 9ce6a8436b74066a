"""Shared fixtures: no network beyond loopback, a temporary data directory per test,
the fake OpenAI server, a loopback web server, and the real local model for the few
end-to-end tests."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.settings import Settings, default_cache

from .fake_openai import FakeOpenAI, fake_openai  # noqa: F401 (fixture re-exported)
from .web_server import web  # noqa: F401 (fixture re-exported: a loopback web server)

# Tests on the real local model share one session fixture that ingests the seeds and
# extracts their claims (about 2-3 minutes on 2 idle cores); on a busy machine it can take
# several times that, so they get a longer limit than the suite's default.
E2E_TIMEOUT_S = 2400


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("e2e") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(E2E_TIMEOUT_S))


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address: Any) -> bool:
    if not isinstance(address, tuple):  # AF_UNIX paths and the like stay on this machine
        return True
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name that would need a DNS lookup


def _guard(real: Any) -> Any:
    def connect(self: socket.socket, address: Any) -> Any:
        if not _is_loopback(address):
            raise ConnectionRefusedError(f"tests may not reach {address!r}: only loopback")
        return real(self, address)

    return connect


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse every connection that is not to loopback, so an accidental download fails."""
    monkeypatch.setattr(socket.socket, "connect", _guard(_real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", _guard(_real_connect_ex))


@pytest.fixture(autouse=True)
def factcheck_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty data directory and working directory; the model cache is
    shared (models are verified once by `factcheck setup`, never downloaded by a test)."""
    for key in list(os.environ):
        if key.startswith("FACTCHECK_") and key != "FACTCHECK_CACHE":
            monkeypatch.delenv(key)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    home = tmp_path / "home"
    monkeypatch.setenv("FACTCHECK_HOME", str(home))
    monkeypatch.setenv("FACTCHECK_CACHE", str(default_cache()))
    # the real local model loads inside each test's process, never a server outliving it
    monkeypatch.setenv("FACTCHECK_LLM__KEEP_ALIVE", "0")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return home


@pytest.fixture
def settings(factcheck_home: Path) -> Settings:
    """Default settings inside the temporary data directory."""
    return Settings()


@pytest.fixture
def fake_settings(factcheck_home: Path, fake_openai: FakeOpenAI) -> Settings:  # noqa: F811
    """Settings whose LLM is the fake OpenAI server."""
    return Settings(
        llm={
            "provider": "openai",
            "base_url": fake_openai.base_url,
            "api_key": "sk-test-not-a-real-key",
            "extraction_model": "fake-model",
            "answer_model": "fake-model",
            "max_retries": 0,
            "timeout": 10,
        }
    )


def _require_models(names: list[str]) -> None:
    from assistant.models import fetch, registry

    cache = default_cache()
    missing = [n for n in names if not fetch.is_present(cache, registry.get_artifact(n))]
    if missing:
        pytest.fail(
            f"models {missing} are not set up in {cache}: run `factcheck setup` first "
            "(the README's test command does)",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def local_llm() -> Iterator[Any]:
    """The real local LLM (default models), shared by the end-to-end tests of a session."""
    from assistant.llm import LLM

    settings = Settings(home=default_cache() / "unused-home")
    _require_models([settings.llm.extraction_model, settings.llm.answer_model])
    llm = LLM(settings.llm, default_cache())
    yield llm
    llm.close()


@pytest.fixture
def require_models() -> Any:
    """Call with registry names; fails the test clearly when `factcheck setup` was not run."""
    return _require_models


@pytest.fixture(scope="session")
def seeded_corpus(local_llm: Any) -> Iterator[tuple[Any, Any, float]]:
    """The sample articles ingested and their claims extracted with the real local model,
    once per test session (a few minutes on 2 cores): (store, report, seconds)."""
    import tempfile
    import time

    from assistant.claims.run import extract_claims
    from assistant.ingest.pipeline import Ingestor
    from assistant.store import open_store

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home), cache=default_cache())
        store = open_store(settings)
        Ingestor(store).ingest(sorted(seeds.glob("*.txt")))
        began = time.perf_counter()
        report = extract_claims(store, local_llm)
        seconds = time.perf_counter() - began
        yield store, report, seconds
        store.close()
