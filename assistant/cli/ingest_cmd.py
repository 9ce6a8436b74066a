"""`factcheck ingest` and `factcheck remove`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .context import err, out, state

if TYPE_CHECKING:
    from ..ingest.pipeline import Outcome


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("remove")(remove)


def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (searched recursively) or glob patterns.", show_default=False
        ),
    ],
    no_claims: Annotated[
        bool, typer.Option("--no-claims", help="Skip claim extraction (no LLM needed).")
    ] = False,
) -> None:
    """Add articles (.txt, .md, .html, .pdf, .docx) to the store: clean, chunk, embed, index.

    A PDF keeps its page numbers (quotes say "p. 3"); a scanned PDF without a text layer is
    refused (run OCR first). A Word file is read paragraph by paragraph, headings as lines.

    An unchanged file is skipped; a changed one replaces its old version and everything
    derived from it. A file that cannot be read is reported on one line and the rest go on;
    the exit status is 1 if any file failed. Then claims (figures, who asserted them, verified
    quotes) are extracted with the local model for every document that needs it; results are
    cached per sentence, so re-running costs nothing.
    """
    # The ingest pipeline (tiktoken, trafilatura, chromadb) loads only when ingesting.
    from ..ingest.load import IngestError, iter_paths
    from ..ingest.pipeline import Ingestor, Outcome
    from ..store import open_store
    from .claims_progress import run_extraction

    files: list[Path] = []
    failed: list[Outcome] = []
    for arg in paths:
        try:
            files.extend(iter_paths([arg]))
        except IngestError as exc:
            failed.append(Outcome(Path(arg), "failed", reason=exc.reason))
    files = list(dict.fromkeys(files))
    settings = state(ctx).settings
    store = open_store(settings)
    try:
        with Progress(
            TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[chunks]} chunks"), TimeElapsedColumn(),
            TextColumn("{task.description}"), console=err, transient=True,
        ) as bar:  # fmt: skip
            task = bar.add_task("", total=len(files), chunks=0)
            counted = 0

            def advance(path: Path, chunks: int) -> None:
                nonlocal counted
                counted += chunks
                bar.update(task, advance=1, chunks=counted, description=escape(path.name))

            outcomes = Ingestor(store).ingest(files, advance)
        _summary(failed + outcomes)
        report = None if no_claims else run_extraction(store, settings)
    finally:
        store.close()
    if any(o.status == "failed" for o in failed + outcomes) or (report and report.errors):
        raise typer.Exit(1)


def _summary(outcomes: list[Outcome]) -> None:
    for o in outcomes:
        if o.status == "failed":
            err.print(f"failed: {o.path}: {o.reason}", markup=False, highlight=False)
    counts = Counter(o.status for o in outcomes)
    chunks = sum(o.chunks for o in outcomes if o.status in ("added", "replaced"))
    out.print(
        f"added {counts['added']}, unchanged {counts['unchanged']}, "
        f"replaced {counts['replaced']}, failed {counts['failed']} "
        f"({chunks} new chunks)",
        highlight=False,
    )


def remove(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="Document id, path or file name.")],
) -> None:
    """Remove a document and everything derived from it (chunks, vectors, original copy)."""
    from ..ingest.pipeline import remove_document
    from ..store import open_store

    store = open_store(state(ctx).settings)
    try:
        doc = remove_document(store, source)
    finally:
        store.close()
    out.print(f"removed {doc.id} ({doc.source})", markup=False, highlight=False)
