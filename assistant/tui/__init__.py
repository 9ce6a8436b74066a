"""The Textual chat app: answers with the evidence beside them (`factcheck chat`)."""

from .app import FactcheckApp, make_app

__all__ = ["FactcheckApp", "make_app"]
