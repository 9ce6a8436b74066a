"""Storage: documents and chunks in SQLite (with the FTS5 lexical index), vectors in Chroma."""

from .docs import Chunk, DocStore, DocSummary, Document
from .store import Store, StoreBusyError, open_store

__all__ = ["Chunk", "DocStore", "DocSummary", "Document", "Store", "StoreBusyError", "open_store"]
