"""Check mode: a pasted draft checked statement by statement against the sources (F2, or
"Check a draft" in the command palette).

The draft goes in the box; ctrl+r checks it on the engine thread, awaited by a worker so
the UI stays responsive. Each statement is listed as soon as it is checked, marked by its
verdict's colour and its symbol and name (never colour alone), with a progress bar; the
evidence pane follows the highlighted statement: why, what decided it, and each verified
quote with outlet, asserter, date and offsets (enter opens its article at the passage).
Escape goes back to the chat; the screen is kept, so the draft and its checks are there
on the next visit, and a check still running goes on meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList, ProgressBar, Static, TextArea
from textual.widgets.option_list import Option

from ..answers import Citation
from ..checking import Checker, CheckReport, StatementCheck
from ..checking.models import MARKS
from .engine import Session
from .messages import CitationChosen
from .sources import SourcesApp

SCREEN = "check"
HINT = "Paste or type a draft above, then ctrl+r checks each of its statements."


class CheckCancelled(Exception):  # noqa: N818 (a signal, not an error)
    """Raised from the progress callback to stop a check nobody waits for any more."""


def check_job(
    draft: str, on_statement: Callable[[StatementCheck, int, int], None],
    cancelled: threading.Event,
) -> Callable[[Session], CheckReport]:  # fmt: skip
    """The engine job checking `draft`; it stops at the next statement once cancelled."""

    def progress(result: StatementCheck, done: int, total: int) -> None:
        if cancelled.is_set():
            raise CheckCancelled
        on_statement(result, done, total)

    return lambda session: Checker(session.store, session.llm).check_draft(draft, progress)


def verdict_text(check: StatementCheck) -> Text:
    """The statement after its verdict's symbol and name, in the verdict's colour."""
    symbol, colour = MARKS[check.verdict]
    return Text.assemble((f"{symbol} {check.verdict.upper()}", f"bold {colour}"), "  ",
                         (check.text, ""))  # fmt: skip


class StatementChecked(Message):
    """One more statement of check `run` is checked (posted from the engine thread)."""

    def __init__(self, run: int, result: StatementCheck, done: int, total: int) -> None:
        super().__init__()
        self.run = run
        self.result = result
        self.done = done
        self.total = total


class CheckEvidence(Vertical):
    """The highlighted statement's verdict, reason and quotes; enter on a quote opens it."""

    DEFAULT_CSS = """
    CheckEvidence { width: 44; border: round $panel; border-title-color: $text-muted; }
    CheckEvidence:focus-within { border: round $accent; }
    CheckEvidence .why { padding: 0 1; height: auto; }
    CheckEvidence OptionList, CheckEvidence OptionList:focus {
        height: 1fr; border: none; padding: 0; background-tint: transparent;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.check: StatementCheck | None = None

    def compose(self) -> ComposeResult:
        self.border_title = "Evidence"
        yield Static("The evidence of the highlighted statement appears here.", classes="why")
        yield OptionList(id="check-quotes")

    def show(self, check: StatementCheck | None) -> None:
        self.check = check
        why = self.query_one(".why", Static)
        quotes = self.query_one(OptionList)
        quotes.clear_options()
        if check is None:
            why.update("")
            self.border_subtitle = ""
            return
        figures = "; ".join(f"{f.hedge + ' ' if f.hedge else ''}{f.surface} {f.counted}"
                            for f in check.figures)  # fmt: skip
        why.update(Text.assemble(
            verdict_text(check), "\n\n", ("why: ", "bold"), check.reason,
            (f"\ndecided by {check.by}", "dim"),
            (f"\nfigures read: {figures}" if figures else "", "dim"),
            ("\nno evidence in the sources" if not check.evidence else "", "italic"),
        ))  # fmt: skip
        for i, e in enumerate(check.evidence):
            if i:
                quotes.add_option(None)
            gives = f" · gives {e.value:g}" if e.value is not None else ""
            quotes.add_option(Option(Text.assemble(
                (e.outlet, "bold"), (f" · {e.date}" if e.date else "", "dim"),
                (f"\nasserted by {e.asserter}" if e.asserter else "", "italic"),
                (f"\n{e.doc_id} {e.start}:{e.end}{gives}", "dim"), "\n", (f"“{e.quote}”", ""),
            ), id=f"quote-{i}"))  # fmt: skip
        self.border_subtitle = f"{len(check.evidence)} quotes"
        if check.evidence:
            quotes.highlighted = 0

    @on(OptionList.OptionSelected, "#check-quotes")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.check is None or not (event.option.id or "").startswith("quote-"):
            return
        e = self.check.evidence[int((event.option.id or "")[len("quote-") :])]
        self.post_message(CitationChosen(Citation(
            n=1, doc_id=e.doc_id, outlet=e.outlet, date=e.date, asserter=e.asserter,
            start=e.start, end=e.end, quote=e.quote,
        )))  # fmt: skip


class CheckScreen(Screen[None]):
    """The draft box, its checked statements with their verdicts, and the evidence pane."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "check", "Check draft"),
        Binding("escape", "back", "Back to chat"),
    ]

    DEFAULT_CSS = """
    CheckScreen #check-main { height: 1fr; }
    CheckScreen #check-left { width: 1fr; }
    CheckScreen #draft { height: 40%; border: round $panel; }
    CheckScreen #draft:focus { border: round $accent; }
    CheckScreen #check-status { padding: 0 1; color: $text-muted; }
    CheckScreen #check-bar { padding: 0 1; }
    CheckScreen #check-bar Bar { width: 1fr; }
    CheckScreen #statements { height: 1fr; border: round $panel; }
    CheckScreen #statements:focus { border: round $accent; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.results: list[StatementCheck] = []
        self.report: CheckReport | None = None
        self.run = 0  # which check the statements shown belong to
        self.cancel = threading.Event()

    @property
    def host(self) -> SourcesApp:
        app = self.app
        assert isinstance(app, SourcesApp)
        return app

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="check-main"):
            with Vertical(id="check-left"):
                yield TextArea(id="draft", soft_wrap=True, show_line_numbers=False)
                yield Label(HINT, id="check-status", markup=False)
                yield ProgressBar(show_eta=False, id="check-bar")
                yield OptionList(id="statements")
            yield CheckEvidence()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#draft", TextArea).border_title = "Draft"
        self.query_one("#statements", OptionList).border_title = "Statements"
        self.query_one(ProgressBar).display = False
        self.query_one("#draft", TextArea).focus()

    def action_back(self) -> None:
        """Back to the chat (escape); a running check goes on."""
        self.dismiss()

    def action_check(self) -> None:
        """Check every statement of the draft (ctrl+r); a check running is cancelled."""
        draft = self.query_one("#draft", TextArea).text
        if not draft.strip():
            self.notify("Paste a draft first.", severity="warning")
            return
        self.cancel.set()
        self.cancel = threading.Event()
        self.run += 1
        self.results, self.report = [], None
        self.query_one("#statements", OptionList).clear_options()
        self.query_one(CheckEvidence).show(None)
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self._status("checking the draft…")
        self.run_worker(self._check(draft, self.run, self.cancel), group="check",
                        exit_on_error=False)  # fmt: skip

    async def _check(self, draft: str, run: int, cancel: threading.Event) -> None:
        def on_statement(result: StatementCheck, done: int, total: int) -> None:
            self.post_message(StatementChecked(run, result, done, total))  # engine thread

        try:
            report = await self.host.call(check_job(draft, on_statement, cancel))
        except CheckCancelled:
            return
        except Exception as exc:
            if run == self.run:
                self.query_one(ProgressBar).display = False
                self._status(f"the check failed: {self.host.report('The check failed', exc)}")
            return
        if run != self.run:
            return
        for i in range(len(self.results), len(report.statements)):  # not yet shown
            self._add(report.statements[i], i + 1, len(report.statements))
        self.report = report
        self.query_one(ProgressBar).display = False
        counts = ", ".join(f"{n} {v}" for v, n in report.counts.items() if n)
        self._status(f"{len(report.statements)} statements checked: {counts or 'none'} "
                     f"({report.latency_s:.1f} s)" if report.statements
                     else "No check-worthy statement found in the draft.")  # fmt: skip

    @on(StatementChecked)
    def _checked(self, message: StatementChecked) -> None:
        if message.run == self.run and message.done == len(self.results) + 1:
            self._add(message.result, message.done, message.total)

    def _add(self, result: StatementCheck, done: int, total: int) -> None:
        self.results.append(result)
        statements = self.query_one("#statements", OptionList)
        statements.add_option(Option(verdict_text(result), id=f"statement-{done}"))
        statements.border_subtitle = f"{done}/{total}"
        self.query_one(ProgressBar).update(total=total, progress=done)
        self._status(f"checked {done} of {total} statements…")
        if statements.highlighted is None:
            statements.highlighted = 0

    @on(OptionList.OptionHighlighted, "#statements")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        index = event.option_index
        self.query_one(CheckEvidence).show(self.results[index] if index < len(self.results)
                                           else None)  # fmt: skip

    def _status(self, text: str) -> None:
        self.query_one("#check-status", Label).update(text)


def open_check_mode(app: App[Any]) -> None:
    """Show the check screen, made once and kept while the app runs."""
    if isinstance(app.screen, CheckScreen):
        return
    if not app.is_screen_installed(SCREEN):
        app.install_screen(CheckScreen(), SCREEN)
    app.push_screen(SCREEN)
