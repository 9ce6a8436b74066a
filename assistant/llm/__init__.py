"""The language model, reached through the OpenAI API whatever the provider."""

from .client import LLM, Endpoint, Role, Structured, Usage, UsageLog, ValidationFailed
from .local import LocalEngine, resolve_model_path

__all__ = [
    "LLM",
    "Endpoint",
    "LocalEngine",
    "Role",
    "Structured",
    "Usage",
    "UsageLog",
    "ValidationFailed",
    "resolve_model_path",
]
