"""factcheck: a fact-check assistant for news articles that cannot misquote."""

__version__ = "0.1.0"
