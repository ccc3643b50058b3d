"""Where phones join: ``COURSEWARE_PUBLIC_URL`` when set, else the address the request came to."""

from __future__ import annotations

import io
import ipaddress
import os
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno

PUBLIC_URL_ENV = "COURSEWARE_PUBLIC_URL"


def public_base(request_url: str) -> str:
    """The address phones can reach, e.g. ``https://class.example.com`` (no trailing slash).

    ``COURSEWARE_PUBLIC_URL`` may carry a path (the app behind a proxy at ``/course``); the
    request's own address gives only its scheme and host.
    """
    configured = os.environ.get(PUBLIC_URL_ENV)
    parts = urlsplit(configured or request_url or "http://localhost:8501/")
    path = parts.path.rstrip("/") if configured else ""
    return urlunsplit((parts.scheme or "http", parts.netloc, path, "", ""))


def join_url(base: str, code: str | None = None, lang: str | None = None) -> str:
    """The phone page, with the poll's code when there is one, and a language when the link is
    one trainee's (a projected QR code leaves each phone to its own); never who the trainee is."""
    query = {"code": code} if code else {}
    if lang:
        query["lang"] = lang
    return f"{base}/join" + (f"?{urlencode(query)}" if query else "")


def is_loopback(url: str) -> bool:
    """True when phones cannot reach ``url``: localhost or a loopback address."""
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def qr_svg(text: str) -> str:
    """A QR code of ``text`` as an SVG image (made by the segno library)."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="svg", scale=10, border=2)
    return buffer.getvalue().decode("utf-8")
