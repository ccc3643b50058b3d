"""Wrong passcodes are limited per client address and per process, over a sliding window."""

from courseware.passcode import GuessLimit


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_address_waits_after_its_limit_and_others_do_not():
    clock = Clock()
    limit = GuessLimit(per_address=3, per_process=100, window=60.0, clock=clock)
    for _ in range(3):
        assert limit.wait_before_guess("10.0.0.7") == 0.0
        limit.wrong("10.0.0.7")
        clock.now += 1.0
    assert limit.wait_before_guess("10.0.0.7") == 57.0  # the first wrong guess ages out then
    assert limit.wait_before_guess("10.0.0.8") == 0.0
    clock.now += 57.0
    assert limit.wait_before_guess("10.0.0.7") == 0.0


def test_all_addresses_together_are_limited_per_process():
    clock = Clock()
    limit = GuessLimit(per_address=10, per_process=4, window=60.0, clock=clock)
    for n in range(4):
        limit.wrong(f"10.0.0.{n}")
    assert limit.wait_before_guess("10.0.0.99") == 60.0
    clock.now += 60.0
    assert limit.wait_before_guess("10.0.0.99") == 0.0


def test_each_wrong_guess_is_logged_with_address_and_time(caplog):
    limit = GuessLimit()
    with caplog.at_level("WARNING", logger="courseware"):
        limit.wrong("192.0.2.5")
    assert (
        caplog.records[-1].getMessage().startswith("wrong instructor passcode from 192.0.2.5 at 20")
    )
