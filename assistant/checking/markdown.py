"""A checked draft as Markdown (`factcheck check --format md`).

Each statement of the draft, in order, with its verdict's symbol and name, its reason,
and footnote marks to its evidence; the footnotes below give each verified quote with
outlet, asserter, date, document id and offsets. Every piece of draft, model and article
text is escaped.
"""

from __future__ import annotations

from ..text.markup import md_escape, one_line
from .models import MARKS, VERDICTS, CheckReport, Evidence, StatementCheck, label


def _source(e: Evidence) -> str:
    parts = [md_escape(e.outlet)]
    if e.asserter:
        parts.append(f"asserted by {md_escape(e.asserter)}")
    if e.date:
        parts.append(md_escape(e.date))
    gives = f"; gives {e.value:g}" if e.value is not None else ""
    doc = e.doc_id.replace("`", "")
    return f"{', '.join(parts)}; `{doc}` {e.start}:{e.end}{gives}"


def _statement(n: int, check: StatementCheck, first_note: int) -> list[str]:
    notes = "".join(f"[^{first_note + i}]" for i in range(len(check.evidence)))
    head = f"{n}. **\\[{label(check.verdict)}\\]** {md_escape(one_line(check.text))} {notes}"
    lines = [f"{head.rstrip()} \\", f"   _Why:_ {md_escape(one_line(check.reason))}"]
    if not check.evidence:
        lines.append("   _No evidence in the sources._")
    return lines


def check_md(report: CheckReport, title: str = "Check") -> str:
    """The Markdown of `report`."""
    counts = " · ".join(f"{MARKS[v][0]} {v}: {report.counts.get(v, 0)}" for v in VERDICTS)
    lines = [f"# {md_escape(title)}", "",
             f"{len(report.statements)} statements checked: {counts}", ""]  # fmt: skip
    if not report.statements:
        return "\n".join([*lines, "_No check-worthy statement found._", ""])
    notes: list[str] = []
    for n, check in enumerate(report.statements, start=1):
        lines += _statement(n, check, len(notes) + 1)
        lines.append("")
        first = len(notes) + 1
        notes += [f"[^{first + i}]: “{md_escape(one_line(e.quote))}” ({_source(e)})"
                  for i, e in enumerate(check.evidence)]  # fmt: skip
    if notes:
        lines += ["## Evidence", "", *notes, ""]
    return "\n".join(lines)
