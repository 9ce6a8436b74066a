"""The chat app driven through Pilot against the fake OpenAI server and the invented flood
corpus: figures table, streamed composed answers, the article view, cancel, copy/export,
errors as notifications, ingest from the command palette, input history and help."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Markdown, OptionList, Static

from assistant.answers import CANNOT_ANSWER
from assistant.answers.evidence import gather
from assistant.errors import DataDirError
from assistant.settings import Settings
from assistant.store import Store, open_store
from assistant.tui import FactcheckApp, make_app
from assistant.tui.answer_card import AnswerCard
from assistant.tui.article import ArticleScreen
from assistant.tui.dialogs import HelpScreen, IngestScreen
from assistant.tui.panels import EvidencePanel, SourcesPanel, StatusLine
from assistant.tui.prompt import QuestionInput

from .answer_corpus import seed_store
from .fake_openai import FakeOpenAI

FIGURES = "How many families were evacuated, per source?"
RESCUE = "Where did rescue teams go on Monday?"
OPEN = "Tell me about the rescue teams on Monday"
SIZE = (120, 40)


@pytest.fixture
def corpus(fake_settings: Settings, tmp_path: Path) -> dict[str, str]:
    """The flood corpus in the data directory (the app opens its own store)."""
    store = open_store(fake_settings)
    try:
        return seed_store(store, tmp_path / "corpus")
    finally:
        store.close()


def evidence_id(settings: Settings, question: str, needle: str) -> str:
    store = open_store(settings)
    try:
        evidence, _ = gather(store, question)
    finally:
        store.close()
    return next(e.id for e in evidence if needle in e.text)


def drive(app: FactcheckApp, script: Callable[[Pilot[None]], Awaitable[None]]) -> None:
    """Run `script` against the app at a fixed size."""

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: bool(app.query_one(SourcesPanel).border_subtitle))
            await script(pilot)

    asyncio.run(main())


async def until(pilot: Pilot[Any], ready: Callable[[], bool], timeout: float = 30) -> None:
    """Let the app run until `ready()` holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not ready():
        if loop.time() > deadline:
            raise AssertionError("the app did not get there in time")
        await pilot.pause(0.05)


async def ask(pilot: Pilot[Any], question: str, *, wait: bool = True) -> AnswerCard:
    app = pilot.app
    assert isinstance(app, FactcheckApp)
    app.query_one(QuestionInput).focus()
    app.query_one(QuestionInput).value = question
    await pilot.press("enter")
    await until(pilot, lambda: bool(app.cards) and app.cards[-1].question == question)
    card = app.cards[-1]
    if wait:
        await until(pilot, lambda: card.done)
    return card


def notes(app: FactcheckApp) -> list[str]:
    return [n.message for n in app._notifications]


def palette_shows(app: FactcheckApp, title: str) -> bool:
    """The command palette is open and its first hit is `title`."""
    if not isinstance(app.screen, CommandPalette):
        return False
    hits = app.screen.query_one(CommandList)
    return hits.option_count > 0 and title in str(hits.get_option_at_index(0).prompt)


def test_figure_question_shows_table_disagreements_and_evidence(
    corpus: dict[str, str], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    app = make_app(fake_settings)

    async def script(pilot: Pilot[None]) -> None:
        sources = app.query_one("#sources", OptionList)
        assert sources.option_count == 3
        card = await ask(pilot, FIGURES)
        assert card.answer is not None
        assert card.answer.kind == "figures"
        assert card.query_one(".figures", Static).display
        assert card.table is not None
        columns = {c.header: [str(cell) for cell in c.cells] for c in card.table.columns}
        assert list(columns) == ["outlet", "figure", "hedge", "counted", "asserter", "cite"]
        rows = list(zip(*columns.values(), strict=True))
        assert {r[0] for r in rows} == {"Valley Post", "Coast Herald", "River Times"}
        assert ("Coast Herald", "3,000", "about", "families were evacuated", "Ilse Brandt",
                "[1]") in rows  # fmt: skip
        conflicts = card.query_one(".conflicts", Static)
        assert conflicts.display
        assert "1,500" in str(conflicts.render())
        evidence = app.query_one(EvidencePanel)
        assert evidence.citations == card.answer.citations
        assert app.query_one("#evidence", OptionList).option_count == len(card.answer.citations)
        assert any(c.asserter == "Ilse Brandt" for c in evidence.citations)
        status = str(app.query_one(StatusLine).render())
        assert "fake-model" in status
        assert "3/3 verified" in status

    drive(app, script)
    assert fake_openai.requests == []  # figures come from claims, not the model


def test_composed_answer_streams_with_citations(
    corpus: dict[str, str], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    # not a single fact (planned by the model): two sentences may answer it
    rescue = evidence_id(fake_settings, OPEN, "Rescue teams")
    fake_openai.enqueue_tool_call("PlanDraft", {"kind": "other", "about": "rescue teams",
                                                "focus": []})  # fmt: skip
    fake_openai.enqueue_tool_call("Answer", {"answerable": True, "sentences": [
        {"text": "Rescue teams reached the northern villages on Monday.", "cites": [rescue]},
        {"text": "They rescued 500 people in the villages.", "cites": [rescue]},
    ]})  # fmt: skip
    app = make_app(fake_settings)

    async def script(pilot: Pilot[None]) -> None:
        card = await ask(pilot, OPEN)
        assert card.answer is not None
        assert not card.answer.abstained
        # both sentences were streamed one by one, checked, with their citation numbers
        await until(pilot, lambda: len(card.streamed) == 2)
        assert card.streamed == card.answer.sentences
        source = card.query_one(Markdown).source
        assert "Rescue teams reached the northern villages on Monday. [\\[1\\]](cite:1)" in source
        assert "~~They rescued 500 people in the villages\\.~~" in source or (
            "~~They rescued 500 people in the villages.~~" in source
        )
        assert "unsupported" in source
        citation = app.query_one(EvidencePanel).citations[0]
        assert citation.outlet == "Coast Herald"
        assert "Rescue teams" in citation.quote
        assert "1/2 verified, 1 dropped" in str(app.query_one(StatusLine).render())

    drive(app, script)
    fake_openai.assert_done()


def test_citation_opens_the_article_with_the_quote_highlighted(
    corpus: dict[str, str], fake_settings: Settings
) -> None:
    app = make_app(fake_settings)

    async def script(pilot: Pilot[None]) -> None:
        card = await ask(pilot, FIGURES)
        assert card.answer is not None
        cited = card.answer.citations[1]
        evidence = app.query_one("#evidence", OptionList)
        evidence.focus()
        evidence.highlighted = evidence.get_option_index(f"cite-{cited.n}")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ArticleScreen))
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.pause()
        assert screen.doc.id == cited.doc_id
        assert screen.span == (cited.start, cited.end)
        assert screen.text_area.text[cited.start : cited.end] == cited.quote
        assert screen.highlighted() == cited.quote
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ArticleScreen))
        # a citation mark in the answer's text is a link to its article too
        body = card.query_one(Markdown)
        assert "(cite:3)" in body.source
        body.post_message(Markdown.LinkClicked(body, "cite:3"))
        await until(pilot, lambda: isinstance(app.screen, ArticleScreen))
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        third = card.answer.citations[2]
        assert screen.highlighted() == third.quote
        assert any(r.surface in third.quote for r in card.answer.figures if r.citation == 3)
        # a document of the sidebar opens without a highlight
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ArticleScreen))
        sources = app.query_one("#sources", OptionList)
        sources.focus()
        sources.highlighted = sources.get_option_index("river-times")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ArticleScreen))
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.doc.outlet == "River Times"
        assert screen.highlighted() == ""

    drive(app, script)


def test_escape_cancels_a_slow_answer_and_the_ui_stays_responsive(
    corpus: dict[str, str], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    rescue = evidence_id(fake_settings, RESCUE, "Rescue teams")
    fake_openai.enqueue_tool_call("Answer", {"answerable": True, "sentences": [
        {"text": "Rescue teams reached the northern villages on Monday.", "cites": [rescue]},
    ]}, delay=2.5)  # fmt: skip
    app = make_app(fake_settings)

    async def script(pilot: Pilot[None]) -> None:
        slow = await ask(pilot, RESCUE, wait=False)
        await until(pilot, lambda: len(fake_openai.requests) == 1)  # the model is working
        await pilot.press("escape")
        assert slow.outcome == "cancelled"
        assert "cancelled" in str(slow.query_one(".state", Static).render())
        assert app.asking is None
        assert "Answer cancelled." in notes(app)
        # still responsive: help opens and closes while the model is busy
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen))
        # the next question is answered once the engine is free; the cancelled one never is
        card = await ask(pilot, FIGURES)
        assert card.answer is not None
        assert card.answer.figures
        assert slow.answer is None
        assert slow.streamed == []
        assert "cancelled" in str(slow.query_one(".state", Static).render())

    drive(app, script)


def test_copy_and_export_hold_the_answer_and_its_quotes(
    corpus: dict[str, str], fake_settings: Settings, factcheck_home: Path
) -> None:
    app = make_app(fake_settings)

    async def script(pilot: Pilot[None]) -> None:
        card = await ask(pilot, FIGURES)
        assert card.answer is not None
        await pilot.press("ctrl+y")
        assert app.copied == app.clipboard
        assert app.copied.startswith("## How many families were evacuated, per source?")
        for c in card.answer.citations:
            assert c.quote.replace(".", "") in app.copied.replace("\\", "").replace(".", "")
        assert "| Coast Herald | 3,000 | about | families were evacuated |" in app.copied
        await pilot.press("ctrl+s")
        assert app.exported is not None
        assert any(str(app.exported) in n for n in notes(app))

    drive(app, script)
    assert app.exported is not None
    assert app.exported.parent == Path.cwd()
    text = app.exported.read_text(encoding="utf-8")
    assert "## How many families were evacuated, per source?" in text
    assert "Red Cross coordinator Ilse Brandt said about 3,000 families were evacuated" in text
    assert "Where sources disagree" in text
    assert "**Sources**" in text


def test_a_model_that_is_down_shows_a_notification_not_a_crash(
    corpus: dict[str, str], fake_settings: Settings
) -> None:
    down = fake_settings.model_copy(
        update={"llm": fake_settings.llm.model_copy(update={"base_url": "http://127.0.0.1:9/v1"})}
    )
    app = make_app(down)

    async def script(pilot: Pilot[None]) -> None:
        card = await ask(pilot, RESCUE)
        assert card.answer is None
        assert card.outcome.startswith("failed: ")
        assert any(n.startswith("The answer failed: ") for n in notes(app))
        assert "Traceback" not in " ".join(notes(app))
        assert app.is_running
        assert app.asking is None
        # and the next question still works
        figures = await ask(pilot, FIGURES)
        assert figures.answer is not None

    drive(app, script)


def test_ingest_from_the_command_palette_with_progress(
    corpus: dict[str, str], fake_settings: Settings, tmp_path: Path
) -> None:
    more = tmp_path / "more"
    more.mkdir()
    (more / "quiet.md").write_text(
        "---\ntitle: A quiet day\noutlet: Hill Gazette\ndate: 2031-03-05\n---\n"
        "Nothing happened in the hills today.\n",
        encoding="utf-8",
    )
    app = make_app(fake_settings)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ingest")
        await until(pilot, lambda: palette_shows(app, "Ingest a file or folder"))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, IngestScreen))
        await pilot.press(*str(tmp_path / "nowhere"))
        await pilot.press("enter")
        await until(pilot, lambda: any("no such file" in n for n in notes(app)))
        assert app.is_running
        panel = app.query_one(SourcesPanel)
        seen: list[tuple[str, int, int]] = []
        shown = panel.progress

        def progress(phase: str, done: int, total: int, label: str) -> None:
            seen.append((phase, done, total))
            shown(phase, done, total, label)

        panel.progress = progress  # type: ignore[method-assign]
        await app.run_action("ingest")
        await until(pilot, lambda: isinstance(app.screen, IngestScreen))
        await pilot.press(*str(more))
        await pilot.press("enter")
        sources = app.query_one("#sources", OptionList)
        await until(pilot, lambda: sources.option_count == 4)
        assert any("Ingested" in n and "1 added" in n for n in notes(app))
        assert seen[:2] == [("files", 0, 1), ("files", 1, 1)]
        assert seen[2][0] == "claims"
        assert not panel.has_class("-ingesting")
        assert app.query_one(SourcesPanel).border_subtitle == "4 documents"
        prompts = [str(sources.get_option_at_index(i).prompt) for i in range(4)]
        assert any("Hill Gazette" in p and "0 claims" in p for p in prompts)
        assert any("Coast Herald" in p and "1 claim" in p for p in prompts)

    drive(app, script)


def test_input_history_and_help(corpus: dict[str, str], fake_settings: Settings) -> None:
    app = make_app(fake_settings)

    async def script(pilot: Pilot[None]) -> None:
        box = app.query_one(QuestionInput)
        await ask(pilot, FIGURES)
        box.focus()
        await pilot.press(*"draft?")  # '?' types into the box, it does not open help
        assert box.value == "draft?"
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("up")
        assert box.value == FIGURES
        await pilot.press("down")
        assert box.value == "draft?"
        app.query_one("#evidence", OptionList).focus()
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen))

    drive(app, script)


def test_abstention_is_shown_as_such_with_the_closest_passages(
    corpus: dict[str, str], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    fake_openai.enqueue_tool_call("Answer", {"answerable": False, "sentences": []})
    app = make_app(fake_settings)

    async def script(pilot: Pilot[None]) -> None:
        card = await ask(pilot, "What did the flood cost in euros?")
        assert card.answer is not None
        assert card.answer.abstained
        assert card.has_class("-abstained")
        assert card.query_one(Markdown).source.startswith(f"**{CANNOT_ANSWER}**")
        evidence = app.query_one(EvidencePanel)
        assert evidence.border_title == "Closest passages"
        assert evidence.citations == card.answer.closest
        assert evidence.citations

    drive(app, script)


def test_a_store_that_cannot_be_opened_is_a_notification(fake_settings: Settings) -> None:
    def broken() -> Store:
        raise DataDirError("the document store is unreadable", hint="run `factcheck doctor`")

    app = make_app(fake_settings, store=broken)

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: bool(notes(app)))
            assert notes(app) == [
                "Could not read the sources: the document store is unreadable "
                "(run `factcheck doctor`)"
            ]
            card = await ask(pilot, FIGURES)
            assert card.outcome.startswith("failed: the document store is unreadable")
            assert app.is_running

    asyncio.run(main())


def test_chat_command_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "chat", "--help"],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for words in ("terminal UI", "Escape cancels", "Ingest a file or folder", "ctrl+s"):
        assert words in result.stdout


def test_an_answer_that_lands_under_another_screen_is_shown(
    corpus: dict[str, str], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    rescue = evidence_id(fake_settings, RESCUE, "Rescue teams")
    fake_openai.enqueue_tool_call("Answer", {"answerable": True, "sentences": [
        {"text": "Rescue teams reached the northern villages on Monday.", "cites": [rescue]},
    ]}, delay=1)  # fmt: skip
    app = make_app(fake_settings)

    async def script(pilot: Pilot[None]) -> None:
        card = await ask(pilot, RESCUE, wait=False)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await until(pilot, lambda: card.done)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen))
        assert card.answer is not None
        assert app.query_one(EvidencePanel).citations == card.answer.citations
        assert "1/1 verified" in str(app.query_one(StatusLine).render())

    drive(app, script)
