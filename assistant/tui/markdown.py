"""Answers as Markdown: the transcript's body, the copied answer, the exported conversation.

Sentence, quote and title text come from articles or the model, so every piece is escaped
before it is put into Markdown; nothing in it can open a link, a heading or a table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..answers import CANNOT_ANSWER, Answer, Citation, FigureRow, Sentence
from ..answers.timeline import LISTING, TIMELINE_COLUMNS, timeline_cells
from ..text.markup import md_escape as escape

_INLINE_MARK = re.compile(r"\\\[(\d+)\\\]")  # an escaped [n] already in the text


def cite_marks(citations: Sequence[int], *, links: bool) -> str:
    """`[1][2]`; as `cite:n` links in the transcript, where clicking one opens the article."""
    if links:
        return "".join(f"[\\[{n}\\]](cite:{n})" for n in citations)
    return "".join(f"\\[{n}\\]" for n in citations)


def missing_marks(text: str, citations: Sequence[int]) -> str:
    """`[n]` for each citation that `text` does not already mark inline."""
    return "".join(f"[{n}]" for n in citations if f"[{n}]" not in text)


def _cited_text(text: str, citations: Sequence[int], *, links: bool) -> str:
    """Escaped `text` with its inline `[n]` marks as links, then the marks it lacks."""
    md = escape(text)
    if links:
        cited = {str(n) for n in citations}
        md = _INLINE_MARK.sub(
            lambda m: f"[{m.group(0)}](cite:{m.group(1)})" if m.group(1) in cited else m.group(0),
            md,
        )
    rest = [n for n in citations if f"[{n}]" not in text]
    return f"{md} {cite_marks(rest, links=links)}".rstrip()


def sentence_md(sentence: Sentence, *, links: bool = True) -> str:
    """A verified sentence as text; an unsupported one struck through, with the reason."""
    if sentence.verified:
        return _cited_text(sentence.text, sentence.citations, links=links)
    reason = escape(sentence.reason or "not supported by its citations")
    marks = cite_marks(sentence.citations, links=links)
    return f"~~{escape(sentence.text)}~~ {marks} *(unsupported, not part of the answer: {reason})*"


def is_per_outlet(sentence: Sentence, answer: Answer) -> bool:
    """A figure answer's "X reports ..." line, which the table shows instead."""
    return any(sentence.text.startswith(f"{r.outlet} reports ") for r in answer.figures)


def is_conflict(sentence: Sentence, answer: Answer) -> bool:
    """A sentence saying why sources disagree, which the conflicts box shows instead."""
    return any(c.summary and c.summary in sentence.text for c in answer.conflicts)


def body_sentences(answer: Answer) -> list[Sentence]:
    """The sentences shown as prose (figure answers keep only what the table doesn't say;
    a timeline's table lists every figure, latest first)."""
    if not answer.figures:
        return list(answer.sentences)
    return [s for s in answer.sentences
            if not is_per_outlet(s, answer) and not is_conflict(s, answer)
            and not (answer.timeline and s.text.startswith(LISTING))]  # fmt: skip


def body_md(answer: Answer, *, links: bool = True) -> str:
    """The prose of an answer; an abstention says so first."""
    lines = [sentence_md(s, links=links) for s in body_sentences(answer)]
    if answer.abstained:
        lines.insert(0, f"**{escape(CANNOT_ANSWER)}**")
    return "\n\n".join(lines)


def figure_cells(row: FigureRow) -> tuple[str, str, str, str, str, str]:
    """outlet, figure, hedge, counted, asserter, citation: the figures table's columns."""
    return (row.outlet, row.surface, row.hedge or "", row.counted,
            row.asserter or "not named", f"[{row.citation}]")  # fmt: skip


FIGURE_COLUMNS = ("outlet", "figure", "hedge", "counted", "asserter", "cite")


def citation_md(c: Citation) -> str:
    """`[n] Outlet, title (date), asserted by X` and the quote as a block quote."""
    head = f"\\[{c.n}\\] **{escape(c.outlet)}**"
    if c.title:
        head += f", {escape(c.title)}"
    if c.date:
        head += f" ({escape(c.date)})"
    if c.asserter:
        head += f", asserted by {escape(c.asserter)}"
    if c.page:
        head += f", p. {c.page}"
    head += f" `{c.doc_id} {c.start}:{c.end}`"
    if c.provenance:
        p = c.provenance
        head += f", retrieved {p.retrieved_at} from <{p.final_url}> (sha256 {p.sha256[:12]}…)"
    return f"{head}\n\n> {escape(c.quote)}"


def answer_md(answer: Answer) -> str:
    """A whole answer, to copy or export: prose, figures table, disagreements, sources."""
    parts = [body_md(answer, links=False)]
    if answer.timeline:
        parts.append(_md_table(TIMELINE_COLUMNS, [timeline_cells(p) for p in answer.timeline]))
    elif answer.figures:
        parts.append(_md_table(FIGURE_COLUMNS, [figure_cells(r) for r in answer.figures]))
    if answer.conflicts:
        parts.append("**Where sources disagree**\n\n" + "\n".join(
            f"- {escape(c.summary)} {escape(missing_marks(c.summary, c.citations))}".rstrip()
            for c in answer.conflicts))  # fmt: skip
    quoted = answer.closest if answer.abstained else answer.citations
    if quoted:
        title = "Closest passages found" if answer.abstained else "Sources"
        parts.append(f"**{title}**\n\n" + "\n\n".join(citation_md(c) for c in quoted))
    return "\n\n".join(p for p in parts if p)


def _md_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|---" * len(columns) + "|"]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


@dataclass(frozen=True)
class Exchange:
    """One question of the conversation and how it ended."""

    question: str
    answer: Answer | None = None
    outcome: str = ""  # "cancelled" or the failure reason when there is no answer


def conversation_md(exchanges: Sequence[Exchange], when: str) -> str:
    """The whole conversation as one Markdown document."""
    parts = [f"# factcheck conversation, {when}"]
    for ex in exchanges:
        parts.append(f"## {escape(ex.question)}")
        parts.append(answer_md(ex.answer) if ex.answer else f"*{escape(ex.outcome)}*")
    return "\n\n".join(parts) + "\n"
