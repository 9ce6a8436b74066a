"""What a check returns: per statement a verdict, its reason and its evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

Verdict = Literal["supported", "contradicted", "disputed", "misattributed", "not in sources"]
VERDICTS: tuple[Verdict, ...] = (
    "supported", "contradicted", "disputed", "misattributed", "not in sources",
)  # fmt: skip

MARKS: dict[Verdict, tuple[str, str]] = {
    "supported": ("✓", "green"),
    "contradicted": ("✗", "red"),
    "disputed": ("≠", "yellow"),
    "misattributed": ("⇄", "magenta"),
    "not in sources": ("?", "grey50"),
}
"""Each verdict's symbol and colour (a Rich colour name): every view shows the symbol and
the verdict's name with the colour, never the colour alone."""


def label(verdict: Verdict) -> str:
    """`✓ supported`: the verdict's symbol and name."""
    return f"{MARKS[verdict][0]} {verdict}"


class Evidence(BaseModel):
    """A verified quote that bears on a statement."""

    doc_id: str
    outlet: str
    asserter: str | None = None
    date: str | None = None
    start: int
    end: int
    quote: str
    value: float | None = None
    """The figure the quote gives, for a figure statement."""


Decider = Literal["claims", "sentences", "model", "none"]
"""What decided a verdict: code on stored claims, code on the source sentences that
restate the statement, the model's entailment, or nothing found."""


@dataclass(frozen=True)
class Judged:
    """A verdict, why, the quotes that decided it and what decided it."""

    verdict: Verdict
    reason: str
    evidence: list[Evidence]
    by: Decider


class FigureCheck(BaseModel):
    """A figure the statement makes, as read off its parse."""

    surface: str
    value: float
    hedge: str | None = None
    unit: str | None = None
    """"%", a currency, a measure unit; None for a count."""
    counted: str
    kind: str | None = None
    noun: str | None = None
    """The noun of what is counted ("people" of "the number of people missing")."""
    asserter: str | None = None


class StatementCheck(BaseModel):
    """One statement of the draft, checked."""

    text: str
    start: int
    end: int
    verdict: Verdict
    reason: str
    evidence: list[Evidence] = Field(default_factory=list)
    figures: list[FigureCheck] = Field(default_factory=list)
    by: Decider = "claims"
    latency_s: float = 0.0


class CheckReport(BaseModel):
    """`factcheck check --json`."""

    statements: list[StatementCheck] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)
    usage: dict[str, int] = Field(default_factory=dict)
    latency_s: float = 0.0
