"""`factcheck check`: a statement or a whole draft checked against the sources."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .context import err, out, state

if TYPE_CHECKING:
    from ..checking import CheckReport, StatementCheck

_MARKS = {
    "supported": ("✓", "green"),
    "contradicted": ("✗", "red"),
    "disputed": ("≠", "yellow"),
    "misattributed": ("⇄", "magenta"),
    "not in sources": ("?", "dim"),
}


def register(app: typer.Typer) -> None:
    app.command("check")(check)


def check(
    ctx: typer.Context,
    claim: Annotated[
        str | None,
        typer.Argument(help="The statement to check, e.g. '12,000 troops are in Russia'."),
    ] = None,
    file: Annotated[
        str | None,
        typer.Option("--file", "-f", help="A draft to check, statement by statement ('-': stdin)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the checks as JSON.")] = False,
) -> None:
    """Check CLAIM, or every check-worthy statement of a draft (--file), against the sources.

    Each statement gets one verdict: supported, contradicted, disputed (the sources
    disagree), misattributed (said, but by someone else) or not in sources, with the reason
    and the verified quotes that decided it. Statements with a figure are judged by code on
    the stored claims (value within its hedge, what is counted, who said it, when);
    others by the answer model on the closest sentences, its verdict checked.
    """
    draft = _draft(claim, file)
    from ..checking import Checker
    from ..llm import LLM
    from ..store import open_store

    settings = state(ctx).settings
    store = open_store(settings)
    llm = LLM(settings.llm, settings.cache)

    def progress(result: StatementCheck, i: int, total: int) -> None:
        if not as_json:
            err.print(f"[dim]checked {i}/{total}[/dim]", end="\r")

    try:
        report = Checker(store, llm).check_draft(draft, progress)
    finally:
        llm.close()
        store.close()
    if as_json:
        out.print_json(report.model_dump_json())
    else:
        _print(report)


def _draft(claim: str | None, file: str | None) -> str:
    if (claim is None) == (file is None):
        raise typer.BadParameter("give a CLAIM or --file DRAFT (not both)")
    if claim is not None:
        if not claim.strip():
            raise typer.BadParameter("the claim is empty", param_hint="CLAIM")
        return claim
    assert file is not None
    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"cannot read {file}: {exc}", param_hint="--file") from exc
    if not text.strip():
        raise typer.BadParameter(f"{file} is empty", param_hint="--file")
    return text


def _print(report: CheckReport) -> None:
    if not report.statements:
        out.print("No check-worthy statement found.")
        return
    for checked in report.statements:
        mark, colour = _MARKS[checked.verdict]
        out.print(f"[{colour}]{mark} {checked.verdict.upper()}[/{colour}]  {checked.text}")
        out.print(f"   [dim]why:[/dim] {checked.reason}")
        for e in checked.evidence[:3]:
            who = f", {e.asserter}" if e.asserter else ""
            when = f", {e.date}" if e.date else ""
            out.print(f"   [dim]{e.outlet}{who}{when} [{e.start}:{e.end}][/dim] “{e.quote}”")
    counts = ", ".join(f"{n} {v}" for v, n in report.counts.items() if n)
    out.print(f"\n{len(report.statements)} statements: {counts} ({report.latency_s:.1f} s)")
