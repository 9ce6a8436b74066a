"""The base of the chat app: its engine, errors as notifications, and its sources (the
sidebar's list, ingesting more with progress, hiding the sidebar).

Kept apart from app.py, which is about the layout, asking, and the evidence.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from textual import on
from textual.app import App
from textual.screen import Screen

from ..errors import FactcheckError
from . import work
from .dialogs import IngestScreen
from .engine import Engine, Session
from .messages import IngestProgressed
from .panels import SourcesPanel

log = logging.getLogger(__name__)
T = TypeVar("T")


class SourcesApp(App[None]):
    """An app whose work runs on an Engine, with a SourcesPanel somewhere in its layout."""

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine

    @property
    def main_screen(self) -> Screen[Any]:
        """The screen of the chat layout, whatever screen (help, article) is on top of it."""
        return self.screen_stack[0]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The sidebar key only where the sidebar is."""
        return action != "toggle_sources" or self.screen is self.main_screen

    def on_unmount(self) -> None:
        self.engine.close()

    async def call(self, fn: Callable[[Session], T]) -> T:
        """Run `fn(session)` on the engine thread and wait for it without blocking the UI."""
        return await asyncio.wrap_future(self.engine.submit(fn))

    def report(self, what: str, exc: BaseException) -> str:
        """Say why something failed in a notification, never a traceback; the reason."""
        if isinstance(exc, FactcheckError):
            reason = str(exc)
        else:
            log.error("%s", what, exc_info=exc)
            reason = f"{type(exc).__name__}: {exc}"
        self.notify(f"{what}: {reason}", title="factcheck", severity="error", timeout=12)
        return reason

    async def load_sources(self) -> None:
        """Fill the sidebar from the store."""
        try:
            rows = await self.call(work.sources)
        except Exception as exc:
            self.report("Could not read the sources", exc)
            return
        self.main_screen.query_one(SourcesPanel).show(rows)

    def action_ingest(self) -> None:
        """Ask for a path, then ingest it and extract claims (command palette)."""
        self.push_screen(IngestScreen(), callback=self._ingest_path)

    def _ingest_path(self, path: str | None) -> None:
        if path:
            self.run_worker(self._ingest(path), group="ingest", exit_on_error=False)

    async def _ingest(self, path: str) -> None:
        def progress(phase: str, done: int, total: int, label: str) -> None:
            self.post_message(IngestProgressed(phase, done, total, label))  # engine thread

        self.notify(f"Ingesting {path} …")
        try:
            report = await self.call(lambda s: work.ingest(s, path, progress))
        except Exception as exc:
            self.report(f"Ingest of {path} failed", exc)
        else:
            trouble = bool(report.failed or report.claim_errors)
            self.notify(f"Ingested {path}: {report.line()}", timeout=15 if trouble else 6,
                        severity="warning" if trouble else "information")  # fmt: skip
        finally:
            self.main_screen.query_one(SourcesPanel).finished()
        await self.load_sources()

    @on(IngestProgressed)
    def _ingest_progress(self, m: IngestProgressed) -> None:
        self.main_screen.query_one(SourcesPanel).progress(m.phase, m.done, m.total, m.label)

    def action_toggle_sources(self) -> None:
        """Hide or show the sources sidebar, for a wider transcript (ctrl+b)."""
        panel = self.main_screen.query_one(SourcesPanel)
        panel.display = not panel.display
