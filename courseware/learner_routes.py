"""``/api/learner/session``: keeps a learner's resume token in this browser, out of every address.

POST {token} sets an HttpOnly cookie (a year, this browser only); DELETE clears it. The app reads
the cookie when a browser connects, and the live poll's phone page reads it to greet the trainee
by name. The token is checked against the store where it is used, not here: a cookie that names
no learner signs no one in. Only a JSON body is taken, which a form on another site cannot send.
"""

from __future__ import annotations

import json
import re

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

COOKIE = "courseware_learner"
ROUTE = "/api/learner/session"
COOKIE_SECONDS = 365 * 24 * 3600
MAX_BODY = 1024
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,43}$")


def well_formed(token: object) -> bool:
    """A string shaped like the tokens the store hands out."""
    return isinstance(token, str) and bool(_TOKEN.match(token))


def token_from(request: Request) -> str | None:
    """The learner token this browser keeps, when it looks like one."""
    token = request.cookies.get(COOKIE)
    return token if well_formed(token) else None


async def session(request: Request) -> Response:
    if request.method == "DELETE":
        answer = JSONResponse({"kept": False})
        answer.delete_cookie(COOKIE, path="/")
        return answer
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        return JSONResponse({"problem": "json_only"}, status_code=415)
    raw = await request.body()
    try:
        token = json.loads(raw)["token"] if len(raw) <= MAX_BODY else None
    except (ValueError, KeyError, TypeError):
        token = None
    if not well_formed(token):
        return JSONResponse({"problem": "bad_token"}, status_code=400)
    answer = JSONResponse({"kept": True})
    answer.set_cookie(
        COOKIE, token, max_age=COOKIE_SECONDS, path="/", httponly=True, samesite="lax",
        secure=request.url.scheme == "https",
    )  # fmt: skip
    return answer


def learner_routes() -> list[BaseRoute]:
    return [Route(ROUTE, session, methods=["POST", "DELETE"])]
