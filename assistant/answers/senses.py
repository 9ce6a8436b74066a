"""Does a text state a word of the question, in its own word or one of the same meaning?

Checking a composed sentence by inflections only dropped true answers whose evidence says
the question's thing in other words: "soldiers" for "troops", "fighting" for "combat"
(seeds: 3 of 5 false abstentions were such drops). Word embeddings (the store's
embedder, the same measure as `figures.SAME_THING`) settle it: troops/soldiers 0.89,
combat/fighting 0.80, region/area 0.71; troops/officers 0.50, killed/deployed 0.38 and
injured/killed 0.40 stay apart.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

from ..embeddings import Embedder
from .classify import states
from .figures import SAME_THING

_WORD = re.compile(r"[^\W\d_]{3,}")


class WordSense:
    """`stated(text, word)` by inflection or by a word of the same meaning."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self._vectors: dict[str, npt.NDArray[np.float32]] = {}

    def stated(self, text: str, word: str) -> bool:
        if states(text, word):
            return True
        words = list(dict.fromkeys(w.lower() for w in _WORD.findall(text)))
        if not words:
            return False
        vectors = self._vectors_of([word.lower(), *words])
        target = vectors[word.lower()]
        return any(float(vectors[w] @ target) >= SAME_THING for w in words)

    def _vectors_of(self, words: list[str]) -> dict[str, npt.NDArray[np.float32]]:
        new = [w for w in dict.fromkeys(words) if w not in self._vectors]
        if new:
            for w, v in zip(new, self._embedder.embed(new), strict=True):
                self._vectors[w] = v
        return {w: self._vectors[w] for w in words}
