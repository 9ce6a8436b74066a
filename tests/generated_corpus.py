"""A generated corpus for the interruption and concurrency tests: a dozen articles, each
several chunks long with exactly one figure sentence (one extraction call per article),
and the scripted extraction answer for each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.claims.candidates import find_candidates
from assistant.ingest.load import load_document

ARTICLES = 12
PLACES = (
    "Aldmoor", "Brackwater", "Corvane", "Dunhallow", "Elsmere", "Fairlock",
    "Glenharrow", "Hollowfield", "Ivybridge", "Juniper Bay", "Kestrel Point", "Larkspur",
)  # fmt: skip
FILLER = (
    "The river valley stayed quiet under grey skies while farmers checked their fences.",
    "Market stalls opened late as the morning fog lifted slowly over the old bridge.",
    "Teachers walked the long road from the station with umbrellas and heavy bags.",
    "Fishing boats waited in the harbour for the wind to turn before heading out again.",
    "Shopkeepers swept the pavements and stacked crates of apples beside their doors.",
    "A brass band practised in the town hall while children played in the square.",
)
PARAGRAPHS = 14  # about ten 128-token chunks per article


def figure(i: int) -> int:
    return 100 + 7 * i


def write_corpus(folder: Path) -> list[Path]:
    """ARTICLES articles named art01.txt … in `folder` (sorted = extraction order)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, place in enumerate(PLACES[:ARTICLES]):
        body = [" ".join(FILLER[(p + i) % len(FILLER) :] + FILLER[: (p + i) % len(FILLER)])
                for p in range(PARAGRAPHS)]  # fmt: skip
        body.insert(
            PARAGRAPHS // 2,
            # the parse leaves this figure open (a "final tally" of what?): one model call
            f"According to the {place} Port Authority, containers were delayed at the "
            f"northern quay, and the final tally reached {figure(i)}.",
        )
        path = folder / f"art{i + 1:02d}.txt"
        path.write_text(f"Harbour delays in {place}\n\n" + "\n\n".join(body) + "\n", "utf-8")
        paths.append(path)
    return paths


def extraction_answer(path: Path, counted: str = "final tally reached") -> dict[str, Any]:
    """The right `SentenceFigures` arguments for the one figure sentence of `path`."""
    (candidate,) = find_candidates("x", load_document(path, max_bytes=10_000_000).text)
    (number,) = candidate.numbers
    return {
        "figure_1": {
            "quote": f"{counted} {number.surface}",
            "asserter": candidate.attributed_to or "unattributed",
        }
    }
