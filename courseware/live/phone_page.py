"""The phone page of a live poll: one small HTML file with its style and script inline.

Built from ``assets/phone/`` once per language and change of those files; the page's texts come
from the ``[phone]`` table of the language's catalog. A Content-Security-Policy allows exactly
the inline style and script by their hashes, and requests to this server only.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache

from courseware.i18n import lookup, t
from courseware.paths import ASSETS_DIR

PHONE_DIR = ASSETS_DIR / "phone"


def strings(lang: str) -> dict[str, str]:
    """The page's texts: the ``[phone]`` table of the language's catalog."""
    return {key: str(value) for key, value in lookup("phone", lang).items()}


def phone_page(lang: str, api: str, code: str, nickname: str) -> tuple[str, str]:
    """The page's HTML and its Content-Security-Policy header."""
    stamp = tuple(p.stat().st_mtime_ns for p in sorted(PHONE_DIR.glob("join.*")))
    template, policy = _template(lang, stamp)
    config = {"api": api, "code": code, "nickname": nickname, "lang": lang,
              "strings": strings(lang)}  # fmt: skip
    return template.replace("{config}", _json_for_script(config)), policy


@lru_cache(maxsize=8)
def _template(lang: str, _stamp: tuple[int, ...]) -> tuple[str, str]:
    html = (PHONE_DIR / "join.html").read_text(encoding="utf-8")
    style = (PHONE_DIR / "join.css").read_text(encoding="utf-8")
    script = (PHONE_DIR / "join.js").read_text(encoding="utf-8")
    page = (
        html.replace("{lang}", "zh-CN" if lang == "zh" else lang)
        .replace("{title}", t("phone.title", lang))
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


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _json_for_script(value: object) -> str:
    """JSON that is safe inside <script type="application/json">: no '<', '>' or '&' as such."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
