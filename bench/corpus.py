"""A deterministic, generated news-like corpus for benchmarks (no sample article reused).

Articles are drawn from a small vocabulary of actors, things and places, so at 100k
chunks the background is repetitive news about troops, refugees and grain; the planted
facts (see `facts.py`) are on other topics and carry invented names.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from facts import Fact

ACTORS = [
    "the defence ministry", "a government spokesperson", "the regional governor",
    "military intelligence", "the foreign minister", "a senior official",
    "the national statistics office", "the UN refugee agency", "local police",
    "the harbour authority", "an opposition lawmaker", "the health department",
]  # fmt: skip
THINGS = [
    "troops", "refugees", "volunteers", "tonnes of grain", "shipping containers",
    "casualties", "protesters", "vehicles", "drones", "families", "doctors", "voters",
]  # fmt: skip
PLACES = [
    "the northern province", "the coastal city", "the border region", "the capital",
    "three villages", "the eastern front", "the river delta", "the mountain pass",
]  # fmt: skip
VERBS = ["said", "reported", "claimed", "estimated", "confirmed", "denied"]
HEDGES = ["about", "up to", "at least", "more than", "nearly", "some", ""]
FILLER = [
    "The situation remained tense throughout the week.",
    "Talks between the two sides are expected to resume next month.",
    "Independent observers could not verify the figures.",
    "Residents described long queues at checkpoints.",
    "The announcement came after days of speculation.",
    "Analysts cautioned that the numbers may change as more information emerges.",
]


def sentence(rng: random.Random) -> str:
    """One news-like sentence with a figure and an asserter, or a filler sentence."""
    if rng.random() < 0.3:
        return rng.choice(FILLER)
    value = f"{rng.randint(1, 40) * rng.choice([1, 10, 100, 1000]):,}"
    hedge = rng.choice(HEDGES)
    figure = f"{hedge} {value}".strip()
    return (
        f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} that {figure} "
        f"{rng.choice(THINGS)} were in {rng.choice(PLACES)} on day {rng.randint(1, 28)}."
    )


def article(rng: random.Random, paragraphs: int = 8) -> str:
    """A headline and `paragraphs` paragraphs of 2-5 sentences."""
    headline = f"{rng.choice(THINGS).capitalize()} reported in {rng.choice(PLACES)}"
    body = [" ".join(sentence(rng) for _ in range(rng.randint(2, 5))) for _ in range(paragraphs)]
    return headline + "\n\n" + "\n\n".join(body) + "\n"


def placements(documents: int, facts: Sequence[Fact], seed: int = 7) -> dict[str, int]:
    """Which article (by index) each fact goes into: seeded, spread over the corpus.

    Drawn from their own generator, so the background articles do not depend on the facts.
    """
    rng = random.Random(f"facts-{seed}")
    return {f.key: rng.randrange(documents) for f in facts}


def plant(text: str, sentences: Sequence[str], rng: random.Random) -> str:
    """`text` with each sentence inserted as its own paragraph, after the headline."""
    paragraphs = text.rstrip("\n").split("\n\n")
    for sentence_ in sentences:
        paragraphs.insert(rng.randint(1, len(paragraphs)), sentence_)
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(
    folder: Path, documents: int, seed: int = 7, facts: Sequence[Fact] = ()
) -> list[Path]:
    """Write `documents` generated articles into `folder`, `facts` planted; return paths."""
    rng = random.Random(seed)
    where = placements(documents, facts, seed)
    planted: dict[int, list[str]] = {}
    for fact in facts:
        planted.setdefault(where[fact.key], []).append(fact.sentence)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(documents):
        path = folder / f"article_{n:05d}.txt"
        text = article(rng)
        if n in planted:
            text = plant(text, planted[n], random.Random(f"plant-{seed}-{n}"))
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def chunk_texts(count: int, seed: int = 11) -> list[str]:
    """`count` passages of roughly chunk size (3-6 sentences each)."""
    rng = random.Random(seed)
    return [" ".join(sentence(rng) for _ in range(rng.randint(3, 6))) for _ in range(count)]
