"""`factcheck doctor`: is everything in place? One row per check, exit 0 only if all pass."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from .context import out, state

_STYLE = {"ok": "green", "fail": "bold red", "skip": "yellow"}


def register(app: typer.Typer) -> None:
    app.command("doctor")(doctor)


def doctor(
    ctx: typer.Context,
    quick: Annotated[
        bool, typer.Option("--quick", help="Trust verification markers instead of re-hashing.")
    ] = False,
    no_llm: Annotated[
        bool, typer.Option("--no-llm", help="Do not start or call the language model.")
    ] = False,
    repair: Annotated[
        bool,
        typer.Option(
            "--repair", help="Delete stray vectors and re-embed missing ones (SQLite is kept)."
        ),
    ] = False,
) -> None:
    """Check models (present, sha256-verified), tokenizer, embeddings, the store (SQLite
    readable, every chunk and claim at an existing document span, one vector per chunk and
    claim) and the LLM."""
    from ..doctor import run_checks  # every part of the pipeline, to check it

    settings = state(ctx).settings
    table = Table(title="factcheck doctor")
    for column in ("check", "status", "detail", "fix"):
        table.add_column(column)
    failures = 0
    with out.status("checking…"):
        for check in run_checks(settings, rehash=not quick, llm=not no_llm, repair=repair):
            failures += check.status == "fail"
            style = _STYLE[check.status]
            table.add_row(
                check.name, Text(check.status, style=style), Text(check.detail), Text(check.hint)
            )
    out.print(table)
    if failures:
        out.print(f"[bold red]{failures} check(s) failed[/]")
        raise typer.Exit(1)
    out.print("[green]all checks passed[/]")
