"""The question box: enter asks, up and down walk through the questions asked before."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import Input

from .messages import QuestionAsked


class QuestionInput(Input):
    """An Input that remembers submitted questions and posts QuestionAsked."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history(-1)", "Previous question", show=False),
        Binding("down", "history(1)", "Next question", show=False),
    ]

    DEFAULT_CSS = """
    QuestionInput { dock: bottom; margin: 0; }
    """

    def __init__(self) -> None:
        super().__init__(
            placeholder="Ask about the sources, e.g. how many … per source?  (enter to ask)",
            id="question",
        )
        self.history: list[str] = []
        self._position = 0  # len(history) means the line being typed
        self._draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._position == len(self.history):
            self._draft = self.value
        self._position = min(max(self._position + step, 0), len(self.history))
        self.value = (
            self._draft if self._position == len(self.history) else self.history[self._position]
        )
        self.cursor_position = len(self.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        question = event.value.strip()
        if not question:
            return
        if not self.history or self.history[-1] != question:
            self.history.append(question)
        self._position = len(self.history)
        self._draft = ""
        self.value = ""
        self.post_message(QuestionAsked(question))
