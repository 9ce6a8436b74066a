"""Running claim extraction from the CLI with a progress bar of counts."""

from __future__ import annotations

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..claims.candidates import find_candidates
from ..claims.extract import Counts
from ..claims.run import ExtractionReport, extract_claims
from ..llm import LLM
from ..settings import Settings
from ..store import Store
from .context import err, out


def run_extraction(store: Store, settings: Settings) -> ExtractionReport:
    """Extract claims for every document that needs it, showing candidates and counts."""
    docs = [d for s in store.docs.summaries() if (d := store.docs.get(s.id)) is not None]
    total = sum(1 for d in docs for _ in find_candidates(d.id, d.text))
    llm = LLM(settings.llm, settings.cache)
    seen = Counts()
    try:
        with Progress(
            TextColumn("claims"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[line]}"), TimeElapsedColumn(),
            console=err, transient=True,
        ) as bar:  # fmt: skip
            task = bar.add_task("", total=total, line="")

            def tick(doc_id: str, counts: Counts) -> None:
                seen.add(counts)
                bar.update(task, advance=counts.candidates, line=_line(seen))

            def done(doc_id: str) -> None:
                bar.update(task, completed=seen.candidates)

            report = extract_claims(store, llm, progress=tick, on_document=done)
    finally:
        llm.close()
    c = report.counts
    out.print(
        f"claims: {report.documents} documents extracted, {report.skipped} up to date; {_line(c)}",
        highlight=False,
    )
    for line in report.errors[:5]:
        err.print(f"claims: failed: {line}", markup=False, highlight=False)
    if len(report.errors) > 5:
        err.print(f"claims: … and {len(report.errors) - 5} more failures", highlight=False)
    if report.stopped is not None:
        err.print(
            f"claims: {report.stopped}; run again to finish (what was extracted is kept)",
            markup=False, highlight=False,
        )  # fmt: skip
    return report


def _line(c: Counts) -> str:
    return (
        f"{c.candidates} candidates, {c.claims} claims ({c.parsed} read off the parse, "
        f"{c.verified} verified, {c.repaired} repaired, {c.dropped} dropped, {c.cached} cached)"
    )
