"""The app's entries in the command palette (ctrl+p): ingest, copy, export, check, help."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (title, help, action name on the app)
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Ingest a file or folder", "Add articles, then extract their claims", "ingest"),
    ("Copy answer as Markdown", "The current answer with its citations", "copy_answer"),
    ("Export conversation", "Write the conversation to a Markdown file here", "export"),
    ("Check a draft", "Check each statement of a pasted draft against the sources", "check_mode"),
    ("Help", "What the app does and its keys", "help"),
)


class FactcheckCommands(Provider):
    """Commands of the chat app, found by fuzzy search."""

    def _command(self, action: str) -> Callable[[], Awaitable[bool]]:
        app = self.app
        return lambda: app.run_action(action)

    async def discover(self) -> Hits:
        for title, help_text, action in COMMANDS:
            yield DiscoveryHit(title, self._command(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in COMMANDS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._command(action), title,
                          help=help_text)  # fmt: skip
