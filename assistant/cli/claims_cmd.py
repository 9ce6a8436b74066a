"""`factcheck claims`: the figures and statements extracted from the articles."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from .context import out, state

if TYPE_CHECKING:
    from ..claims.models import Claim


def register(app: typer.Typer) -> None:
    app.command("claims")(claims)


def claims(
    ctx: typer.Context,
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Only this document (repeatable).")
    ] = None,
    about: Annotated[
        str | None, typer.Option(help="Only claims close in meaning to this, e.g. 'troops'.")
    ] = None,
    limit: Annotated[int, typer.Option("-n", help="At most this many with --about.", min=1)] = 30,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON objects.")] = False,
) -> None:
    """List stored claims: figure, hedge, what is counted, who asserted it, and the quote.

    Claims are extracted during `factcheck ingest`; every quote is a verbatim span of its
    article (document id and character offsets included).
    """
    from ..claims.store import ClaimStore  # pydantic models, and chromadb for --about
    from ..store import open_store

    store = open_store(state(ctx).settings)
    try:
        doc_ids = store.docs.doc_ids(sources=source) if source else None
        claim_store = ClaimStore(store)
        found = claim_store.about(about, limit, doc_ids) if about else claim_store.claims(doc_ids)
        outlets = {s.id: s.outlet for s in store.docs.summaries()}
    finally:
        store.close()
    if as_json:
        out.print_json(json.dumps([_json(c, outlets.get(c.doc_id)) for c in found]))
        return
    if not found:
        out.print("no claims found (claims are extracted by `factcheck ingest`)")
        return
    table = Table(title=f"{len(found)} claims", show_lines=True)
    for column in ("figure", "counted", "asserter", "outlet", "quote"):
        table.add_column(column, overflow="fold")
    for c in found:
        q = c.quantity
        figure = f"{q.hedge + ' ' if q and q.hedge else ''}{q.surface}" if q else ""
        quote = c.quotes[0]
        table.add_row(
            Text(figure), Text(q.counted if q else ""),
            Text(c.asserter_canonical or c.asserter or "unattributed"),
            Text(outlets.get(c.doc_id) or c.doc_id),
            Text(f"{quote.text}\n[{quote.doc_id} {quote.start}:{quote.end}]"),
        )  # fmt: skip
    out.print(table)


def _json(claim: Claim, outlet: str | None) -> dict[str, object]:
    data = claim.model_dump(mode="json")
    data["outlet"] = outlet
    return data
