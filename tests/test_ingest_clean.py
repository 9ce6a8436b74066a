"""Boilerplate cleaning: general page-chrome rules remove it, and article text survives."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.clean import clean_text
from assistant.ingest.rules import LINE_RULES, timestamp

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed(name: str) -> str:
    (path,) = SEEDS.glob(f"{name}_*.txt")
    return path.read_text(encoding="utf-8")


# --- the sample articles -----------------------------------------------------------------


def test_seed_001_page_chrome_is_removed_and_the_report_kept() -> None:
    result = clean_text(seed("001"))
    text = result.text
    for chrome in (
        "Copyright ©",
        "Privacy and Cookie Policies",
        "When referencing our materials",
        "Become a Patron",
        "ad blocker",
        "Related",
        "Ctrl + Enter",
        "suggest a correction",
        "Photo via Wikimedia",
        "International Renaissance Foundation",  # sponsor line between chrome lines
    ):
        assert chrome not in text, chrome
    headline = (
        "Ukraine’s spy chief: 11,000 North Korean soldiers will be ready to fight "
        "against Ukraine starting from November"
    )
    assert text.startswith(headline + "\n\n")
    assert text.count(headline) == 1  # the repeated headline is dropped, the first kept
    assert (
        "The head of Ukraine’s Main Intelligence Directorate, Kyrylo Budanov, has said that "
        "about 11,000 North Korean infantrymen are currently undergoing training in eastern "
        "Russia." in text
    )
    assert "The first cadre of 2,600 soldiers will go to the Kursk Oblast" in text
    assert text.endswith("the expert wondered.")
    assert result.removed_lines == 15
    assert result.removed_by_rule == {
        "appeal": 2,
        "caption": 2,
        "copyright": 1,
        "correction": 3,
        "duplicate": 1,
        "fragment": 2,
        "privacy": 1,
        "related": 2,
        "reprint": 1,
    }


def test_seed_000_embedded_post_is_kept_and_marked_and_link_header_removed() -> None:
    result = clean_text(seed("000"))
    text = result.text
    assert "Expanded Coverage" not in text
    assert "Russia could receive up to 12,000 North Korean troops" in text
    assert "around 10,000 North Korean troops are currently training" in text
    assert result.removed_lines == 1
    assert len(text.split("\n")) == 6  # the four article paragraphs, the post, its attribution
    ((start, end),) = result.posts
    post = text[start:end]
    assert post.startswith("I had a call with the @President_KR of the Republic of Korea")
    assert post.endswith("(@ZelenskyyUa) October 29, 2024")


def test_seed_002_trailing_also_read_link_is_removed() -> None:
    original = seed("002")
    result = clean_text(original)
    assert "ALSO READ" not in result.text
    assert result.removed_lines == 1
    assert result.text == original[: original.index("ALSO READ")].rstrip()
    assert "North Korean Troop Movements Confirmed?" in result.text  # subheadings stay


@pytest.mark.parametrize("name", ["003", "004"])
def test_clean_articles_pass_through_unchanged(name: str) -> None:
    original = seed(name)
    result = clean_text(original)
    assert result.removed_lines == 0
    assert result.text == original.strip()


def test_kirby_sentence_survives() -> None:
    text = clean_text(seed("003")).text
    assert (
        "On Wednesday, John Kirby, the spokesperson for the U.S. National Security Council, "
        "informed reporters that at least 3,000 North Korean soldiers had arrived in eastern "
        "Russia in October." in text
    )


def test_cleaning_is_deterministic_and_idempotent() -> None:
    once = clean_text(seed("001"))
    assert clean_text(seed("001")) == once
    assert clean_text(once.text).text == once.text


# --- each rule, on generic page chrome ------------------------------------------------------

ARTICLE = "Officials said on Monday that 4,000 troops had arrived near the border."


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("© 2023 Example Media Group", "copyright"),
        ("Copyright 2021 The Daily Planet. All rights reserved.", "copyright"),
        ("(c) 2019 Some Outlet Ltd", "copyright"),
        ("All rights reserved.", "copyright"),
        ("Text and photos © 2024 Example Media", "copyright"),
        ("Privacy Policy | Terms of Use | Cookie Settings", "privacy"),
        ("Privacy and Cookie Policies.", "privacy"),
        (
            "We use cookies to give you the best experience. By continuing to browse you "
            "agree to our use of cookies.",
            "privacy",
        ),
        ("This material may not be published, broadcast, rewritten or redistributed.", "reprint"),
        (
            "When quoting our materials, a direct hyperlink to the original is required.",
            "reprint",
        ),
        ("Subscribe", "appeal"),
        ("Support our journalism: become a member today.", "appeal"),
        ("Please disable your ad blocker to continue reading.", "appeal"),
        (
            "Independent journalism costs money. For as little as one cup of coffee a month "
            "you can donate and keep our newsroom going.",
            "appeal",
        ),
        ("Spotted a typo? Highlight it and press Ctrl+Enter.", "correction"),
        ("To report an error, contact us here.", "correction"),
        ("Related Stories", "related"),
        ("Read more:", "related"),
        ("## You may also like", "related"),
        ("Read more: Ceasefire talks stall in Doha", "related"),
        ("Photo: Reuters", "caption"),
        ("Image: screenshot from video", "caption"),
        ("Troops at a training ground. Photo via Defense Ministry", "caption"),
        (
            "Flood-hit residents queue for drinking water in Tarsk, Ostravia, March 4, 2031. "
            "REUTERS/Ilse Brandt",
            "caption",
        ),
        ("Rescuers carry a boy through a flooded street in Tarsk. (AP Photo/Ana Souza)", "caption"),
    ],
)
def test_boilerplate_line_is_removed(line: str, rule: str) -> None:
    assert LINE_RULES[rule](line)
    result = clean_text(f"{ARTICLE}\n\n{line}\n\n{ARTICLE.replace('4,000', '5,000')}")
    assert line not in result.text
    assert result.removed_by_rule.get(rule) == 1
    assert ARTICLE in result.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States pledged continued support for Ukraine, a spokesperson said.",
        "Seoul may reconsider its policy of not providing direct military support to Kyiv.",
        "Related talks in Geneva ended on Friday without an agreement, diplomats said.",
        "Officials said the incidents were related to a drone attack near Kursk.",
        "The copyright dispute over the footage was settled out of court in 2023.",
        "Copyright holders sued the company in a federal court, the filing shows.",
        "The foundation said it would donate $5 million to rebuild the hospital.",
        "Subscribers to the state channel saw the broadcast on Tuesday.",
        "The regulator said the new privacy policy violates EU law.",
        "Ukraine published footage via Telegram showing the column.",
        "Photos by the agency showed troops near the border on Sunday.",
        "Read more about the deal in the official statement, Peskov told reporters.",
        "“We need your support,” Zelensky told lawmakers in Seoul.",
        "The newspaper refused permission to reprint the cartoon.",
        "Officials told Reuters/Ipsos pollsters in March that 40 percent backed the plan.",
        "The AP/NORC poll found that most residents had been warned, the agency said.",
        "“Support us, or we will not hold the line,” the commander told the visiting senators.",
    ],
)
def test_ordinary_sentences_mentioning_trigger_words_survive(sentence: str) -> None:
    assert not any(rule(sentence) for rule in LINE_RULES.values())
    text = f"Headline about the war\n\n{sentence}\n\n{ARTICLE}"
    result = clean_text(text)
    assert result.text == text
    assert result.removed_lines == 0


# --- context rules ---------------------------------------------------------------------------


def test_link_list_under_a_header_is_removed() -> None:
    text = (
        f"{ARTICLE}\n\nRelated Posts\n\nRussia denies deploying foreign troops\n"
        "Seoul summons Russian ambassador\n\nThe talks resumed on Tuesday, officials said."
    )
    result = clean_text(text)
    assert result.text == f"{ARTICLE}\n\nThe talks resumed on Tuesday, officials said."
    assert result.removed_by_rule == {"related": 3}


def test_bulleted_link_list_is_removed_even_with_one_item() -> None:
    text = f"{ARTICLE}\n\nSee also:\n- Seoul summons Russian ambassador\n\nMore text follows here."
    assert clean_text(text).text == f"{ARTICLE}\n\nMore text follows here."


def test_story_cards_after_a_separator_are_removed_to_the_end() -> None:
    cards = (
        "-\n"
        "Six hurt as ferry hits pier\n"
        "The vessel struck the jetty at low tide while docking in the harbour Local News -\n"
        "90 flights cancelled in storm\n"
        "Airlines grounded planes across the region as winds reached Weather -\n"
        "Bridge closes for repairs after 12\n"
        "Engineers found cracks in two of the"
    )
    result = clean_text(f"{ARTICLE}\n{cards}")
    assert result.text == ARTICLE
    assert result.removed_by_rule == {"related": 7}


def test_a_section_break_and_a_dash_in_reporting_are_kept() -> None:
    text = (
        f"{ARTICLE}\n\n* * *\n\nThe mayor said 40 schools would reopen - but not all.\n"
        "Crews worked through the night, the Fire Service -"
    )
    result = clean_text(text)
    assert "40 schools would reopen" in result.text
    assert "the Fire Service -" in result.text  # one line ending in a label is not a card list


def test_single_unbulleted_line_after_a_header_mid_article_is_kept() -> None:
    text = f"{ARTICLE}\n\nRead more\n\nA section heading of the article\n\n{ARTICLE[:-1]} again."
    result = clean_text(text)
    assert "A section heading of the article" in result.text
    assert result.removed_lines == 1


def test_embedded_posts_are_kept_as_text_and_marked() -> None:
    post = "We have just met our partners in Brussels and I thanked them for the support and…"
    attribution = "— Some Minister (@someminister) October 29, 2024"
    text = f"{ARTICLE}\n{post}\n\n{attribution}\nThe minister later left."
    result = clean_text(text)
    assert result.text == text
    assert result.removed_lines == 0
    ((start, end),) = result.posts
    assert result.text[start:end] == f"{post}\n\n{attribution}"
    # an attribution with no post above it (a blank line too many) is marked alone
    alone = clean_text(f"{post}\n\n\n{attribution}")
    assert alone.text == f"{post}\n\n{attribution}"
    ((start, end),) = alone.posts
    assert alone.text[start:end] == attribution
    # chrome above an attribution is not the post
    chrome = clean_text(f"{ARTICLE}\nAll rights reserved.\n{attribution}")
    ((start, end),) = chrome.posts
    assert chrome.text[start:end] == attribution


def test_later_duplicates_are_dropped_only_as_page_chrome() -> None:
    headline = "North Korean troops reach the front line"
    text = f"{headline}\n\n{ARTICLE}\n\n***\n\n{headline}\n\n***\n\nEnd of report from Kyiv."
    result = clean_text(text)
    assert result.text.count(headline) == 1  # the headline again
    assert result.text.count("***") == 2  # short repeats are never dropped
    assert result.removed_by_rule == {"duplicate": 1}
    caption = "Soldiers unload boxes at a depot near the border"
    twice = clean_text(f"{ARTICLE}\n\n{caption}\n{caption}\n\nMore reporting followed today.")
    assert twice.text.count(caption) == 1  # a line right after its twin
    between = clean_text(
        f"{ARTICLE}\n\n{caption}\n\nAll rights reserved.\n{caption}\nPrivacy Policy"
    )
    assert between.text.count(caption) == 1  # a repeat inside the footer's chrome


def test_lines_an_article_really_repeats_are_kept() -> None:
    steps = ["Add two cups of flour to the bowl", "Stir the mixture for five minutes"]
    text = "\n".join(
        ["Bread for beginners", "First loaf:", *steps, "Second loaf, with seeds:", *steps]
    )
    result = clean_text(text)
    assert result.text == text
    assert result.removed_lines == 0
    refrain = "“We will not leave,” the residents chanted outside the town hall."
    speech = f"Protest in Lyon\n{refrain}\n{ARTICLE}\n{refrain}\nThe council did not respond."
    assert clean_text(speech).text == speech


def test_fragment_between_chrome_is_removed_but_not_at_the_edges() -> None:
    text = f"{ARTICLE}\n\nPrivacy Policy\n\nThe Daily Example\n\nAll rights reserved."
    assert clean_text(text).text == ARTICLE
    # a short headline at the top, followed by chrome, is not a fragment
    text = f"Troops arrive in Kursk\n\nPrivacy Policy\n\n{ARTICLE}"
    assert clean_text(text).text == f"Troops arrive in Kursk\n\n{ARTICLE}"


def test_whitespace_is_tidied_and_paragraphs_kept() -> None:
    text = f"\n\n  \n{ARTICLE}   \n\n\n\n\n# Heading\n\n- item one\n- item two\t\n\n\n"
    result = clean_text(text)
    assert result.text == f"{ARTICLE}\n\n# Heading\n\n- item one\n- item two"
    assert result.removed_lines == 0


def test_empty_and_blank_text() -> None:
    assert clean_text("").text == ""
    assert clean_text(" \n\t\n").text == ""
    assert clean_text("Copyright © 2024 Example").text == ""


# --- captions and doubled lines of real pages ----------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "Crews clear a road near the ridge on Monday. Credit: PA",
        "Volunteers sort medicine at a centre in Tarn, May 21, 2031.Credit: Lee Park/Harbour Wire",
        "A road damaged after the flood at Vell on Aug 10, 2031. (PTI Photo)",
        "Staff photo: Max Ward.",
        "Photo courtesy: Valley Legal Live",
    ],
)
def test_a_caption_with_its_credit_label_goes(caption: str) -> None:
    text = f"Storm cuts power\n\n{caption}\n\nOfficials said 40,000 homes had lost power."
    result = clean_text(text)
    assert caption not in result.text
    assert result.removed_by_rule == {"caption": 1}


def test_the_copy_of_a_caption_above_its_credited_twin_goes_too() -> None:
    caption = "Rescuers search the rubble of a school in the capital, 20 May 2031."
    credited = f"{caption} Credit: Courtesy of Harbour Aid"
    text = f"Quake hits Veland\n\n{caption}\n{credited}\n\nThe quake hit at noon."
    result = clean_text(text)
    assert caption not in result.text
    assert result.text == "Quake hits Veland\n\nThe quake hit at noon."


def test_one_text_twice_on_a_line_goes() -> None:
    for doubled in ("Remains of a building after the quake. Remains of a building after the quake.",
                    "Send by mailSend by mail"):  # fmt: skip
        result = clean_text(f"Quake hits Veland\n\n{doubled}\n\nThe quake hit at noon.")
        assert result.removed_by_rule == {"doubled": 1}, doubled


@pytest.mark.parametrize(
    "reporting",
    [
        "Credit card spending fell by 4% in May, the bank said.",
        "The credit: a loan of $40 million from the state bank.",
        "He said the credit was due to the rescuers.",
        "The photo was taken by a resident and shared online.",
        "Police said the police said nothing more.",  # a repeat inside a sentence
        "It rained. It rained.",  # halves of fewer than three words
    ],
)
def test_reporting_that_looks_like_a_credit_or_a_twin_stays(reporting: str) -> None:
    text = f"Storm cuts power\n\n{reporting}\n\nOfficials said 40,000 homes had lost power."
    assert reporting in clean_text(text).text


@pytest.mark.parametrize(
    "stamp",
    [
        "Saturday, October 20, 2031",
        "Updated: May 17th, 2031, 14:41 IST",
        "PUBLISHED ON FEB 02, 2031 12:02 AM IST",
        "updated 5:40 AM EDT, Fri November 4, 2031",
        "Last modified: 25 October, 2031, 11:58 am",
        "Friday, August 4, 2031 - 08:38",
    ],
)
def test_a_date_line_is_a_timestamp(stamp: str) -> None:
    assert timestamp(stamp)


def test_a_sentence_with_a_date_is_no_timestamp() -> None:
    assert not timestamp("The dam burst on October 20, 2031.")
    assert not timestamp("On Saturday, October 20, 2031 it rained")
    # a date line stays in the text (it dates the page)
    assert "Saturday, October 20, 2031" in clean_text("Storm\nSaturday, October 20, 2031\n").text
