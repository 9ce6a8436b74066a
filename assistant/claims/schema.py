"""Response models built per candidate sentence, with grounding validators.

Measured on the 0.5B model: free-text fields make it copy the prompt's examples, invent
quotes and run on until max_tokens. So every field is a choice among spans code found:

- one property per number code found (`figure_1`, `figure_2`, ...), not a list;
- its `quote` is an enum of short spans of the sentence around that number ("up to 12,000
  North Korean troops", ...): the model picks the words that say what is counted, and code
  derives *what is counted* from them;
- `asserter` is an enum of the actor spans found in the sentence and the one before, plus
  "unattributed".

Constrained decoding then cannot invent a number, a quote or an actor. Validators, given the
document in the validation context, still check every draft (a hosted endpoint may not
enforce enums): the quote is in the sentence, states the number, and the asserter is named.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, create_model, model_validator

from .actors import actor_in_text
from .candidates import Candidate
from .numbers import QUANTITY_KINDS, NumberMention, numbers_in, same_number
from .quotes import locate

UNATTRIBUTED = "unattributed"
WORDS_AFTER = 6  # quote options extend up to this many words after the number
WORDS_BEFORE = 4  # ... or up to this many words before it
_TRIM = " ,;:.!?\"'“”‘’()[]—–-"


class StatementDraft(BaseModel):
    """Who says what a sentence reports (the quote is the sentence itself)."""

    model_config = ConfigDict(extra="forbid")

    asserter: str = Field(description="who says it: one of the listed sources")

    @model_validator(mode="after")
    def _named(self, info: ValidationInfo) -> StatementDraft:
        ctx: dict[str, Any] = info.context or {}
        if "doc_text" in ctx and self.asserter != UNATTRIBUTED:
            start, end = ctx["window"]
            if not actor_in_text(self.asserter, ctx["doc_text"][start:end]):
                raise ValueError(
                    f"{self.asserter!r} is not named in the sentence or the one before"
                )
        return self


class FigureDraft(StatementDraft):
    """One figure: the words stating it, and who asserts it."""

    figure_of: ClassVar[str | None] = None  # the figure key (set on each generated model)
    quote: str = Field(
        description="the words of the sentence stating the number and what it counts"
    )

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> FigureDraft:
        ctx: dict[str, Any] = info.context or {}
        if "doc_text" not in ctx:
            return self
        doc_text: str = ctx["doc_text"]
        start, end = ctx["window"]
        span = locate(self.quote, doc_text, start, end)
        if span is None:
            raise ValueError(
                f"the quote {self.quote[:80]!r} is not in the sentence: copy its words exactly"
            )
        mention: NumberMention | None = (ctx.get("numbers") or {}).get(self.figure_of)
        if mention is not None:
            quoted = numbers_in(doc_text[span[0] : span[1]], QUANTITY_KINDS)
            if not any(same_number(mention.value, n) for n in quoted):
                raise ValueError(f"the quote does not state the number {mention.surface}")
            if not counted_of(self.quote, mention):
                raise ValueError("the quote must also say what the number counts")
        return self


def counted_of(quote: str, mention: NumberMention) -> str:
    """What a quote says is counted: its words other than the number and its hedge."""
    at = quote.find(mention.surface)
    if at < 0:
        return ""
    before = quote[:at]
    if mention.hedge and before.rstrip().lower().endswith(mention.hedge.lower()):
        before = before.rstrip()[: -len(mention.hedge)]
    after = quote[at + len(mention.surface) :]
    counted = after.strip(_TRIM) or before.strip(_TRIM)
    return counted if len(counted) >= 3 else ""


def quote_options(sentence: str, mention: NumberMention) -> list[str]:
    """Spans of `sentence` around a number that could say what it counts, shortest first."""
    first = mention.hedge_start if mention.hedge_start is not None else mention.start
    after = sentence[mention.end :].split()
    before = sentence[:first].split()
    core = sentence[first : mention.end]
    options: list[str] = []
    for n in range(1, min(WORDS_AFTER, len(after)) + 1):
        options.append(f"{core} {' '.join(after[:n])}".rstrip(_TRIM))
    # words before the number say what it counts only where nothing follows it in its clause
    if not after or sentence[mention.end : mention.end + 1] in {",", ".", ";", ":", ")"}:
        for n in range(1, min(WORDS_BEFORE, len(before)) + 1):
            options.append(f"{' '.join(before[-n:])} {core}".lstrip(_TRIM))
    found = [
        o
        for o in dict.fromkeys(options)
        if locate(o, sentence) is not None and counted_of(o, mention)
    ]
    return found or [core]


@dataclass(frozen=True)
class Schema:
    """The response model of one candidate and the model of each draft inside it, by key.

    Figures are fixed properties, one per number code found, not a list: a small model
    cannot repeat itself or run on, and each property is validated (and salvaged) alone.
    """

    response: type[BaseModel]
    items: dict[str, type[BaseModel]]
    numbers: dict[str, NumberMention]  # figure key -> the number it is about

    def context(self, doc_text: str, window: tuple[int, int]) -> dict[str, Any]:
        """The validation context for drafts of this candidate."""
        return {"doc_text": doc_text, "window": window, "numbers": self.numbers}


def _enum(options: list[str]) -> Any:
    return Literal[tuple(dict.fromkeys(options))]


def _figure_model(key: str, options: list[str], asserters: Any) -> type[FigureDraft]:
    model: type[FigureDraft] = create_model(
        f"Figure_{key}",
        __base__=FigureDraft,
        quote=(
            _enum(options),
            Field(description="the words stating the number and what it counts"),
        ),
        asserter=(asserters, Field(description="who states it: one of the listed sources")),
    )
    model.figure_of = key
    return model


def schema_for(candidate: Candidate) -> Schema:
    """The schema for one candidate: one figure per number, or one statement."""
    # an attribution frame in the sentence settles who asserts it; else the model chooses
    if candidate.attributed_to:
        asserters = _enum([candidate.attributed_to])
    else:
        asserters = _enum([*candidate.actors, UNATTRIBUTED])
    items: dict[str, type[BaseModel]] = {}
    numbers: dict[str, NumberMention] = {}
    if candidate.numbers:
        for i, number in enumerate(candidate.numbers, start=1):
            key = f"figure_{i}"
            numbers[key] = number
            items[key] = _figure_model(key, quote_options(candidate.text, number), asserters)
        fields: dict[str, Any] = {
            key: (model, Field(description=f"the figure {numbers[key].surface}"))
            for key, model in items.items()
        }
        figures: type[BaseModel] = create_model(
            "SentenceFigures", __config__=ConfigDict(extra="forbid"), **fields
        )
        return Schema(figures, items, numbers)
    items["statement"] = create_model(
        "Statement",
        __base__=StatementDraft,
        asserter=(asserters, Field(description="who says it: one of the listed sources")),
    )
    statement: Any = items["statement"]
    said: type[BaseModel] = create_model(
        "SentenceStatement",
        __config__=ConfigDict(extra="forbid"),
        statement=(statement, Field(description="who says what the sentence reports")),
    )
    return Schema(said, items, numbers)
