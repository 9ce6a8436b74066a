"""Reading figures off the parse: what a number counts, its kind, who says it, who carried
it, and page furniture. Runs spaCy's real pipeline (fetched by `factcheck setup`).

Every sentence here is written for these tests, in the shapes real news pages use.
"""

from __future__ import annotations

import pytest

from assistant import nlp
from assistant.claims.numbers import QUANTITY_KINDS, find_numbers
from assistant.claims.reading import (
    FigureReading,
    SentenceReading,
    dateline_carrier,
    is_agency,
    is_pronoun,
    kind_of,
    read_sentence,
)
from assistant.claims.reading.furniture import mask_dateline
from assistant.settings import default_cache


def read(sentence: str, context: str | None = None, outlet: str | None = None) -> SentenceReading:
    numbers = [m for m in find_numbers(sentence) if m.kind in QUANTITY_KINDS]
    texts = [sentence] + ([context] if context else [])
    docs = list(nlp.parse(default_cache(), texts))
    return read_sentence(sentence, numbers, docs[0], docs[1] if context else None, outlet)


def figures(sentence: str, **kwargs: str) -> dict[str, FigureReading]:
    return {f.mention.surface: f for f in read(sentence, **kwargs).figures}


@pytest.fixture(autouse=True, scope="module")
def _pipeline() -> None:
    if not nlp.fetch.is_present(default_cache(), nlp.registry.get_artifact(nlp.PIPELINE)):
        pytest.fail("the parser's pipeline is not set up: run `factcheck setup` first")


@pytest.mark.parametrize(
    ("sentence", "surface", "counted", "kind"),
    [
        ("The death toll from the storm has increased to 57, officials said.", "57",
         "death toll", "deaths"),
        ("Casualties in the two valleys have reached 140.", "140", "Casualties", "casualties"),
        ("Death toll in Orrin Bay ferry fire rises to 28", "28", "Death toll", "deaths"),
        ("Ninety nine people were killed in Tamsk.", "Ninety nine", "people killed", "deaths"),
        ("The blast killed at least 12 workers.", "12", "workers killed", "deaths"),
        ("The fire claimed 70 lives.", "70", "lives", "deaths"),
        ("12 people are still missing.", "12", "people missing", "missing"),
        ("A total of 2,000 residents were evacuated.", "2,000", "residents evacuated",
         "evacuated"),
        ("The number of dead stood at 70 on Friday.", "70", "number of dead", "deaths"),
        ("He said 1.9 lakh people had been displaced.", "1.9 lakh", "people displaced",
         "displaced"),
        ("Police said 300 houses were destroyed.", "300", "houses destroyed", "house"),
        ("Officials said 4,500 soldiers had arrived.", "4,500", "soldiers arrived", "soldier"),
    ],
)  # fmt: skip
def test_what_a_number_counts_comes_from_the_parse(
    sentence: str, surface: str, counted: str, kind: str
) -> None:
    found = figures(sentence)
    assert surface in found, (sentence, list(found))
    assert found[surface].counted.text == counted
    assert found[surface].counted.kind == kind


@pytest.mark.parametrize(
    ("sentence", "surface", "kind"),
    [
        ("The death toll from the ferry fire soared past 3,700 Monday.", "3,700", "deaths"),
        ("ORRIN BAY, Aug 4 (Reuters) - The death toll from the ferry fire has climbed to 28.",
         "28", "deaths"),
        ("The fresh fatality brought to 38 the death toll from the storm.", "38", "deaths"),
        ("14 killed, 35 injured in Harlan train collision", "35", "injured"),
        ("At least 3,785 people have been killed and 12,493 wounded in the strikes.", "12,493",
         "injured"),
        ("Eighty people were killed and more than 140 people sustained injuries.", "140",
         "injured"),
        ("The flood has claimed the lives of 12 people.", "12", "deaths"),
        ("The attack left 49 militants dead.", "49", "deaths"),
    ],
)  # fmt: skip
def test_kinds_where_the_parse_alone_misleads(sentence: str, surface: str, kind: str) -> None:
    assert figures(sentence)[surface].counted.kind == kind


def test_a_size_or_age_joined_by_a_hyphen_is_no_figure_and_not_what_is_counted() -> None:
    reading = read("As many as eight million 122-mm and 152-mm shells have been supplied.")
    assert [(m.surface, why) for m, why in reading.furniture] == [
        ("122-mm", "size"),
        ("152-mm", "size"),
    ]
    (shells,) = reading.figures
    assert (shells.mention.value, shells.counted.text) == (8_000_000, "shells supplied")
    assert shells.mention.hedge == "as many as"
    # an age is a duration to the number scanner: never a candidate figure at all
    assert list(figures("A 12-year-old boy was among 40 killed.")) == ["40"]
    assert [m.surface for m, _ in read("A 7-storey building collapsed.").furniture] == ["7"]
    # a count joined to a countable noun stays a figure
    assert "100,000" in figures("The 100,000-soldier army lost 300 men.")


def test_saved_lives_are_not_deaths() -> None:
    assert figures("Rescuers saved the lives of 12 people.")["12"].counted.kind != "deaths"


def test_killed_and_injured_share_the_counted_noun() -> None:
    found = figures(
        "At least 128 people were killed and over 140 injured, according to the Varn Red "
        "Crescent Society in a preliminary report."
    )
    assert found["128"].counted.kind == "deaths"
    assert found["140"].counted.kind == "injured"
    assert found["140"].counted.text == "people injured"
    assert found["128"].mention.hedge == "at least"
    for f in found.values():
        assert f.attribution.asserter == "Varn Red Crescent Society"


def test_kinds_group_deaths_and_keep_injuries_apart() -> None:
    deaths = {kind_of(s, [], n) for s, n in [("kill", "people"), ("die", None), (None, "fatality"),
                                              ("dead", "people"), ("recover", "body")]}  # fmt: skip
    assert deaths == {"deaths"}
    assert kind_of(None, ["death"], "toll") == "deaths"
    assert kind_of("lose", [], "life") == "deaths"
    assert kind_of("save", [], "life") != "deaths"
    assert {kind_of(s, [], "people") for s in ("injure", "hurt", "wound")} == {"injured"}


def test_the_official_who_told_an_agency_is_the_asserter_and_the_agency_the_carrier() -> None:
    (figure,) = figures(
        "Mira Thapa Kesh, the Chief District Officer of Dolan East, told Reuters that 36 "
        "people had died."
    ).values()
    assert (
        figure.attribution.asserter == "Mira Thapa Kesh, the Chief District Officer of Dolan East"
    )
    assert figure.attribution.carrier == "Reuters"


def test_according_to_a_wire_agency_is_a_carrier_not_an_asserter() -> None:
    (figure,) = figures("According to Reuters, 40 people were injured.").values()
    assert figure.attribution.asserter is None
    assert figure.attribution.carrier == "Reuters"


def test_a_statement_released_by_a_body_is_the_body_s() -> None:
    (figure,) = figures(
        "According to a statement released by the Harlow Coast Guard on Telegram, 14 sailors "
        "were rescued."
    ).values()
    assert figure.attribution.asserter == "Harlow Coast Guard"
    assert figure.counted.kind == "rescued"


def test_a_pronoun_takes_the_asserter_of_the_sentence_before() -> None:
    (figure,) = figures(
        "He said 19 136 hectares had burned.",
        context="Fire chief Dana Orlov spoke to reporters on Sunday evening.",
    ).values()
    assert figure.mention.value == 19136
    assert figure.attribution.asserter is None  # the sentence before attributes nothing
    (figure,) = figures(
        "He said 19 136 hectares had burned.",
        context="Fire chief Dana Orlov said the blaze was still spreading.",
    ).values()
    assert figure.attribution.asserter == "Fire chief Dana Orlov"
    assert figure.attribution.from_context


def test_a_headline_colon_names_the_source() -> None:
    (figure,) = figures("Valley spy chief: 11,000 soldiers ready to march").values()
    assert figure.attribution.asserter == "Valley spy chief"


def test_a_headline_source_after_a_closing_colon() -> None:
    found = figures("15 Soldiers Killed, Six Missing In Harlan Attack: Ministry")
    assert {f.attribution.asserter for f in found.values()} == {"Ministry"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Hirankot: The death toll in the floods has reached 37.",
        "HIRANKOT : At least 18 people were killed when a bus fell into a gorge.",
        "Hirankot, Aug 4: The death toll in the floods has reached 37.",
        "Orrin Bay fire: Death toll rises to 28",
        "Orrin Valley Floods: 11 Dead",
    ],
)
def test_a_dateline_or_topic_before_a_colon_is_no_asserter(sentence: str) -> None:
    assert {f.attribution.asserter for f in figures(sentence).values()} == {None}


def test_the_subject_nearest_the_reporting_verb_is_the_asserter() -> None:
    (figure,) = figures(
        "ORRINFORD: The death toll rose to 19 on Tuesday, Relief Minister Tomas Vell said."
    ).values()
    assert figure.attribution.asserter == "Relief Minister Tomas Vell"
    found = figures("Orrin floods: 17 of 19 dead from Tarn, says collector")
    assert {f.attribution.asserter for f in found.values()} == {"collector"}


def test_a_pronoun_is_never_the_asserter() -> None:
    (figure,) = figures(
        "“I’ve had reports of villages where 70 per cent of the houses were destroyed,” he said.",
        context="Mira Kesh, the district officer, said the roads were still closed.",
    ).values()
    assert figure.attribution.asserter == "Mira Kesh, the district officer"
    numbers = find_numbers("I’ve had reports that 70 houses burned,” he said.")
    (doc,) = nlp.parse(default_cache(), ["I’ve had reports that 70 houses burned,” he said."])
    # an attribution frame found without the parse offers "I’ve": refused, nobody is named
    reading = read_sentence("I’ve had reports that 70 houses burned,” he said.", numbers, doc,
                            framed="I’ve")  # fmt: skip
    assert reading.statement.asserter is None
    assert is_pronoun("I’ve")
    assert is_pronoun("They")
    assert not is_pronoun("Theodora Vance")


def test_a_participle_headline_has_no_asserter() -> None:
    assert read("Troop Movements Confirmed?").statement.asserter is None


def test_the_final_figure_is_left_open_for_the_model() -> None:
    reading = read("Some estimates suggest the final figure could reach 12,000.")
    assert reading.figures == []
    assert [m.surface for m in reading.open] == ["12,000"]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("2 MIN READ", "read-time"),
        ("Updated 5 hours ago", "timestamp"),
        ("Photo 3 of 12", "counter"),
        ("1,204 comments", "counter"),
        ("By Asha Rell | Published 14 minutes ago", "timestamp"),
        ("More photos on page 3.", "counter"),
        ("KST: 1051 HRS, JUL 02, 2031", "timestamp"),
    ],
)
def test_page_furniture_is_never_a_figure(sentence: str, reason: str) -> None:
    reading = read(sentence)
    assert reading.figures == []
    assert reading.open == []
    # a read-time or an age ("2 MIN", "5 hours ago") is a duration to the scanner, so no
    # candidate at all; any other number is refused as furniture
    durations = all(m.kind == "duration" for m in find_numbers(sentence))
    assert durations or reason in {r for _, r in reading.furniture}


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("By Tuesday evening, 40 people had died, the county said.", "40"),
        ("By Thursday 12 bridges had been closed.", "12"),
        ("Investors sold 1,200 shares of the ferry operator on Monday, the exchange said.",
         "1,200"),
        ("The inquiry received 340 comments from residents before it closed in March.", "340"),
    ],
)  # fmt: skip
def test_news_that_looks_like_furniture_stays_a_figure(sentence: str, surface: str) -> None:
    reading = read(sentence)
    assert reading.furniture == []
    assert surface in {f.mention.surface for f in reading.figures}


def test_a_dateline_date_is_not_a_count_and_its_agency_is_the_carrier() -> None:
    text = "ORRIN BAY, Aug 4 (Reuters) - A ferry fire killed 28 people on Monday.\nMore text."
    assert dateline_carrier(text) == "Reuters"
    assert dateline_carrier("Fire in the harbour\nA ferry burned.") is None
    assert [m.kind for m in find_numbers("date 2031-05-12 WORLD")] == ["date"]


def test_agencies_and_the_outlet_itself_are_carriers() -> None:
    assert is_agency("Reuters")
    assert is_agency("the Associated Press")
    assert is_agency("Press Trust of India")
    assert is_agency("Kestrel news agency")
    assert is_agency("The Harbour Courier", outlet="Harbour Courier")
    assert not is_agency("the Harbour Coast Guard")


@pytest.mark.parametrize(
    ("sentence", "surface", "why"),
    [
        ("The district received 286 mm of rain, nearly six times the normal.", "six", "multiplier"),
        ("The dam, about 40 km upstream, released water.", "40 km", "distance"),
        ("The village lies 12 km north of the town, and 30 people died.", "12 km", "distance"),
        ("($1 = 83.9000 Indian rupees)", "83.9000", "rate"),
        ("👁 2,341 | 💬 18 | Share", "2,341", "counter"),
        ("A magnitude 6.4 earthquake struck, killing two people.", "6.4", "magnitude"),
        ("The 7.1-magnitude quake killed 94 people.", "7.1", "magnitude"),
        ("The quake struck 22 km (14 miles) northeast of the city.", "14 miles", "distance"),
        ("Salvatore Petrucci, 77, said 40 people died.", "77", "age"),
        ("The school for children aged 3 to 14 collapsed.", "3 to 14", "age"),
        ('"Near the danger area, one cannot even walk.', "one", "pronoun"),
        ("Helpline - Tatanagar: 06572290324, Kalyan: 0251-2311499", "06572290324", "phone"),
        ("IE 11 is not supported. For an optimal experience visit our site.", "11", "browser"),
    ],
)  # fmt: skip
def test_numbers_that_count_nothing_are_no_figures(sentence: str, surface: str, why: str) -> None:
    reading = read(sentence)
    assert (surface, why) in [(m.surface, reason) for m, reason in reading.furniture]
    assert surface not in {f.mention.surface for f in reading.figures}


def test_a_length_that_is_the_news_stays_a_figure() -> None:
    assert "2 km" in figures("Floods washed away 2 km of road, officials said.")
    # a number after a place is no age: "Araria, 12" lists a district's toll
    assert "12" not in {m.surface for m, _ in read("Deaths: Araria, 12, Purnea, 9.").furniture}


def test_durations_and_clock_times_are_never_candidates() -> None:
    sentence = "The district received 286 mm of rain in the 24 hours ending 8.30 am on Monday."
    assert list(figures(sentence)) == ["286 mm"]
    kinds = {m.surface: m.kind for m in find_numbers("after three days of rain, at 11.47 pm")}
    assert kinds == {"three": "duration", "11.47 pm": "time"}


@pytest.mark.parametrize(
    ("sentence", "surface", "counted", "kind"),
    [
        ("Seventeen of the 19 people who have died were from the district, officials said.",
         "Seventeen", "people died", "deaths"),
        ("Three of the dead were children, the collector said.", "Three", "dead", "deaths"),
        ("Kolwade said 1.9 lakh people had been moved to 312 relief camps.", "1.9 lakh",
         "people moved", "displaced"),
        ("About 90,000 people remained in relief camps, officials said.", "90,000", "people",
         "displaced"),
        ("More than 2,000 people were ordered to leave their homes.", "2,000", "people ordered",
         "evacuated"),
        ("The agency put the damage at Rs 980 crore.", "Rs 980 crore", "damage", "losses"),
        ("Police said 14 people had died and 60 were missing.", "60", "missing", "missing"),
        ("Officials said 29 people were confirmed dead.", "29", "people dead", "deaths"),
        ("Authorities evacuated 8 400 people, many of whom are sleeping in cars.", "8 400",
         "people evacuated", "evacuated"),
        ("About 6,500 residents remained under evacuation orders.", "6,500", "residents",
         "evacuated"),
        ("Rescuers pulled 138 survivors from the water.", "138", "survivors", "rescued"),
        ("Rescue teams had pulled out more than 7,000 people.", "7,000", "people", "rescued"),
        ("The collector said 62 boats had rescued 3,500 people.", "62", "boats", "boat"),
        ("Three soldiers killed 12 militants, the army said.", "Three", "soldiers", "soldier"),
        ("The state sought Rs 1,200 crore in central assistance.", "Rs 1,200 crore",
         "central assistance", "requested"),
        ("The agency said 612 structures had been destroyed, 438 of them homes.", "438",
         "homes", "home"),
        ("The number of people reported missing has dropped to 40, a spokeswoman said.", "40",
         "number of people reported missing", "missing"),
        ("The hospital has treated 57 patients for fire-related injuries.", "57", "patients",
         "injured"),
        ("The hospital had treated 41 people for burns and smoke inhalation.", "41", "people",
         "injured"),
    ],
)  # fmt: skip
def test_what_a_part_a_shelter_an_order_or_an_estimate_counts(
    sentence: str, surface: str, counted: str, kind: str
) -> None:
    figure = figures(sentence)[surface]
    assert (figure.counted.text, figure.counted.kind) == (counted, kind)


@pytest.mark.parametrize(
    ("sentence", "surface", "kind"),
    [
        ("The agency put the damage at Rs 980 crore.", "Rs 980 crore", "losses"),
        ("The ministry estimated the losses to crops and roads at $45 million.", "$45 million",
         "losses"),
        ("The council has asked the government for 3 billion euros to rebuild bridges.",
         "3 billion euros", "requested"),
        ("Farmers demanded Rs 25,000 an acre in compensation.", "Rs 25,000", "requested"),
        # what the sum is may be the subject of the verb it completes
        ("She said the flood damage had reached Rs 980 crore.", "Rs 980 crore", "losses"),
        # not money: what was damaged or asked stays the counted noun
        ("Officials said 500 houses were damaged.", "500", "house"),
        ("Police asked 3,000 residents to leave.", "3,000", "resident"),
    ],
)  # fmt: skip
def test_a_sum_of_money_is_a_loss_or_a_request_by_what_it_is_or_the_verb(
    sentence: str, surface: str, kind: str
) -> None:
    assert figures(sentence)[surface].counted.kind == kind


def test_an_estimate_is_credited_but_a_dam_releasing_water_says_nothing() -> None:
    assert (
        figures("The agency put the damage at Rs 980 crore.")["Rs 980 crore"].attribution.asserter
        == "The agency"
    )
    said = figures(
        "Officials said the dam had released water after its level reached 97% of capacity."
    )
    assert said["97%"].attribution.asserter == "Officials"


def test_a_participle_of_speech_is_said_by_the_subject_of_its_clause() -> None:
    sentence = "The coast guard scaled back its search, saying 29 people were confirmed dead."
    assert figures(sentence)["29"].attribution.asserter == "The coast guard"


@pytest.mark.parametrize(
    ("sentence", "surface", "asserter"),
    [
        # a subordinate clause's speaker says nothing of the main clause
        ("Deaths stood at 12 in Araria and nine in Purnea while Katihar has reported no "
         "casualties.", "12", None),
        ("At least 2,000 people took shelter in 36 centres, according to data from the "
         "ministry.", "2,000", "the ministry"),
        ("Cyclone Phailin: 500,000 homes evacuated as storm pounds coast", "500,000", None),
        ("The department has put the number of people affected by the floods at 81.57 lakh.",
         "81.57 lakh", "The department"),
        # the possessor of the document that reports it
        ("The port authority's revised assessment put the damage at $12 million.",
         "$12 million", "The port authority"),
    ],
)  # fmt: skip
def test_who_says_it_past_clauses_documents_and_storms(
    sentence: str, surface: str, asserter: str | None
) -> None:
    assert figures(sentence)[surface].attribution.asserter == asserter


def test_a_wire_dateline_is_blanked_for_the_parser_and_offsets_stay() -> None:
    sentence = "BHUBANESWAR, India - At least four people were killed and 25 injured Saturday."
    masked = mask_dateline(sentence)
    assert len(masked) == len(sentence)
    assert masked.lstrip().startswith("At least four")
    assert (
        mask_dateline("Hirankot, Aug 3 (PTI) Seventeen of the 19 people died.").lstrip()[:9]
        == "Seventeen"
    )
    # a name with a hyphen, an organisation with its acronym: no dateline
    for kept in ("OVD-Info, a monitor, said 779 people were detained.",
                 "The State Disaster Management Authority (SSDMA) said 11 died."):  # fmt: skip
        assert mask_dateline(kept) == kept


def test_an_attribution_frame_inside_a_subordinate_clause_names_nobody() -> None:
    from assistant.claims.candidates import attributed

    text = "Deaths stood at 12 in Araria while Katihar has reported no casualties."
    assert attributed(text, ("Katihar",)) is None
    assert attributed("Katihar has reported 12 deaths.", ("Katihar",)) == "Katihar"


def test_an_authority_doing_what_is_counted_is_its_source_but_a_flood_is_not() -> None:
    assert figures("Authorities have evacuated 8 400 people.")["8 400"].attribution.asserter == (
        "Authorities"
    )
    assert figures("Floods killed 12 people on Sunday.")["12"].attribution.asserter is None


def test_a_relative_clause_is_no_part_of_the_asserter() -> None:
    sentence = (
        "Leader of the Opposition Rukmini Shelar, who visited relief camps in Nandgiri on "
        "Thursday, alleged that more than 40 people had died."
    )
    assert figures(sentence)["40"].attribution.asserter == "Leader of the Opposition Rukmini Shelar"


@pytest.mark.parametrize(
    ("sentence", "surface", "counted", "kind", "asserter"),
    [
        # an earlier value, "up from": the figure it revises says what it counts
        ("Forty people remain missing, the county said on Friday, up from 22 a day earlier.",
         "22", "people missing", "missing", "the county"),
        # a measure naming nothing of its own, with another figure in the sentence
        ("About 900 workers have already left, and officials said the final figure could "
         "reach 4,000.", "4,000", "workers left", None, "officials"),
        # whoever issued the estimate is its source
        ("The board put the losses at $80 million, double the insurer's first estimate "
         "of $40 million.", "$40 million", "losses", "losses", "the insurer"),
        # a part of an earlier figure
        ("The agency said 300 people were treated for burns, and 25 of them were in "
         "critical condition.", "25", "people treated", "injured", "The agency"),
    ],
)  # fmt: skip
def test_a_figure_that_refers_back_counts_what_its_sentence_counts(
    sentence: str, surface: str, counted: str, kind: str | None, asserter: str
) -> None:
    figure = figures(sentence)[surface]
    assert figure.counted.text == counted
    if kind is not None:
        assert figure.counted.kind == kind
    assert figure.attribution.asserter == asserter


def test_a_copula_says_what_a_number_counts() -> None:
    assert figures("Two were children.")["Two"].counted.text == "children"
    share = figures("The blaze was 40 percent contained on Sunday, the forest service said.")
    assert share["40 percent"].counted.text == "blaze contained"


def test_a_difference_between_figures_is_no_figure() -> None:
    reading = read("The operator now says 180 people were on board, four more than it first said.")
    assert [f.mention.surface for f in reading.figures] == ["180"]
    assert [(m.surface, why) for m, why in reading.furniture] == [("four", "difference")]


def test_a_list_shares_the_counted_noun_and_a_headline_number_its_state() -> None:
    found = figures("The storm claimed 12 lives in Arlo, five in Brisk and one in Caddon.")
    assert {s: f.counted.kind for s, f in found.items()} == {
        "12": "deaths", "five": "deaths", "one": "deaths"
    }  # fmt: skip
    assert figures("At least 30 killed in bus crash")["30"].counted.kind == "deaths"
    listed = figures(
        "Death figures remained unchanged for three other districts Orlan (12), Brisk (nine) "
        "and Caddon (two)."
    )
    assert {s: f.counted.kind for s, f in listed.items() if s != "three"} == {
        "12": "deaths", "nine": "deaths", "two": "deaths"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "asserter"),
    [
        # a second verb sharing the subject
        ("The airline's chief executive, Mara Quist, apologised to the families and said the "
         "airline would cooperate.", "The airline's chief executive, Mara Quist"),
        # a pronoun inside a relative clause stands for the main clause's subject
        ("Farmers' unions have demanded an inquiry into the dam release, which they say "
         "worsened the flooding.", "Farmers' unions"),
        # a reporting clause joined to the main one
        ("Rain has eased since Monday, but the weather office has warned of fresh storms.",
         "the weather office"),
        # a conjunct inside reported speech keeps the speaker of the whole
        ("Aid groups say the evacuation saved lives, but warn that many will need help.",
         "Aid groups"),
    ],
)  # fmt: skip
def test_who_says_a_sentence_without_figures(sentence: str, asserter: str) -> None:
    said = read(sentence).statement
    assert (said.asserter, said.unnamed) == (asserter, False)


@pytest.mark.parametrize(
    "sentence",
    [
        "Returning residents were told to boil their water.",
        "Crews cut new lines overnight, and residents were told they could return.",
        "Evacuation Orders Confirmed?",
        "Did the warning come too late?",
    ],
)
def test_a_sentence_naming_no_speaker_is_settled_by_the_parse(sentence: str) -> None:
    said = read(sentence).statement
    assert said.asserter is None
    assert said.unnamed
