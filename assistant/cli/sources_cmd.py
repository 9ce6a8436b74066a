"""`factcheck sources`: what is stored."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from .context import out, state
from .rows import ID_WIDTH, Col, Row, rows_table, short_ids

if TYPE_CHECKING:
    from ..store import DocSummary


def register(app: typer.Typer) -> None:
    app.command("sources")(sources)


def sources(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List stored documents: id, outlet, date, characters and chunks, the title under each.

    The table leaves out paths (document ids come from file names or URLs; a long id is
    shown cut, ending in "…", and commands accept it so); --json has everything, with the
    provenance of fetched pages."""
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
    cols = [Col("id", max=ID_WIDTH), Col("outlet"), Col("date"),
            Col("chars", justify="right"), Col("chunks", justify="right")]  # fmt: skip
    shown = short_ids(r.id for r in rows)
    table = [Row(_cells(r, shown[r.id]), _detail(r)) for r in rows]
    out.print(rows_table(f"{len(rows)} documents", cols, table, out.width))


def _cells(r: DocSummary, shown_id: str) -> list[str]:
    return [shown_id, r.outlet or "unknown", r.date or "", str(r.chars), str(r.chunks)]


def _detail(r: DocSummary) -> Text:
    """The title, and what kind of source it is: pages of a PDF, a page's URL and version."""
    parts = [Text(r.title or "(no title)")]
    if r.pages:
        parts.append(Text(f" · PDF, {r.pages} pages", style="dim"))
    if r.provenance:
        p = r.provenance
        parts.append(Text(f"\n{p.get('final_url')} · retrieved {p.get('retrieved_at')}"
                          f" · v{r.version or 1}", style="dim"))  # fmt: skip
        if r.superseded_by:
            parts.append(Text(f" · superseded by {r.superseded_by}", style="yellow"))
    return Text.assemble(*parts)
