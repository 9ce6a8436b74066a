"""Sentence and paragraph spans: exact offsets, news rules, and properties on any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.text import Span, paragraph_spans, sentence_spans

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


# --- examples ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones and Mrs. Lee on Sept. 5 at St. Paul's.",
        "The U.S. and the U.K. asked the U.N. for help.",
        "Gen. Smith, Lt. Col. Brown and Sen. Warren spoke with Gov. Hochul.",
        "It started at 9 a.m. Monday and ended at 5 p.m. Tuesday.",
        "Some units, e.g. Artillery, i.e. The big guns, stayed.",
        "Acme Inc. Was sued by Widget Corp. And Gadget Ltd. On Friday.",
        "Martin Luther King Jr. Spoke first.",
        "He lives at No. 10 Downing Street.",
        "John F. Kennedy was elected in 1960.",
        "The economy grew 1.5% while prices rose 3.25 percent.",
        "Visit www.example.com/news.html for more.",
        "He said he would... Well, nobody knew what.",
        "He paused… Then nothing happened.",
        "Real Madrid vs. Barcelona ended in a draw.",
    ],
)
def test_no_split_inside(text: str) -> None:
    assert sentences(text) == [text]


def test_abbreviations_then_sentence_end() -> None:
    text = "The troops arrived in the U.S. on Jan. 3. Officials confirmed it."
    assert sentences(text) == [
        "The troops arrived in the U.S. on Jan. 3.",
        "Officials confirmed it.",
    ]


def test_quotes_close_a_sentence() -> None:
    text = (
        "Kirby stated, “We do not yet know.” Putin said, “It is not Russia’s actions.” "
        "He added: 'We will see.' \"Who knows?\" the expert wondered. «Fin.» Next one."
    )
    assert sentences(text) == [
        "Kirby stated, “We do not yet know.”",
        "Putin said, “It is not Russia’s actions.”",
        "He added: 'We will see.'",
        '"Who knows?" the expert wondered.',
        "«Fin.»",
        "Next one.",
    ]


def test_quote_after_abbreviation_still_ends() -> None:
    assert sentences("“I love the U.S.” He smiled.") == ["“I love the U.S.”", "He smiled."]


def test_opening_quote_and_digit_start_a_sentence() -> None:
    text = "He left. “We stay,” she said. 12,000 troops remain. (Reuters) Done!"
    assert sentences(text) == [
        "He left.",
        "“We stay,” she said.",
        "12,000 troops remain.",
        "(Reuters) Done!",
    ]


def test_lowercase_after_full_stop_does_not_split() -> None:
    assert sentences("Prices rose 5. and then fell.") == ["Prices rose 5. and then fell."]


def test_question_and_exclamation() -> None:
    assert sentences("Why? Because! Is it the U.S.? Yes.") == [
        "Why?",
        "Because!",
        "Is it the U.S.?",
        "Yes.",
    ]


def test_headline_line_is_a_sentence() -> None:
    text = "North Korean soldiers bolster Russian forces\nBloomberg reported on Friday. More."
    assert sentences(text) == [
        "North Korean soldiers bolster Russian forces",
        "Bloomberg reported on Friday.",
        "More.",
    ]


def test_line_breaks_always_end_sentences() -> None:
    text = "  one, said Mr.\r\nSmith \r\n\r\n  and\u2028two\x85three  "
    assert sentences(text) == ["one, said Mr.", "Smith", "and", "two", "three"]


def test_list_numbers_and_initials() -> None:
    assert sentences("1. First point\n2. Second point") == ["1. First point", "2. Second point"]
    assert sentences("Talks with Kim Jong Un. The talks failed.") == [
        "Talks with Kim Jong Un.",
        "The talks failed.",
    ]


def test_empty_and_blank() -> None:
    assert sentence_spans("") == []
    assert sentence_spans(" \n\r\n\t \u3000") == []
    assert paragraph_spans("\n\n  \n") == []


def test_paragraphs_are_trimmed_lines() -> None:
    text = "  Headline  \n\nFirst para. Two.\r\n  Second para.\n"
    assert [text[p.start : p.end] for p in paragraph_spans(text)] == [
        "Headline",
        "First para. Two.",
        "Second para.",
    ]
    assert paragraph_spans("a b") == [Span(0, 3)]


def test_seed_article() -> None:
    text = (SEEDS / "003_42fc694e5a38e64f.txt").read_text(encoding="utf-8")
    got = sentences(text)
    assert got[0] == (
        "Ukraine: North Korean soldiers have entered the Russia-Ukraine border conflict zone"
    )
    assert (
        "The number of North Korean soldiers disclosed by Ukraine on Thursday exceeds "
        "previous statements made by U.S. officials."
    ) in got
    assert (
        "“We believe that the North Korean leadership will take our agreement "
        "seriously,” Putin said."
    ) in got
    assert "“But what we do and how we do it is our prerogative.”" in got
    assert len(got) == 24
    check_spans(text, sentence_spans(text))


def test_every_seed_keeps_invariants() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        check_spans(text, sentence_spans(text))
        check_spans(text, paragraph_spans(text))


# --- properties -------------------------------------------------------------------------


def check_spans(text: str, spans: list[Span]) -> None:
    """Ordered, non-overlapping, trimmed, non-empty, covering every non-space character."""
    covered = bytearray(len(text))
    prev_end = 0
    for span in spans:
        assert prev_end <= span.start < span.end <= len(text)
        piece = text[span.start : span.end]
        assert piece == piece.strip()
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
        prev_end = span.end
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert missing == []


WORDS = st.sampled_from(
    [
        "troops", "Mr.", "Dr.", "U.S.", "U.N.", "Gen.", "Sept.", "a.m.", "p.m.", "e.g.",
        "No.", "Inc.", "F.", "1.5", "11,000", "12,000.", "the", "said", "Kim", "Jong",
        "“quote”", "'single'", '"plain"', "(aside)", "...", "…", "?", "!", ".", "war.",
        "Ukraine’s", "Putin", "—", "3.", "1.", "vs.", "St.", "Corp.", "soldiers,",
    ]
)  # fmt: skip
NEWS_SENTENCE = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)
SPECIAL = st.sampled_from(
    [
        "\u0301", "\u0308", "\u200b", "\u200d", "\ufeff", "\u202e", "\u05e9\u05dc\u05d5\u05dd",
        "\u0645\u0631\u062d\u0628\u0627", "🙂", "👩\u200d👩\u200d👧", "\r\n", "\r", "\n",
        "\x00", "\t", "\u00a0", "\u3000", "\u2028", "\x85", "”", "’", "»", ". ", "? ",
        "...", "A", "1",
    ]
)  # fmt: skip
UNICODE = st.lists(st.one_of(st.characters(), SPECIAL, WORDS), max_size=60).map("".join)
LONG_LINES = st.tuples(
    st.sampled_from(["x", "ab1/+=", "🙂é", "\u0301a", "https://example.com/?q="]),
    st.integers(min_value=50, max_value=800),
).map(lambda t: t[0] * t[1])
SEPARATORS = st.sampled_from([" ", "  ", "\n", "\r\n", "\n\n\n\n", "\r\n\r\n", "\n \n\t\n", ""])
TEXTS = st.lists(
    st.one_of(NEWS_SENTENCE, UNICODE, LONG_LINES, st.just("\n" * 40)), max_size=8
).flatmap(
    lambda parts: st.lists(SEPARATORS, min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True))
    )
)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_sentence_spans_invariants(text: str) -> None:
    spans = sentence_spans(text)
    check_spans(text, spans)
    for span in spans:  # a sentence never runs across a line break
        assert not any(c in BREAKS for c in text[span.start : span.end])


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_paragraph_spans_invariants(text: str) -> None:
    paragraphs = paragraph_spans(text)
    check_spans(text, paragraphs)
    for span in sentence_spans(text):  # each sentence lies inside one paragraph
        inside = [p for p in paragraphs if p.start <= span.start and span.end <= p.end]
        assert len(inside) == 1
    for p in paragraphs:
        assert not any(c in BREAKS for c in text[p.start : p.end])
    assert bool(paragraphs) == bool(text.strip())


@settings(max_examples=100, deadline=None)
@given(st.lists(NEWS_SENTENCE, min_size=1, max_size=10))
def test_news_lines_never_merge(lines: list[str]) -> None:
    text = "\n".join(lines)
    got = sentences(text)
    # Each non-blank line is one or more whole sentences.
    assert len(got) >= sum(1 for line in lines if line.strip())
    assert "".join("".join(got).split()) == "".join(text.split())
