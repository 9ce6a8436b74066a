"""A figures question selects claims by the kind of what they count, whatever the words.

Every figure here is read off the parse (no model call): "the death toll rose to 57",
"31 bodies were recovered" and "Ninety nine people died" are all deaths; injured and
missing are other kinds and never answer a question about deaths.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assistant.answers import Answer, Answerer
from assistant.answers.evidence import gather
from assistant.answers.figures import parsed_counted, question_kind
from assistant.answers.places import question_places
from assistant.claims.run import extract_claims
from assistant.claims.store import ClaimStore
from assistant.ingest.pipeline import Ingestor
from assistant.llm import LLM
from assistant.settings import Settings
from assistant.store import Store, open_store

from .fake_openai import FakeOpenAI
from .stored_article import ingest_article

ARTICLE = (
    "Fire at the Corvane depot\n"
    "The death toll from the depot fire rose to 57 on Friday, the county sheriff said.\n"
    "Rescue teams said 31 bodies were recovered from the east wing.\n"
    "Ninety nine people died in the first hours, the fire chief told AFP.\n"
    "At least 140 workers were injured, hospital officials said.\n"
    "A further 12 people are missing, according to the county sheriff's office.\n"
)


def read_off_the_parse(
    settings: Settings, tmp_path: Path, text: str | Sequence[str]
) -> tuple[Store, LLM]:
    """`text` (one article, or several) ingested and its claims extracted, every one read
    off the parse."""
    if isinstance(text, str):
        store, _ = ingest_article(settings, tmp_path, text)
    else:
        paths = [tmp_path / f"article-{i}.txt" for i in range(len(text))]
        for path, own in zip(paths, text, strict=True):
            path.write_text(own, encoding="utf-8")
        store = open_store(settings)
        assert all(o.doc_id for o in Ingestor(store).ingest(paths))
    llm = LLM(settings.llm, settings.cache)
    report = extract_claims(store, llm)
    assert report.counts.model_calls == 0
    return store, llm


def answers(
    settings: Settings, tmp_path: Path, text: str | Sequence[str], *questions: str
) -> list[Answer]:
    """Each question's answer over `text`, its figures read off the parse."""
    store, llm = read_off_the_parse(settings, tmp_path, text)
    try:
        answerer = Answerer(store, llm)
        return [answerer.ask(q) for q in questions]
    finally:
        llm.close()


def test_a_deaths_question_finds_every_way_of_saying_deaths(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    store, llm = read_off_the_parse(fake_settings, tmp_path, ARTICLE)
    try:
        assert question_kind(store, "How many people were killed, per source?") == "deaths"
        assert question_kind(store, "What is the death toll?") == "deaths"
        assert question_kind(store, "How many people were injured?") == "injured"
        # a word naming the sort of the counted noun counts nothing of its own
        assert question_kind(store, "How many rescue workers were digging?", "workers") is None
        assert question_kind(store, "What is the death toll?", "toll") == "deaths"
        assert question_kind(store, "How many were killed or injured?") is None
        # a clause describing another noun than the counted one asks no deaths
        ex_gratia = "How much ex gratia will the families of those who died receive?"
        assert question_kind(store, ex_gratia) == "deaths"  # without the counted noun
        assert question_kind(store, ex_gratia, "gratia") is None
        relief = "How much relief will families of people killed in the floods get?"
        assert question_kind(store, relief, "relief") is None
        assert question_kind(store, "What is the number of people who died?", "people") == (
            "deaths"
        )
        answer = Answerer(store, llm).ask("How many people were killed, per source?")
        injured = Answerer(store, llm).ask("How many people were hurt, per source?")
        # no claim counts cattle: the question goes to the answer model, which abstains
        fake_openai.enqueue_tool_call("Answer", {"answerable": False, "sentences": []})
        cattle = Answerer(store, llm).ask("How many cattle died in the depot fire?")
    finally:
        llm.close()
    assert len(fake_openai.requests) == 1  # the cattle question only
    assert sorted(f.value for f in answer.figures) == [31, 57, 99]
    assert {f.asserter_surface for f in answer.figures} == {
        "the county sheriff",
        "Rescue teams",
        "the fire chief",
    }
    assert [f.value for f in injured.figures] == [140]
    # deaths of people are no answer to a question counting cattle
    assert cattle.figures == []
    assert cattle.abstained


FLOOD = (
    "Floods in the Marrow valley\n"
    "The river authority said 14 people had died and 60 were missing after the levee broke.\n"
    "Officials said 1.9 lakh people had been moved to 312 relief camps in two districts.\n"
    "Rescue boats pulled 138 survivors from the water, according to the river authority.\n"
    "About 6,500 residents remained under evacuation orders, the sheriff's office said.\n"
    "Crews had contained only 15 percent of the flood barrier breach, the engineer said.\n"
)


def test_people_in_camps_under_orders_or_brought_out_alive_are_counted_by_their_kind(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    died, displaced, survived, alive, evacuated, missing, share = answers(
        fake_settings, tmp_path, FLOOD,
        "How many people died in the floods, per source?",
        "How many people were displaced, per source?",
        "How many people survived, per source?",
        "How many people were pulled alive from the water?",
        "How many people were under evacuation orders, per source?",
        "How many people were missing, per source?",
        "What percentage of the breach was contained, according to each source?",
    )  # fmt: skip
    assert fake_openai.requests == []
    # the people moved to camps are displaced, never deaths
    assert [f.value for f in died.figures] == [14]
    assert [f.value for f in displaced.figures] == [190_000]
    assert [f.value for f in survived.figures] == [138]
    assert [f.value for f in alive.figures] == [138]
    assert [f.value for f in evacuated.figures] == [6_500]
    assert [f.value for f in missing.figures] == [60]
    assert [(f.value, f.unit) for f in share.figures] == [(15, "%")]


BUDGET = (
    "Storm damage in the Orrin valley\n"
    "The county revenue office, in a first report, estimated the losses to farms and roads "
    "at $45 million.\n"
    "The state emergency agency later put the damage at $98 million.\n"
    "The governor has asked the federal government for $120 million to rebuild bridges.\n"
    "Crews said 500 houses were damaged and 40 roads were closed.\n"
)


def test_losses_and_money_asked_for_are_kinds_of_their_own(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    store, llm = read_off_the_parse(fake_settings, tmp_path, BUDGET)
    try:
        assert question_kind(store, "What were the storm losses estimated at?") == "losses"
        assert question_kind(store, "How much federal aid has the governor sought?") == "requested"
        # the verb "damaged" asks about houses, and "asked" outside a money question is no kind
        assert question_kind(store, "How many houses were damaged?") is None
        assert question_kind(store, "How many residents asked for shelter?") is None
        ask = Answerer(store, llm).ask
        losses = ask("What were the storm losses estimated at, according to each source?")
        sought = ask("How much federal aid has the governor sought, per source?")
    finally:
        llm.close()
    assert fake_openai.requests == []
    # "losses" and "the damage" are the same kind; the sum asked for is not a loss
    assert sorted(f.value for f in losses.figures) == [45_000_000, 98_000_000]
    assert [f.value for f in sought.figures] == [120_000_000]
    # a county office is not the US State Department, nor merged with the state agency
    assert {f.asserter for f in losses.figures} == {
        "county revenue office",
        "state emergency agency",
    }


VALLEY = (
    "Floods in the Marrow valley\n"
    "The river authority said 14 people had died in Brenhill district, where the river "
    "has also cut off the town of Osker.\n"
    "In Tamsford, officials said three people had drowned.\n"
    "The authority said 60 people were missing after the levee broke.\n"
)


def test_a_figure_for_a_place_must_be_stated_for_that_place(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    brenhill, tamsford, osker, valley = answers(
        fake_settings, tmp_path, VALLEY,
        "How many people died in Brenhill district?",
        "How many people died in Tamsford?",
        # Osker is named only in a clause about the district, not for the toll
        "How many people died in Osker?",
        "How many people died in the Marrow valley floods?",
    )  # fmt: skip
    assert fake_openai.requests == []
    # a figure stated for the place is the answer: one stated for another place is not
    assert [f.value for f in brenhill.figures] == [14]
    assert [f.value for f in tamsford.figures] == [3]
    assert valley.figures  # the headline's setting qualifies every figure of the story
    assert osker.abstained
    assert osker.figures == []
    assert osker.sentences[0].text == "The sources give no such figure for Osker."
    # the nearest figures say where their sentences state them for
    assert "14 dead in Brenhill district" in osker.answer
    assert "Nearest figures, not for Osker" in osker.answer
    assert {c.quote for c in osker.closest} >= {
        "The river authority said 14 people had died in Brenhill district, where the river "
        "has also cut off the town of Osker."
    }


def test_who_told_an_agency_is_named_as_the_article_names_them_with_the_agency(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    text = (
        "Storm aid sought\n"
        "The state has asked the federal government for $120 million to rebuild bridges, "
        "Finance Minister Tova Reyes told Reuters.\n"
    )
    (answer,) = answers(
        fake_settings, tmp_path, text, "Who told Reuters that the state asked for $120 million?"
    )
    assert fake_openai.requests == []
    assert answer.kind == "attribution"
    assert answer.answer.startswith(
        "Finance Minister Tova Reyes gave the figure $120 million to Reuters"
    )


def test_a_dateline_names_no_place_of_a_figure_and_a_share_is_no_count(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    text = (
        "Fire in the hills\n"
        "BRENHILL — Three people died in Tamsford on Friday, the sheriff's office said.\n"
        "Crews had contained 15 percent of the fire and 40 firefighters were injured.\n"
    )
    brenhill, tamsford, firefighters = answers(
        fake_settings, tmp_path, text,
        "How many people died in Brenhill?",
        "How many people died in Tamsford?",
        "How many firefighters were there, per source?",
    )  # fmt: skip
    assert brenhill.abstained
    assert [f.value for f in tamsford.figures] == [3]
    assert [(f.value, f.unit) for f in firefighters.figures] == [(40, None)]


ROUNDUP = (
    "Monsoon floods: toll passes 250 across South Asia\n"
    "Officials said on Monday that 96 people had died in Bihar state, up from 61 last week.\n"
    "Landslides in Nepal killed at least 58 people, police in Kathmandu said.\n"
    "In India's northeastern state of Assam, 23 people have died, the state government said.\n"
    "The toll from floods in India, Nepal and Bangladesh rose to 250, aid agencies said.\n"
)
COAST = (
    "Heavy rain batters the coast\n"
    "Thirty one people died in Kerala after three days of rain, the state's revenue minister "
    "said.\n"
)


def test_figures_stated_for_other_regions_do_not_answer_for_a_region(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    bihar, nepal, assam = answers(
        fake_settings, tmp_path, [ROUNDUP, COAST],
        "How many people died in Bihar?",
        "How many people were killed in Nepal?",
        "How many people died in Assam?",
    )  # fmt: skip
    assert fake_openai.requests == []
    # Nepal's and Assam's tolls, the regional total and a story that never names Bihar
    # are not Bihar's figures; Bihar's last week's figure is (its clause names Bihar)
    assert sorted(f.value for f in bihar.figures) == [61, 96]
    assert [f.value for f in nepal.figures] == [58]
    assert [f.value for f in assam.figures] == [23]


def test_a_figure_keeps_only_the_times_of_its_own_clause(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    text = (
        "Floods in the plains\n"
        "Rivers burst their banks more than a week ago, and officials on Monday said 102 "
        "people had died, 35 more than the state had estimated on Thursday.\n"
        "The death toll rose to 57 on Friday, the county sheriff said.\n"
    )
    store, llm = read_off_the_parse(fake_settings, tmp_path, text)
    llm.close()
    when = {c.quantity.value: c.when for c in ClaimStore(store).claims() if c.quantity}
    assert fake_openai.requests == []
    assert when[102] == "on Monday"  # not the rivers' "a week ago", nor the estimate's day
    assert when[57] == "on Friday"


def test_an_agreement_answer_starts_with_no_when_the_sources_spell_a_place_two_ways(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    question = "Do the sources agree on where the recruits are being trained?"
    store, llm = read_off_the_parse(fake_settings, tmp_path, [
        "Camps in the east\nThe recruits are being trained at camps in Ostrava and Velikograd, "
        "the ministry said.\n",
        "Training goes on\nThe recruits are trained at bases near Ostrava and Belikogradt, "
        "a commander said.\n",
    ])  # fmt: skip
    try:
        evidence, _ = gather(store, question, per_source=1)
        first = next(e.id for e in evidence if "Velikograd" in e.text)
        fake_openai.enqueue_tool_call("Answer", {"answerable": True, "sentences": [
            {"text": "The recruits are being trained at camps in Ostrava and Velikograd.",
             "cites": [first]},
        ]})  # fmt: skip
        answer = Answerer(store, llm).ask(question)
        # the model's sentence names an evidence id: dropped, and what code found answers
        fake_openai.enqueue_tool_call("Answer", {"answerable": True, "sentences": [
            {"text": f"Source {first} says the recruits are trained in Velikograd.",
             "cites": [first]},
        ]})  # fmt: skip
        alone = Answerer(store, llm).ask(question)
    finally:
        llm.close()
    fake_openai.assert_done()
    assert answer.kind == "agreement"
    assert [c.kind for c in answer.conflicts] == ["spelling"]
    lead = "No, not in every detail: they spell “Velikograd” and “Belikogradt” differently."
    assert answer.answer.startswith(lead)
    assert answer.sentences[1].verified
    assert not alone.abstained
    assert alone.answer.startswith(lead)
    assert [s.verified for s in alone.sentences] == [True, False]


TALLY = (
    "Monsoon storms batter the south\n"
    "The disaster agency said 40 people had died in Kerala, 12 in Karnataka state, three "
    "in Goa and one in Tamil Nadu.\n"
    "The agency said the toll from the storms had risen to 56 by Sunday.\n"
)


def test_a_tally_gives_each_figure_the_place_after_it(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    karnataka, goa, total = answers(
        fake_settings, tmp_path, TALLY,
        "How many people died in Karnataka?",
        "How many people died in Goa?",
        "How many people died in the storms, per source?",
    )  # fmt: skip
    assert fake_openai.requests == []
    # one clause holds the whole list: the place after each number is its own, and the
    # story's toll (no place in its sentence) is no figure for a state the list names
    assert [f.value for f in karnataka.figures] == [12]
    assert [f.value for f in goa.figures] == [3]
    assert "12 dead in Karnataka state" in karnataka.answer
    by_value = {f.value: f.place for f in total.figures}
    assert by_value[40] == "Kerala"
    assert by_value[1] == "Tamil Nadu"
    assert by_value[56] is None
    assert "40 dead in Kerala" in total.answer
    # the parts of the toll are no ends of its range ("from one [1] to 56 [2]")
    assert "range from" not in total.answer


def test_the_name_of_an_event_is_no_place_of_the_question(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    store, llm = read_off_the_parse(fake_settings, tmp_path, TALLY)
    llm.close()
    # "in the Tarrow Fire" asks about the fire: every figure of its story answers it
    assert question_places(store, "How many people were killed in the Tarrow Fire?") == []
    assert question_places(store, "How many people died in the Linwood floods?") == []
    assert question_places(store, "How many died in the Gull Bay sinking, per source?") == []
    assert question_places(store, "How many people died in Nandgiri taluka?") == ["Nandgiri"]
    assert question_places(store, "How many people died in Goa?") == ["Goa"]
    # a country owning a named body is no place; owning a place it is
    assert question_places(store, "How many died in Goa, according to India's Home Ministry?") == [
        "Goa"
    ]
    assert "India" in question_places(store, "How many died in India's Goa state?")
    # "the US South" is the South
    assert question_places(store, "How many died across the US South?") == ["South"]


def test_a_tallys_figure_for_the_place_stays_beside_its_repeat_elsewhere(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    """The tally's "40 people died in Kerala" answers for Kerala though the page gives 40
    again where no place is stated for it."""
    page = (
        "Monsoon storms batter the south\n"
        "40 people died in Kerala, 12 in Karnataka state and three in Goa, the disaster "
        "agency said.\n"
        "The agency said 40 people were dead by Sunday.\n"
    )
    (kerala,) = answers(fake_settings, tmp_path, page, "How many people died in Kerala?")
    assert [f.value for f in kerala.figures] == [40]
    assert "40 dead in Kerala" in kerala.answer


def test_a_labelled_tally_gives_each_figure_its_label(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    """An official's posted tally, "Total 56 dead. #Kerala: 40, #Karnataka: 12": the total
    is no figure for Kerala (the label names a known region; "Update:" names none)."""
    page = (
        "Monsoon storms batter the south\n"
        "The disaster agency said 40 people had died in Kerala and 12 in Karnataka state.\n"
        "Update: 56 dead in total, #Kerala: 40, #Karnataka: 12, the agency posted.\n"
    )
    (kerala,) = answers(fake_settings, tmp_path, page, "How many people died in Kerala?")
    assert 56 not in [f.value for f in kerala.figures]
    assert 40 in [f.value for f in kerala.figures]


def test_people_who_lost_their_lives_are_deaths(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    page = (
        "Monsoon toll rises\n"
        "Altogether 76 people have lost their lives in rain-related incidents, the ministry "
        "said.\nRescue boats carried 40 people who had lost their homes to camps.\n"
    )
    (died,) = answers(fake_settings, tmp_path, page, "How many people died?")
    assert [f.value for f in died.figures] == [76]


def test_the_noun_how_many_counts_is_read_off_the_parse(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    store, llm = read_off_the_parse(
        fake_settings, tmp_path,
        "Elections in Veland\nVeland is divided into 120 districts, each electing two members.\n",
    )  # fmt: skip
    try:
        # the word rule knows verbs by their endings: "elect" has none
        assert parsed_counted(store, "How many districts elect members of the assembly?") == (
            "districts"
        )
        assert parsed_counted(store, "How much money did the state seek?") == "money"
        assert parsed_counted(store, "How much did the court order him to pay?") is None
        answer = Answerer(store, llm).ask("How many districts elect members of the assembly?")
    finally:
        llm.close()
    assert answer.figures
    assert "120" in answer.answer
