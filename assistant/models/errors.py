"""The error a model file fetch raises; a FactcheckError, so the CLI shows it as one line."""

from __future__ import annotations

from ..errors import FactcheckError


class ModelFetchError(FactcheckError):
    """A model file could not be downloaded, assembled or verified."""
