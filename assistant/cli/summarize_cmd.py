"""`factcheck summarize`: source-cited summaries and a cross-source digest."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)  # fmt: skip

from .context import err, out, state

if TYPE_CHECKING:
    from ..settings import Settings
    from ..store import Document, Store
    from ..summaries import Summaries

Format = Literal["md", "json", "html"]


def register(app: typer.Typer) -> None:
    app.command("summarize")(summarize_command)


def summarize_command(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders or URLs (ingested first if needed)."),
    ] = None,
    source: Annotated[
        list[str] | None, typer.Option("--source", help="A stored document (repeatable).")
    ] = None,
    per_source: Annotated[
        bool, typer.Option("--per-source", help="One summary per document (default).")
    ] = False,
    digest: Annotated[
        bool, typer.Option("--digest", help="One digest across the documents.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="md, json or html.")] = "md",
    out_dir: Annotated[
        Path | None, typer.Option("-o", "--out", help="Write files here instead of stdout.")
    ] = None,
) -> None:
    """Summarize documents; every sentence cites verified quotes of its article.

    Without PATH or --source, every stored document. --digest adds a key-figures table
    (figure, what is counted, asserter, outlet, quote) and where the sources disagree.
    Summaries are cached per document version, prompt and model: re-running reuses them,
    and a failure on one document is reported while the rest go on (exit 1 at the end).
    """
    if fmt not in ("md", "json", "html"):
        raise typer.BadParameter("format must be md, json or html", param_hint="--format")
    from ..store import open_store

    settings = state(ctx).settings
    store = open_store(settings)
    try:
        docs = _documents(store, settings, paths or [], source or [])
        result = _run(store, settings, docs, digest=digest)
    finally:
        store.close()
    _write(result, fmt, out_dir, per_source=per_source or not digest)  # type: ignore[arg-type]
    r = result.run
    err.print(
        f"summaries: {r.summarized} made, {r.cached} reused, {len(r.failed)} failed; "
        f"sentences {r.kept} kept, {r.dropped} dropped; {r.seconds:.1f} s",
        highlight=False,
    )
    for line in r.failed:
        err.print(f"failed: {line}", markup=False, highlight=False)
    if r.failed:
        raise typer.Exit(1)


def _documents(
    store: Store, settings: Settings, paths: list[str], sources: list[str]
) -> list[Document]:
    from ..ingest.load import iter_paths
    from ..ingest.pipeline import Ingestor
    from ..ingest.web import is_url
    from .claims_progress import run_extraction

    ids: list[str] = []
    if paths:
        urls = list(dict.fromkeys(p for p in paths if is_url(p)))
        local = [p for p in paths if not is_url(p)]
        files = list(dict.fromkeys(iter_paths(local))) if local else []
        ingestor = Ingestor(store)
        outcomes = ingestor.ingest(files) + ingestor.ingest_urls(urls)
        for o in outcomes:
            if o.status == "failed":
                err.print(f"failed: {o.where}: {o.reason}", markup=False, highlight=False)
        run_extraction(store, settings)
        ids += [o.doc_id for o in outcomes if o.doc_id is not None]
    for ref in sources:
        doc = store.docs.find(ref)
        if doc is None:
            raise typer.BadParameter(f"no stored document {ref!r}", param_hint="--source")
        ids.append(doc.id)
    if not paths and not sources:
        ids = [s.id for s in store.docs.summaries()]
    docs = [d for i in dict.fromkeys(ids) if (d := store.docs.get(i)) is not None]
    if not docs:
        raise typer.BadParameter("no documents to summarize (ingest some first)")
    return docs


def _run(store: Store, settings: Settings, docs: list[Document], *, digest: bool) -> Summaries:
    from ..llm import LLM
    from ..summaries import summarize

    llm = LLM(settings.llm, settings.cache)
    try:
        with Progress(
            TextColumn("summarizing"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
            TextColumn("{task.description}"), console=err, transient=True,
        ) as bar:  # fmt: skip
            task = bar.add_task("", total=len(docs))

            def advance(doc: Document, status: str) -> None:
                bar.update(task, advance=1, description=escape(f"{Path(doc.source).name}: "
                                                                f"{status}"))  # fmt: skip

            return summarize(store, llm, [d.id for d in docs], digest=digest,
                             on_document=advance)  # fmt: skip
    finally:
        llm.close()


def _write(result: Summaries, fmt: Format, out_dir: Path | None, *, per_source: bool) -> None:
    from ..summaries.html import page
    from ..summaries.markdown import digest_md, summary_md, to_json

    files: dict[str, str] = {}
    if fmt == "json":
        files["summaries.json"] = to_json(result.documents if per_source else [], result.digest)
    elif fmt == "html":
        files["summaries.html"] = page(result.documents if per_source else [], result.digest)
    else:
        if result.digest is not None:
            files["digest.md"] = digest_md(result.digest)
        if per_source:
            for s in result.documents:
                files[f"{Path(s.source).stem}.md"] = summary_md(s)
    if out_dir is None:
        for text in files.values():
            out.print(text, markup=False, highlight=False, soft_wrap=True)
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (out_dir / name).write_text(text, encoding="utf-8")
        err.print(f"wrote {out_dir / name}", markup=False, highlight=False)
