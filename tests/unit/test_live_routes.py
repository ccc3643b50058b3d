"""The phone's routes through Starlette's test client: join, follow, answer, and every refusal."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from courseware.content.banks import items_by_id
from courseware.i18n import t
from courseware.learner_routes import COOKIE
from courseware.live.board import PollBoard
from courseware.live.routes import MAX_BODY, LiveRoutes, lifespan_for
from courseware.live.store import LiveStore
from courseware.storage.store import Store

API = "/api/live"


@pytest.fixture
def live(tmp_path: Path) -> LiveStore:
    return LiveStore(Store(f"sqlite:///{tmp_path / 'live.sqlite3'}"))


@pytest.fixture
def client(live: LiveStore) -> Iterator[TestClient]:
    board = PollBoard(lambda: live, tick=0.02)
    app = Starlette(routes=LiveRoutes(board).routes(), lifespan=lifespan_for(board))
    with TestClient(app) as running:
        yield running


def join(client: TestClient, code: str, nickname: str) -> str:
    answer = client.post(f"{API}/join", json={"code": code, "nickname": nickname})
    assert answer.status_code == 200, answer.text
    return answer.json()["token"]


def state(client: TestClient, token: str, since: str = "") -> dict:
    answer = client.get(f"{API}/state", params={"token": token, "since": since})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_a_class_joins_answers_and_sees_the_reveal(client: TestClient, live: LiveStore):
    poll = live.start_session()
    me = join(client, f" {poll.code.lower()} ", "小王")
    other = join(client, poll.code, "小李")
    first = state(client, me)
    assert (first["status"], first["nickname"], first["players"]) == ("waiting", "小王", 2)
    question = live.push(poll.id, "smart-specific-1")
    pushed = state(client, me, since=first["v"])  # waits for the tick that sees the push
    assert pushed["status"] == "question" and pushed["question"]["id"] == question.id
    assert [o["letter"] for o in pushed["question"]["options"]] == ["A", "B", "C", "D"]
    sent = client.post(f"{API}/answer", json={"token": me, "question": question.id, "answer": "b"})
    assert sent.json() == {"outcome": "stored", "message": "已提交。"}
    again = client.post(f"{API}/answer", json={"token": me, "question": question.id, "answer": "c"})
    assert again.json()["outcome"] == "duplicate"  # a retry after a lost reply is confirmed too
    client.post(f"{API}/answer", json={"token": other, "question": question.id, "answer": "a"})
    live.reveal(question.id)
    mine = state(client, me, since=pushed["v"])
    assert mine["status"] == "revealed" and mine["result"]["right"] and mine["rank"] == 1
    theirs = state(client, other)
    assert not theirs["result"]["right"] and theirs["points"] == 0.0
    late = client.post(
        f"{API}/answer", json={"token": other, "question": question.id, "answer": "b"}
    )
    assert late.json() == {"outcome": "revealed", "message": "答案已经公布，不能再作答。"}
    live.end_session(poll.id)
    assert state(client, me, since=mine["v"])["status"] == "ended"
    assert live.tally(question.id).answers == 2


def test_a_waiting_phone_is_answered_when_the_question_comes(client: TestClient, live: LiveStore):
    poll = live.start_session()
    token = join(client, poll.code, "等待")
    version = state(client, token)["v"]
    seen: list[dict] = []
    waiting = threading.Thread(target=lambda: seen.append(state(client, token, since=version)))
    waiting.start()
    live.push(poll.id, "pdca-do-1")
    waiting.join(timeout=20)
    assert seen and seen[0]["status"] == "question"
    assert [o["text"] for o in seen[0]["question"]["options"]] == ["正确", "错误"]


@pytest.mark.parametrize(
    ("body", "status", "problem"),
    [
        ({"code": "ZZZZZZ", "nickname": "小周"}, 404, "unknown_code"),
        ({"code": "{code}", "nickname": "   "}, 422, "nickname_empty"),
        ({"code": "{code}", "nickname": "名" * 30}, 422, "nickname_long"),
        ({"code": "{code}", "nickname": "小王"}, 422, "nickname_taken"),
        ({"code": "{code}"}, 400, "bad_request"),
        ({"code": "{code}", "nickname": "x", "admin": True}, 400, "bad_request"),
    ],
)
def test_joining_refuses_with_a_reason(client, live, body, status, problem):
    poll = live.start_session()
    live.join(poll.code, "小王")
    body = {k: (v.format(code=poll.code) if isinstance(v, str) else v) for k, v in body.items()}
    answer = client.post(f"{API}/join", json=body)
    assert (answer.status_code, answer.json()["problem"]) == (status, problem)
    assert answer.json()["message"]


def test_bad_bodies_and_tokens_are_refused(client: TestClient, live: LiveStore):
    poll = live.start_session()
    token = join(client, poll.code, "小王")
    question = live.push(poll.id, "smart-specific-1")
    huge = client.post(f"{API}/answer", content=b"x" * (MAX_BODY + 1),
                       headers={"Content-Type": "application/json"})  # fmt: skip
    assert (huge.status_code, huge.json()["problem"]) == (413, "too_large")
    broken = client.post(f"{API}/answer", content=b"{not json")
    assert broken.status_code == 400
    stranger = client.post(f"{API}/answer", json={"token": "nope", "question": question.id,
                                                  "answer": "b"})  # fmt: skip
    assert (stranger.status_code, stranger.json()["problem"]) == (404, "unknown_player")
    odd = client.post(
        f"{API}/answer", json={"token": token, "question": question.id, "answer": "z"}
    )
    assert (odd.status_code, odd.json()["problem"]) == (422, "unknown_option")
    empty = client.post(f"{API}/answer", json={"token": token, "question": question.id})
    assert empty.json()["problem"] == "empty"
    other_poll = live.start_session()
    elsewhere = live.push(other_poll.id, "smart-specific-1")
    wrong_poll = client.post(f"{API}/answer", json={"token": token, "question": elsewhere.id,
                                                    "answer": "b"})  # fmt: skip
    assert wrong_poll.json()["outcome"] == "unknown"
    lost = client.get(f"{API}/state", params={"token": "x" * 500})
    assert lost.status_code == 404
    assert live.tally(question.id).answers == 0 and live.tally(elsewhere.id).answers == 0


def test_the_phone_page_is_small_safe_and_fills_a_known_trainee(
    client: TestClient, live: LiveStore
):
    learner = live.store.create_learner("</script><b>王</b>")
    client.cookies.set(COOKIE, learner.token)  # the browser's learner cookie, not the address
    page = client.get("/join", params={"code": "ABCDEF"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'sha256-" in policy
    assert "<b>王" not in page.text  # the name arrives as JSON text, escaped
    assert "\\u003c/script\\u003e\\u003cb\\u003e王" in page.text
    assert '"code": "ABCDEF"' in page.text and "加入码" in page.text
    assert len(page.content) < 40_000


def test_an_answer_to_a_question_pushed_past_says_so(client: TestClient, live: LiveStore):
    session = live.start_session()
    me = join(client, session.code, "小王")
    first = live.push(session.id, "smart-specific-1")
    live.push(session.id, "pdca-do-1")
    sent = client.post(f"{API}/answer", json={"token": me, "question": first.id, "answer": "b"})
    assert sent.status_code == 200
    assert sent.json() == {"outcome": "superseded", "message": "这道题已经结束，请回答当前的题目。"}
    seen = state(client, me)
    while seen.get("question", {}).get("number") != 2:  # the phone moves on to this one
        seen = state(client, me, since=seen["v"])
    assert live.tally(first.id).answers == 0


def test_a_database_that_cannot_be_reached_is_a_503_with_retry(tmp_path: Path):
    from courseware.storage.store import StoreUnavailable

    def unreachable() -> LiveStore:
        raise StoreUnavailable("connection refused")

    board = PollBoard(unreachable, tick=0.02)
    app = Starlette(routes=LiveRoutes(board).routes(), lifespan=lifespan_for(board))
    with TestClient(app) as client:
        joined = client.post(f"{API}/join", json={"code": "ABCDEF", "nickname": "小王"})
        assert (joined.status_code, joined.json()["retry"]) == (503, True)
        sent = client.post(f"{API}/answer", json={"token": "t", "question": 1, "answer": "b"})
        assert sent.status_code == 503
        assert client.get("/join").status_code == 200  # the page itself still loads


def test_a_countdown_shows_on_the_phone_and_a_quick_answer_earns_more(
    client: TestClient, live: LiveStore
):
    poll = live.start_session()
    quick, slow = join(client, poll.code, "快"), join(client, poll.code, "慢")
    question = live.push(poll.id, "smart-specific-1", seconds=20, speed_bonus=True)
    shown = state(client, quick)
    assert shown["status"] == "question" and shown["question"]["seconds"] == 20
    assert 0 < shown["question"]["closes_in"] <= 20
    for token, elapsed in ((quick, 2_000), (slow, 18_000)):
        sent = client.post(f"{API}/answer", json={"token": token, "question": question.id,
                                                  "answer": "b", "elapsed_ms": elapsed})  # fmt: skip
        assert sent.json()["outcome"] == "stored"
    assert live.leaderboard(poll.id) == [("快", 0.95), ("慢", 0.55)]
    odd = client.post(f"{API}/answer", json={"token": quick, "question": question.id,
                                             "answer": "b", "elapsed_ms": -5})  # fmt: skip
    assert odd.status_code == 400


def test_a_mixed_class_reads_each_in_its_own_language_and_counts_together(
    client: TestClient, live: LiveStore
):
    poll = live.start_session()
    chinese = join(client, poll.code, "小王")
    english = client.post(f"{API}/join?lang=en", json={"code": poll.code, "nickname": "Sam"})
    english = english.json()["token"]
    question = live.push(poll.id, "smart-specific-1")
    zh_view = state(client, chinese)
    en_view = client.get(f"{API}/state", params={"token": english, "lang": "en"}).json()
    zh_item, en_item = items_by_id("zh")["smart-specific-1"], items_by_id("en")["smart-specific-1"]
    assert zh_view["question"]["prompt"] == zh_item.prompt
    assert en_view["question"]["prompt"] == en_item.prompt != zh_item.prompt
    right = zh_item.answer
    assert en_item.answer == right  # the answer keys are shared
    sent = client.post(f"{API}/answer?lang=en",
                       json={"token": english, "question": question.id, "answer": right})  # fmt: skip
    assert sent.json() == {"outcome": "stored", "message": t("join.outcomes.stored", "en")}
    client.post(f"{API}/answer", json={"token": chinese, "question": question.id, "answer": right})
    live.reveal(question.id)
    assert live.tally(question.id).answers == 2
    assert state(client, chinese, since=zh_view["v"])["result"]["right"]
    revealed = client.get(f"{API}/state", params={"token": english, "lang": "en",
                                                  "since": en_view["v"]})  # fmt: skip
    assert revealed.json()["result"]["right"]


def test_a_phone_without_a_choice_follows_its_browser_language(client: TestClient):
    page = client.get("/join", headers={"accept-language": "en-GB,en;q=0.9"})
    assert '<html lang="en"' in page.text and "加入码" not in page.text
    assert '<html lang="zh-CN"' in client.get("/join").text
