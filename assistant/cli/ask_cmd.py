"""`factcheck ask`: a grounded answer, streamed sentence by sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from .context import out, state

if TYPE_CHECKING:
    from ..answers import Answer, Sentence
    from ..search import Filters


def register(app: typer.Typer) -> None:
    app.command("ask")(ask)


def ask(
    ctx: typer.Context,
    question: Annotated[
        str, typer.Argument(help="The question, e.g. 'how many troops per source?'")
    ],
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Only this document (repeatable).")
    ] = None,
    outlet: Annotated[
        list[str] | None, typer.Option("--outlet", help="Only this outlet (repeatable).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
) -> None:
    """Answer QUESTION from the ingested articles, citing verified quotes.

    Figure questions ("how many ... per source?") are answered from the extracted claims:
    each outlet's figures with hedge, what is counted, who asserted it, and where sources
    disagree. Other questions get an answer written by the model from retrieved passages;
    every sentence is checked against the passages it cites, and unsupported ones are
    dropped. When the articles do not answer, it says so and shows the closest passages.
    """
    if not question.strip():
        raise typer.BadParameter("the question is empty", param_hint="QUESTION")
    # The pipeline (openai, instructor, chromadb) loads only when a question is asked.
    from ..answers import Answerer
    from ..llm import LLM
    from ..search import Filters
    from ..store import open_store
    from .answer_view import print_answer, sentence_text

    settings = state(ctx).settings
    filters = Filters(tuple(source or ()), tuple(outlet or ()))
    if filters.active:
        check_filters(ctx, filters)
    store = open_store(settings)
    llm = LLM(settings.llm, settings.cache)
    streamed = False

    def show(sentence: Sentence) -> None:
        nonlocal streamed
        streamed = True
        out.print(sentence_text(sentence))

    try:
        answer = Answerer(store, llm).ask(question, filters, on_sentence=None if as_json else show)
    finally:
        llm.close()
        store.close()
    if as_json:
        out.print_json(_json(answer))
    else:
        print_answer(out, answer, streamed=streamed)


def check_filters(ctx: typer.Context, filters: Filters) -> None:
    """Refuse filters that select no ingested document (ask and check)."""
    from ..store import open_store

    store = open_store(state(ctx).settings)
    try:
        if not store.docs.doc_ids(**filters.__dict__):
            raise typer.BadParameter("no ingested document matches", param_hint="--source/--outlet")
    finally:
        store.close()


def _json(answer: Answer) -> str:
    return answer.model_dump_json()
