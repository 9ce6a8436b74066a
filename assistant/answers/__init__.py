"""Grounded answers: plan the question, answer from claims or cited passages, verify."""

from .answerer import Answerer
from .models import (
    CANNOT_ANSWER,
    Answer,
    Citation,
    Conflict,
    FigureRow,
    FigureSeries,
    Sentence,
    TimelinePoint,
)

__all__ = [
    "CANNOT_ANSWER",
    "Answer",
    "Answerer",
    "Citation",
    "Conflict",
    "FigureRow",
    "FigureSeries",
    "Sentence",
    "TimelinePoint",
]
