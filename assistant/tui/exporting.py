"""The current answer to copy and the conversation to export, both as Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from ..text.markup import md_escape as escape
from .answer_card import AnswerCard
from .markdown import Exchange, answer_md, conversation_md


def copied_answer(card: AnswerCard) -> str | None:
    """The question and its answer with citations and quotes; None before an answer."""
    if card.answer is None:
        return None
    return f"## {escape(card.question)}\n\n{answer_md(card.answer)}\n"


def export_conversation(cards: Sequence[AnswerCard], folder: Path) -> Path:
    """Write every exchange to a new factcheck-chat-<time>.md in `folder`; its path.

    Raises OSError when the file cannot be written.
    """
    now = datetime.now().astimezone()
    exchanges = [Exchange(c.question, c.answer, c.outcome or "no answer yet") for c in cards]
    text = conversation_md(exchanges, now.strftime("%Y-%m-%d %H:%M %Z").strip())
    path = _free_path(folder / f"factcheck-chat-{now:%Y%m%d-%H%M%S}.md")
    path.write_text(text, encoding="utf-8")
    return path


def _free_path(path: Path) -> Path:
    n = 1
    candidate = path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate
