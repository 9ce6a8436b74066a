"""A warm local model server shared by commands and stopped once idle (the real 0.5B model,
fetched beforehand by `factcheck setup`)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.llm import LLM, keepalive
from assistant.settings import Settings

pytestmark = pytest.mark.e2e


def _llm(cache: Path, keep_alive: float) -> LLM:
    settings = Settings(llm={"keep_alive": keep_alive, "context_size": 1024})
    return LLM(settings.llm, cache)


def _ask(llm: LLM) -> str:
    messages: list[Any] = [{"role": "user", "content": "Say yes."}]
    stream = llm.endpoint("extraction").client.chat.completions.create(
        model="local", messages=messages, max_tokens=4
    )
    return stream.choices[0].message.content or ""


def test_two_commands_share_one_warm_server_which_exits_when_idle(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the models are read from the shared cache; the servers' state goes to a private one
    cache = tmp_path / "cache"
    (cache / "models").parent.mkdir(parents=True, exist_ok=True)
    (cache / "models").symlink_to(settings.cache / "models")
    monkeypatch.setattr(keepalive, "LEASE_EVERY_S", 0.5)
    first = _llm(cache, keep_alive=2.0)
    try:
        url = first.endpoint("extraction").base_url
        assert _ask(first)
        (state,) = sorted(keepalive.state_dir(cache).glob("*.json"))
        pid = json.loads(state.read_text())["pid"]
        assert pid != os.getpid()  # a process of its own
        second = _llm(cache, keep_alive=2.0)
        try:
            assert second.endpoint("extraction").base_url == url  # no second load
            assert _ask(second)
        finally:
            second.close()
        time.sleep(3.0)  # idle time passes, but the first command still holds its lease
        assert [w.pid for w in keepalive.running(cache)] == [pid]
    finally:
        first.close()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and keepalive.running(cache):
        time.sleep(0.5)
    assert keepalive.running(cache) == []
    assert not state.exists()


def test_keep_alive_zero_serves_in_process(settings: Settings, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "models").symlink_to(settings.cache / "models")
    llm = _llm(cache, keep_alive=0)
    try:
        assert _ask(llm)
    finally:
        llm.close()
    assert not keepalive.state_dir(cache).exists()
