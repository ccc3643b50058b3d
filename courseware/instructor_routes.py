"""``/api/instructor/session``: trades an unlock's grant for the lasting instructor cookie.

POST {grant} sets the HttpOnly cookie (12 hours, this browser only); DELETE clears it.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from courseware import instructor_session
from courseware.passcode import current_passcode

MAX_BODY = 1024


def is_instructor(request: Request) -> bool:
    """The request carries this browser's instructor cookie, still valid."""
    cookie = request.cookies.get(instructor_session.COOKIE)
    return instructor_session.is_session(current_passcode(), cookie)


async def session(request: Request) -> Response:
    if request.method == "DELETE":
        answer = JSONResponse({"signed_in": False})
        answer.delete_cookie(instructor_session.COOKIE, path="/")
        return answer
    raw = await request.body()
    try:
        granted = json.loads(raw)["grant"] if len(raw) <= MAX_BODY else ""
    except (ValueError, KeyError, TypeError):
        granted = ""
    cookie = instructor_session.session_for(current_passcode(), str(granted))
    if cookie is None:
        return JSONResponse({"problem": "bad_grant"}, status_code=403)
    answer = JSONResponse({"signed_in": True})
    answer.set_cookie(
        instructor_session.COOKIE, cookie, max_age=instructor_session.SESSION_SECONDS,
        path="/", httponly=True, samesite="strict", secure=request.url.scheme == "https",
    )  # fmt: skip
    return answer


def instructor_routes() -> list[BaseRoute]:
    return [Route("/api/instructor/session", session, methods=["POST", "DELETE"])]
