"""Small modal screens: the help screen and the path prompt of "Ingest a file or folder"."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Markdown, Static

HELP = """\
Ask about the ingested articles. Every answer is built from quotes that really are in
them; each sentence cites its quotes by number, and a sentence its quotes do not
support is struck through and is not part of the answer. *How many … per source?*
gets a table of each outlet's figure, with who asserted it, and a box of where the
sources disagree. When the articles do not answer, it says so.
"""

KEYS: tuple[tuple[str, str], ...] = (
    ("enter", "ask the question in the box"),
    ("up / down", "earlier questions (in the box)"),
    ("escape", "cancel the running answer"),
    ("tab / shift+tab", "move between panes: question, evidence, sources"),
    ("enter on a quote", "open the article with the quoted passage highlighted"),
    ("click a [n]", "the same, from a citation mark in an answer"),
    ("ctrl+b", "hide or show the sources sidebar"),
    ("ctrl+y", "copy the current answer with its citations as Markdown"),
    ("ctrl+s", "export the conversation to a Markdown file in this directory"),
    ("f2", "check mode: paste a draft, ctrl+r checks each statement, escape back"),
    ("ctrl+p", "command palette: ingest a file or folder, copy, export, help"),
    ("f1 or ?", "this help"),
    ("ctrl+q", "quit"),
    ("n / escape", "in an article: back to the passage / close it"),
)


def keys_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for key, does in KEYS:
        table.add_row(Text(key), Text(does))
    return table


class HelpScreen(ModalScreen[None]):
    """What the app does and its keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "dismiss", "Close help"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90; max-width: 95%; height: auto; max-height: 90%;
                                  border: thick $accent; background: $surface; padding: 0 1; }
    HelpScreen Markdown { margin: 0; padding: 0; }
    HelpScreen .keys { margin: 1 0; }
    HelpScreen .hint { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = "factcheck chat"
            yield Markdown(HELP)
            yield Static(keys_table(), classes="keys")
            yield Static("escape closes this help", classes="hint")


class IngestScreen(ModalScreen[str | None]):
    """Asks for a file or folder to ingest; dismisses with the path, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Cancel")]

    DEFAULT_CSS = """
    IngestScreen { align: center middle; }
    IngestScreen > Vertical { width: 80; max-width: 95%; height: auto; border: thick $accent;
                              background: $surface; padding: 1 2; }
    IngestScreen Static { margin: 0 0 1 0; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                "Ingest a file, folder or URL (.txt, .md, .html, .pdf, .docx; folders are "
                "searched recursively; http(s) pages are fetched). Claims are extracted with "
                "the model afterwards.",
                markup=False,
            )
            yield Input(placeholder="path or URL, e.g. seeds/ or ~/articles/report.pdf", id="path")

    @on(Input.Submitted, "#path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = event.value.strip()
        self.dismiss(path or None)
