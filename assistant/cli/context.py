"""State shared by every command: flag overrides, settings, consoles, logging."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from ..settings import Settings

# Libraries that are chatty at INFO: quiet unless -vv.
_NOISY = ("httpx", "httpcore", "openai", "instructor", "chromadb", "urllib3")


@dataclass
class AppState:
    """What the global options set up for the command that runs."""

    overrides: dict[str, Any] = field(default_factory=dict)
    verbosity: int = 0
    _settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            from ..settings import load_settings  # pydantic-settings: only when a command runs

            self._settings = load_settings(self.overrides)
        return self._settings


out = Console()
err = Console(stderr=True)


def state(ctx: typer.Context) -> AppState:
    """The AppState of this invocation."""
    obj = ctx.find_root().obj
    if not isinstance(obj, AppState):
        obj = AppState()
        ctx.find_root().obj = obj
    return obj


def configure_logging(verbosity: int) -> None:
    """-v: INFO, -vv: DEBUG (libraries included); default: warnings only, on stderr."""
    from rich.logging import RichHandler

    level = {0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
    handler = RichHandler(console=err, show_path=verbosity > 1, markup=False)
    logging.basicConfig(level=level, format="%(name)s: %(message)s", handlers=[handler], force=True)
    for name in _NOISY:
        logging.getLogger(name).setLevel(logging.DEBUG if verbosity > 1 else logging.CRITICAL)


def flag_overrides(
    home: Path | None,
    provider: str | None,
    base_url: str | None,
    extraction_model: str | None,
    answer_model: str | None,
) -> dict[str, Any]:
    """Flag values as nested settings overrides; `--home` also decides where config.toml is."""
    overrides: dict[str, Any] = {}
    if home is not None:
        os.environ["FACTCHECK_HOME"] = str(home)
        overrides["home"] = home
    llm = {
        key: value
        for key, value in {
            "provider": provider,
            "base_url": base_url,
            "extraction_model": extraction_model,
            "answer_model": answer_model,
        }.items()
        if value is not None
    }
    if llm:
        overrides["llm"] = llm
    return overrides
