"""Headline numbers of a run, aggregated over its trials (pure functions).

Ratios are micro-averaged: figure precision is all true pairs over all reported pairs, not
a mean of per-item precisions. Unscored trials count in no metric; a trial whose question
raised an error counts as incorrect but in no answer metric (there was no answer).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ..checking.models import VERDICTS
from .record import AnswerView, CheckClass, CheckSummary, KindRow, Ratio, Summary, Trial
from .scoring import answer_text, figure_pairs, norm
from .suite import ITEM_KINDS


def percentile(values: Sequence[float], p: float) -> float | None:
    """The nearest-rank percentile (p in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def signature(view: AnswerView | None) -> tuple[object, ...]:
    """What must match for two answers to one question to agree."""
    if view is None:
        return ("error",)
    pairs = sorted({(f, round(v[0], 6)) for f, v in figure_pairs(view)})
    return (view.abstained, tuple(pairs), norm(answer_text(view)))


def agreement(trials: Iterable[Trial]) -> float | None:
    """Mean over items asked more than once of the share of repeats that give the item's
    most common answer (1.0: every repeat answered alike)."""
    by_item: dict[str, list[tuple[object, ...]]] = defaultdict(list)
    for t in trials:
        if t.scores.verdict != "unscored":
            by_item[t.item_id].append(signature(t.answer))
    shares = [Counter(s).most_common(1)[0][1] / len(s) for s in by_item.values() if len(s) > 1]
    return sum(shares) / len(shares) if shares else None


def summarise(trials: Sequence[Trial]) -> Summary:
    """Every headline metric over `trials`."""
    scored = [t for t in trials if t.scores.verdict != "unscored"]
    answered = [t for t in scored if t.answer is not None]
    s = [t.scores for t in answered]

    def total(name: str) -> int:
        return sum(getattr(x, name) or 0 for x in s)

    correct = sum(1 for t in trials if t.scores.verdict == "correct")
    incorrect = sum(1 for t in trials if t.scores.verdict == "incorrect")
    tp, fp, fn = total("figure_tp"), total("figure_fp"), total("figure_fn")
    unanswerable = [x for x in s if x.answerable is False and x.abstained is not None]
    answerable = [x for x in s if x.answerable and x.abstained is not None]
    injections = [x for x in s if x.injection_resisted is not None]
    latencies = [t.answer.latency_s for t in answered if t.answer is not None]
    tokens = [
        (t.answer.prompt_tokens, t.answer.completion_tokens)
        for t in answered
        if t.answer is not None
    ]
    return Summary(
        items=len({t.item_id for t in trials}),
        trials=len(trials),
        correct=correct,
        incorrect=incorrect,
        unscored=len(trials) - correct - incorrect,
        errors=sum(1 for t in trials if t.error is not None),
        accuracy=Ratio.of(correct, correct + incorrect),
        figure_precision=Ratio.of(tp, tp + fp),
        figure_recall=Ratio.of(tp, tp + fn),
        asserter_accuracy=Ratio.of(total("asserters_right"), total("asserters_total")),
        quote_validity=Ratio.of(total("quotes_valid"), total("quotes_total")),
        citation_precision=Ratio.of(total("citations_on_gold"), total("citations_total")),
        citation_recall=Ratio.of(total("evidence_cited"), total("evidence_total")),
        abstention_accuracy=Ratio.of(
            sum(1 for x in unanswerable if x.abstained), len(unanswerable)
        ),
        false_abstention=Ratio.of(sum(1 for x in answerable if x.abstained), len(answerable)),
        conflict_recall=Ratio.of(total("conflicts_found"), total("conflicts_total")),
        injection_resistance=Ratio.of(
            sum(1 for x in injections if x.injection_resisted), len(injections)
        ),
        mention_recall=Ratio.of(total("mentions_found"), total("mentions_total")),
        latency_p50=percentile(latencies, 50),
        latency_p95=percentile(latencies, 95),
        tokens_per_question=_mean([a + b for a, b in tokens]),
        prompt_tokens_per_question=_mean([a for a, _ in tokens]),
        completion_tokens_per_question=_mean([b for _, b in tokens]),
        agreement=agreement(trials),
        by_kind=_by_kind(trials),
        check=check_summary(trials),
    )


def check_summary(trials: Sequence[Trial]) -> CheckSummary | None:
    """The check items' numbers (None without any scored check trial). A trial that
    raised an error counts as giving no verdict: a miss for its gold verdict's recall."""
    own = [t for t in trials if t.kind == "check" and t.scores.verdict != "unscored"]
    if not own:
        return None
    pairs = [(t.scores.check_gold or "", t.scores.check_verdict or "(error)") for t in own]
    classes: list[CheckClass] = []
    for v in VERDICTS:
        gold = sum(1 for g, _ in pairs if g == v)
        given = sum(1 for _, x in pairs if x == v)
        right = sum(1 for g, x in pairs if g == x == v)
        if gold or given:
            p, r = _share(right, given), _share(right, gold)
            f1 = 2 * p * r / (p + r) if p is not None and r is not None and p + r else 0.0
            classes.append(CheckClass(verdict=v, gold=gold, given=given, right=right,
                                      precision=p, recall=r, f1=f1))  # fmt: skip
    confusion: dict[str, dict[str, int]] = {}
    for g, x in pairs:
        confusion.setdefault(g, {}).setdefault(x, 0)
        confusion[g][x] += 1
    scores = [t.scores for t in own]
    views = [t.answer for t in own if t.answer is not None]
    figure = [v.latency_s for v in views if v.figure_statement]
    other = [v.latency_s for v in views if not v.figure_statement]
    return CheckSummary(
        trials=len(own),
        classes=classes,
        macro_f1=sum(c.f1 or 0.0 for c in classes) / len(classes),
        confusion=confusion,
        supported_without_evidence=sum(
            1 for v in views if v.verdict == "supported" and not v.citations
        ),
        evidence_precision=Ratio.of(sum(x.citations_on_gold or 0 for x in scores),
                                    sum(x.citations_total or 0 for x in scores)),
        evidence_recall=Ratio.of(sum(x.evidence_cited or 0 for x in scores),
                                 sum(x.evidence_total or 0 for x in scores)),
        latency_p50_figure=percentile(figure, 50),
        latency_p50_other=percentile(other, 50),
        latency_max=max((v.latency_s for v in views), default=None),
    )  # fmt: skip


def _share(num: int, den: int) -> float | None:
    return num / den if den else None


def _by_kind(trials: Sequence[Trial]) -> list[KindRow]:
    rows: list[KindRow] = []
    kinds: list[str] = [k for k in ITEM_KINDS if any(t.kind == k for t in trials)]
    kinds += sorted({t.kind for t in trials} - set(kinds))
    for kind in kinds:
        own = [t for t in trials if t.kind == kind]
        correct = sum(1 for t in own if t.scores.verdict == "correct")
        incorrect = sum(1 for t in own if t.scores.verdict == "incorrect")
        latencies = [t.answer.latency_s for t in own if t.answer is not None]
        rows.append(
            KindRow(
                kind=kind,
                trials=len(own),
                correct=correct,
                incorrect=incorrect,
                unscored=len(own) - correct - incorrect,
                accuracy=correct / (correct + incorrect) if correct + incorrect else None,
                latency_p50=percentile(latencies, 50),
            )
        )
    return rows


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None
