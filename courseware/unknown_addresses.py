"""An address the app has no page for goes to the app's own "not found" page.

Streamlit answers every unknown path with its page and an English "Page not found" dialog. This
ASGI middleware sends a browser that asks for such a page (a document request for a path that is
neither a page of the navigation nor a route beside it) to ``/not-found?address=…``, which
speaks the course's language and lists the parts.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any
from urllib.parse import quote, urlencode

NOT_FOUND = "not-found"
MAX_ADDRESS = 200
_STREAMLIT_PREFIXES = ("_stcore", "static", "media", "component", "app", "~")


def is_unknown(path: str, pages: Collection[str], routes: Collection[str]) -> bool:
    """Whether a document request for ``path`` names no page and no route (files pass)."""
    trimmed = path.strip("/")
    first = trimmed.split("/", 1)[0]
    if trimmed in pages or first in routes or first.startswith(_STREAMLIT_PREFIXES):
        return False
    return "." not in trimmed.rsplit("/", 1)[-1]  # a file (favicon.png, robots.txt) is Streamlit's


class UnknownAddresses:
    """Redirect page requests for unknown addresses; pass everything else through."""

    def __init__(self, app: Any, pages: Callable[[], Collection[str]], routes: Collection[str]):
        self.app, self.pages, self.routes = app, pages, set(routes)

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and _wants_page(scope):
            path = scope.get("path", "/")
            if is_unknown(path, self.pages(), self.routes):
                await _redirect(send, path)
                return
        await self.app(scope, receive, send)


def _wants_page(scope: dict) -> bool:
    headers = dict(scope.get("headers") or [])
    return b"text/html" in headers.get(b"accept", b"")


async def _redirect(send: Callable, path: str) -> None:
    address = quote(path[:MAX_ADDRESS], safe="/")
    location = f"/{NOT_FOUND}?{urlencode({'address': address}, safe='/%')}"
    headers = [(b"location", location.encode("ascii")), (b"cache-control", b"no-store"),
               (b"content-length", b"0")]  # fmt: skip
    await send({"type": "http.response.start", "status": 302, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
