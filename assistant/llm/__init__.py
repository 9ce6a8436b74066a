"""The language model, reached through the OpenAI API whatever the provider."""

from .client import (
    LLM,
    Endpoint,
    EndpointUnavailable,
    Role,
    Structured,
    Usage,
    UsageLog,
    ValidationFailed,
)
from .local import LocalEngine, resolve_model_path
from .streaming import StructuredStream

__all__ = [
    "LLM",
    "Endpoint",
    "EndpointUnavailable",
    "LocalEngine",
    "Role",
    "Structured",
    "StructuredStream",
    "Usage",
    "UsageLog",
    "ValidationFailed",
    "resolve_model_path",
]
