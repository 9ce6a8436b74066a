"""The jobs of bench_llm.py that are measured in a process of their own: an ingest of the
seeds with claim extraction, and a chat session with the local model.

Each runs in a fresh spawned process (`in_child`) and reports its own peak RSS at the end:
the local model is served by llama.cpp inside that process (assistant/llm/local.py), so its
weights and KV cache are counted, as are the embedding model and Chroma.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import resource
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from assistant.evals.prepare import Silent, ingest_and_extract
from assistant.llm import LLM
from assistant.settings import Settings
from assistant.store import open_store
from assistant.tokens import get_encoding

CHAT_QUESTIONS = (
    "How many North Korean troops are in Russia, per source?",
    "Where are the North Korean troops being trained?",
)
ANSWER_TIMEOUT_S = 600.0


def in_child(job: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """`job(*args)` in a fresh spawned process; its result and its peak RSS in MB."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        result: dict[str, Any] = pool.apply(_measured, (job, *args))
    return result


def _measured(job: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    result = job(*args)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    result["vm_hwm_mb"] = _status_mb("VmHWM")
    return result


def _status_mb(field: str) -> float | None:
    """A memory field of /proc/self/status in MB (Linux): VmHWM is the kernel's peak RSS;
    RssAnon (heap, KV cache) and RssFile (mapped files: model weights) are current."""
    try:
        status = Path("/proc/self/status").read_text(encoding="utf-8")
    except OSError:
        return None
    line = next((x for x in status.splitlines() if x.startswith(f"{field}:")), None)
    return round(int(line.split()[1]) / 1024, 1) if line else None


def snapshot() -> dict[str, Any]:
    """Now, while the models are loaded: resident memory by kind, and any model files
    mapped into this process (none since the local engine reads weights into memory)."""
    try:
        maps = Path("/proc/self/maps").read_text(encoding="utf-8")
    except OSError:
        maps = ""
    models = sorted({Path(x.split()[-1]).name for x in maps.splitlines() if ".gguf" in x})
    return {
        "rss_anon_mb": _status_mb("RssAnon"), "rss_file_mb": _status_mb("RssFile"),
        "models_mapped": models,
    }  # fmt: skip


def ingest_job(home: str, paths: Sequence[str]) -> dict[str, Any]:
    """Ingest `paths` into the empty data directory `home`, extracting claims; time it per
    1k article tokens (tiktoken cl100k over the stored, cleaned texts)."""
    os.environ["FACTCHECK_HOME"] = home
    settings = Settings()
    store = open_store(settings)
    llm = LLM(settings.llm, settings.cache)
    try:
        prepared = ingest_and_extract(store, llm, [Path(p) for p in paths], Silent())
        encoding = get_encoding(settings.cache)
        texts = [d.text for s in store.docs.summaries() if (d := store.docs.get(s.id))]
        tokens = sum(len(encoding.encode(t)) for t in texts)
        calls = [c for c in llm.usage.calls if c.role == "extraction"]
        loaded = snapshot()
    finally:
        llm.close()
        store.close()
    x = prepared.extraction
    return {
        "documents": len(texts), "article_tokens": tokens,
        "ingest_s": round(prepared.stages["ingest"], 2), "claims_s": round(x.seconds, 2),
        "claims_s_per_1k_tokens": round(x.seconds / (tokens / 1000), 2) if tokens else None,
        "claims": x.claims, "verified": x.verified, "dropped": x.dropped,
        "failed_calls": x.failed_calls, "calls": len(calls),
        "prompt_tokens": x.prompt_tokens, "completion_tokens": x.completion_tokens,
        "model": settings.llm.extraction_model, "loaded": loaded,
    }  # fmt: skip


def chat_job(home: str, questions: Sequence[str] = CHAT_QUESTIONS) -> dict[str, Any]:
    """The chat app, headless, over the store in `home` with the local model: ask each
    question in turn and wait for its answer. Also timed: the app's start (import, build,
    sources shown) and, per question, keystroke to the first text shown in the answer."""
    began_app = time.perf_counter()
    from assistant.tui import make_app

    os.environ["FACTCHECK_HOME"] = home
    settings = Settings()
    app = make_app(settings)
    turns: list[dict[str, Any]] = []

    async def session() -> None:
        from assistant.tui.panels import SourcesPanel
        from assistant.tui.prompt import QuestionInput

        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, lambda: bool(app.query_one(SourcesPanel).border_subtitle), 60)
            started["app_start_s"] = round(time.perf_counter() - began_app, 2)
            for question in questions:
                began = time.perf_counter()
                app.query_one(QuestionInput).value = question
                app.query_one(QuestionInput).focus()
                await pilot.press("enter")
                await _until(pilot, lambda: len(app.cards) == len(turns) + 1, 30)
                card = app.cards[-1]
                await _until(pilot, _shown(card), ANSWER_TIMEOUT_S)
                first_shown = time.perf_counter() - began
                await _until(pilot, _done(card), ANSWER_TIMEOUT_S)
                answer = card.answer
                turns.append({
                    "question": question, "seconds": round(time.perf_counter() - began, 2),
                    "first_shown_s": round(first_shown, 2),
                    "first_token_s": answer.first_token_s if answer else None,
                    "outcome": card.outcome or "answered",
                    "kind": answer.kind if answer else None,
                    "abstained": answer.abstained if answer else None,
                    "latency_s": answer.latency_s if answer else None,
                })  # fmt: skip
            loaded.update(snapshot())

    loaded: dict[str, Any] = {}
    started: dict[str, float] = {}
    asyncio.run(session())
    return {"model": settings.llm.answer_model, "turns": turns, "loaded": loaded, **started}


def _shown(card: Any) -> Callable[[], bool]:
    """The first streamed sentence, or the whole answer if it came in one piece."""
    return lambda: bool(card.streamed) or bool(card.done)


def _done(card: Any) -> Callable[[], bool]:
    return lambda: bool(card.done)


async def _until(pilot: Any, ready: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the chat app did not get there within {timeout:.0f} s")
        await pilot.pause(0.1)
