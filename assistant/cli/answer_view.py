"""Rich rendering of an answer: sentences with citation marks, the figures table (or, for
figures over time, the timeline table and chart), where sources disagree, and the quotes
with outlet and asserter."""

from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.text import Text

from ..answers import CANNOT_ANSWER, Answer, Citation, Sentence
from .rows import Col, Row, rows_table, short_ids
from .timeline_view import WIDE, timeline_chart, timeline_table


def sentence_text(sentence: Sentence) -> Text:
    """A verified sentence in plain style, then the citation marks its text lacks; an
    unsupported one dimmed, with the reason."""
    marks = "".join(f"[{n}]" for n in sentence.citations)
    if sentence.verified:
        rest = "".join(f"[{n}]" for n in sentence.citations if f"[{n}]" not in sentence.text)
        return Text.assemble(sentence.text, " ", (rest, "cyan")) if rest else Text(sentence.text)
    return Text.assemble(
        ("✗ " + sentence.text, "dim strike"), " ", (marks, "dim"),
        (f"  (unsupported, not part of the answer: {sentence.reason})", "yellow"),
    )  # fmt: skip


def print_answer(console: Console, answer: Answer, *, streamed: bool) -> None:
    """Everything after the streamed sentences (or the whole answer if none streamed)."""
    if answer.abstained:
        console.print(Text(CANNOT_ANSWER, style="bold yellow"))
        for sentence in answer.sentences:
            if sentence.verified:  # what the sources do say ("no figure for X; nearest ...")
                console.print(sentence_text(sentence))
        if answer.closest:
            console.print(Text("Closest passages found:", style="bold"))
            _quotes(console, answer.closest)
        return
    if answer.timeline:  # figures over time: the series as a table and a chart
        console.print(Text(f"Figures over time: {answer.about}, latest first", style="bold"))
        console.print(timeline_table(answer.timeline, narrow=WIDE))
        console.print(timeline_chart(answer.timeline))
        console.print()
        for sentence in answer.sentences:
            console.print(sentence_text(sentence))
    elif answer.figures:
        console.print(_figures_table(answer, console.width))
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


def _figures_table(answer: Answer, width: int) -> Group:
    cols = [Col("outlet"), Col("figure", max=18), Col("counted", flex=True),
            Col("asserter", max=24), Col("when", max=12), Col("cite")]  # fmt: skip
    rows = []
    for row in answer.figures:
        figure = f"{row.hedge + ' ' if row.hedge else ''}{row.surface}"
        rows.append(Row([
            Text(row.outlet), Text(figure, style="bold"), Text(row.counted),
            Text(row.asserter or "not named"), Text(row.when or row.date or ""),
            Text(f"[{row.citation}]", style="cyan"),
        ]))  # fmt: skip
    return rows_table(f"Figures per source: {answer.about}", cols, rows, width)


def _is_per_outlet(sentence: Sentence, answer: Answer) -> bool:
    return any(sentence.text.startswith(f"{r.outlet} reports ") for r in answer.figures)


def _quotes(console: Console, citations: list[Citation]) -> None:
    ids = short_ids(c.doc_id for c in citations)
    for c in citations:
        who = f" · asserted by {c.asserter}" if c.asserter else ""
        page = f" p. {c.page}" if c.page else ""
        where = f"  {ids[c.doc_id]}{page} {c.start}:{c.end}"
        console.print(Text.assemble((f"[{c.n}] ", "cyan"), (c.outlet, "bold"), who,
                                    (where, "dim")))  # fmt: skip
        if c.provenance is not None:
            p = c.provenance
            console.print(Text(f"    {p.final_url} · retrieved {p.retrieved_at} · v{p.version}",
                               style="dim"))  # fmt: skip
        console.print(Padding(Text(f"“{c.quote}”"), (0, 0, 0, 4), expand=False))
