"""One thread that owns the store and the LLM; the UI hands it work and awaits futures.

SQLite connections belong to the thread that opened them, so the store is opened, used
and closed on this thread only (a pool of threads could not share it). Work runs one
job at a time in submission order. The UI never blocks on it: it awaits the returned
future, and when it stops waiting (a cancelled answer) the job still finishes here and
its result is dropped.

Plain Python: no Textual import, so the same engine could serve another front end.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from ..answers import Answerer
from ..llm import LLM
from ..settings import Settings
from ..store import Store, open_store

log = logging.getLogger(__name__)

T = TypeVar("T")
StoreOpener = Callable[[], Store]


class Session:
    """The store, the LLM and the answerer, created lazily on the engine's thread."""

    def __init__(self, settings: Settings, opener: StoreOpener | None, llm: LLM | None) -> None:
        self.settings = settings
        self._opener = opener or (lambda: open_store(settings))
        self._store: Store | None = None
        self._llm = llm
        self._owns_llm = llm is None
        self._answerer: Answerer | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = self._opener()
        return self._store

    @property
    def llm(self) -> LLM:
        if self._llm is None:
            self._llm = LLM(self.settings.llm, self.settings.cache)
        return self._llm

    @property
    def answerer(self) -> Answerer:
        if self._answerer is None:
            self._answerer = Answerer(self.store, self.llm)
        return self._answerer

    def close(self) -> None:
        """Close what this session opened (an LLM passed in belongs to its caller)."""
        if self._llm is not None and self._owns_llm:
            self._llm.close()
        if self._store is not None:
            self._store.close()
        self._store = None
        self._answerer = None


_Job = tuple[Callable[[Session], Any], "Future[Any]"]


class Engine:
    """Runs `fn(session)` jobs one after another on a daemon thread."""

    def __init__(
        self, settings: Settings, *, store: StoreOpener | None = None, llm: LLM | None = None
    ) -> None:
        self.settings = settings
        self.session = Session(settings, store, llm)
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        # A daemon thread: quitting the app while a slow answer is running must not wait
        # for the model to finish.
        self._thread = threading.Thread(target=self._run, name="factcheck-engine", daemon=True)
        self._thread.start()
        self._closed = False

    def submit(self, fn: Callable[[Session], T]) -> Future[T]:
        """Run `fn(session)` on the engine thread; its result or exception lands in the future."""
        future: Future[T] = Future()
        if self._closed:
            future.set_exception(RuntimeError("the engine is closed"))
        else:
            self._jobs.put((fn, future))
        return future

    def close(self, timeout: float = 2.0) -> None:
        """Close the store and the LLM after the queued jobs; wait at most `timeout` seconds."""
        if self._closed:
            return
        self._closed = True
        self._jobs.put(None)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.info("engine still busy after %.1f s; leaving it to finish", timeout)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                break
            fn, future = job
            if not future.set_running_or_notify_cancel():
                continue  # cancelled before it started
            try:
                future.set_result(fn(self.session))
            except BaseException as exc:  # handed to whoever awaits the future
                future.set_exception(exc)
        try:
            self.session.close()
        except Exception:
            log.exception("closing the store or the model failed")
