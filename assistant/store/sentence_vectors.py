"""Vectors of each chunk's sentences, embedded once and stored, for ranking evidence.

A composed answer ranks the sentences of its best passages by their closeness to the
question (`answers.evidence`). Embedding those ~30 sentences took 0.33-0.45 s of every
question on 2 cores, while the model server's threads were still busy (0.17 s on an idle
machine): about a tenth of the time to a fact answer's first checked sentence. They are
embedded when a document's claims are extracted instead, a step that already reads every
sentence and takes minutes on the local model, so ingest keeps its speed.

One row per chunk holds the float32 vectors of `sentence_spans(chunk.text)`, in order. A
row whose count no longer matches the chunk's sentences (another splitter), or of another
embedding model, is not used: those sentences are embedded when asked, as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from ..embeddings import DIMENSIONS
from ..text.sentences import sentence_spans
from .store import Store

Vectors = npt.NDArray[np.float32]


def fill(store: Store, doc_ids: Sequence[str]) -> int:
    """Embed and store the sentence vectors of the chunks of `doc_ids` that lack them.
    Returns the number of chunks filled."""
    model = store.settings.embedding.model
    filled = 0
    for doc_id in doc_ids:
        chunks = store.docs.chunks_without_sentence_vectors(doc_id, model)
        if not chunks:
            continue
        spans = [sentence_spans(c.text) for c in chunks]
        texts = [c.text[s.start : s.end] for c, found in zip(chunks, spans, strict=True)
                 for s in found]  # fmt: skip
        vectors = store.embedder.embed(texts)
        rows, at = [], 0
        for chunk, found in zip(chunks, spans, strict=True):
            rows.append((chunk.id, model, vectors[at : at + len(found)].tobytes()))
            at += len(found)
        store.docs.put_sentence_vectors(rows)
        filled += len(rows)
    return filled


def stored(store: Store, sentences: Mapping[str, int]) -> dict[str, Vectors]:
    """The stored vectors of the chunks in `sentences` (chunk id -> its number of sentence
    spans), one row per span, for the chunks whose row matches that number and the
    embedding model in use."""
    if not sentences:
        return {}
    blobs = store.docs.sentence_vectors(list(sentences), store.settings.embedding.model)
    found: dict[str, Vectors] = {}
    for chunk_id, blob in blobs.items():
        if len(blob) == sentences[chunk_id] * DIMENSIONS * 4:  # float32
            found[chunk_id] = np.frombuffer(blob, dtype=np.float32).reshape(-1, DIMENSIONS)
    return found
