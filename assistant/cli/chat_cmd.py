"""`factcheck chat`: the terminal UI."""

from __future__ import annotations

import typer

from .context import state


def register(app: typer.Typer) -> None:
    app.command("chat")(chat)


def chat(ctx: typer.Context) -> None:
    """Chat with the ingested articles in a terminal UI, the evidence beside every answer.

    Answers stream in with numbered citations; the evidence pane lists each quote with its
    outlet and who asserted it, and enter on one opens the article with the passage
    highlighted. Figure questions ("how many ... per source?") show a table per outlet and
    where the sources disagree. The sidebar lists the ingested documents; ctrl+p then
    "Ingest a file or folder" adds more. Escape cancels a running answer, ctrl+y copies the
    answer as Markdown, ctrl+s exports the conversation to a Markdown file here, F1 lists
    every key, ctrl+q quits.
    """
    settings = state(ctx).settings
    from ..tui import make_app  # Textual loads only for this command

    make_app(settings).run()
