"""One exchange of the transcript: the question, the answer as it streams, then the whole
answer with its figures table, the box of disagreements and a line of counts."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Markdown, Static

from ..answers import Answer, Citation, Sentence
from .markdown import FIGURE_COLUMNS, body_md, figure_cells, missing_marks, sentence_md
from .messages import CitationChosen, TurnFocused
from .timeline import TimelineView


def figures_table(answer: Answer) -> Table:
    """Each source's figure in a table whose cells wrap to the transcript's width."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False,
                  padding=(0, 1, 0, 0), header_style="bold")  # fmt: skip
    for column in FIGURE_COLUMNS:
        fixed = column in ("figure", "cite")
        table.add_column(column, no_wrap=fixed, ratio=None if fixed else 1, overflow="fold")
    for row in answer.figures:
        outlet, figure, hedge, counted, asserter, cite = figure_cells(row)
        table.add_row(outlet, Text(figure, "bold"), hedge, counted, asserter,
                      Text(cite, "cyan"))  # fmt: skip
    return table


class AnswerCard(Vertical):
    """The question and its answer; posts CitationChosen and TurnFocused up."""

    DEFAULT_CSS = """
    AnswerCard { height: auto; margin: 0 0 1 0; padding: 0 1; border-left: tall $panel; }
    AnswerCard.-current { border-left: tall $accent; }
    AnswerCard .question { text-style: bold; color: $text; margin: 0 0 0 0; }
    AnswerCard Markdown { margin: 0; padding: 0; background: transparent; }
    AnswerCard .state { color: $text-muted; text-style: italic; }
    AnswerCard .state.-cancelled { color: $warning; }
    AnswerCard .state.-failed { color: $error; }
    AnswerCard .figures { height: auto; margin: 0 0 1 0; }
    AnswerCard .conflicts { border: round $warning; border-title-color: $warning;
                            padding: 0 1; margin: 0 0 1 0; height: auto; }
    AnswerCard .meta { color: $text-muted; }
    AnswerCard.-abstained Markdown { color: $warning; }
    """

    def __init__(self, turn: int, question: str) -> None:
        super().__init__(id=f"turn-{turn}")
        self.turn = turn
        self.question = question
        self.answer: Answer | None = None
        self.streamed: list[Sentence] = []
        self.outcome = ""  # "", "cancelled" or the failure reason
        self.table: Table | None = None  # the figures table, once shown

    def compose(self) -> ComposeResult:
        yield Static(f"› {self.question}", classes="question", markup=False)
        yield Markdown("", open_links=False)
        yield Static("answering…", classes="state", markup=False)
        table = Static("", classes="figures")
        table.display = False
        yield table
        conflicts = Static("", classes="conflicts", markup=False)
        conflicts.border_title = "where sources disagree"
        conflicts.display = False
        yield conflicts
        meta = Static("", classes="meta", markup=False)
        meta.display = False
        yield meta

    @property
    def body(self) -> Markdown:
        return self.query_one(Markdown)

    @property
    def done(self) -> bool:
        return self.answer is not None or bool(self.outcome)

    # -- data down -------------------------------------------------------------------------

    async def add_sentence(self, sentence: Sentence) -> None:
        """A streamed sentence (its citations are numbered; their quotes come at the end).

        One that arrives after the whole answer is counted but not shown again."""
        self.streamed.append(sentence)
        if self.answer is None:
            await self.body.update("\n\n".join(sentence_md(s) for s in self.streamed))

    async def show_answer(self, answer: Answer) -> None:
        self.answer = answer
        self.query_one(".state").display = False
        self.set_class(answer.abstained, "-abstained")
        await self.body.update(body_md(answer))
        if answer.timeline:  # its own table of the figures, with a chart
            await self.mount(TimelineView(answer.timeline), after=self.query_one(".figures"))
        elif answer.figures:
            self.table = figures_table(answer)
            table = self.query_one(".figures", Static)
            table.update(self.table)
            table.display = True
        if answer.conflicts:
            box = self.query_one(".conflicts", Static)
            box.update("\n".join(f"• {c.summary} {missing_marks(c.summary, c.citations)}".rstrip()
                                 for c in answer.conflicts))  # fmt: skip
            box.display = True
        v = answer.verification
        meta = self.query_one(".meta", Static)
        if v.checked:
            meta.update(f"{v.verified} of {v.checked} statements verified, {v.dropped} dropped")
            meta.display = True

    async def show_cancelled(self) -> None:
        self.outcome = "cancelled"
        self._state("cancelled: the answer was stopped and will not be shown", "-cancelled")

    async def show_failed(self, reason: str) -> None:
        self.outcome = f"failed: {reason}"
        self._state(f"no answer: {reason}", "-failed")

    def _state(self, text: str, cls: str) -> None:
        state = self.query_one(".state", Static)
        state.update(text)
        state.add_class(cls)
        state.display = True

    def citation(self, n: int) -> Citation | None:
        if self.answer is None:
            return None
        found = [c for c in self.answer.citations + self.answer.closest if c.n == n]
        return found[0] if found else None

    # -- requests up -----------------------------------------------------------------------

    @on(Markdown.LinkClicked)
    def _link(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        if event.href.startswith("cite:") and event.href[5:].isdigit():
            chosen = self.citation(int(event.href[5:]))
            if chosen is not None:
                self.post_message(CitationChosen(chosen))

    def on_click(self, event: events.Click) -> None:
        self.post_message(TurnFocused(self.turn))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.post_message(TurnFocused(self.turn))
