"""A course day's agenda: a running clock over the lessons' durations, with breaks.

What this chooses (a facilitator adjusts it on paper): the day starts at 09:00; after a
lesson, when 90 minutes or more have run since the start or the last break, a 15-minute break
follows; the first break at or after 11:30 is a 30-minute lunch instead. Never a break after
the last lesson. A lesson without ``duration`` counts as 30 minutes, marked as an estimate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["DEFAULT_MINUTES", "Slot", "agenda", "clock"]

DEFAULT_MINUTES = 30
START = 9 * 60
BREAK_AFTER = 90
BREAK = 15
LUNCH_FROM = 11 * 60 + 30
LUNCH = 30


@dataclass(frozen=True)
class Slot:
    """One row of the agenda; ``lesson`` is the lesson's index, or None for a break.

    Attributes:
        start: Minutes after midnight.
        minutes: How long it lasts.
        lesson: Index into the lessons given to :func:`agenda`; None for a break.
        lunch: A lunch break (only when ``lesson`` is None).
        estimated: The lesson had no ``duration``; ``minutes`` is the default.
    """

    start: int
    minutes: int
    lesson: int | None = None
    lunch: bool = False
    estimated: bool = False

    @property
    def end(self) -> int:
        """Minutes after midnight when it ends."""
        return self.start + self.minutes


def clock(minutes: int) -> str:
    """``minutes`` after midnight as ``HH:MM`` (past midnight wraps around)."""
    hours, mins = divmod(minutes % (24 * 60), 60)
    return f"{hours:02d}:{mins:02d}"


def agenda(durations: Sequence[int | None], start: int = START) -> list[Slot]:
    """The agenda for lessons of these durations (minutes; None: unknown), in order.

    Args:
        durations: Each lesson's ``duration``.
        start: When the day starts, in minutes after midnight.

    Returns:
        Lessons and breaks in order; each starts when the one before ends.
    """
    slots: list[Slot] = []
    now = since_break = start
    had_lunch = False
    for index, duration in enumerate(durations):
        minutes = duration if duration is not None and duration > 0 else DEFAULT_MINUTES
        slots.append(Slot(now, minutes, index, estimated=duration is None))
        now += minutes
        if index == len(durations) - 1 or now - since_break < BREAK_AFTER:
            continue
        lunch = not had_lunch and now >= LUNCH_FROM
        had_lunch = had_lunch or lunch
        pause = Slot(now, LUNCH if lunch else BREAK, lunch=lunch)
        slots.append(pause)
        now = since_break = pause.end
    return slots
