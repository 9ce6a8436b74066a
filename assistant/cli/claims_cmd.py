"""`factcheck claims`: the figures and statements extracted from the articles."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from .context import out, state
from .rows import Col, Row, rows_table, short_ids

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
    cols = [Col("figure", max=18), Col("counted", flex=True), Col("asserter", max=26),
            Col("outlet")]  # fmt: skip
    ids = short_ids(c.doc_id for c in found)
    rows = [Row(_cells(c, outlets.get(c.doc_id) or ids[c.doc_id]), _quote(c, ids)) for c in found]
    out.print(rows_table(f"{len(found)} claims", cols, rows, out.width))


def _cells(c: Claim, outlet: str) -> list[Text]:
    q = c.quantity
    figure = f"{q.hedge + ' ' if q and q.hedge else ''}{q.surface}" if q else ""
    return [
        Text(figure, style="bold"), Text(q.counted if q else ""),
        Text(c.asserter_canonical or c.asserter or "unattributed"),
        Text(outlet),
    ]  # fmt: skip


def _quote(c: Claim, ids: dict[str, str]) -> Text:
    """The claim's first quote, wrapped under its row, with where it is."""
    quote = c.quotes[0]
    where = f"  {ids.get(quote.doc_id, quote.doc_id)} {quote.start}:{quote.end}"
    return Text.assemble(f"“{quote.text}”", (where, "dim"))


def _json(claim: Claim, outlet: str | None) -> dict[str, object]:
    data = claim.model_dump(mode="json")
    data["outlet"] = outlet
    return data
