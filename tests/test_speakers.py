"""A composed answer to "who said ...?" must make its speaker someone who speaks or acts in
the sentences it cites (invented sentences; the parse is the real model's)."""

from __future__ import annotations

import pytest

from assistant.answers.speakers import asks_speaker, unsaid
from assistant.settings import Settings

QUESTION = "Which council member called the vote a win for the town rather than a defeat?"
LED = "The revolt, led by councillor Ivo Marek, forced a second vote on the bypass."
SAID = "Another member, finance chair Lena Ostrova, said the vote was a win for the town."


@pytest.mark.parametrize(
    ("text", "cited", "problem"),
    [
        # named in the cited sentence, but only as the revolt's leader
        ("The member who called it a win was Ivo Marek, who led the revolt.", [LED, SAID],
         "Marek"),
        ("Lena Ostrova called the vote a win for the town.", [LED, SAID], None),
        # the full name for the surname the sentence gives its speaker
        ("Finance chair Lena Ostrova said it was a win.", ["Ostrova said it was a win."], None),
        # a speaker the answer only mentions is not checked; its own speaker is
        ("Lena Ostrova said Ivo Marek had lost.", [SAID], None),
        ("Ivo Marek said the vote was a win.", [SAID], "Marek"),
        # a body doing what the question asks
        ("The Town Council apologised for the vote.",
         ["The Town Council has apologised to residents for the vote."], None),
        # no name beyond the question's: nothing to check
        ("Officials called the vote a win for the town.", [LED], None),
    ],
)  # fmt: skip
def test_the_answer_s_speaker_speaks_in_a_cited_sentence(
    factcheck_home: object, text: str, cited: list[str], problem: str | None
) -> None:
    reason = unsaid(Settings().cache, text, QUESTION, cited)
    if problem is None:
        assert reason is None
    else:
        assert reason is not None
        assert problem in reason


def test_which_questions_ask_for_a_speaker() -> None:
    assert asks_speaker("Who said 40 people had died?")
    assert asks_speaker("Which council member called the vote a win?")
    assert asks_speaker("Who warned that towns might be evacuated?")
    assert not asks_speaker("Who is overseeing the training of the troops?")
    assert not asks_speaker("Which river flooded the district?")


def test_the_question_s_verb_names_its_doer_anywhere_in_the_cited_sentence(
    factcheck_home: object,
) -> None:
    cited = ["While the council denied the reports, with spokesman Ivo Marek dismissing them "
             "as rumours, the vote went ahead."]  # fmt: skip
    question = "Who dismissed the reports about the vote as rumours?"
    assert unsaid(Settings().cache, "Ivo Marek dismissed the reports as rumours.", question,
                  cited) is None  # fmt: skip
