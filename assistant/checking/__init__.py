"""Checking a statement or a draft against the sources: `factcheck check`.

A draft is split into check-worthy statements by code (`statements`); each statement with
a figure is judged by code on stored claims (`figures`: value within hedges, kind of what
is counted, asserter, date); the others by code on the source sentence that restates them
(`sentences`: another day, number or place; words someone else said; a charge stated as
fact), and what nothing restates by the answer model, constrained to the verdict enum and
to evidence ids, its verdict checked (`entail`). `run.Checker` puts them together.
"""

from .models import CheckReport, Evidence, FigureCheck, StatementCheck, Verdict
from .run import Checker

__all__ = ["CheckReport", "Checker", "Evidence", "FigureCheck", "StatementCheck", "Verdict"]
