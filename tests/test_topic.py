"""Figures from the story the question names: in a store of several stories, claims of
other stories are no answer (`answers.topic`)."""

from __future__ import annotations

from pathlib import Path

from assistant.answers.topic import question_names, story_docs
from assistant.ingest.pipeline import Ingestor
from assistant.settings import Settings
from assistant.store import open_store

from .fake_openai import FakeOpenAI
from .test_figure_kinds import answers

STORIES = [
    "Quake hits Tarnby\nAt least 40 people died in the Tarnby earthquake, officials said.\n",
    "Landslide in Vell valley\nRescuers said 12 people died when a hillside collapsed.\n",
    "Tornadoes strike the Orrin plains\nThe storms killed 9 people, the sheriff said.\n",
]


def test_the_names_of_a_question_are_its_subjects_not_its_places() -> None:
    assert question_names("How many people died in the Tarnby earthquake?") == ["Tarnby"]
    assert question_names("How many people did the tornadoes across the US South kill?",
                          ["US"]) == ["South"]  # fmt: skip
    assert question_names("How many troops are in Russia, per source?", ["Russia"]) == []
    assert question_names("Who said the Home Ministry's count was 187?") == ["Home Ministry"]


def test_figures_come_from_the_story_the_question_names(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    tarnby, other, everywhere = answers(
        fake_settings, tmp_path, STORIES,
        "How many people died in the Tarnby earthquake?",
        "How many people died in the Marrow floods?",  # named by no story: no restriction
        "How many people died, per source?",
    )  # fmt: skip
    assert [f.value for f in tarnby.figures] == [40]
    assert sorted(f.value for f in other.figures) == [9, 12, 40]
    assert sorted(f.value for f in everywhere.figures) == [9, 12, 40]


def test_a_store_of_one_story_is_not_narrowed(fake_settings: Settings, tmp_path: Path) -> None:
    """Two of three pages name "the Tarnby quake"; the third calls it "the Vell quake"."""
    paths = []
    for i, text in enumerate(["Quake hits Tarnby\n40 died in Tarnby.\n",
                              "Tarnby toll rises\n52 died in Tarnby.\n",
                              "Vell quake toll rises\n55 died in Vell.\n"]):  # fmt: skip
        paths.append(tmp_path / f"a{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    store = open_store(fake_settings)
    try:
        Ingestor(store).ingest(paths)
        assert story_docs(store, "How many died in the Tarnby quake?", []) is None
    finally:
        store.close()
