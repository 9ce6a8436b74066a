"""A sentence giving a number of its evidence for another figure's place fails the check,
read from the parse of the cited sentence (`places.misplaced`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from assistant.answers.evidence import Evidence
from assistant.answers.places import misplaced
from assistant.answers.verify import check
from assistant.settings import Settings
from assistant.store import Document, Store, open_store

TWO_STATES = (
    "At least 145 people died in the state of Karnataka where army troops were rescuing "
    "marooned villagers and 26 were killed in neighbouring Andhra Pradesh where dams were "
    "overflowing, authorities said."
)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    opened = open_store(settings)
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("145 people died in Andhra Pradesh where dams were overflowing, authorities said.", False),
        ("At least 145 people died in Karnataka, authorities said.", True),
        ("26 were killed in Andhra Pradesh, where dams were overflowing.", True),
        ("Authorities said at least 145 people died.", True),  # no place named with it
        # the evidence's own structure repeated: Karnataka is no place of 26 in it either
        (
            "The flooding was worst in Karnataka where army troops were rescuing marooned "
            "villagers and 26 were killed in neighbouring Andhra Pradesh.",
            True,
        ),
    ],
)
def test_a_number_is_given_for_the_place_its_clause_names(
    store: Store, text: str, holds: bool
) -> None:
    reason = misplaced(store, text, [TWO_STATES])
    assert (reason is None) is holds, reason
    if not holds:
        assert reason == "the cited evidence gives 145 for another place than Andhra Pradesh"


def test_a_sentence_of_one_figure_is_not_parsed(store: Store) -> None:
    one = "Officials in Uttarakhand said 40 people are feared dead."
    assert misplaced(store, "40 people are feared dead in Uttarakhand.", [one]) is None


def test_the_check_asks_it_last_and_keeps_its_reason(store: Store) -> None:
    doc = Document(
        id="d1", source="a.md", content_hash="h", version="v", title=None, outlet="Valley Post",
        date=None, url=None, author=None, kind="md", encoding="utf-8", text=TWO_STATES,
        original=TWO_STATES,
    )  # fmt: skip
    given = {"E1": Evidence("E1", doc, 0, len(TWO_STATES), 1.0)}
    asked: list[str] = []

    def placed(text: str, cited: Sequence[str]) -> str | None:
        asked.append(text)
        return misplaced(store, text, cited)

    wrong = "145 people died in Andhra Pradesh where dams were overflowing."
    question = "Where did 145 people die?"
    assert check(wrong, ["E1"], given, question) is None  # the words alone pass
    reason = check(wrong, ["E1"], given, question, misplaced=placed)
    assert reason is not None
    assert "another place than Andhra Pradesh" in reason
    # a sentence failing another check never reaches the parse
    assert check("145 people died in Goa.", ["E1"], given, question, misplaced=placed)
    assert asked == [wrong]


def test_a_part_of_a_figure_is_at_its_place(store: Store) -> None:
    """ "all but four of them" counts some of the 25 dead at the school: no other place's."""
    school = (
        "Several of the dead were at two schools, including 25 dead at the Colegio Santa "
        "Lucia, all but four of them children, the education ministry said."
    )
    said = "At the Colegio Santa Lucia, 25 people died, all but four of them children."
    assert misplaced(store, said, [school]) is None
    # a number given for another place is still caught beside a part
    other = f"{school[:-1]}, and four died at the Colegio San Pedro."
    assert misplaced(store, "Four people died at the Colegio Santa Lucia.", [other]) is not None
