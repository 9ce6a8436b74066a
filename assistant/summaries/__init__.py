"""Source-cited summaries of documents and a cross-source digest, checked like answers."""

from .models import Digest, DocSummary, SummaryRun
from .run import Summaries, summarize

__all__ = ["Digest", "DocSummary", "Summaries", "SummaryRun", "summarize"]
