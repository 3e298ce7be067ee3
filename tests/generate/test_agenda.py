"""The facilitator view's agenda: a running clock over the lessons, breaks where chosen."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from site_build.generate.agenda import BREAK_AFTER, DEFAULT_MINUTES, START, agenda, clock


def test_course_a_runs_from_nine_with_a_break_and_lunch() -> None:
    rows = [(clock(s.start), clock(s.end), s.lesson, s.lunch)
            for s in agenda([40, 35, 45, 45, 45, 45, 30])]
    assert rows == [
        ("09:00", "09:40", 0, False), ("09:40", "10:15", 1, False),
        ("10:15", "11:00", 2, False), ("11:00", "11:15", None, False),
        ("11:15", "12:00", 3, False), ("12:00", "12:45", 4, False),
        ("12:45", "13:15", None, True),
        ("13:15", "14:00", 5, False), ("14:00", "14:30", 6, False)]


def test_a_lesson_without_duration_is_an_estimate() -> None:
    [slot] = agenda([None])
    assert (slot.minutes, slot.estimated) == (DEFAULT_MINUTES, True)


def test_clock() -> None:
    assert (clock(0), clock(9 * 60 + 5), clock(24 * 60 + 61)) == ("00:00", "09:05", "01:01")


@given(st.lists(st.one_of(st.none(), st.integers(1, 240)), max_size=30))
def test_any_track_shape(durations: list[int | None]) -> None:
    slots = agenda(durations)
    assert [s.lesson for s in slots if s.lesson is not None] == list(range(len(durations)))
    assert all(a.end == b.start for a, b in itertools.pairwise(slots))
    assert not slots or (slots[0].start == START and slots[-1].lesson is not None)
    assert sum(s.lunch for s in slots) <= 1
    # A break only after at least BREAK_AFTER minutes of lessons since the last one.
    since = START
    for s in slots:
        if s.lesson is None:
            assert s.start - since >= BREAK_AFTER
            since = s.end
    assert all(s.minutes > 0 for s in slots)
