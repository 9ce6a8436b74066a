"""Check mode of the chat app, driven through Pilot against the fake OpenAI server and the
ferry corpus: reached by F2 and from the command palette, a pasted draft checked statement
by statement in a worker (the UI answers while the model is slow), each statement marked by
its verdict's colour and symbol, the evidence pane following the highlighted statement,
enter on a quote opening its article, and the screen kept across visits."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import OptionList, ProgressBar, Static, TextArea

from assistant.settings import Settings
from assistant.tui import make_app
from assistant.tui.article import ArticleScreen
from assistant.tui.checking import CheckEvidence, CheckScreen

from .check_corpus import ferry_home
from .fake_openai import FakeOpenAI
from .test_tui import drive, palette_shows, until

DRAFT = """Ferry toll rises
The death toll rose to 23, the coast guard said.
The navy said the death toll rose to 23.
40 crew members were rescued from the ferry.
The captain was arrested in Marrow on Tuesday.
"""
MARKED = [
    ("✓ SUPPORTED", "green", "The death toll rose to 23, the coast guard said."),
    ("⇄ MISATTRIBUTED", "magenta", "The navy said the death toll rose to 23."),
    ("≠ DISPUTED", "yellow", "40 crew members were rescued from the ferry."),
    ("? NOT IN SOURCES", "grey50", "The captain was arrested in Marrow on Tuesday."),
]


@pytest.fixture
def corpus(fake_settings: Settings, tmp_path: Path) -> None:
    ferry_home(fake_settings, tmp_path / "corpus")


def marks(screen: CheckScreen) -> list[tuple[str, str, str]]:
    """(mark, colour, statement) of each listed statement."""
    listed = screen.query_one("#statements", OptionList)
    shown = []
    for i in range(listed.option_count):
        prompt = listed.get_option_at_index(i).prompt
        assert isinstance(prompt, Text)
        mark, _, text = prompt.plain.partition("  ")
        (style,) = [str(span.style) for span in prompt.spans if span.end <= len(mark)]
        shown.append((mark, style.removeprefix("bold "), text))
    return shown


def evidence_shown(screen: CheckScreen) -> tuple[str, list[str]]:
    pane = screen.query_one(CheckEvidence)
    why = str(pane.query_one(".why", Static).render())
    quotes = pane.query_one(OptionList)
    return why, [
        str(quotes.get_option_at_index(i).prompt)
        for i in range(quotes.option_count)
        if quotes.get_option_at_index(i).id
    ]


async def open_and_check(pilot: Pilot[None], draft: str) -> CheckScreen:
    """F2, the draft pasted into the box, ctrl+r."""
    app = pilot.app
    await pilot.press("f2")
    await until(pilot, lambda: isinstance(app.screen, CheckScreen))
    screen = app.screen
    assert isinstance(screen, CheckScreen)
    screen.query_one("#draft", TextArea).text = draft
    await pilot.press("ctrl+r")
    return screen


def test_check_mode_marks_each_statement_as_it_is_checked(
    corpus: None, fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    # the statement without a figure goes to the model, which is slow to answer
    fake_openai.enqueue_tool_call(
        "ModelVerdict", {"verdict": "not in sources", "evidence": [], "reason": "no arrest"},
        delay=1.5,
    )  # fmt: skip
    app = make_app(fake_settings)

    async def script(pilot: Pilot[None]) -> None:
        screen = await open_and_check(pilot, DRAFT)
        # the three figure statements are listed while the model is still thinking
        await until(pilot, lambda: len(screen.results) == 3)
        assert screen.report is None
        assert screen.query_one(ProgressBar).display
        assert screen.query_one(ProgressBar).progress == 3
        assert "checked 3 of 4" in str(screen.query_one("#check-status").render())
        await pilot.press("tab")  # the UI answers meanwhile: focus moves to the list
        assert app.focused is screen.query_one("#statements")
        await until(pilot, lambda: screen.report is not None)
        assert marks(screen) == MARKED
        assert not screen.query_one(ProgressBar).display
        status = str(screen.query_one("#check-status").render())
        assert "4 statements checked: 1 supported, 1 disputed, 1 misattributed" in status
        await pilot.press("down", "down", "down")
        why, quotes = evidence_shown(screen)
        assert "? NOT IN SOURCES" in why
        assert "no evidence in the sources" in why
        assert quotes == []

    drive(app, script)
    fake_openai.assert_done()


def test_the_evidence_pane_follows_the_statement_and_opens_its_article(
    corpus: None, fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    app = make_app(fake_settings)
    figures_only = DRAFT.replace(MARKED[-1][2] + "\n", "")

    async def script(pilot: Pilot[None]) -> None:
        screen = await open_and_check(pilot, figures_only)
        await until(pilot, lambda: screen.report is not None)
        assert marks(screen) == MARKED[:3]
        why, quotes = evidence_shown(screen)
        assert "✓ SUPPORTED" in why
        assert "supports 23" in why
        assert len(quotes) == 1
        assert "Coast Wire · 2031-03-04" in quotes[0]
        assert "asserted by coast guard" in quotes[0]
        assert "“The death toll from the ferry disaster rose to 23" in quotes[0]
        await pilot.press("tab", "down", "down")
        why, quotes = evidence_shown(screen)
        assert "≠ DISPUTED" in why
        assert len(quotes) == 2
        assert any("asserted by ferry operator" in q and "gives 40" in q for q in quotes)
        assert any("asserted by union" in q and "gives 25" in q for q in quotes)
        assert "40 crew members were rescued, but the union said 25" in quotes[0]
        # enter on a quote opens its article at the passage
        await pilot.press("tab")
        assert app.focused is screen.query_one("#check-quotes")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ArticleScreen))
        article = app.screen
        assert isinstance(article, ArticleScreen)
        assert article.doc.id == "day1"
        quoted = screen.results[2].evidence[0]
        assert article.span == (quoted.start, quoted.end)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        # escape goes back to the chat; the checks are there on the next visit
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, CheckScreen))
        await pilot.press("f2")
        await until(pilot, lambda: app.screen is screen)
        assert marks(screen) == MARKED[:3]

    drive(app, script)
    assert fake_openai.requests == []  # figures are judged by code


def test_check_mode_from_the_command_palette_and_an_empty_draft(
    corpus: None, fake_settings: Settings
) -> None:
    app = make_app(fake_settings)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"check a")
        await until(pilot, lambda: palette_shows(app, "Check a draft"))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CheckScreen))
        await pilot.press("ctrl+r")
        await until(pilot, lambda: any("Paste a draft" in n.message for n in app._notifications))
        screen = app.screen
        assert isinstance(screen, CheckScreen)
        assert screen.results == []

    drive(app, script)
