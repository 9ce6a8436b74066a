"""The chat app: layout, keys, and the workers that run the engine's jobs.

Widgets post what the user wants (messages.py); the app runs the work on the engine
thread from a worker, awaiting its future so the UI stays responsive, and hands results
down. Cancelling an answer cancels its worker at once; the engine's job stops at its next
streamed sentence or runs to its end, and either way its result is dropped.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Static
from textual.worker import Worker

from ..answers import Citation, Sentence
from ..llm import LLM
from ..settings import Settings
from . import work
from .answer_card import AnswerCard
from .article import ArticleScreen
from .checking import open_check_mode
from .commands import FactcheckCommands
from .dialogs import HelpScreen
from .engine import Engine, StoreOpener
from .exporting import copied_answer, export_conversation
from .messages import (
    CitationChosen,
    QuestionAsked,
    SentenceStreamed,
    SourceChosen,
    TurnFocused,
)
from .panels import EvidencePanel, SourcesPanel, StatusLine
from .prompt import QuestionInput
from .sources import SourcesApp

WELCOME = (
    "Ask about the ingested articles below. Try: how many … per source? · who said …? · "
    "do the sources agree on …?  F1 shows the keys; ctrl+p ingests more articles."
)


@dataclass
class Asking:
    """The answer being worked on."""

    card: AnswerCard
    worker: Worker[None]
    cancel: threading.Event


class FactcheckApp(SourcesApp):
    """Chat with the evidence beside every answer."""

    TITLE = "factcheck"
    SUB_TITLE = "answers from verified quotes"
    COMMANDS: ClassVar[Any] = App.COMMANDS | {FactcheckCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel answer"),
        Binding("tab", "focus_next", "Next pane"),
        Binding("ctrl+b", "toggle_sources", "Sources"),
        Binding("ctrl+y", "copy_answer", "Copy answer"),
        Binding("ctrl+s", "export", "Export"),
        # in the help and the palette; kept out of the footer (and its pinned snapshots)
        Binding("f2", "check_mode", "Check a draft", show=False),
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
    ]
    CSS = """
    #main { height: 1fr; }
    #chat { width: 1fr; }
    #transcript { height: 1fr; padding: 0 1; }
    #welcome { color: $text-muted; padding: 1 1; }
    """

    def __init__(self, settings: Settings, engine: Engine) -> None:
        super().__init__(engine)
        self.settings = settings
        self.cards: list[AnswerCard] = []
        self.current: AnswerCard | None = None
        self.asking: Asking | None = None
        self.copied = ""  # what ctrl+y last copied (a terminal clipboard can't be read back)
        self.exported: Path | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield SourcesPanel()
            with Vertical(id="chat"):
                with VerticalScroll(id="transcript"):
                    yield Static(WELCOME, id="welcome", markup=False)
                yield QuestionInput()
            yield EvidencePanel()
        yield StatusLine(self.settings)
        yield Footer()

    def on_mount(self) -> None:
        self.main_screen.query_one(QuestionInput).focus()
        self.run_worker(self.load_sources(), group="sources", exit_on_error=False)

    # -- asking ----------------------------------------------------------------------------

    @on(QuestionAsked)
    async def _asked(self, message: QuestionAsked) -> None:
        if self.asking is not None:
            self.main_screen.query_one(QuestionInput).value = message.question
            self.notify("An answer is still running: escape cancels it.", severity="warning")
            return
        for welcome in self.main_screen.query("#welcome"):
            await welcome.remove()
        card = AnswerCard(len(self.cards) + 1, message.question)
        self.cards.append(card)
        transcript = self.main_screen.query_one("#transcript", VerticalScroll)
        await transcript.mount(card)
        transcript.scroll_end(animate=False)
        if any(w.group == "ingest" and w.is_running for w in self.workers):
            self.notify("The answer starts when the ingest in progress is done.")
        cancel = threading.Event()
        worker = self.run_worker(self._answer(card, cancel), group="ask", exit_on_error=False)
        self.asking = Asking(card, worker, cancel)
        self.main_screen.query_one(StatusLine).answering()

    async def _answer(self, card: AnswerCard, cancel: threading.Event) -> None:
        turn, question = card.turn, card.question

        def on_sentence(sentence: Sentence) -> None:  # on the engine thread
            self.post_message(SentenceStreamed(turn, sentence))

        try:
            answer = await self.call(lambda s: work.answer(s, question, on_sentence, cancel))
        except asyncio.CancelledError:
            cancel.set()
            raise
        except work.AnswerCancelled:
            return
        except Exception as exc:
            self._finished(card)
            await card.show_failed(self.report("The answer failed", exc))
            return
        self._finished(card)
        await card.show_answer(answer)
        self.main_screen.query_one(StatusLine).show_answer(answer)
        self.focus_turn(card)
        card.scroll_visible(top=True, animate=False)

    def _finished(self, card: AnswerCard) -> None:
        if self.asking is not None and self.asking.card is card:
            self.asking = None
            self.main_screen.query_one(StatusLine).idle()

    @on(SentenceStreamed)
    async def _streamed(self, message: SentenceStreamed) -> None:
        card = next((c for c in self.cards if c.turn == message.turn), None)
        if card is None or card.outcome:
            return  # a cancelled or failed answer: dropped
        await card.add_sentence(message.sentence)
        if card.answer is None:
            self.main_screen.query_one("#transcript", VerticalScroll).scroll_end(animate=False)

    async def action_cancel(self) -> None:
        """Cancel the running answer (escape)."""
        asking = self.asking
        if asking is None:
            return
        self.asking = None
        asking.cancel.set()
        asking.worker.cancel()
        await asking.card.show_cancelled()
        self.main_screen.query_one(StatusLine).idle("answer cancelled")
        self.notify("Answer cancelled.", severity="warning")

    # -- evidence and articles -------------------------------------------------------------

    def focus_turn(self, card: AnswerCard) -> None:
        """Show the evidence of `card`'s answer."""
        if self.current is not None:
            self.current.remove_class("-current")
        self.current = card
        card.add_class("-current")
        self.main_screen.query_one(EvidencePanel).show(card.answer)

    @on(TurnFocused)
    def _turn_focused(self, message: TurnFocused) -> None:
        card = next((c for c in self.cards if c.turn == message.turn), None)
        if card is not None and card is not self.current and card.answer is not None:
            self.focus_turn(card)

    @on(CitationChosen)
    def _citation(self, message: CitationChosen) -> None:
        c = message.citation
        self.run_worker(self._open(c.doc_id, c), group="open", exit_on_error=False)

    @on(SourceChosen)
    def _source(self, message: SourceChosen) -> None:
        self.run_worker(self._open(message.doc_id, None), group="open", exit_on_error=False)

    async def _open(self, doc_id: str, citation: Citation | None) -> None:
        try:
            doc = await self.call(lambda s: work.document(s, doc_id))
        except Exception as exc:
            self.report("Could not open the article", exc)
            return
        if citation is not None and doc.text[citation.start : citation.end] != citation.quote:
            self.notify("The article changed since this answer: the passage may have moved.",
                        severity="warning")  # fmt: skip
        await self.push_screen(ArticleScreen(doc, citation))

    # -- copy, export ----------------------------------------------------------------------

    def action_copy_answer(self) -> None:
        """Copy the current answer with its citations as Markdown (ctrl+y)."""
        text = copied_answer(self.current) if self.current is not None else None
        if text is None:
            self.notify("No answer to copy yet.", severity="warning")
            return
        self.copied = text
        self.copy_to_clipboard(text)
        self.notify("Copied the answer with its citations as Markdown.")

    def action_export(self) -> None:
        """Export the conversation to a Markdown file in the working directory (ctrl+s)."""
        if not self.cards:
            self.notify("Nothing to export yet: ask a question first.", severity="warning")
            return
        try:
            self.exported = export_conversation(self.cards, Path.cwd())
        except OSError as exc:
            self.report("Could not export the conversation", exc)
            return
        self.notify(f"Exported the conversation to {self.exported}")

    def action_check_mode(self) -> None:
        """Check a pasted draft, statement by statement (F2)."""
        open_check_mode(self)

    # -- help ----------------------------------------------------------------------

    def action_help(self) -> None:
        """Show the help screen (F1 or ?)."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def make_app(
    settings: Settings, *, store: StoreOpener | None = None, llm: LLM | None = None
) -> FactcheckApp:
    """The chat app over `settings`' data directory and model, for the CLI and the tests.

    `store` opens the Store (by default `open_store(settings)`); it is called on the
    engine's thread, because a store's SQLite connection may only be used on the thread
    that opened it. `llm` is used as given and left open; by default the app makes one
    from `settings` and closes it on exit.
    """
    return FactcheckApp(settings, Engine(settings, store=store, llm=llm))
