"""`factcheck search`: ranked passages for a query."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from .context import out, state

if TYPE_CHECKING:
    from ..search import Mode


def register(app: typer.Typer) -> None:
    app.command("search")(search_command)


def search_command(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="What to look for.")],
    k: Annotated[int | None, typer.Option("-k", help="How many passages.", min=1)] = None,
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Only this document (repeatable).")
    ] = None,
    outlet: Annotated[
        list[str] | None, typer.Option("--outlet", help="Only this outlet (repeatable).")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only documents dated on/after YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Only documents dated on/before YYYY-MM-DD.")
    ] = None,
    mode: Annotated[str, typer.Option(help="hybrid, vector or lexical.")] = "hybrid",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print the passages that best match QUERY (hybrid: vectors + BM25, fused by rank)."""
    if mode not in ("hybrid", "vector", "lexical"):
        raise typer.BadParameter("mode must be hybrid, vector or lexical", param_hint="--mode")
    chosen: Mode = mode  # type: ignore[assignment]
    from ..search import Filters, search
    from ..store import open_store

    filters = Filters(tuple(source or ()), tuple(outlet or ()), since, until)
    store = open_store(state(ctx).settings)
    try:
        hits = search(store, query, k=k, filters=filters, mode=chosen)
    finally:
        store.close()
    if as_json:
        items = [
            {
                "doc_id": h.chunk.doc_id, "chunk_id": h.chunk.id, "start": h.chunk.start,
                "end": h.chunk.end, "text": h.chunk.text, "score": round(h.score, 6),
                "title": h.document.title, "outlet": h.document.outlet, "date": h.document.date,
                "page": h.document.page_at(h.chunk.start), "ranks": h.ranks,
            }
            for h in hits
        ]  # fmt: skip
        out.print_json(json.dumps(items))
        return
    if not hits:
        out.print("no passages found")
        return
    for n, h in enumerate(hits, start=1):
        name = h.document.outlet or "unknown outlet"
        page = h.document.page_at(h.chunk.start)
        at = f" p. {page}" if page else ""
        where = f"{name} · {h.chunk.doc_id}{at} [{h.chunk.start}:{h.chunk.end}]"
        out.print(Text(f"{n}. {where}  score {h.score:.4f}", style="bold"))
        out.print(Text(h.chunk.text), "")
