"""Health checks behind `factcheck doctor`: each returns a result, none raises."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Literal

from .datadir import open_datadir, read_layout_version
from .embeddings import DIMENSIONS, Embedder
from .errors import FactcheckError
from .llm import LLM, Role
from .models import fetch, registry
from .provision import required_artifacts
from .settings import Settings, config_file
from .store.chroma import open_client
from .store_checks import check_document_store, check_store
from .tokens import count_tokens, get_encoding

log = logging.getLogger(__name__)

Status = Literal["ok", "fail", "skip"]


@dataclass(frozen=True)
class Check:
    """The outcome of one check."""

    name: str
    status: Status
    detail: str
    hint: str = ""
    seconds: float = 0.0


def _run(name: str, fn: Callable[[], str]) -> Check:
    began = time.perf_counter()
    try:
        detail = fn()
    except FactcheckError as exc:
        return Check(name, "fail", exc.message, exc.hint or "", time.perf_counter() - began)
    except Exception as exc:  # doctor reports every failure instead of stopping at one
        log.debug("check %s failed", name, exc_info=True)
        return Check(name, "fail", f"{type(exc).__name__}: {exc}", "", time.perf_counter() - began)
    return Check(name, "ok", detail, "", time.perf_counter() - began)


def run_checks(
    settings: Settings, *, rehash: bool = True, llm: bool = True, repair: bool = False
) -> Iterator[Check]:
    """Every check in order; `rehash` re-verifies model files, `llm` asks each model,
    `repair` fixes what the store integrity check can fix safely (stray/missing vectors)."""

    def datadir() -> str:
        open_datadir(settings.home)
        return f"{settings.home} (layout {read_layout_version(settings.home)})"

    yield _run("data directory", datadir)
    toml = config_file()
    yield Check("config file", "ok", str(toml) if toml else "none (defaults and environment)")

    for name in required_artifacts(settings):
        yield _run(f"model file {name}", partial(_verify, settings, name, rehash))

    def tokenizer() -> str:
        enc = get_encoding(settings.cache)
        return f"{enc.name}: 'people displaced' = {count_tokens('people displaced', enc)} tokens"

    yield _run("tokenizer", tokenizer)

    def embeddings() -> str:
        vec = Embedder(settings.embedding.model, settings.cache).embed(
            ["people displaced by the flood"]
        )
        if vec.shape != (1, DIMENSIONS):
            raise FactcheckError(f"embedding has shape {vec.shape}, expected (1, {DIMENSIONS})")
        return f"{settings.embedding.model}: {DIMENSIONS} dimensions"

    yield _run("embedding model", embeddings)

    def store() -> str:
        client = open_client(settings.store, settings.home)
        client.heartbeat()
        return settings.store.url or str(settings.home / "chroma")

    yield _run("store", store)
    documents = _run("document store", partial(check_document_store, settings))
    yield documents
    if documents.status == "ok":
        yield _run("store integrity", partial(check_store, settings, repair))
    else:
        yield Check("store integrity", "skip", "skipped: the document store cannot be read")

    if not llm:
        yield Check("language model", "skip", "skipped (--no-llm)")
        return
    engine = LLM(settings.llm, settings.cache)
    try:
        roles: tuple[Role, ...] = ("extraction", "answer")
        for role in roles:
            yield _run(f"LLM ({role})", partial(_ask, engine, role))
    finally:
        engine.close()


def _verify(settings: Settings, name: str, rehash: bool) -> str:
    art = registry.get_artifact(name)
    path = fetch.artifact_path(settings.cache, art)
    ok = fetch.verify(settings.cache, art) if rehash else fetch.is_present(settings.cache, art)
    if not ok:
        raise FactcheckError(
            f"{path} is missing or fails its sha256 check", hint=f"run `factcheck setup {name}`"
        )
    how = "sha256 verified" if rehash else "present (marker trusted)"
    return f"{path.name}: {how}"


def _ask(engine: LLM, role: Role) -> str:
    began = time.perf_counter()
    text = "".join(
        engine.stream(role, [{"role": "user", "content": "Reply with the word OK."}], max_tokens=8)
    )
    if not text.strip():
        raise FactcheckError(f"{engine.model_name(role)} answered with nothing")
    url = engine.endpoint(role).base_url
    return f"{engine.model_name(role)} at {url} answered in {time.perf_counter() - began:.1f} s"
