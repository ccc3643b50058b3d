"""Points in a live poll: the score, and with the speed bonus between half and all of it."""

from __future__ import annotations

import pytest

from courseware.live.points import points_for


@pytest.mark.parametrize(
    ("score", "elapsed_ms", "seconds", "bonus", "points"),
    [
        (1.0, 5_000, None, False, 1.0),  # no countdown: the score
        (1.0, 5_000, 20, False, 1.0),  # a countdown without the bonus: the score
        (1.0, 0, 20, True, 1.0),  # at once: all of it
        (1.0, 10_000, 20, True, 0.75),  # half-way: three quarters
        (1.0, 20_000, 20, True, 0.5),  # at the last moment: half
        (1.0, 90_000, 20, True, 0.5),  # a phone's clock beyond the countdown: still half
        (0.5, 0, 20, True, 0.5),  # partial credit keeps its share
        (0.0, 0, 20, True, 0.0),  # wrong earns nothing, however fast
        (1.0, None, 20, True, 0.5),  # no time from the phone: no bonus
    ],
)
def test_points(score, elapsed_ms, seconds, bonus, points):
    assert points_for(score, elapsed_ms, seconds, bonus) == points
