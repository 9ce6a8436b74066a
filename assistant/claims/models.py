"""Claim objects: what the store keeps and every interface shows.

A quote's text is always copied from the document by its offsets (`Quote.from_span`),
never taken from model output.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Hedge = str  # normalised hedge words found by code, e.g. "up to", "at least", "about"


class Quote(BaseModel):
    """A verbatim span of a stored document."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    text: str

    @classmethod
    def from_span(cls, doc_id: str, doc_text: str, start: int, end: int) -> Quote:
        """The quote at [start, end) of `doc_text`, copied from it."""
        if not 0 <= start < end <= len(doc_text):
            raise ValueError(f"span [{start}, {end}) is outside the document")
        return cls(doc_id=doc_id, start=start, end=end, text=doc_text[start:end])

    def is_verbatim(self, doc_text: str) -> bool:
        """Does the document still say exactly this at these offsets?"""
        return doc_text[self.start : self.end] == self.text


class Quantity(BaseModel):
    """A figure as stated, normalised by code."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float
    low: float | None = None
    high: float | None = None
    surface: str = Field(description="the number as written, e.g. '11,000'")
    hedge: Hedge | None = None
    unit: str | None = None
    counted: str = Field(description="what is counted, e.g. 'people killed in the flood'")
    kind: str | None = Field(
        default=None, description="normalised kind of what is counted, e.g. 'deaths'"
    )


class Claim(BaseModel):
    """A statement from one article, who asserted it, and the quotes that ground it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    doc_id: str
    statement: str
    quantity: Quantity | None = None
    asserter: str | None = Field(default=None, description="surface form in the article")
    asserter_canonical: str | None = Field(default=None, description="one name per actor")
    carrier: str | None = Field(
        default=None, description="the news agency that carried it ('told Reuters')"
    )
    when: str | None = Field(default=None, description="time reference given with the claim")
    quotes: tuple[Quote, ...] = Field(min_length=1)
    model: str = ""
    prompt_version: str = ""


ClaimStatus = Literal["verified", "repaired", "dropped"]
