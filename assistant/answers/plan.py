"""The planning step: what kind of question this is and what it is about.

One schema-constrained call (instructor). The model's words are checked against the
question: `about` and `focus` must be taken from it, so a plan can never smuggle in a
topic the user did not ask about.
"""

from __future__ import annotations

import logging
import re

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from ..llm import LLM
from ..prompting import load_prompt
from .classify import (
    about_of,
    agreement_point,
    asks_clock_time,
    asks_percentage,
    counted_head,
    focus_of,
    how_many_of,
    rule_kind,
)
from .models import Kind
from .timeline import asks_timeline

log = logging.getLogger(__name__)

PROMPT = "plan"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


class PlanDraft(BaseModel):
    """What the answer model is asked to say of a question (when rules cannot)."""

    model_config = ConfigDict(extra="forbid")

    kind: Kind = Field(description="the kind of question")
    about: str = Field(max_length=120, description="what it asks about, words from the question")
    focus: list[str] = Field(
        default_factory=list, max_length=3, description="words an answer must state"
    )


class Plan(PlanDraft):
    """How to answer a question: the draft, and what code read of the question once."""

    timeline: bool = Field(
        default=False, description="asks how a figure changed over time, or its latest value"
    )
    counted: str | None = Field(default=None, description="the noun a figures question counts")
    counting: str | None = Field(
        default=None, description='the noun of "how many X", when it is the counted noun'
    )
    percentage: bool = Field(default=False, description="asks for a percentage")
    clock: bool = Field(default=False, description='asks a time of day ("What time did ...?")')
    figure_kind: str | None = Field(
        default=None, description='the one kind of figure asked about ("deaths"), if any'
    )
    places: list[str] = Field(
        default_factory=list, description='places the figures must be for ("Nandgiri taluka")'
    )
    point: str | None = Field(
        default=None,
        description='the question word of an agreement on a point without a figure ("... on '
        'whether the dam was handled properly?" -> "whether")',
    )

    @property
    def sides(self) -> bool:
        """Asks whether the sources agree on a point without a figure: the answer is what
        each side says."""
        return self.point is not None

    @field_validator("about")
    @classmethod
    def _about_from_question(cls, value: str, info: ValidationInfo) -> str:
        question = _question(info)
        if question is None:
            return value.strip()
        kept = [w for w in _WORD.findall(value) if _low(w) in _words(question)]
        return " ".join(kept) or question.strip()

    @field_validator("focus")
    @classmethod
    def _focus_from_question(cls, value: list[str], info: ValidationInfo) -> list[str]:
        question = _question(info)
        words = [w.strip() for w in value if w.strip()]
        if question is None:
            return words
        asked = _words(question)
        return [w for w in words if _words(w) and _words(w) <= asked]


def plan_question(llm: LLM, question: str) -> tuple[Plan, bool]:
    """How to answer `question`, and whether the model was asked.

    Wording that settles the kind (see `classify`) is read by code; otherwise the answer
    model classifies it. The focus words found by code are always kept. The plan carries
    what was asked, read once: the counted noun, "how many X", a percentage, a timeline;
    later steps read the plan, not the question again.
    """
    plan, asked = _plan(llm, question)
    # an agreement on where or when is not one on figures: nothing is counted
    point = agreement_point(question) if plan.kind == "agreement" else None
    counted = counted_head(question) if point is None else None
    read = plan.model_copy(
        update={
            "point": point,
            "counted": counted,
            "counting": how_many_of(question, counted),
            "percentage": asks_percentage(question),
            "clock": asks_clock_time(question),
        }
    )
    return read, asked


def _plan(llm: LLM, question: str) -> tuple[Plan, bool]:
    kind = rule_kind(question)
    timeline = asks_timeline(question) and kind in (None, "figures", "fact")
    if timeline:
        kind = "figures"  # "How did the death toll change?": figures in time order
    if kind is not None:
        plan = Plan(
            kind=kind, about=about_of(question), focus=focus_of(question), timeline=timeline
        )
        log.info("plan (rules): %s about %r, focus %s", plan.kind, plan.about, plan.focus)
        return plan, False
    prompt = load_prompt(PROMPT, frozenset({"question"}))
    drafted = llm.structured(
        "answer",
        PlanDraft,
        [{"role": "user", "content": prompt.render(question=question.strip())}],
        context={"question": question},
        max_tokens=96,
    )
    focus = list(dict.fromkeys([*focus_of(question), *drafted.focus]))[:3]
    # a summary is asked for in words the rules read ("summarise", "overview"); the model
    # called "How large an area has the fire burned?" one
    plan = Plan(
        kind="fact" if drafted.kind == "summary" else drafted.kind,
        about=drafted.about, focus=focus,
    )  # fmt: skip
    log.info("plan (model): %s about %r, focus %s", plan.kind, plan.about, plan.focus)
    return plan, True


def _question(info: ValidationInfo) -> str | None:
    context = info.context or {}
    question = context.get("question")
    return question if isinstance(question, str) else None


def _low(word: str) -> str:
    return word.lower().replace("’", "'")


def _words(text: str) -> set[str]:
    return {_low(w) for w in _WORD.findall(text)}
