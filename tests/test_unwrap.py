"""Hard-wrapped text is joined back into paragraphs, keeping its length and its offsets."""

from __future__ import annotations

from assistant.ingest.unwrap import unwrap, wrap_width

WRAPPED = (
    "Ferry capsizes off Marrow Point\n"
    "MARROW POINT - At least nine people were killed and 30 injured on\n"
    "Sunday when a ferry capsized in the strait, the harbour police said.\n"
    "The vessel was carrying about 200 passengers, most of them seasonal\n"
    "workers, when it turned over in strong winds near the harbour wall.\n"
    "Harbour master Ilse Varga told the Coast Wire news agency that at least 30\n"
    "people were still in hospital, five of them in a critical condition.\n"
    "- Helpline: call the harbour office\n"
    "Rescue divers searched the hull through the night.\n"
)


def test_a_wrapped_sentence_is_one_line_again_and_nothing_moves() -> None:
    joined = unwrap(WRAPPED)
    assert len(joined) == len(WRAPPED)
    assert "agency that at least 30 people were still in hospital" in joined
    assert "killed and 30 injured on Sunday when" in joined
    # a headline, a line ending a sentence and a list item stay on their own lines
    assert joined.startswith("Ferry capsizes off Marrow Point\nMARROW POINT")
    assert "police said.\nThe vessel" in joined
    assert "\n- Helpline" in joined


def test_text_that_is_not_wrapped_is_left_alone() -> None:
    text = (
        "Ferry capsizes\n"
        "At least nine people were killed on Sunday when a ferry capsized in the strait"
        " near the harbour wall, the harbour police said, and 30 more were injured.\n"
        "Short line\n" * 6
    )
    assert wrap_width(text.split("\n")) is None
    assert unwrap(text) == text
