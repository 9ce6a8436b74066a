"""Messages: widgets post requests up to the app; the engine's callbacks post progress.

Widgets never call the store or the model: they say what the user wants (ask this, open
that citation) and the app does the work in a worker and hands the result back down.
"""

from __future__ import annotations

from textual.message import Message

from ..answers import Citation, Sentence


class QuestionAsked(Message):
    """The user submitted a question."""

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question


class CitationChosen(Message):
    """The user chose a citation: open its article at the quote."""

    def __init__(self, citation: Citation) -> None:
        super().__init__()
        self.citation = citation


class SourceChosen(Message):
    """The user chose a document in the sources sidebar."""

    def __init__(self, doc_id: str) -> None:
        super().__init__()
        self.doc_id = doc_id


class TurnFocused(Message):
    """The user moved to an answer of the transcript: show its evidence."""

    def __init__(self, turn: int) -> None:
        super().__init__()
        self.turn = turn


class SentenceStreamed(Message):
    """A checked sentence of the answer to turn `turn` (posted from the engine thread)."""

    def __init__(self, turn: int, sentence: Sentence) -> None:
        super().__init__()
        self.turn = turn
        self.sentence = sentence


class IngestProgressed(Message):
    """Progress of an ingest (posted from the engine thread)."""

    def __init__(self, phase: str, done: int, total: int, label: str) -> None:
        super().__init__()
        self.phase = phase
        self.done = done
        self.total = total
        self.label = label
