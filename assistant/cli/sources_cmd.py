"""`factcheck sources`: what is stored."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from .context import out, state


def register(app: typer.Typer) -> None:
    app.command("sources")(sources)


def sources(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List stored documents: id, title, outlet, date, path, characters and chunks.

    The table leaves out paths (document ids come from file names); --json has them."""
    from ..store import open_store

    store = open_store(state(ctx).settings)
    try:
        rows = store.docs.summaries()
    finally:
        store.close()
    if as_json:
        out.print_json(json.dumps([asdict(r) for r in rows]))
        return
    if not rows:
        out.print("no documents yet: `factcheck ingest PATH`")
        return
    table = Table(title=f"{len(rows)} documents")
    id_width = max(len(r.id) for r in rows)
    # rich will not shrink no-wrap columns, so the title gets what the others leave
    title_width = max(12, out.width - id_width - 14 - 10 - 5 - 6 - 19)
    table.add_column("id", no_wrap=True)
    table.add_column("title", no_wrap=True)
    table.add_column("outlet", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("chars", justify="right", no_wrap=True)
    table.add_column("chunks", justify="right", no_wrap=True)
    for r in rows:
        table.add_row(
            Text(r.id), Text(_cut(r.title or "", title_width)),
            Text(_cut(r.outlet or "unknown", 14)), Text(r.date or ""), str(r.chars), str(r.chunks),
        )  # fmt: skip
    out.print(table)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
