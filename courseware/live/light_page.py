"""The live class's light pages (the phone's ``join`` and the projector's ``screen``): each one
small HTML file with its style and script inline, served beside Streamlit.

A page is ``assets/live/<name>.html|css|js``; ``options.css`` (the lettered options' colours,
alike on phones and on the screen) comes first in every page's style. Built once per language
and change of those files; the texts come from the language's catalog table of the same name.
A Content-Security-Policy allows exactly the inline style and script, by their hashes.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from typing import Any

from starlette.responses import HTMLResponse

from courseware.i18n import lookup, t
from courseware.paths import ASSETS_DIR

PAGES_DIR = ASSETS_DIR / "live"
SHARED_STYLE = "options.css"
CATALOG = {"join": "phone", "screen": "screen"}  # page -> its table of UI strings


def strings(name: str, lang: str) -> dict[str, str]:
    """The page's texts: its table in the language's catalog."""
    return {key: str(value) for key, value in lookup(CATALOG[name], lang).items()}


def light_page(name: str, lang: str, config: dict[str, Any]) -> tuple[str, str]:
    """The page's HTML, with ``config`` (and its texts) for its script, and its CSP header."""
    stamp = tuple(p.stat().st_mtime_ns for p in sorted(PAGES_DIR.iterdir()))
    template, policy = _template(name, lang, stamp)
    config = config | {"lang": lang, "strings": strings(name, lang)}
    return template.replace("{config}", _json_for_script(config)), policy


@lru_cache(maxsize=16)
def _template(name: str, lang: str, _stamp: tuple[int, ...]) -> tuple[str, str]:
    html = (PAGES_DIR / f"{name}.html").read_text(encoding="utf-8")
    style = (PAGES_DIR / SHARED_STYLE).read_text(encoding="utf-8")
    style += (PAGES_DIR / f"{name}.css").read_text(encoding="utf-8")
    script = (PAGES_DIR / f"{name}.js").read_text(encoding="utf-8")
    page = (
        html.replace("{lang}", "zh-CN" if lang == "zh" else lang)
        .replace("{title}", t(f"{CATALOG[name]}.title", lang))
        .replace("{style}", style)
        .replace("{script}", script)
    )
    policy = (
        "default-src 'none'; "
        f"script-src '{_sha256(script)}'; style-src '{_sha256(style)}'; "
        "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )
    return page, policy


def page_response(html: str, policy: str) -> HTMLResponse:
    """A light page as served: its CSP, and never cached (it carries the join code and texts)."""
    return HTMLResponse(
        html, headers={"Content-Security-Policy": policy, "Cache-Control": "no-store"}
    )


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _json_for_script(value: object) -> str:
    """JSON that is safe inside <script type="application/json">: no '<', '>' or '&' as such."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
