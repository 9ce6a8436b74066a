"""The check kind of eval item end to end: a check suite over the invented ferry corpus
(claims read off the parse, no model call for figures; of the statements without a figure,
one restated by a source sentence and one judged by a scripted model), its scores checked
against numbers computed by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.evals import load_record, load_suite, render_report, rescore, run_suite
from assistant.evals.goldcheck import read_corpus
from assistant.evals.judge import context_for, judge_check
from assistant.evals.record import AnswerView, ViewCitation, save_record
from assistant.evals.suite import Item
from assistant.settings import Settings

from .check_corpus import DAY_ONE, DAY_THREE
from .fake_openai import FakeOpenAI

D1, D3 = "day1.txt", "day3.txt"
TOLL_23 = "The death toll from the ferry disaster rose to 23, the coast guard said on Wednesday."
AT_LEAST_19 = "At least 19 people died when the ferry capsized, the coast guard said on Monday."
CREW = "The ferry operator said 40 crew members were rescued"
UNION = "the union said 25 crew members were rescued"
BELL = "Rescue divers recovered the ship's bell from the wreck near Marrow Point."


def q(file: str, quote: str) -> dict[str, str]:
    return {"file": file, "quote": quote}


def item(id: str, statement: str, verdict: str, *evidence: dict[str, str]) -> dict[str, Any]:
    return {"id": id, "kind": "check", "question": statement,
            "gold": {"verdict": verdict}, "evidence": list(evidence)}  # fmt: skip


ITEMS = [
    item("sup", "The death toll rose to 23, the coast guard said.", "supported", q(D3, TOLL_23)),
    item("con", "More than 50 people died in the ferry disaster.", "contradicted",
         q(D3, TOLL_23)),
    item("dis", "40 crew members were rescued from the ferry.", "disputed", q(D1, CREW),
         q(D1, UNION)),
    item("mis", "The navy said the death toll rose to 23.", "misattributed", q(D3, TOLL_23)),
    item("nis", "Harbour master Ilse Varga said 12,000 litres of fuel leaked.",
         "not in sources"),
    item("bell", "Divers brought up the bell of the sunken ship.", "supported", q(D3, BELL)),
    item("arrest", "The captain was arrested in Marrow on Tuesday.", "not in sources"),
    # gold a reader might write, which the checker does not share: the operator's own
    # count, credited to the operator, is what the operator said (supported)
    item("strict", "The ferry operator said 40 crew members were rescued.", "disputed",
         q(D1, CREW), q(D1, UNION)),
]  # fmt: skip
NO_VERDICT = {"id": "no-verdict", "kind": "check", "question": "Ten people died.", "gold": {}}
NO_EVIDENCE = item("no-evidence", "Ten people died at sea on Monday.", "supported")


def write_suite(folder: Path) -> Path:
    corpus = folder / "corpus"
    corpus.mkdir(parents=True)
    (corpus / D1).write_text(DAY_ONE, encoding="utf-8")
    (corpus / f"{D1}.meta.json").write_text('{"outlet": "Strait Post", "date": "2031-03-02"}')
    (corpus / D3).write_text(DAY_THREE, encoding="utf-8")
    (corpus / f"{D3}.meta.json").write_text('{"outlet": "Coast Wire", "date": "2031-03-04"}')
    lines = [{"suite": "ferry-check", "corpus": ["corpus"]}, *ITEMS, NO_VERDICT, NO_EVIDENCE]
    path = folder / "ferry-check.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def record(fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path) -> Any:
    # the bell is restated by a source sentence (code decides); nothing restates the arrest
    fake_openai.enqueue_tool_call(
        "ModelVerdict", {"evidence": [], "verdict": "not in sources", "reason": "no arrest"}
    )
    suite = load_suite(write_suite(tmp_path / "suite"))
    result = run_suite(suite, fake_settings)
    fake_openai.assert_done()
    return result


def test_the_two_invalid_lines_are_kept_unscored(tmp_path: Path) -> None:
    suite = load_suite(write_suite(tmp_path / "suite"))
    assert [i.id for i in suite.items] == [i["id"] for i in ITEMS]
    errors = {bad.id: bad.error for bad in suite.invalid}
    assert "needs its gold part" in errors["no-verdict"]
    assert "needs the evidence that decides it" in errors["no-evidence"]


def test_verdicts_and_per_class_scores_match_hand_computed_numbers(record: Any) -> None:
    given = {t.item_id: t.answer.verdict for t in record.trials if t.answer is not None}
    assert given == {
        "sup": "supported", "con": "contradicted", "dis": "disputed", "mis": "misattributed",
        "nis": "not in sources", "bell": "supported", "arrest": "not in sources",
        "strict": "supported",
    }  # fmt: skip
    verdicts = {t.item_id: t.scores.verdict for t in record.trials}
    assert verdicts == {i["id"]: "correct" for i in ITEMS} | {
        "strict": "incorrect", "no-verdict": "unscored", "no-evidence": "unscored",
    }  # fmt: skip
    c = record.summary.check
    assert c is not None
    assert c.trials == 8
    rows = {k.verdict: (k.gold, k.given, k.right) for k in c.classes}
    assert rows == {
        "supported": (2, 3, 2), "contradicted": (1, 1, 1), "disputed": (2, 1, 1),
        "misattributed": (1, 1, 1), "not in sources": (2, 2, 2),
    }  # fmt: skip
    f1 = {k.verdict: k.f1 for k in c.classes}
    assert f1["supported"] == pytest.approx(0.8)  # P 2/3, R 1
    assert f1["disputed"] == pytest.approx(2 / 3)  # P 1, R 1/2
    assert c.macro_f1 == pytest.approx((0.8 + 1 + 2 / 3 + 1 + 1) / 5)
    assert c.confusion["disputed"] == {"disputed": 1, "supported": 1}
    assert c.supported_without_evidence == 0
    assert record.summary.quote_validity.value == 1.0
    assert c.latency_p50_figure is not None
    assert c.latency_p50_other is not None
    kinds = {k.kind: (k.trials, k.correct, k.incorrect, k.unscored) for k in record.summary.by_kind}
    assert kinds == {"check": (10, 7, 1, 2)}


def test_evidence_is_scored_against_the_gold_spans(record: Any) -> None:
    by_id = {t.item_id: t for t in record.trials}
    for name in ("sup", "mis", "bell"):  # each cites the very sentence the gold names
        s = by_id[name].scores
        assert s.evidence_cited == s.evidence_total == 1
    dis = by_id["dis"].scores  # both sides are in one sentence, cited once: both covered
    assert (dis.evidence_cited, dis.evidence_total) == (2, 2)
    assert by_id["nis"].scores.evidence_total is None  # no gold evidence: no evidence metric
    c = record.summary.check
    assert c is not None
    cited = sum(t.scores.evidence_cited or 0 for t in record.trials)
    wanted = sum(t.scores.evidence_total or 0 for t in record.trials)
    assert (c.evidence_recall.num, c.evidence_recall.den) == (cited, wanted)
    assert 0 < c.evidence_precision.num <= c.evidence_precision.den


def test_supported_without_evidence_is_never_correct(tmp_path: Path) -> None:
    suite = load_suite(write_suite(tmp_path / "suite"))
    sup = suite.items[0]
    texts = {name: t.cleaned for name, t in read_corpus(suite.files).items()}
    bare = AnswerView(kind="check", text="supported: trust me", abstained=False,
                      verdict="supported")  # fmt: skip
    scores = judge_check(sup, bare, context_for(sup, texts))
    assert scores.verdict == "incorrect"
    assert "supported without evidence" in scores.reason
    start = texts[D3].index(TOLL_23)
    cited = bare.model_copy(update={"citations": [
        ViewCitation(n=1, file=D3, start=start, end=start + len(TOLL_23), quote=TOLL_23)
    ]})  # fmt: skip
    assert judge_check(sup, cited, context_for(sup, texts)).verdict == "correct"
    moved = cited.model_copy(update={"citations": [
        ViewCitation(n=1, file=D3, start=start + 1, end=start + 1 + len(TOLL_23), quote=TOLL_23)
    ]})  # fmt: skip
    wrong = judge_check(sup, moved, context_for(sup, texts))
    assert (wrong.verdict, wrong.reason) == ("incorrect", "1 of 1 quotes not verbatim")


def test_report_record_and_rescore(record: Any, tmp_path: Path) -> None:
    report = render_report(record)
    assert "## Checks" in report
    assert "| disputed | 2 | 1 | 1 | 100% | 50% | 67% |" in report
    assert "Supported without evidence: **0**" in report
    folder = save_record(record, tmp_path / "run", report)
    assert load_record(folder) == record
    suite = load_suite(write_suite(tmp_path / "again"))
    assert rescore(record, suite).summary.check == record.summary.check
    fixed = [json.dumps(i | {"gold": {"verdict": "supported"}}) if i["id"] == "strict"
             else json.dumps(i) for i in ITEMS]  # fmt: skip
    lines = suite.path.read_text(encoding="utf-8").splitlines()
    suite.path.write_text("\n".join([lines[0], *fixed]) + "\n", encoding="utf-8")
    again = rescore(record, load_suite(suite.path)).summary.check
    assert again is not None
    assert again.macro_f1 == pytest.approx(1.0)


def test_a_check_item_of_another_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="only check items have a gold verdict"):
        Item.model_validate({"id": "x", "kind": "fact", "question": "Who?",
                             "gold": {"mentions": [["a"]], "verdict": "supported"}})  # fmt: skip
