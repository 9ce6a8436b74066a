"""`factcheck check`: a statement or a whole draft checked against the sources."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import FactcheckError
from .context import err, out, state

if TYPE_CHECKING:
    from ..checking import CheckReport, StatementCheck

FORMATS = ("text", "json", "md", "html")


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
    as_json: Annotated[bool, typer.Option("--json", help="The same as --format json.")] = False,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="text (default), json, md, or html (a self-contained page)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", help="Check against this document only (repeatable)."),
    ] = None,
    outlet: Annotated[
        list[str] | None,
        typer.Option("--outlet", help="Check against this outlet only (repeatable)."),
    ] = None,
) -> None:
    """Check CLAIM, or every check-worthy statement of a draft (--file), against the sources.

    Each statement gets one verdict: supported, contradicted, disputed (the sources
    disagree), misattributed (said, but by someone else) or not in sources, with the reason
    and the verified quotes that decided it. Statements with a figure are judged by code on
    the stored claims (value within its hedge, what is counted, who said it, when);
    others by the answer model on the closest sentences, its verdict checked.

    --format md lists the statements with their verdicts and footnoted evidence; --format
    html is one page of the draft with each statement highlighted by its verdict (hover or
    click one for its reason and quotes). --source and --outlet restrict the sources a
    statement is checked against, as in `ask`.
    """
    fmt = _format(fmt, as_json)
    _check_writable(output)
    draft = _draft(claim, file)
    from ..checking import Checker
    from ..llm import LLM
    from ..search import Filters
    from ..store import open_store
    from .ask_cmd import check_filters

    settings = state(ctx).settings
    filters = Filters(tuple(source or ()), tuple(outlet or ()))
    if filters.active:
        check_filters(ctx, filters)
    store = open_store(settings)
    llm = LLM(settings.llm, settings.cache)

    shown = fmt != "json" and err.is_terminal  # a progress line only where it can be redrawn

    def progress(result: StatementCheck, i: int, total: int) -> None:
        if shown:
            err.print(f"[dim]checked {i}/{total}[/dim]", end="\r")

    try:
        report = Checker(store, llm, filters).check_draft(draft, progress)
    finally:
        llm.close()
        store.close()
        if shown:
            err.print(" " * 20, end="\r")
    title = f"Check of {Path(file).name}" if file not in (None, "-") else "Check"
    _write(_render(fmt, draft, report, title, to_file=output is not None), output)


def _format(fmt: str | None, as_json: bool) -> str:
    if fmt is None:
        return "json" if as_json else "text"
    if fmt.lower() not in FORMATS:
        raise typer.BadParameter(
            f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}", param_hint="--format"
        )
    if as_json and fmt.lower() != "json":
        raise typer.BadParameter(f"--json and --format {fmt} disagree: give one of them",
                                 param_hint="--format")  # fmt: skip
    return fmt.lower()


def _check_writable(path: Path | None) -> None:
    """Refuse an -o path that cannot be written before the check runs, not after."""
    if path is None:
        return
    if path.is_dir():
        raise typer.BadParameter(f"{path} is a directory, not a file", param_hint="--output")
    folder = path.parent
    if not folder.is_dir():
        raise typer.BadParameter(f"cannot write {path}: no folder {folder}", param_hint="--output")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise typer.BadParameter(f"cannot write {path}: permission denied",
                                 param_hint="--output")  # fmt: skip


def _render(fmt: str, draft: str, report: CheckReport, title: str, *, to_file: bool) -> str | None:
    """The report as text in `fmt`; None for text to the terminal (printed with colour)."""
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    if fmt == "html":
        from ..checking.html import page

        return page(draft, report, title)
    if fmt == "md":
        from ..checking.markdown import check_md

        return check_md(report, title)
    if not to_file:
        _print(report, out)
        return None
    buffer = io.StringIO()
    _print(report, Console(file=buffer, color_system=None, width=100, soft_wrap=True))
    return buffer.getvalue()


def _write(text: str | None, path: Path | None) -> None:
    if text is None:
        return
    if path is None:
        out.print(text, markup=False, highlight=False, soft_wrap=True, end="")
        return
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise FactcheckError(f"cannot write {path}: {exc.strerror or exc}") from exc
    err.print(f"wrote {path}", markup=False, highlight=False)


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


def _print(report: CheckReport, console: Console) -> None:
    from ..checking.models import MARKS

    if not report.statements:
        console.print("No check-worthy statement found.")
        return
    for checked in report.statements:
        mark, colour = MARKS[checked.verdict]
        console.print(f"[{colour}]{mark} {checked.verdict.upper()}[/{colour}]  "
                      f"{escape(checked.text)}")  # fmt: skip
        console.print(f"   [dim]why:[/dim] {escape(checked.reason)}")
        for e in checked.evidence[:3]:
            who = f", {e.asserter}" if e.asserter else ""
            when = f", {e.date}" if e.date else ""
            where = escape(f"{e.outlet}{who}{when} [{e.start}:{e.end}]")
            console.print(f"   [dim]{where}[/dim] “{escape(e.quote)}”")
    counts = ", ".join(f"{n} {v}" for v, n in report.counts.items() if n)
    console.print(f"\n{len(report.statements)} statements: {counts} ({report.latency_s:.1f} s)")
