"""An instructor's unlock that lasts: a signed, HttpOnly cookie on that browser, for 12 hours.

The signing key is derived from the instructor passcode, so every process that shares the
passcode accepts the same cookie, and changing the passcode ends every session. Unlocking in the
app yields a grant (signed, valid for a minute); the page posts it to ``/api/instructor/session``
(``courseware.instructor_routes``), which answers with the cookie. Neither is ever in a URL.
"""

from __future__ import annotations

import hashlib

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner

COOKIE = "courseware_instructor"
SESSION_SECONDS = 12 * 3600
GRANT_SECONDS = 60


def _signer(passcode: str, salt: str) -> TimestampSigner:
    key = hashlib.sha256(f"courseware instructor session:{passcode}".encode()).hexdigest()
    return TimestampSigner(key, salt=salt)


def grant(passcode: str) -> str:
    """A short-lived proof that this browser's session has just been unlocked."""
    return _signer(passcode, "grant").sign("instructor").decode("ascii")


def session_for(passcode: str, granted: str) -> str | None:
    """The cookie value for a valid, unexpired grant (None otherwise)."""
    if not _valid(_signer(passcode, "grant"), granted, GRANT_SECONDS):
        return None
    return _signer(passcode, "session").sign("instructor").decode("ascii")


def is_session(passcode: str, cookie: str | None) -> bool:
    """True for a cookie this passcode signed less than 12 hours ago."""
    return bool(cookie) and _valid(_signer(passcode, "session"), cookie, SESSION_SECONDS)


def _valid(signer: TimestampSigner, value: str, max_age: int) -> bool:
    if len(value) > 200:
        return False
    try:
        return signer.unsign(value, max_age=max_age) == b"instructor"
    except (BadSignature, SignatureExpired):
        return False
