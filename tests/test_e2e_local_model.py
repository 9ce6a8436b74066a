"""End-to-end: the real local models, fetched beforehand by `factcheck setup`."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any, Literal

import pytest
from pydantic import BaseModel, Field, ValidationInfo, field_validator

from assistant.llm import LLM

pytestmark = pytest.mark.e2e

SENTENCE = (
    "According to the NIS, approximately 1,500 North Korean troops have already arrived in "
    "Russia, with some estimates suggesting that the final figure could reach 12,000."
)


class Figure(BaseModel):
    """One figure stated in the sentence."""

    value: Literal[1500, 12000] = Field(description="the number as stated in the sentence")
    counted: str = Field(description="what is counted, e.g. 'soldiers in Kursk'", min_length=3)
    asserter: Literal["NIS", "unattributed"] = Field(description="who states the figure")

    @field_validator("counted")
    @classmethod
    def counted_is_grounded(cls, counted: str, info: ValidationInfo) -> str:
        sentence: str = (info.context or {})["sentence"]
        words = [w for w in counted.lower().split() if len(w) > 3]
        if not any(w in sentence.lower() for w in words):
            raise ValueError(f"'{counted}' shares no word with the sentence")
        return counted


def test_validated_object_from_local_model(local_llm: LLM) -> None:
    messages: list[Any] = [
        {
            "role": "system",
            "content": "You extract figures from news sentences. Copy `counted` from the "
            "sentence: the words right after the number, naming what is counted.",
        },
        {"role": "user", "content": f"Sentence: {SENTENCE}\nExtract the first figure."},
    ]
    fig = local_llm.structured("extraction", Figure, messages, context={"sentence": SENTENCE})
    assert isinstance(fig, Figure)
    assert fig.value in (1500, 12000)
    assert fig.asserter == "NIS"
    call = local_llm.usage.calls[-1]
    assert call.prompt_tokens > 20
    assert call.completion_tokens > 5
    assert local_llm.endpoint("extraction").base_url.startswith("http://127.0.0.1:")


def test_answer_model_streams(local_llm: LLM) -> None:
    messages: list[Any] = [
        {"role": "user", "content": f"{SENTENCE}\n\nHow many troops have arrived? Answer briefly."}
    ]
    pieces = list(local_llm.stream("answer", messages, max_tokens=40))
    assert len(pieces) > 1  # it really streamed
    assert "1,500" in "".join(pieces) or "1500" in "".join(pieces)


def test_doctor_all_green(require_models: Any) -> None:
    require_models(["qwen2.5-coder-0.5b", "qwen2.5-coder-1.5b", "cl100k_base"])
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "doctor"],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "COLUMNS": "250"},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all checks passed" in result.stdout
    assert " fail " not in result.stdout
