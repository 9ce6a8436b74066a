"""The language model, reached through the OpenAI API whatever the provider."""

from .client import LLM, Endpoint, Role, Usage, UsageLog
from .local import LocalEngine, resolve_model_path

__all__ = ["LLM", "Endpoint", "LocalEngine", "Role", "Usage", "UsageLog", "resolve_model_path"]
