"""Summaries kept on disk, one JSON file per (document version, prompt version, model).

Written to a temporary file and renamed, so an interrupted run leaves whole files only;
a rerun reuses every summary whose document, prompt and model are unchanged.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from pydantic import ValidationError

from .models import DocSummary

log = logging.getLogger(__name__)


class SummaryCache:
    """A folder of summaries (under the data directory)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, doc_id: str, version: str, prompt_version: str, model: str) -> Path:
        key = hashlib.sha256(f"{doc_id}:{version}:{prompt_version}:{model}".encode())
        return self.folder / f"{doc_id}-{key.hexdigest()[:16]}.json"

    def get(self, doc_id: str, version: str, prompt_version: str, model: str) -> DocSummary | None:
        path = self._path(doc_id, version, prompt_version, model)
        try:
            return DocSummary.model_validate_json(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValidationError, ValueError) as exc:
            log.warning("ignoring unreadable cached summary %s: %s", path, exc)
            return None

    def put(self, summary: DocSummary) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(summary.doc_id, summary.version, summary.prompt_version, summary.model)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(summary.model_dump_json(indent=1), encoding="utf-8")
        tmp.replace(path)
