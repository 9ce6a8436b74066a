"""A timeline answer in the chat app: the table and the chart of `cli.timeline_view`
inside its answer card."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ..answers import TimelinePoint
from ..cli.timeline_view import timeline_chart, timeline_table


class TimelineView(Vertical):
    """The table and the chart of a timeline answer, inside its answer card."""

    DEFAULT_CSS = """
    TimelineView { height: auto; margin: 0 0 1 0; }
    TimelineView .timeline-table { height: auto; margin: 0 0 1 0; }
    TimelineView .timeline-chart { height: auto; border: round $panel; padding: 0 1;
                                   border-title-color: $text-muted; }
    """

    def __init__(self, points: Sequence[TimelinePoint]) -> None:
        super().__init__(classes="timeline")
        self.points = list(points)
        self.table = timeline_table(self.points)
        self.chart = timeline_chart(self.points)

    def compose(self) -> ComposeResult:
        yield Static(self.table, classes="timeline-table")
        chart = Static(self.chart, classes="timeline-chart")
        chart.border_title = "figures over time"
        yield chart
