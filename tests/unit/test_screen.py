"""The projector's view, worked out from a snapshot and the question's responses."""

from __future__ import annotations

from courseware.content.banks import items_by_id
from courseware.live.screen import option_counts, screen_state, shares
from courseware.live.snapshot import PollSnapshot

ITEMS = items_by_id("zh")


def kind(name: str):
    return next(i for i in ITEMS.values() if i.type == name)


def test_choices_get_counts_shares_and_the_right_option_on_reveal():
    item = ITEMS["smart-specific-1"]
    open_one = PollSnapshot(5, False, 40, item.id, 1, players=4, answers={1: 1.0, 2: 0.0, 3: 1.0})
    shown = screen_state(open_one, item, ["b", "a", "b"], [])
    assert (shown["status"], shown["answered"], shown["players"]) == ("question", 3, 4)
    rows = [(o["letter"], o["count"], o["share"], o["right"]) for o in shown["question"]["options"]]
    assert rows == [("A", 1, 33.3, False), ("B", 2, 66.7, False), ("C", 0, 0.0, False),
                    ("D", 0, 0.0, False)]  # fmt: skip
    assert "podium" not in shown  # nothing is given away before the reveal
    podium = [("甲", 3.0), ("乙", 2.0), ("丙", 1.0), ("丁", 1.0), ("戊", 0.5), ("己", 0.0)]
    revealed = screen_state(PollSnapshot(5, False, 40, item.id, 1, True), item, ["b"], podium)
    assert [o["right"] for o in revealed["question"]["options"]] == [False, True, False, False]
    assert [row["nickname"] for row in revealed["podium"]] == ["甲", "乙", "丙", "丁", "戊"]


def test_a_multiple_choice_counts_every_option_chosen():
    item = kind("multiple")
    keys = list(item.options)
    assert option_counts(item, [[keys[0], keys[1]], [keys[1]], "x", 7]) == {
        keys[0]: 1, keys[1]: 2, "x": 1,
    }  # fmt: skip
    assert option_counts(kind("truefalse"), [True, False, True]) == {"true": 2, "false": 1}


def test_other_items_get_a_summary_and_the_answer_on_reveal():
    item = kind("numeric")
    snapshot = PollSnapshot(5, False, 40, item.id, 1, answers={1: 1.0, 2: 0.0, 3: 0.0, 4: 1.0})
    summary = screen_state(snapshot, item, ["60", "60", "55", " 61 "], [])["question"]
    assert summary["summary"]["right_share"] == 50.0 and summary["summary"]["mean_score"] == 0.5
    assert summary["summary"]["numbers"][0] == {"value": "60", "count": 2}
    assert summary["answer"] is None
    ordering = kind("ordering")
    revealed = screen_state(PollSnapshot(5, False, 41, ordering.id, 2, True), ordering, [], [])
    assert revealed["question"]["answer"] == " → ".join(ordering.steps)


def test_lobby_and_end():
    assert screen_state(PollSnapshot(5, False, players=7), None, [], [])["status"] == "lobby"
    ended = screen_state(PollSnapshot(5, True), None, [], [("甲", 2.0)])
    assert ended["status"] == "ended" and ended["podium"] == [{"nickname": "甲", "points": 2.0}]


def test_the_instructors_chart_names_options_by_letter_and_words():
    item = ITEMS["smart-specific-1"]
    rows = shares(item, ["b", "b", "a", "d"])
    assert rows[0] == ("A. 今年把客户服务做得更好", 25.0)
    assert rows[1] == ("B. 本季度内拜访华南区 20 家重点客户", 50.0)
    assert [share for _label, share in rows] == [25.0, 50.0, 0.0, 25.0]  # every option listed
    ordering = kind("ordering")
    assert shares(ordering, [list(ordering.steps)]) == [(" → ".join(ordering.steps), 100.0)]
    assert shares(item, []) == []
