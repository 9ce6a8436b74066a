"""`factcheck eval`: run a gold suite, check its gold quotes, compare two runs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.core import TyperGroup

from ..errors import FactcheckError
from .context import err, out, state

if TYPE_CHECKING:  # the eval modules load the whole pipeline: imported by each command
    from ..evals import Comparison, RunRecord
    from ..evals.record import CheckSummary
    from ..settings import Settings


class _RunByDefault(TyperGroup):
    """`factcheck eval SUITE` means `factcheck eval run SUITE`."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # a click Context
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


eval_app = typer.Typer(
    cls=_RunByDefault,
    no_args_is_help=True,
    help="Run gold eval suites (`factcheck eval SUITE`), check them, compare runs.",
)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")


@eval_app.command("run")
def run(
    ctx: typer.Context,
    suite: Annotated[Path, typer.Argument(help="A suite file, e.g. evals/seeds.jsonl.")],
    model: Annotated[
        str | None, typer.Option("--model", help="Answer model for this run.", show_default=False)
    ] = None,
    repeat: Annotated[int, typer.Option(help="Ask every question this many times.", min=1)] = 1,
    limit: Annotated[
        int | None, typer.Option(help="Only the first N items.", min=1, show_default=False)
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Folder for run.json and report.md.", show_default=False
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run record as JSON.")] = False,
) -> None:
    """Run SUITE: ingest its corpus into a temporary store (claims extracted), ask every
    question, score the answers against the gold, and write a JSON record and a Markdown
    report to OUTPUT (default: a new folder under DATA_DIR/evals/runs).

    Use the global --extraction-model to change the claim extraction model too.
    """
    from ..evals import load_suite, render_report, run_suite, save_record

    loaded = load_suite(suite)
    settings = state(ctx).settings
    if model:
        settings = settings.model_copy(
            update={"llm": settings.llm.model_copy(update={"answer_model": model})}
        )
    with Progress(
        TextColumn("{task.description:>9}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[note]}"), TimeElapsedColumn(), console=err, transient=True,
    ) as bar:  # fmt: skip
        record = run_suite(loaded, settings, repeat=repeat, limit=limit, progress=_Bar(bar))
    folder = output or _runs_dir(settings) / _run_name(record)
    save_record(record, folder, render_report(record))
    if as_json:
        out.print_json(record.model_dump_json())
    else:
        _print_summary(record)
        out.print(f"record: {folder / 'run.json'}\nreport: {folder / 'report.md'}",
                  highlight=False, soft_wrap=True)  # fmt: skip
    if record.interrupted:
        err.print("eval: interrupted; the questions asked so far are in the record")
        raise typer.Exit(130)


@eval_app.command("compare")
def compare_runs(
    ctx: typer.Context,
    run_a: Annotated[Path, typer.Argument(help="The earlier run: its folder or run.json.")],
    run_b: Annotated[Path, typer.Argument(help="The later run.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
) -> None:
    """Show which metrics and items improved or regressed from RUN_A to RUN_B (a run is a
    folder or run.json, or a folder name under DATA_DIR/evals/runs)."""
    from ..evals import compare, load_record

    settings = state(ctx).settings
    a, b = (_find_run(settings, p) for p in (run_a, run_b))
    result = compare(load_record(a), load_record(b), str(run_a), str(run_b))
    if as_json:
        out.print_json(result.model_dump_json())
    else:
        _print_comparison(result)


@eval_app.command("rescore")
def rescore_run(
    ctx: typer.Context,
    run_dir: Annotated[Path, typer.Argument(help="A run: its folder or run.json.")],
    suite: Annotated[
        Path | None,
        typer.Option(
            help="The suite to score against (default: the run's own).", show_default=False
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Folder to write (default: RUN-rescored).", show_default=False
        ),
    ] = None,
) -> None:
    """Score a run's answers again against its suite (after a gold fix) without asking
    the model anything; writes a new run.json and report.md."""
    from ..evals import load_record, load_suite, render_report, rescore, save_record

    found = _find_run(state(ctx).settings, run_dir)
    record = load_record(found)
    loaded = load_suite(suite or Path(record.suite_path))
    again = rescore(record, loaded)
    run_folder = found if found.is_dir() else found.parent
    folder = output or run_folder.with_name(run_folder.name + "-rescored")
    save_record(again, folder, render_report(again))
    _print_summary(again)
    out.print(f"report: {folder / 'report.md'}", highlight=False, soft_wrap=True)


@eval_app.command("check")
def check(suite: Annotated[Path, typer.Argument(help="A suite file.")]) -> None:
    """Check that every gold quote of SUITE is verbatim in its file (raw and cleaned)."""
    from ..evals import check_suite, load_suite

    loaded = load_suite(suite)
    problems = check_suite(loaded)
    for p in problems:
        out.print(p.line(), markup=False, highlight=False, soft_wrap=True)
    for bad in loaded.invalid:
        out.print(f"line {bad.line}: {bad.error}", markup=False, highlight=False)
    quotes = sum(len(i.evidence) + len(i.gold.injected) for i in loaded.items)
    out.print(f"{loaded.name}: {len(loaded.items)} items, {quotes} gold quotes, "
              f"{len(problems)} problems, {len(loaded.invalid)} invalid lines")  # fmt: skip
    if problems or loaded.invalid:
        raise typer.Exit(1)


class _Bar:
    """The runner's progress on a rich progress bar: one line per stage."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task: Any = None

    def stage(self, name: str, total: int) -> None:
        self.task = self.progress.add_task(name, total=total, note="")

    def advance(self, n: int = 1, note: str = "") -> None:
        if self.task is not None:
            self.progress.update(self.task, advance=n, note=note)


def _runs_dir(settings: Settings) -> Path:
    return settings.home / "evals" / "runs"


def _run_name(record: RunRecord) -> str:
    stamp = datetime.fromisoformat(record.started).strftime("%Y%m%d-%H%M%S")
    return f"{stamp}-{record.suite}"


def _find_run(settings: Settings, path: Path) -> Path:
    if path.exists():
        return path
    named = _runs_dir(settings) / path
    if named.exists():
        return named
    raise FactcheckError(f"no run at {path}", hint=f"runs are kept in {_runs_dir(settings)}")


def _print_summary(record: RunRecord) -> None:
    from ..evals import headline_rows

    s = record.summary
    table = Table(title=f"{record.suite}: {s.correct} correct, {s.incorrect} incorrect, "
                  f"{s.unscored} unscored ({record.seconds:.0f} s)")  # fmt: skip
    for column in ("metric", "value", "counts"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for row in headline_rows(s, record.repeat):
        table.add_row(*row)
    out.print(table)
    kinds = Table(title="by kind")
    for column in ("kind", "trials", "correct", "incorrect", "unscored", "accuracy"):
        kinds.add_column(column, justify="left" if column == "kind" else "right")
    for k in s.by_kind:
        acc = "n/a" if k.accuracy is None else f"{100 * k.accuracy:.0f}%"
        kinds.add_row(k.kind, str(k.trials), str(k.correct), str(k.incorrect),
                      str(k.unscored), acc)  # fmt: skip
    out.print(kinds)
    if s.check is not None:
        _print_checks(s.check)


def _print_checks(c: CheckSummary) -> None:
    def share(x: float | None) -> str:
        return "n/a" if x is None else f"{100 * x:.0f}%"

    table = Table(title=f"checks: macro-F1 {share(c.macro_f1)}, supported without evidence "
                  f"{c.supported_without_evidence}")  # fmt: skip
    for column in ("verdict", "gold", "given", "right", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "verdict" else "right")
    for k in c.classes:
        table.add_row(k.verdict, str(k.gold), str(k.given), str(k.right), share(k.precision),
                      share(k.recall), share(k.f1))  # fmt: skip
    out.print(table)


def _print_comparison(c: Comparison) -> None:
    if not c.same_suite:
        err.print("eval: the two runs used different suite files; items are matched by id")
    table = Table(title=f"{c.a} → {c.b}")
    for column in ("metric", "A", "B", "change"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for m in c.metrics:
        mark = {True: "[green]better[/]", False: "[red]worse[/]", None: ""}[m.better]
        table.add_row(m.name, _num(m.a), _num(m.b), f"{_num(m.delta, signed=True)} {mark}")
    out.print(table)
    for title, changes in (("improved", c.improved), ("regressed", c.regressed),
                           ("scored differently", c.rescored)):  # fmt: skip
        out.print(f"{title}: {len(changes)}", highlight=False)
        for ch in changes:
            out.print(f"  {ch.item_id} ({ch.kind}): {ch.a} {_num(ch.a_score)} → {ch.b} "
                      f"{_num(ch.b_score)}", markup=False, highlight=False)  # fmt: skip
    out.print(f"unchanged: {c.unchanged}", highlight=False)
    if c.only_a or c.only_b:
        out.print(f"only in A: {', '.join(c.only_a) or '-'}; only in B: "
                  f"{', '.join(c.only_b) or '-'}", markup=False, highlight=False)  # fmt: skip


def _num(value: float | None, *, signed: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{value:+.2f}" if signed else f"{value:.2f}"
