"""Settings: one pydantic-settings class of nested sections.

Precedence, highest first: values passed in by the CLI (flags) > environment variables
(``FACTCHECK_...``, nested with ``__``, e.g. ``FACTCHECK_LLM__PROVIDER=openai``) > a TOML
file (``factcheck.toml`` in the working directory, else ``$FACTCHECK_HOME/config.toml``)
> defaults. ``OPENAI_API_KEY`` is read as a last-resort fallback for ``llm.api_key``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

APP_NAME = "factcheck"
ENV_PREFIX = "FACTCHECK_"
LOCAL_TOML = "factcheck.toml"
HOME_TOML = "config.toml"


def default_home() -> Path:
    """The data directory: ``$FACTCHECK_HOME`` or the platform's user data dir."""
    env = os.environ.get(f"{ENV_PREFIX}HOME")
    return Path(env).expanduser() if env else Path(platformdirs.user_data_dir(APP_NAME))


def default_cache() -> Path:
    """The model cache, shared by every data directory: ``$FACTCHECK_CACHE`` or the user cache."""
    env = os.environ.get(f"{ENV_PREFIX}CACHE")
    return Path(env).expanduser() if env else Path(platformdirs.user_cache_dir(APP_NAME))


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class LLMSettings(_Section):
    """Which language model answers, and how it is reached."""

    provider: Literal["local", "openai"] = "local"
    """`local`: llama.cpp in-process on loopback (no key, no network). `openai`: any
    OpenAI-compatible endpoint (the hosted API, Ollama, vLLM, a llama.cpp server)."""
    base_url: str | None = None
    """Endpoint for provider `openai`, e.g. http://127.0.0.1:11434/v1. None: the hosted API."""
    api_key: SecretStr | None = None
    """API key for provider `openai`; falls back to OPENAI_API_KEY. Never printed or logged."""
    extraction_model: str = "qwen2.5-coder-0.5b"
    """Model for claim extraction (many small constrained calls). For `local`: a name from
    `factcheck setup --list` or a path to a .gguf file; for `openai`: the endpoint's model name."""
    answer_model: str = "qwen2.5-coder-1.5b"
    """Model for planning and answering (needs the stronger model to judge answerability)."""
    mode: Literal["auto", "json_schema", "tools", "json"] = "auto"
    """How structured output is requested. auto: json_schema for local, tools for openai."""
    timeout: float = Field(default=180.0, gt=0)
    """Seconds before one HTTP request to the model is abandoned."""
    max_retries: int = Field(default=2, ge=0, le=10)
    """Retries of failed HTTP requests (connection errors, 429, 5xx), by the openai client."""
    validation_retries: int = Field(default=2, ge=0, le=10)
    """Re-asks when the model's output fails validation (instructor)."""
    temperature: float = Field(default=0.0, ge=0, le=2)
    """Sampling temperature; 0 keeps extraction and answers repeatable."""
    seed: int | None = 42
    """Sampling seed sent with every request (where the endpoint honours it)."""
    context_size: int = Field(default=4096, ge=512)
    """Local engine: context window in tokens."""
    threads: int | None = Field(default=None, ge=1)
    """Local engine: CPU threads; None means every core."""
    keep_alive: float = Field(default=300.0, ge=0)
    """Local engine: seconds a background model server stays loaded after its last use, so
    that the next command skips loading the model; 0 loads it inside each command."""


class EmbeddingSettings(_Section):
    """The offline embedding model."""

    model: str = "minilm-l6-v2-int8"
    """Embedding model name (fetched by `factcheck setup`)."""
    batch_size: int = Field(default=16, ge=1, le=4096)
    """Texts embedded per ONNX call."""


class IngestSettings(_Section):
    """Reading, cleaning and chunking articles."""

    max_file_bytes: int = Field(default=20_000_000, ge=1)
    """Files larger than this are refused (one clear line; the rest of the batch goes on);
    a fetched page is cut off, and refused, at the same size."""
    fetch_timeout: float = Field(default=30.0, gt=0)
    """Seconds a URL's whole fetch may take (connecting, redirects and the body)."""
    max_redirects: int = Field(default=5, ge=0, le=30)
    """Redirects followed when fetching a URL; one more is an error."""
    chunk_tokens: int = Field(default=128, ge=16, le=2000)
    """Chunk size in tiktoken (cl100k) tokens; chunks end on sentence boundaries. Small
    chunks keep answer prompts short (a 1.5B model reads ~60 tokens/s on 2 cores)."""
    chunk_overlap: int = Field(default=24, ge=0)
    """Tokens of whole trailing sentences repeated at the start of the next chunk."""


class SearchSettings(_Section):
    """Hybrid retrieval: vectors and BM25 fused by reciprocal rank."""

    k: int = Field(default=5, ge=1, le=200)
    """Passages returned by default."""
    candidates: int = Field(default=40, ge=1, le=1000)
    """Passages taken from each retriever before fusion."""
    rrf_k: int = Field(default=60, ge=1)
    """The reciprocal-rank-fusion constant (score = sum of 1 / (rrf_k + rank))."""
    exact_up_to: int = Field(default=300_000, ge=0)
    """Vector search compares every vector up to this many (exact; ~1.5 KB of memory per
    vector); above it Chroma's approximate HNSW index answers, which can miss a passage
    unlike the rest of the corpus. 0 always uses the index."""


class StoreSettings(_Section):
    """Where documents, vectors and claims are kept."""

    url: str | None = None
    """A Chroma server (e.g. http://127.0.0.1:8000) instead of the embedded store."""
    collection: str = "chunks"
    """Chroma collection name for chunk vectors."""


class Settings(BaseSettings):
    """Every setting of factcheck. `factcheck config` prints the effective values."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_nested_delimiter="__",
        extra="forbid",
        validate_default=True,
    )

    home: Path = Field(default_factory=default_home)
    """Data directory (store, claims, logs, config.toml). Env: FACTCHECK_HOME."""
    cache: Path = Field(default_factory=default_cache)
    """Model cache shared across data directories. Env: FACTCHECK_CACHE."""
    llm: LLMSettings = Field(default_factory=LLMSettings)
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    search: SearchSettings = Field(default_factory=SearchSettings)

    @model_validator(mode="after")
    def _api_key_fallback(self) -> Settings:
        if self.llm.api_key is None and os.environ.get("OPENAI_API_KEY"):
            self.llm.api_key = SecretStr(os.environ["OPENAI_API_KEY"])
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        toml = config_file()
        if toml is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml))
        return tuple(sources)


def config_file() -> Path | None:
    """The TOML file in force: ./factcheck.toml, else $FACTCHECK_HOME/config.toml, else None."""
    local = Path.cwd() / LOCAL_TOML
    if local.is_file():
        return local
    home = default_home() / HOME_TOML
    return home if home.is_file() else None


def load_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """Build settings; `overrides` are flag values (nested dicts by section) and win over all."""
    return Settings(**(overrides or {}))


def masked_dump(settings: Settings) -> dict[str, Any]:
    """The effective settings as plain data, secrets masked (for `factcheck config`)."""
    data: dict[str, Any] = settings.model_dump(mode="json")
    key = settings.llm.api_key
    data["llm"]["api_key"] = mask_secret(key.get_secret_value()) if key else None
    return data


def mask_secret(secret: str) -> str:
    """Show only that a secret is set, and its last two characters when it is long."""
    return "****" + secret[-2:] if len(secret) >= 12 else "****"
