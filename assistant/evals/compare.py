"""Comparing two runs: which headline numbers moved, which items improved or regressed.

An item's verdict over its repeats is the majority of its scored trials ("correct" when
more than half are correct); its score is the mean. Items are matched by id.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from .record import Ratio, RunRecord, Summary, Trial
from .report import HEADLINE

LOWER_IS_BETTER = frozenset(
    {"false_abstention", "latency_p50", "latency_p95", "tokens_per_question"}
)
SCORE_STEP = 0.05
"""A score change smaller than this (same verdict) is noise, not a change."""


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MetricChange(_Out):
    name: str
    a: float | None
    b: float | None
    delta: float | None
    better: bool | None


class ItemChange(_Out):
    item_id: str
    kind: str
    a: str
    b: str
    a_score: float | None
    b_score: float | None


class Comparison(_Out):
    a: str
    b: str
    same_suite: bool
    metrics: list[MetricChange]
    improved: list[ItemChange]
    regressed: list[ItemChange]
    rescored: list[ItemChange]
    unchanged: int
    only_a: list[str]
    only_b: list[str]


def compare(a: RunRecord, b: RunRecord, label_a: str = "A", label_b: str = "B") -> Comparison:
    """What changed from run `a` to run `b`."""
    items_a, items_b = _items(a.trials), _items(b.trials)
    improved: list[ItemChange] = []
    regressed: list[ItemChange] = []
    rescored: list[ItemChange] = []
    unchanged = 0
    for item_id in [i for i in items_a if i in items_b]:
        va, sa, kind = items_a[item_id]
        vb, sb, _ = items_b[item_id]
        change = ItemChange(item_id=item_id, kind=kind, a=va, b=vb, a_score=sa, b_score=sb)
        if "unscored" in (va, vb) and va != vb:
            rescored.append(change)
        elif va != vb:
            (improved if vb == "correct" else regressed).append(change)
        elif sa is not None and sb is not None and abs(sb - sa) >= SCORE_STEP:
            (improved if sb > sa else regressed).append(change)
        else:
            unchanged += 1
    return Comparison(
        a=label_a, b=label_b, same_suite=a.suite_sha256 == b.suite_sha256,
        metrics=_metrics(a.summary, b.summary), improved=improved, regressed=regressed,
        rescored=rescored, unchanged=unchanged,
        only_a=sorted(set(items_a) - set(items_b)), only_b=sorted(set(items_b) - set(items_a)),
    )  # fmt: skip


def _metrics(a: Summary, b: Summary) -> list[MetricChange]:
    names = [n for n, _ in HEADLINE] + [
        "latency_p50", "latency_p95", "tokens_per_question", "agreement",
    ]  # fmt: skip
    values = [(n, _value(getattr(a, n)), _value(getattr(b, n))) for n in names]
    if a.check is not None or b.check is not None:
        values.append(("check_macro_f1", _macro_f1(a), _macro_f1(b)))
    changes = []
    for name, va, vb in values:
        delta = None if va is None or vb is None else vb - va
        better = None
        if delta is not None and abs(delta) > 1e-9:
            better = (delta < 0) if name in LOWER_IS_BETTER else (delta > 0)
        changes.append(MetricChange(name=name, a=va, b=vb, delta=delta, better=better))
    return changes


def _macro_f1(s: Summary) -> float | None:
    return None if s.check is None else s.check.macro_f1


def _value(x: Ratio | float | None) -> float | None:
    return x.value if isinstance(x, Ratio) else x


def _items(trials: Sequence[Trial]) -> dict[str, tuple[str, float | None, str]]:
    """item id -> (majority verdict, mean score, kind)."""
    grouped: dict[str, list[Trial]] = {}
    for t in trials:
        grouped.setdefault(t.item_id, []).append(t)
    out: dict[str, tuple[str, float | None, str]] = {}
    for item_id, own in grouped.items():
        scored = [t for t in own if t.scores.verdict != "unscored"]
        if not scored:
            out[item_id] = ("unscored", None, own[0].kind)
            continue
        right = sum(1 for t in scored if t.scores.verdict == "correct")
        verdict = "correct" if right * 2 > len(scored) else "incorrect"
        scores = [t.scores.score for t in scored if t.scores.score is not None]
        out[item_id] = (verdict, sum(scores) / len(scores) if scores else None, own[0].kind)
    return out
