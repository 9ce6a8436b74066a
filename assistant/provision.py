"""What a configuration needs on disk before it can run, by registry name."""

from __future__ import annotations

from .embeddings import required_artifacts as embedding_artifacts
from .models import registry
from .nlp import PIPELINE
from .settings import Settings
from .tokens import ENCODING


def required_artifacts(settings: Settings) -> list[str]:
    """Registry names of every file `settings` needs: tokenizer, embeddings, the parser's
    pipeline, local LLMs."""
    names = [ENCODING, *embedding_artifacts(settings.embedding.model), PIPELINE]
    if settings.llm.provider == "local":
        for model in (settings.llm.extraction_model, settings.llm.answer_model):
            if model in registry.ARTIFACTS and model not in names:
                names.append(model)
    return names
