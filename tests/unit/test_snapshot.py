"""Each phone's view of a poll, worked out from one snapshot in memory."""

from __future__ import annotations

from courseware.content.banks import items_by_id
from courseware.live.snapshot import PollSnapshot, phone_state

ITEMS = items_by_id("zh")
ME, OTHER = 1, 2


def test_before_any_question_the_phone_waits():
    state = phone_state(PollSnapshot(5, False, players=3), ME, ITEMS)
    assert state == {"v": "0.0.0", "players": 3, "status": "waiting"}


def test_an_open_question_is_shown_until_this_phone_has_answered():
    open_one = PollSnapshot(5, False, 40, "smart-specific-1", 2, answers={OTHER: 1.0})
    shown = phone_state(open_one, ME, ITEMS)
    assert shown["status"] == "question" and shown["question"]["number"] == 2
    assert phone_state(open_one, OTHER, ITEMS)["status"] == "answered"


def test_the_reveal_tells_each_phone_its_own_result_and_rank():
    revealed = PollSnapshot(5, False, 40, "smart-specific-1", 1, True, 3,
                            answers={ME: 0.0, OTHER: 1.0}, points={ME: 1.5, OTHER: 2.0})  # fmt: skip
    mine = phone_state(revealed, ME, ITEMS)
    assert mine["status"] == "revealed" and mine["result"]["answered"]
    assert not mine["result"]["right"] and mine["result"]["answer"].startswith("B. ")
    assert (mine["points"], mine["rank"]) == (1.5, 2)
    theirs = phone_state(revealed, OTHER, ITEMS)
    assert theirs["result"]["right"] and theirs["rank"] == 1
    late = phone_state(revealed, 99, ITEMS)
    assert not late["result"]["answered"] and late["rank"] == 3


def test_the_version_changes_with_a_question_a_reveal_and_the_end():
    versions = {
        PollSnapshot(5, False).version,
        PollSnapshot(5, False, 40, "pdca-do-1").version,
        PollSnapshot(5, False, 40, "pdca-do-1", answers={ME: 1.0}).version,
        PollSnapshot(5, False, 40, "pdca-do-1", revealed=True).version,
        PollSnapshot(5, True, 40, "pdca-do-1", revealed=True).version,
    }
    assert len(versions) == 4  # an answer alone does not wake every phone


def test_an_item_gone_from_the_bank_leaves_the_phone_waiting():
    assert phone_state(PollSnapshot(5, False, 40, "no-such-item"), ME, ITEMS)["status"] == "waiting"


def test_the_end_shows_the_final_standing():
    ended = PollSnapshot(5, True, 40, "pdca-do-1", 1, True, points={ME: 3.0, OTHER: 3.0})
    assert phone_state(ended, ME, ITEMS) == {
        "v": "40.1.1", "players": 0, "status": "ended", "points": 3.0, "rank": 1,
    }  # fmt: skip
