"""The instructor dashboard: gated, item analysis and per-learner results from stored answers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from courseware.passcode import PASSCODE_ENV
from courseware.storage.store import Store
from tests.app.harness import open_page

PASSCODE = "teach-2026"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    path = tmp_path / "class.sqlite3"
    monkeypatch.delenv("COURSEWARE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COURSEWARE_SQLITE_PATH", str(path))
    monkeypatch.setenv(PASSCODE_ENV, PASSCODE)
    return Store(f"sqlite:///{path}")


def take(store: Store, name: str, code: str | None, scores: dict[str, float]) -> None:
    learner = store.create_learner(name, code)
    attempt = store.start_attempt(learner.id, "topic:smart", 1, list(scores))
    for item, score in scores.items():
        store.record_response(attempt, item, "x", score)
    store.finish_attempt(attempt)


def unlocked_dashboard():
    at = open_page("instructor")
    assert at.title[0].value == "讲师专用" and not at.dataframe  # nothing before the passcode
    at.text_input(key="instructor-passcode").set_value(PASSCODE)
    return at.button(key="FormSubmitter:instructor-gate-进入").click().run()


def test_item_analysis_and_learner_results(store: Store):
    take(store, "<b>甲</b>", "A1", {"smart-specific-1": 1, "smart-measurable-1": 1})
    take(store, "乙", "A1", {"smart-specific-1": 1, "smart-measurable-1": 0})
    take(store, "丙", "B2", {"smart-specific-1": 0, "smart-measurable-1": 0})
    at = unlocked_dashboard()
    assert not at.exception
    assert [m.value for m in at.metric] == ["3", "3", "0", "6"]
    items = at.dataframe[0].value.set_index("id")
    assert items.loc["smart-specific-1", "答对率（%）"] == pytest.approx(66.7)
    assert items.loc["smart-measurable-1", "答对率（%）"] == pytest.approx(33.3)
    learners = at.dataframe[1].value
    assert sorted(learners["姓名"]) == ["<b>甲</b>", "丙", "乙"]  # shown as text in a table
    assert len(at.get("download_button")) == 2
    at.selectbox(key="dashboard-class").set_value("B2").run()
    assert [m.value for m in at.metric] == ["1", "1", "0", "2"]


def test_an_empty_class_says_so(store: Store):
    at = unlocked_dashboard()
    assert at.info[0].value == "还没有学员的测验记录。"


def test_live_answers_are_analysed_with_self_study_or_apart(store: Store):
    from courseware.live.store import LiveStore

    take(store, "甲", "A1", {"smart-specific-1": 1})
    live = LiveStore(store)
    session = live.start_session()
    question = live.push(session.id, "smart-specific-1")
    for name, score in (("小王", 1.0), ("小李", 0.0)):
        live.answer(question.id, live.join(session.code, name), "b", score)
    at = unlocked_dashboard()
    assert [m.value for m in at.metric] == ["3", "1", "1", "3"]  # self-study and live together
    at.button_group(key="dashboard-source").set_value("live").run()
    assert [m.value for m in at.metric] == ["2", "0", "1", "2"]
    items = at.dataframe[0].value.set_index("id")
    assert items.loc["smart-specific-1", "答对率（%）"] == 50.0
    at.button_group(key="dashboard-source").set_value("self").run()
    assert [m.value for m in at.metric] == ["1", "1", "0", "1"]


def test_csv_downloads_defuse_formulas_in_names_and_class_codes(store: Store, downloads):
    take(store, "=1+1", "@SUM(A1)", {"smart-specific-1": 1})
    take(store, "-2+3", "@SUM(A1)", {"smart-specific-1": 0})
    take(store, "+HYPERLINK(1)", "A1", {"smart-specific-1": 1})
    at = unlocked_dashboard()
    assert not at.exception
    assert sorted(at.dataframe[1].value["姓名"]) == ["+HYPERLINK(1)", "-2+3", "=1+1"]  # as typed
    text = downloads["learners.csv"].decode("utf-8-sig")
    rows = {row["姓名"]: row for row in csv.DictReader(io.StringIO(text))}
    assert set(rows) == {"'=1+1", "'-2+3", "'+HYPERLINK(1)"}
    assert rows["'=1+1"]["班级"] == "'@SUM(A1)"
    assert (rows["'-2+3"]["测验次数"], rows["'-2+3"]["平均得分率（%）"]) == ("1", "0.0")
    assert downloads["learners.csv"].startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    items = list(csv.DictReader(io.StringIO(downloads["item-analysis.csv"].decode("utf-8-sig"))))
    assert [(row["id"], row["答对率（%）"]) for row in items] == [("smart-specific-1", "66.7")]


def test_items_answered_too_few_times_are_not_judged(store: Store, downloads):
    take(store, "甲", "A1", {"smart-specific-1": 1, "smart-measurable-1": 0})
    take(store, "乙", "A1", {"smart-specific-1": 0, "smart-measurable-1": 1})
    at = unlocked_dashboard()
    assert not at.exception
    assert "作答少于 10 次的题目不作判断" in [c.value for c in at.caption][1]
    items = at.dataframe[0].value.set_index("id")
    specific = items.loc["smart-specific-1"]
    assert specific["答对率（%）"] == 50.0 and specific["作答数"] == 2  # shown as it is
    assert specific.isna()["提示"] and specific.isna()["区分度"]  # not 太难, not −1: "—"
    assert at.dataframe[0].proto.placeholder == "—"
    rows = list(csv.DictReader(io.StringIO(downloads["item-analysis.csv"].decode("utf-8-sig"))))
    assert {(row["id"], row["提示"], row["区分度"]) for row in rows} == {
        ("smart-specific-1", "", ""),
        ("smart-measurable-1", "", ""),
    }
    assert "None" not in downloads["item-analysis.csv"].decode("utf-8-sig")


def test_items_answered_often_enough_are_flagged(store: Store, downloads):
    for n in range(10):  # ten learners: all get the first right; half get the other two right
        half = n % 2
        take(store, f"学员{n}", "A1",
             {"smart-specific-1": 1, "smart-measurable-1": half, "smart-achievable-1": half})  # fmt: skip
    at = unlocked_dashboard()
    items = at.dataframe[0].value.set_index("id")
    assert items.loc["smart-specific-1", "提示"] == "太容易"
    assert items.isna().loc["smart-specific-1", "区分度"]  # scores 1 in every attempt: no r
    assert items.loc["smart-measurable-1", "区分度"] == pytest.approx(1.0)  # the rest follows it
    assert items.isna().loc["smart-measurable-1", "提示"]  # 50% right and discriminating
    rows = {r["id"]: r for r in csv.DictReader(
        io.StringIO(downloads["item-analysis.csv"].decode("utf-8-sig"))
    )}  # fmt: skip
    assert rows["smart-specific-1"]["提示"] == "太容易" and rows["smart-specific-1"]["区分度"] == ""
    assert rows["smart-measurable-1"]["区分度"] == "1.0"
