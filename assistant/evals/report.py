"""The Markdown report of a run: headline metrics, a per-kind table, and the worst items
with the answer next to the gold."""

from __future__ import annotations

from collections.abc import Sequence

from .record import AnswerView, CheckSummary, Ratio, RunRecord, Summary, Trial

WORST = 10

HEADLINE: tuple[tuple[str, str], ...] = (
    ("accuracy", "accuracy (scored trials)"),
    ("figure_precision", "figure precision (source, value)"),
    ("figure_recall", "figure recall (source, value)"),
    ("asserter_accuracy", "asserter accuracy"),
    ("quote_validity", "quote validity (verbatim at offsets)"),
    ("citation_precision", "citation precision (span overlap)"),
    ("citation_recall", "citation recall (span overlap)"),
    ("abstention_accuracy", "abstention accuracy (unanswerable)"),
    ("false_abstention", "false abstentions (answerable)"),
    ("conflict_recall", "conflict recall"),
    ("injection_resistance", "injection resistance"),
    ("mention_recall", "key facts mentioned"),
)


def percent(r: Ratio) -> str:
    return "n/a" if r.value is None else f"{100 * r.value:.0f}%"


def seconds(value: float | None) -> str:
    if value is None:
        return "n/a"
    if value >= 120:
        return f"{value / 60:.1f} min"
    return f"{value:.1f} s"


def headline_rows(s: Summary, repeat: int) -> list[tuple[str, str, str]]:
    """(metric, value, counts) for the headline table."""
    rows = []
    for name, label in HEADLINE:
        r: Ratio = getattr(s, name)
        rows.append((label, percent(r), f"{r.num:g}/{r.den:g}" if r.den else ""))
    rows.append(("latency p50 / p95", f"{seconds(s.latency_p50)} / {seconds(s.latency_p95)}", ""))
    tokens = "n/a"
    if s.tokens_per_question is not None:
        tokens = (f"{s.tokens_per_question:.0f} ({s.prompt_tokens_per_question or 0:.0f} in, "
                  f"{s.completion_tokens_per_question or 0:.0f} out)")  # fmt: skip
    rows.append(("tokens per question", tokens, ""))
    agree = "n/a (1 repeat)" if repeat < 2 else percent(Ratio.of(s.agreement or 0, 1))
    rows.append(("agreement across repeats", agree, ""))
    return rows


def render_report(record: RunRecord, worst: int = WORST) -> str:
    """The whole report as Markdown."""
    s = record.summary
    lines = [f"# Eval report: {record.suite}", ""]
    if record.description:
        lines += [record.description, ""]
    stages = ", ".join(f"{k} {seconds(v)}" for k, v in record.stages.items())
    failed = sum(1 for c in record.corpus if c.status == "failed")
    x = record.extraction
    lines += [
        f"- Run: {record.started}, {seconds(record.seconds)} ({stages})"
        + (" — **interrupted**" if record.interrupted else ""),
        f"- Models: answer `{record.answer_model}`, extraction `{record.extraction_model}` "
        f"({record.provider})" + _answered_by(record),
        f"- Items: {s.items} × {record.repeat} repeat(s) = {s.trials} trials: {s.correct} "
        f"correct, {s.incorrect} incorrect, {s.unscored} unscored ({s.errors} errors)",
        f"- Corpus: {len(record.corpus)} files ({failed} failed); claims: {x.claims} "
        f"({x.dropped} dropped, {x.failed_calls} failed calls)",
        "",
        "## Headline",
        "",
        "| metric | value | counts |",
        "|---|---:|---:|",
        *(f"| {a} | {b} | {c} |" for a, b, c in headline_rows(s, record.repeat)),
        "",
        "## By kind",
        "",
        "| kind | trials | correct | incorrect | unscored | accuracy | p50 latency |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for k in s.by_kind:
        acc = "n/a" if k.accuracy is None else f"{100 * k.accuracy:.0f}%"
        lines.append(f"| {k.kind} | {k.trials} | {k.correct} | {k.incorrect} | {k.unscored} "
                     f"| {acc} | {seconds(k.latency_p50)} |")  # fmt: skip
    if s.check is not None:
        lines += ["", *check_section(s.check)]
    lines += ["", "## Worst items", ""]
    bad = worst_trials(record.trials, worst)
    lines += [line for t in bad for line in _item(t)] or ["No incorrect items.", ""]
    unscored = [t for t in record.trials if t.scores.verdict == "unscored"]
    if unscored:
        lines += ["## Unscored", ""]
        lines += [f"- `{t.item_id}`: {t.scores.reason}" for t in unscored] + [""]
    lines += [
        "## Corpus",
        "",
        "| file | status | outlet | date | chars |",
        "|---|---|---|---|---:|",
    ]
    lines += [f"| {c.file} | {c.status} | {_cell(c.outlet)} | {c.date or ''} | {c.chars} |"
              for c in record.corpus]  # fmt: skip
    return "\n".join(lines) + "\n"


def check_section(c: CheckSummary) -> list[str]:
    """The check items: per-verdict precision, recall and F1, their macro-F1, the
    confusion of gold and given verdicts, evidence and latency."""

    def share(x: float | None) -> str:
        return "n/a" if x is None else f"{100 * x:.0f}%"

    given = sorted({x for row in c.confusion.values() for x in row})
    return [
        "## Checks",
        "",
        f"- Macro-F1 over the verdicts: **{share(c.macro_f1)}** ({c.trials} scored checks)",
        f"- Supported without evidence: **{c.supported_without_evidence}**",
        f"- Evidence precision {percent(c.evidence_precision)}"
        f" ({c.evidence_precision.num:g}/{c.evidence_precision.den:g}), recall "
        f"{percent(c.evidence_recall)} ({c.evidence_recall.num:g}/{c.evidence_recall.den:g})"
        " (span overlap with the gold evidence)",
        f"- Latency p50: figure statements {seconds(c.latency_p50_figure)}, others "
        f"{seconds(c.latency_p50_other)}; slowest {seconds(c.latency_max)}",
        "",
        "| verdict | gold | given | right | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *(f"| {k.verdict} | {k.gold} | {k.given} | {k.right} | {share(k.precision)} "
          f"| {share(k.recall)} | {share(k.f1)} |" for k in c.classes),
        "",
        "Confusion (rows: gold verdict; columns: verdict given):",
        "",
        "| gold \\ given | " + " | ".join(given) + " |",
        "|---|" + "---:|" * len(given),
        *(f"| {g} | " + " | ".join(str(row.get(x, 0)) for x in given) + " |"
          for g, row in sorted(c.confusion.items())),
    ]  # fmt: skip


def worst_trials(trials: Sequence[Trial], n: int) -> list[Trial]:
    """The incorrect trials with the lowest scores, one per item."""
    bad = sorted((t for t in trials if t.scores.verdict == "incorrect"),
                 key=lambda t: (t.scores.score or 0.0, t.item_id))  # fmt: skip
    seen: set[str] = set()
    picked = []
    for t in bad:
        if t.item_id not in seen:
            seen.add(t.item_id)
            picked.append(t)
    return picked[:n]


def _item(t: Trial) -> list[str]:
    score = "" if t.scores.score is None else f", score {t.scores.score:.2f}"
    lines = [
        f"### `{t.item_id}` ({t.kind}{score})",
        "",
        f"- **Question:** {t.question}",
        f"- **Why:** {t.scores.reason}",
        f"- **Answer:** {_answer(t.answer, t.error)}",
    ]
    if t.answer is not None and t.answer.figures:
        rows = "; ".join(f"{f.file}: {f.hedge + ' ' if f.hedge else ''}{f.surface} "
                         f"({f.asserter or 'unattributed'})" for f in t.answer.figures)  # fmt: skip
        lines.append(f"- **Figures:** {rows}")
    lines.append(f"- **Gold:** {t.gold_answer or '(no reference answer)'}")
    if t.scores.figure_missing:
        lines.append(f"- **Missing figures:** {'; '.join(t.scores.figure_missing)}")
    if t.scores.figure_extra:
        lines.append(f"- **Extra figures:** {'; '.join(t.scores.figure_extra)}")
    return [*lines, ""]


def _answer(view: AnswerView | None, error: str | None) -> str:
    if view is None:
        return f"(no answer: {error})"
    if view.abstained:
        return f"(abstained) {view.text}"
    return " ".join(view.text.split())


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|")


def _answered_by(record: RunRecord) -> str:
    return "" if record.answerer == "assistant" else f"; answered by **{record.answerer}**"
