"""Rich rendering of an answer: sentences with citation marks, the figures table, where
sources disagree, and the quotes with outlet and asserter."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..answers import CANNOT_ANSWER, Answer, Citation, Sentence


def sentence_text(sentence: Sentence) -> Text:
    """A verified sentence in plain style; an unsupported one dimmed, with the reason."""
    marks = "".join(f"[{n}]" for n in sentence.citations)
    if sentence.verified:
        return Text.assemble(sentence.text, " ", (marks, "cyan"))
    return Text.assemble(
        ("✗ " + sentence.text, "dim strike"), " ", (marks, "dim"),
        (f"  (unsupported, not part of the answer: {sentence.reason})", "yellow"),
    )  # fmt: skip


def print_answer(console: Console, answer: Answer, *, streamed: bool) -> None:
    """Everything after the streamed sentences (or the whole answer if none streamed)."""
    if answer.abstained:
        console.print(Text(CANNOT_ANSWER, style="bold yellow"))
        if answer.closest:
            console.print(Text("Closest passages found:", style="bold"))
            _quotes(console, answer.closest)
        return
    if answer.figures:
        console.print(_figures_table(answer))
        rest = [s for s in answer.sentences if not _is_per_outlet(s, answer)]
        for sentence in rest:
            console.print(sentence_text(sentence))
    elif not streamed:
        for sentence in answer.sentences:
            console.print(sentence_text(sentence))
    console.print()
    console.print(Text("Sources", style="bold"))
    _quotes(console, answer.citations)
    v = answer.verification
    console.print(
        Text(
            f"\n{v.verified} of {v.checked} checked statements verified, {v.dropped} dropped · "
            f"{answer.usage.prompt_tokens}+{answer.usage.completion_tokens} tokens · "
            f"{answer.latency_s:.1f} s",
            style="dim",
        )
    )


def _figures_table(answer: Answer) -> Table:
    table = Table(title=f"Figures per source: {answer.about}", show_lines=True)
    for column in ("outlet", "figure", "counted", "asserter", "when", "cite"):
        table.add_column(column, overflow="fold")
    for row in answer.figures:
        figure = f"{row.hedge + ' ' if row.hedge else ''}{row.surface}"
        table.add_row(
            Text(row.outlet), Text(figure, style="bold"), Text(row.counted),
            Text(row.asserter or "not named"), Text(row.when or row.date or ""),
            Text(f"[{row.citation}]", style="cyan"),
        )  # fmt: skip
    return table


def _is_per_outlet(sentence: Sentence, answer: Answer) -> bool:
    return any(sentence.text.startswith(f"{r.outlet} reports ") for r in answer.figures)


def _quotes(console: Console, citations: list[Citation]) -> None:
    for c in citations:
        who = f" · asserted by {c.asserter}" if c.asserter else ""
        page = f" p. {c.page}" if c.page else ""
        console.print(Text.assemble((f"[{c.n}] ", "cyan"), (c.outlet, "bold"), who,
                                    (f"  {c.doc_id}{page} {c.start}:{c.end}", "dim")))  # fmt: skip
        console.print(Text(f"    “{c.quote}”"))
