"""Expected failures: each carries a one-line message and, where one exists, a fix hint.

The CLI prints these as one line on stderr with a non-zero exit and never a traceback;
anything else is a bug and is shown with its traceback under -vv.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """An expected failure the user can act on."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigError(FactcheckError):
    """Settings that cannot be used as given."""

    exit_code = 2


class DataDirError(FactcheckError):
    """The data directory cannot be used (version mismatch, not writable, corrupt)."""


class ModelNotReadyError(FactcheckError):
    """A model file is missing or failed verification."""


class LLMError(FactcheckError):
    """The language model could not be reached or did not give a usable answer."""
