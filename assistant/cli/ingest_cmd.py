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
        list[str] | None,
        typer.Argument(
            help="Files, folders (searched recursively), glob patterns or http(s) URLs.",
            show_default=False,
        ),
    ] = None,
    urls: Annotated[
        Path | None,
        typer.Option(
            "--urls", help="A file of URLs to fetch, one a line (# comments).", show_default=False
        ),
    ] = None,
    no_claims: Annotated[
        bool, typer.Option("--no-claims", help="Skip claim extraction (no LLM needed).")
    ] = False,
) -> None:
    """Add articles (.txt, .md, .html, .pdf, .docx, or web pages) to the store: clean, chunk,
    embed, index.

    A PDF keeps its page numbers (quotes say "p. 3"); a scanned PDF without a text layer is
    refused (run OCR first). A Word file is read paragraph by paragraph, headings as lines.
    A URL is fetched (redirects followed, ingest.fetch_timeout, ingest.max_file_bytes) and
    its provenance kept: URL, final URL, retrieval time, HTTP status, sha256.

    An unchanged file or page is skipped; a changed file replaces its old version and
    everything derived from it, while a changed page becomes a new version beside the old
    one (both stay citable). A file or URL that cannot be read is reported on one line and
    the rest go on; the exit status is 1 if any failed. Then claims (figures, who asserted
    them, verified quotes) are extracted with the local model for every document that needs
    it; results are cached per sentence, so re-running costs nothing.
    """
    # The ingest pipeline (tiktoken, trafilatura, chromadb, httpx) loads only when ingesting.
    from ..ingest.load import IngestError, iter_paths
    from ..ingest.pipeline import Ingestor, Outcome
    from ..ingest.web import is_url, read_url_list
    from ..store import open_store
    from .claims_progress import run_extraction

    listed: list[str] = []
    if urls is not None:
        try:
            listed = read_url_list(urls.read_text(encoding="utf-8").splitlines())
        except (OSError, UnicodeDecodeError) as exc:
            raise typer.BadParameter(f"cannot read {urls}: {exc}", param_hint="--urls") from exc
    args = list(paths or [])
    if not args and not listed:
        raise typer.BadParameter("give files, folders, URLs or --urls FILE", param_hint="PATHS")
    pages = list(dict.fromkeys(a for a in args + listed if is_url(a)))
    failed = [
        Outcome(Path(line), "failed", reason="not an http(s) URL", url=line)
        for line in listed
        if not is_url(line)
    ]
    files: list[Path] = []
    for arg in args:
        if is_url(arg):
            continue
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
            task = bar.add_task("", total=len(files) + len(pages), chunks=0)
            counted = 0

            def advance(where: Path | str, chunks: int) -> None:
                nonlocal counted
                counted += chunks
                name = where.name if isinstance(where, Path) else where
                bar.update(task, advance=1, chunks=counted, description=escape(name))

            ingestor = Ingestor(store)
            outcomes = ingestor.ingest(files, advance) + ingestor.ingest_urls(pages, advance)
        _summary(failed + outcomes)
        report = None if no_claims else run_extraction(store, settings)
    finally:
        store.close()
    if any(o.status == "failed" for o in failed + outcomes) or (report and report.errors):
        raise typer.Exit(1)


def _summary(outcomes: list[Outcome]) -> None:
    for o in outcomes:
        if o.status == "failed":
            err.print(f"failed: {o.where}: {o.reason}", markup=False, highlight=False)
    counts = Counter(o.status for o in outcomes)
    chunks = sum(o.chunks for o in outcomes if o.status in ("added", "replaced", "new version"))
    versions = f", new versions {counts['new version']}" if counts["new version"] else ""
    out.print(
        f"added {counts['added']}, unchanged {counts['unchanged']}, "
        f"replaced {counts['replaced']}{versions}, failed {counts['failed']} "
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
