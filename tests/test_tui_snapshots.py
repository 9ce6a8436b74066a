"""SVG snapshots of the chat app at a pinned terminal size: the layout on start, and a
figures answer with its table, disagreements and evidence. Update after an intended
change with `pytest tests/test_tui_snapshots.py --snapshot-update` and look at the SVGs.

The figures answer takes no model call, so the endpoint is a fixed (unused) address and
the answer's timing is pinned, to keep every byte of the picture the same run to run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from assistant.settings import Settings
from assistant.store import open_store
from assistant.tui import FactcheckApp, make_app
from assistant.tui.article import ArticleScreen
from assistant.tui.prompt import QuestionInput

from .answer_corpus import seed_store

SIZE = (120, 40)


@pytest.fixture
def app(factcheck_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FactcheckApp:
    settings = Settings(
        llm={
            "provider": "openai",
            "base_url": "http://127.0.0.1:9/v1",
            "api_key": "sk-test-not-a-real-key",
            "answer_model": "fake-model",
            "extraction_model": "fake-model",
        }
    )
    store = open_store(settings)
    try:
        seed_store(store, tmp_path / "corpus")
    finally:
        store.close()
    monkeypatch.setattr(
        "assistant.answers.answerer.time", SimpleNamespace(perf_counter=lambda: 0.0)
    )
    return make_app(settings)


async def _until(pilot: Pilot[Any], ready: Callable[[], bool], timeout: float = 30) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not ready():
        assert loop.time() < deadline, "the app did not get there in time"
        await pilot.pause(0.05)


def _still(app: App[Any]) -> None:
    """No blinking cursors: a blink would make the picture depend on the moment taken."""
    for widget in app.screen.query("Input, TextArea"):
        assert isinstance(widget, Input | TextArea)
        widget.cursor_blink = False


async def _loaded(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, FactcheckApp)
    await _until(pilot, lambda: "documents" in str(app.query_one("SourcesPanel").border_subtitle))
    _still(app)
    await pilot.pause()


def test_layout_on_start(app: FactcheckApp, snap_compare: Any) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=_loaded)


def test_figures_answer(app: FactcheckApp, snap_compare: Any) -> None:
    async def ask(pilot: Pilot[Any]) -> None:
        await _loaded(pilot)
        app.query_one(QuestionInput).value = "How many families were evacuated, per source?"
        await pilot.press("enter")
        await _until(pilot, lambda: bool(app.cards) and app.cards[-1].answer is not None)
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=SIZE, run_before=ask)


def test_article_view_with_the_passage_highlighted(app: FactcheckApp, snap_compare: Any) -> None:
    async def open_citation(pilot: Pilot[Any]) -> None:
        await _loaded(pilot)
        app.query_one(QuestionInput).value = "How many families were evacuated, per source?"
        await pilot.press("enter")
        await _until(pilot, lambda: bool(app.cards) and app.cards[-1].answer is not None)
        app.query_one("#evidence").focus()
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(app.screen, ArticleScreen))
        _still(app)
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_citation)
