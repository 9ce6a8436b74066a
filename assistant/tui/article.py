"""The article view: a stored document's text with the cited passage selected and scrolled
into view. The text shown is the stored text itself, so the offsets of a citation are the
offsets in this view."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea
from textual.widgets.text_area import Selection

from ..answers import Citation
from ..store import Document

# Characters other than "\n" that str.splitlines (and so TextArea) breaks lines at. Each is
# shown as a space, one character for one, so offsets in the view stay the stored offsets.
_OTHER_BREAKS = str.maketrans(dict.fromkeys("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " "))


def viewable(text: str) -> str:
    """`text` with newline as its only line break, the same length as `text`."""
    return text.translate(_OTHER_BREAKS)


def location(text: str, index: int) -> tuple[int, int]:
    """(row, column) of character `index` of `viewable(text)`."""
    row = text.count("\n", 0, index)
    return row, index - (text.rfind("\n", 0, index) + 1)


class ArticleScreen(Screen[None]):
    """A document, with the passage [start, end) highlighted when a citation opened it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close article"),
        Binding("n", "passage", "Back to the passage"),
    ]

    DEFAULT_CSS = """
    ArticleScreen > Vertical { border: round $accent; background: $surface; }
    ArticleScreen .head { padding: 0 1; background: $panel; height: auto; }
    ArticleScreen .cited { padding: 0 1; color: $text-muted; height: auto; }
    ArticleScreen TextArea, ArticleScreen TextArea:focus { height: 1fr; border: none; }
    ArticleScreen TextArea .text-area--selection { background: $warning 45%; }
    """

    def __init__(self, doc: Document, citation: Citation | None = None) -> None:
        super().__init__()
        self.doc = doc
        self.citation = citation
        self.span: tuple[int, int] | None = (
            (citation.start, citation.end) if citation is not None else None
        )

    def compose(self) -> ComposeResult:
        d = self.doc
        with Vertical():
            head = f"{d.outlet or 'unknown outlet'} · {d.title or d.id} · {d.date or 'no date'}"
            yield Static(f"{head}  ({d.id})", classes="head", markup=False)
            if self.citation is not None:
                c = self.citation
                who = f", asserted by {c.asserter}" if c.asserter else ""
                yield Static(
                    f"[{c.n}]{f' p. {c.page},' if c.page else ''} characters {c.start}-{c.end}"
                    f"{who} (highlighted)",
                    classes="cited", markup=False,
                )  # fmt: skip
            yield TextArea(viewable(d.text), read_only=True, soft_wrap=True,
                           show_line_numbers=False, id="article")  # fmt: skip
            yield Footer()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()
        self.action_passage()

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#article", TextArea)

    def highlighted(self) -> str:
        """The text currently highlighted (the quote, when opened from a citation)."""
        return self.text_area.selected_text

    def action_passage(self) -> None:
        """Select the cited passage and scroll it to the middle of the view."""
        if self.span is None:
            return
        area = self.text_area
        text = viewable(self.doc.text)
        area.selection = Selection(location(text, self.span[0]), location(text, self.span[1]))
        self.call_after_refresh(area.scroll_cursor_visible, center=True, animate=False)
