"""Opening Chroma: embedded in the data directory by default, a Chroma server by `store.url`."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..errors import ConfigError, FactcheckError
from ..settings import StoreSettings

log = logging.getLogger(__name__)


def open_client(store: StoreSettings, home: Path) -> Any:
    """A Chroma client: `HttpClient` when `store.url` is set, else `PersistentClient` in home."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if store.url:
        url = urlparse(store.url)
        if url.scheme not in {"http", "https"} or not url.hostname:
            raise ConfigError(f"store.url {store.url!r} is not an http(s) URL")
        port = url.port or (443 if url.scheme == "https" else 8000)
        try:
            client = chromadb.HttpClient(
                host=url.hostname, port=port, ssl=url.scheme == "https", settings=chroma_settings
            )
            client.heartbeat()
        except Exception as exc:  # chromadb raises assorted transport errors
            raise FactcheckError(
                f"cannot reach the Chroma server at {store.url}: {exc}",
                hint="start it with `chroma run --path DIR`, or unset store.url",
            ) from exc
        return client
    path = home / "chroma"
    try:
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:
        raise FactcheckError(
            f"cannot open the store at {path}: {exc}", hint="run `factcheck doctor`"
        ) from exc
