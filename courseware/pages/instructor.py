"""The instructor dashboard: who took which quizzes, how each item performs, and what the class
still recalls."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from calculators.spreadsheet import csv_text
from courseware.assessment.item_analysis import MIN_ANSWERS, analyse
from courseware.assessment.spacing import class_retention
from courseware.content.charts import recall_spec
from courseware.i18n import part_label, t
from courseware.storage.store import StoreUnavailable
from courseware.ui import review, session
from courseware.ui.database import current_reason
from courseware.ui.instructor_gate import instructor_unlocked
from courseware.ui.live_helpers import live_store
from courseware.ui.quiz_scopes import quiz_items


@dataclass(frozen=True)
class Row:
    """One answer as the dashboard analyses it, from self-study or from a live poll."""

    who: str  # a learner or a live player
    name: str
    group: str  # class code, or the live poll's join code
    attempt: str  # a self-study attempt, or one player's answers in one poll
    item_id: str
    score: float


def render() -> None:
    if not instructor_unlocked():
        return
    st.title(t("dashboard.title"), anchor=False)
    source = st.segmented_control(
        t("dashboard.source"),
        options=["all", "self", "live"],
        format_func=lambda s: t(f"dashboard.sources.{s}"),
        default="all",
        key="dashboard-source",
    )
    results = _rows(source or "all")
    if results is None:
        st.warning(t("learner.no_store", reason=current_reason()), icon=":material/cloud_off:")
        return
    if not results:
        st.info(t("dashboard.empty"), icon=":material/quiz:")
        return
    classes = sorted({r.group for r in results if r.group})
    chosen = st.selectbox(
        t("dashboard.class"),
        options=["", *classes],
        format_func=lambda c: c or t("dashboard.all_classes"),
        key="dashboard-class",
    )
    shown = [r for r in results if not chosen or r.group == chosen]
    learners, attempts, polls, answers = st.columns(4)
    learners.metric(t("dashboard.learners"), len({r.who for r in shown}))
    attempts.metric(t("dashboard.attempts"), len({r.attempt for r in shown if r.attempt[0] == "a"}))
    polls.metric(t("dashboard.polls"), len({r.group for r in shown if r.who[0] == "p"}))
    answers.metric(t("dashboard.answers"), len(shown))
    _items(shown)
    _learners(shown)
    _retention(shown)


def _rows(source: str) -> list[Row] | None:
    """Answers from the chosen source(s), or None while the database cannot be reached."""
    opened, live = session.store(), live_store()
    if opened is None or live is None:
        return None
    rows: list[Row] = []
    try:
        if source in ("all", "self"):
            rows += [
                Row(f"l{r.learner_id}", r.learner, r.class_code or "", f"a{r.attempt_id}",
                    r.item_id, r.score)
                for r in session.database().run(opened.results)
            ]  # fmt: skip
        if source in ("all", "live"):
            rows += [
                Row(f"p{player}", name, code, f"p{player}", item_id, score)
                for player, name, code, item_id, score in session.database().run(live.results)
            ]
    except StoreUnavailable:
        return None
    return rows


def _items(results: list[Row]) -> None:
    st.subheader(t("dashboard.items"), anchor=False)
    st.caption(t("dashboard.items_help"))
    st.caption(t("dashboard.min_answers", n=MIN_ANSWERS))
    items, titles, _errors = quiz_items()
    rows = [
        {
            t("dashboard.flags"): t("app.list_separator").join(
                t(f"dashboard.flag.{f}") for f in s.flags
            )
            or None,
            t("dashboard.facility"): round(s.facility * 100, 1),
            t("dashboard.discrimination"): None
            if s.discrimination is None
            else round(s.discrimination, 2),
            t("dashboard.n"): s.answers,
            t("dashboard.topic"): titles.get(items[s.item_id].topic)
            if s.item_id in items
            else None,
            t("dashboard.item"): items[s.item_id].prompt if s.item_id in items else s.item_id,
            "id": s.item_id,
        }
        for s in analyse((r.attempt, r.item_id, r.score) for r in results)
    ]
    _table_with_download(pd.DataFrame(rows), "item-analysis.csv", "dashboard-items-csv")


def _learners(results: list[Row]) -> None:
    st.subheader(t("dashboard.per_learner"), anchor=False)
    frame = pd.DataFrame(
        [(r.who, r.name, r.group, r.attempt, r.score) for r in results],
        columns=["id", "name", "class", "attempt", "score"],
    )
    summary = (
        frame.groupby(["id", "name", "class"], as_index=False)
        .agg(attempts=("attempt", "nunique"), answers=("score", "size"), mean=("score", "mean"))
        .drop(columns="id")
    )
    summary["mean"] = (summary["mean"] * 100).round(1)
    summary.columns = [t(f"dashboard.col.{c}") for c in ("name", "class", "attempts", "answers",
                                                         "mean")]  # fmt: skip
    _table_with_download(summary, "learners.csv", "dashboard-learners-csv")


def _retention(results: list[Row]) -> None:
    """What the shown trainees still recall today: per part, and the items forgotten fastest."""
    st.subheader(t("review.class_title"), anchor=False)
    st.caption(t("review.class_help"))
    now = review.review_now()
    found = review.class_cards(now)
    if found is None:
        st.warning(t("learner.no_store", reason=current_reason()), icon=":material/cloud_off:")
        return
    shown = {r.who for r in results}
    cards = {learner: c for learner, c in found.items() if f"l{learner}" in shown}
    items, titles, _errors = quiz_items()
    kept = class_retention(cards, items, now)
    if not kept.by_item:
        st.info(t("review.class_empty"), icon=":material/event_repeat:")
        return
    by_part = [(part_label(part), mean, n) for part, mean, n in kept.by_part]
    st.vega_lite_chart(recall_spec(by_part, title=t("review.class_by_part"),
                                   count_label=t("review.items")), width="stretch")  # fmt: skip
    st.markdown(f"**{t('review.class_items')}**")
    rows = [
        {
            t("dashboard.item"): items[item_id].prompt,
            t("review.recall_col"): round(mean * 100, 1),
            t("review.learners_col"): learners,
            t("dashboard.topic"): titles.get(items[item_id].topic),
            "id": item_id,
        }
        for item_id, mean, learners in kept.by_item
    ]
    _table_with_download(pd.DataFrame(rows), "class-retention.csv", "dashboard-retention-csv")


def _table_with_download(frame: pd.DataFrame, file_name: str, key: str) -> None:
    """The table, its blank cells shown as "—", and the same cells as CSV (blanks left empty)."""
    st.dataframe(frame, hide_index=True, width="stretch", placeholder="—")
    st.download_button(
        t("dashboard.download"),
        data=_csv(frame).encode("utf-8-sig"),
        file_name=file_name,
        mime="text/csv",
        icon=":material/download:",
        key=key,
    )


def _csv(frame: pd.DataFrame) -> str:
    """The table as the course writes every CSV: formulas defused, numbers kept as numbers."""
    cells = frame.astype(object).where(frame.notna(), None)
    return csv_text(list(frame.columns), cells.itertuples(index=False, name=None))
