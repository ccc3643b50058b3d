"""The projector's view of a poll, served beside Streamlit to instructors only.

    GET /screen?code          the page: question, lettered options and bars, code and QR, podium
    GET /api/live/screen?code what it shows, as JSON (the page asks twice a second)

Both need the browser's instructor cookie (``courseware.instructor_session``).
"""

from __future__ import annotations

from base64 import b64encode

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route

from courseware.content.banks import items_by_id
from courseware.i18n import DEFAULT_LANG, t
from courseware.instructor_routes import is_instructor
from courseware.live.board import PollBoard
from courseware.live.join_address import join_url, public_base, qr_svg
from courseware.live.light_page import light_page, page_response
from courseware.live.routes import API, language_of, refusal, unavailable
from courseware.live.screen import screen_state
from courseware.live.store import normalise_code
from courseware.storage.store import StoreUnavailable


class ScreenRoutes:
    """The projector's routes, bound to one process's board."""

    def __init__(self, board: PollBoard, lang: str = DEFAULT_LANG) -> None:
        self.board = board
        self.lang = lang

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/screen", self.screen_page, methods=["GET"]),
            Route(f"{API}/screen", self.screen, methods=["GET"]),
        ]

    def language(self, request: Request) -> str:
        """The instructor's language, carried by the screen's address (``?lang=``)."""
        return language_of(request, self.lang)

    async def screen_page(self, request: Request) -> Response:
        lang = self.language(request)
        if not is_instructor(request):
            return HTMLResponse(t("screen.locked", lang), status_code=403)
        code = normalise_code(request.query_params.get("code", ""))[:12]
        link = join_url(public_base(str(request.base_url)), code)
        config = {
            "api": API,
            "code": code,
            "join": link,
            "qr": "data:image/svg+xml;base64," + b64encode(qr_svg(link).encode()).decode(),
        }
        html, policy = light_page("screen", lang, config)  # fmt: skip
        return page_response(html, policy)

    async def screen(self, request: Request) -> Response:
        lang = self.language(request)
        if not is_instructor(request):
            return refusal(403, "instructor_only", t("screen.locked", lang))
        code = request.query_params.get("code", "")[:40]
        try:
            poll = await self.board.call(lambda live: live.find_session(code))
            if poll is None:
                return refusal(404, "unknown_code", t("join.problems.unknown_code", lang))
            snapshot = await self.board.snapshot(poll.id)
            item = items_by_id(lang).get(snapshot.item_id or "")
            question = snapshot.question_id
            responses = (
                await self.board.call(lambda live: live.responses(question)) if question else []
            )
            shows_podium = snapshot.revealed or snapshot.ended
            podium = (
                await self.board.call(lambda live: live.leaderboard(poll.id))
                if shows_podium
                else []
            )
        except StoreUnavailable:
            return unavailable(lang)
        view = screen_state(snapshot, item, responses, podium, lang)
        return JSONResponse(view, headers={"Cache-Control": "no-store"})
