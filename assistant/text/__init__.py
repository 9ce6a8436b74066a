"""Text structure with exact character offsets: sentences and paragraphs."""

from .sentences import Span, paragraph_spans, sentence_spans

__all__ = ["Span", "paragraph_spans", "sentence_spans"]
