"""The light path of a live poll: the phone page and its JSON routes, served beside Streamlit.

    GET  /join                       the phone page (one small HTML file, no Streamlit)
    POST /api/live/join              {code, nickname} -> {token, nickname, code}
    GET  /api/live/state?token&since the phone's view; waits up to LONG_POLL_SECONDS for a change
    POST /api/live/answer            {token, question, answer} -> {outcome, message}

No route runs a Streamlit script. Phones wait on the process's ``PollBoard``, which reads each
poll once per tick; answers are scored here and stored through ``LiveStore``. Every refusal
is JSON with a ``problem`` code and a ``message`` in the page's language.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from courseware.assessment.scoring import check
from courseware.content.banks import items_by_id
from courseware.i18n import DEFAULT_LANG, languages, t
from courseware.learner_routes import token_from
from courseware.live.board import PollBoard
from courseware.live.light_page import light_page, page_response
from courseware.live.phone_question import read_answer
from courseware.live.points import points_for
from courseware.live.snapshot import phone_state
from courseware.live.store import MAX_NICKNAME, LiveStore, Player, normalise_code
from courseware.storage.store import Learner, StoreUnavailable

API = "/api/live"
MAX_BODY = 16 * 1024  # bytes: an answer is a few hundred
LONG_POLL_SECONDS = 25.0
TOKEN_CHARS = 43

log = logging.getLogger(__name__)


class JoinRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(max_length=40)
    nickname: str = Field(max_length=MAX_NICKNAME * 4)


class AnswerRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: str = Field(min_length=1, max_length=TOKEN_CHARS)
    question: int = Field(ge=1)
    answer: Any = None
    elapsed_ms: int | None = Field(
        default=None, ge=0, le=3_600_000
    )  # shown -> tapped, on the phone


def refusal(status: int, problem: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"problem": problem, "message": message, **extra}, status_code=status)


def language_of(request: Request, fallback: str) -> str:
    """``?lang=`` when the course has it, else the first of Accept-Language it has, else
    ``fallback``."""
    asked = request.query_params.get("lang", "")
    if asked in languages():
        return asked
    for part in request.headers.get("accept-language", "").split(",")[:10]:
        base = part.split(";")[0].strip().lower().split("-")[0]
        if base in languages():
            return base
    return fallback


def unavailable(lang: str) -> JSONResponse:
    """The database is out of reach: try again (the phone keeps what it was sending)."""
    return refusal(503, "unavailable", t("phone.unavailable", lang), retry=True)


class LiveRoutes:
    """The routes, bound to one process's board (and through it, the database)."""

    def __init__(self, board: PollBoard, lang: str = DEFAULT_LANG) -> None:
        self.board = board
        self.lang = lang

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/join", self.page, methods=["GET"]),
            Route(f"{API}/join", self.join, methods=["POST"]),
            Route(f"{API}/state", self.state, methods=["GET"]),
            Route(f"{API}/answer", self.answer, methods=["POST"]),
        ]

    def language(self, request: Request) -> str:
        """The phone's language: the page's ``?lang=``, else the browser's, else the server's.

        Each phone reads the question in its own language; answers count together, since the
        items of every language share their ids and answer keys.
        """
        return language_of(request, self.lang)

    async def page(self, request: Request) -> Response:
        code = request.query_params.get("code", "")[:12]
        found = await self._learner(token_from(request) or "")
        nickname = found.name[:MAX_NICKNAME] if found is not None else ""
        config = {"api": API, "code": code, "nickname": nickname}
        html, policy = light_page("join", self.language(request), config)
        return page_response(html, policy)

    async def join(self, request: Request) -> Response:
        lang = self.language(request)
        body = await self._body(request, JoinRequest)
        if isinstance(body, Response):
            return body
        learner = await self._learner(token_from(request) or "")
        learner_id = learner.id if learner is not None else None
        try:
            joined = await self.board.call(
                lambda live: live.join(body.code, body.nickname, learner_id)
            )
        except StoreUnavailable:
            return unavailable(lang)
        if not isinstance(joined, Player):
            status = 404 if joined in ("unknown_code", "ended") else 422
            return refusal(status, str(joined), t(f"join.problems.{joined}", lang))
        return JSONResponse(
            {"token": joined.token, "nickname": joined.nickname, "code": normalise_code(body.code)}
        )

    async def state(self, request: Request) -> Response:
        lang = self.language(request)
        token = request.query_params.get("token", "")[: TOKEN_CHARS + 1]
        since = request.query_params.get("since", "")[:40]
        try:
            player = await self.board.player(token)
            if player is None:
                return refusal(404, "unknown_player", t("phone.unknown_player", lang))
            self.board.saw(player)
            snapshot = await self.board.wait(player.session_id, since, LONG_POLL_SECONDS)
        except StoreUnavailable:
            return unavailable(lang)
        if snapshot is None:
            return refusal(404, "unknown_player", t("phone.unknown_player", lang))
        view = phone_state(snapshot, player.id, items_by_id(lang), lang)
        return JSONResponse(view | {"nickname": player.nickname},
                            headers={"Cache-Control": "no-store"})  # fmt: skip

    async def answer(self, request: Request) -> Response:
        lang = self.language(request)
        body = await self._body(request, AnswerRequest)
        if isinstance(body, Response):
            return body
        try:
            player = await self.board.player(body.token)
            if player is None:
                return refusal(404, "unknown_player", t("phone.unknown_player", lang))
            snapshot = await self.board.snapshot(player.session_id)
            item_id = await self._item_of(body.question, snapshot)
        except StoreUnavailable:
            return unavailable(lang)
        item = items_by_id(lang).get(item_id or "")
        if item is None:
            return JSONResponse({"outcome": "unknown", "message": t("join.outcomes.unknown", lang)})
        response = read_answer(item, body.answer)
        checked = check(item, response)
        if checked.problem:
            return refusal(422, checked.problem, t(f"quiz.problems.{checked.problem}", lang))
        timed = snapshot is not None and snapshot.question_id == body.question
        points = points_for(checked.score, body.elapsed_ms, snapshot.seconds if timed else None,
                            timed and snapshot.speed_bonus)  # fmt: skip
        try:
            outcome = await self.board.call(
                lambda live: live.answer(body.question, player, response, checked.score, points)
            )
            if outcome == "superseded":  # this process has not seen the push yet: read it now,
                await self.board.reread(player.session_id)  # so the phone catches up at once
        except StoreUnavailable:
            return unavailable(lang)
        if outcome == "stored" and player.learner_id is not None:
            await self._review(player.learner_id, item.id, checked.score, body.elapsed_ms)
        return JSONResponse({"outcome": outcome, "message": t(f"join.outcomes.{outcome}", lang)})

    async def _review(
        self, learner_id: int, item_id: str, score: float, elapsed_ms: int | None
    ) -> None:
        """A linked trainee's live answer is a review too; one not recorded is only logged."""
        seconds = elapsed_ms / 1000 if elapsed_ms is not None else None
        now = datetime.now(UTC)
        try:
            await self.board.call(
                lambda live: live.store.review_answer(
                    learner_id, item_id, score, seconds, now, source="live"
                )
            )
        except StoreUnavailable as fault:  # the answer is stored: it is never refused for this
            log.warning("live review of %s not recorded: %s", item_id, fault)
        except Exception:
            log.exception("live review of %s not recorded", item_id)

    async def _item_of(self, question_id: int, snapshot: Any) -> str | None:
        """The item of a question: the board knows the current one; others are looked up."""
        if snapshot is not None and snapshot.question_id == question_id:
            return snapshot.item_id
        return await self.board.call(lambda live: live.item_of(question_id))

    async def _learner(self, token: str) -> Learner | None:
        """A trainee who saves progress, by this browser's learner cookie (their name is
        offered as the nickname, and their answers become reviews)."""
        if not token or len(token) > TOKEN_CHARS:
            return None
        try:
            found = await self.board.call(lambda live: live.store.learner_by_token(token))
        except StoreUnavailable:
            return None
        return found if isinstance(found, Learner) else None

    async def _body(self, request: Request, model: type[BaseModel]) -> Any:
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
            return refusal(413, "too_large", t("phone.too_large", self.language(request)))
        raw = b""
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > MAX_BODY:
                return refusal(413, "too_large", t("phone.too_large", self.language(request)))
        try:
            return model.model_validate(json.loads(raw))
        except (ValueError, ValidationError):
            return refusal(400, "bad_request", t("phone.bad_request", self.language(request)))


def lifespan_for(board: PollBoard) -> Callable[[Any], Any]:
    """The server's lifespan: the board ticks for as long as the server runs."""

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        import asyncio

        ticking = asyncio.create_task(board.run())
        try:
            yield
        finally:
            ticking.cancel()

    return lifespan


def live_store_opener() -> Callable[[], LiveStore]:
    """The live store of this process's database, opened on first use and again after a fault."""
    from courseware.storage.database import database_for
    from courseware.storage.store import database_url

    built: dict[int, LiveStore] = {}  # by the store it stands on

    def open_live() -> LiveStore:
        database = database_for(database_url())
        store = database.store()
        if store is None:
            raise StoreUnavailable("the database cannot be opened", database.fault())
        if id(store) not in built:
            built[id(store)] = LiveStore(store)
        return built[id(store)]

    return open_live
