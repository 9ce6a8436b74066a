"""The offline embedder and tokenizer, on the files `factcheck setup` verified."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.embeddings import DIMENSIONS, Embedder
from assistant.errors import ModelNotReadyError
from assistant.settings import Settings
from assistant.tokens import count_tokens, get_encoding


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder("minilm-l6-v2-int8", Settings().cache, batch_size=4)


def test_unit_vectors_of_right_shape(embedder: Embedder) -> None:
    vectors = embedder.embed(["North Korean troops in Kursk", "", "Weather in Lisbon"])
    assert vectors.shape == (3, DIMENSIONS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert embedder.embed([]).shape == (0, DIMENSIONS)


def test_meaning_ranks_related_text_closer(embedder: Embedder) -> None:
    query, near, far = embedder.embed(
        [
            "How many soldiers arrived in the Kursk region?",
            "Some 3,000 troops were seen entering Kursk on Wednesday.",
            "The recipe calls for two cups of flour and an egg.",
        ]
    )
    assert float(query @ near) > float(query @ far) + 0.2


def test_batching_and_order_do_not_change_vectors(embedder: Embedder) -> None:
    texts = [f"sentence number {i} " * (i % 7 + 1) for i in range(11)]
    together = embedder.embed(texts)
    alone = np.vstack([embedder.embed([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_long_text_is_truncated_not_refused(embedder: Embedder) -> None:
    vector = embedder.embed(["troops " * 5000])
    assert vector.shape == (1, DIMENSIONS)


def test_missing_model_files_say_run_setup(tmp_path: Path) -> None:
    with pytest.raises(ModelNotReadyError, match="factcheck setup"):
        Embedder("minilm-l6-v2-int8", tmp_path)
    with pytest.raises(ModelNotReadyError, match="unknown embedding model"):
        Embedder("no-such-model", Settings().cache)


def test_tiktoken_offline() -> None:
    encoding = get_encoding(Settings().cache)
    assert encoding.name == "cl100k_base"
    assert count_tokens("11,000 North Korean troops", encoding) == len(
        encoding.encode("11,000 North Korean troops")
    )
    # special-token text inside an article is counted as plain text, never refused
    assert count_tokens("<|endoftext|>", encoding) > 1


def test_tiktoken_not_set_up(tmp_path: Path) -> None:
    with pytest.raises(ModelNotReadyError, match="factcheck setup"):
        get_encoding(tmp_path)
