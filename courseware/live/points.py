"""Points in a live poll: for being right, and optionally for being quick.

An answer earns its score (1 when right, partial credit as in the quizzes). With a countdown and
the speed bonus on, it earns between half and all of that score by how quickly it came: the
full score at once, half of it at the last moment. The time is measured on the phone, from when
it showed the question to the tap, so a slow network costs nobody points.
"""

from __future__ import annotations


def points_for(
    score: float, elapsed_ms: int | None, seconds: int | None, speed_bonus: bool
) -> float:
    """The points an answer earns."""
    if not (speed_bonus and seconds) or score <= 0:
        return score
    used = min(max(elapsed_ms if elapsed_ms is not None else seconds * 1000, 0), seconds * 1000)
    return round(score * (1 - 0.5 * used / (seconds * 1000)), 3)
