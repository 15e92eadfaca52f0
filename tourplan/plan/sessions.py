"""Sessions of experiences: when one fits inside a stop, and the booking a stop holds.

A stop that holds an experience is an ordinary visit of its place (same length, same opening
hours); the experience happens *inside* it, after the stop's own minutes (parking, walking
in) and before it ends, inside the experience's hours and, for fixed sessions, at one of its
start times. :func:`session_windows` turns that rule into the visit-start windows the routing
core understands; :func:`book` finds the session of a scheduled stop. No words here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..exceptions import DataError
from ..model import Village
from ..model.experience import Experience
from ..routing import TimeWindow

__all__ = ["Booking", "SessionOffer", "book", "intersect", "session_spans", "session_windows"]

_DAY = 86_400


@dataclass(frozen=True)
class SessionOffer:
    """What a routing visit offers besides its place: ``experience`` at ``session`` (a fixed
    start time), or at any time inside its hours (``session`` is ``None``)."""

    experience: Experience
    session: dt.time | None = None


@dataclass(frozen=True)
class Booking:
    """An experience booked for a party inside a stop.

    Parameters
    ----------
    experience
        What is booked.
    start
        When it starts (aware, Hanoi time).
    party
        How many people take part.
    """

    experience: Experience
    start: dt.datetime
    party: int

    def __post_init__(self) -> None:
        if self.start.tzinfo is None:
            raise DataError("a booking's start must be timezone-aware", field="start")
        if isinstance(self.party, bool) or not isinstance(self.party, int) or self.party < 1:
            raise DataError(f"party must be at least 1, got {self.party!r}", field="party")

    @property
    def end(self) -> dt.datetime:
        """When it ends."""
        return self.start + dt.timedelta(minutes=self.experience.minutes)

    @property
    def cost(self) -> int:
        """The price for the whole party, in the experience's currency."""
        return self.experience.cost(self.party)


def session_spans(
    experience: Experience, place: Village, date: dt.date, holidays: Collection[dt.date] = ()
) -> list[tuple[int, int]]:
    """Minutes after midnight ``(first start, last start)`` at which ``experience`` may start
    on ``date``: inside its hours (or its place's) and its place's opening hours, at one of
    its sessions when it has fixed ones."""
    hours = experience.runs if experience.runs is not None else place.opening_hours
    spans = [(s.opens, s.closes) for s in hours.on(date, holidays)]
    place_spans = [(s.opens, s.closes) for s in place.opening_hours.on(date, holidays)]
    length = experience.minutes
    starts: list[tuple[int, int]] = []
    for o, c in spans:
        for po, pc in place_spans:
            first, last = max(o, po), min(c, pc) - length
            if last < first:
                continue
            if experience.any_time:
                starts.append((first, last))
            else:
                starts += [
                    (m, m)
                    for t in experience.sessions
                    if first <= (m := t.hour * 60 + t.minute) <= last
                ]
    return sorted(set(starts))


def session_windows(
    offer: SessionOffer,
    place: Village,
    dates: Sequence[dt.date],
    service_s: int,
    stop_s: int,
    holidays: Collection[dt.date] = (),
) -> tuple[TimeWindow, ...]:
    """Visit-start windows (seconds after midnight of ``dates[0]``) of a ``service_s`` stop
    at ``place`` that holds ``offer`` between its first ``stop_s`` seconds and its end."""
    length = offer.experience.minutes * 60
    if service_s - stop_s < length:
        return ()
    windows = []
    for date in dates:
        offset = (date - dates[0]).days * _DAY
        for first, last in session_spans(offer.experience, place, date, holidays):
            if offer.session is not None:
                m = offer.session.hour * 60 + offer.session.minute
                if not first <= m <= last:
                    continue
                first = last = m
            lo = offset + first * 60 + length - service_s
            hi = offset + last * 60 - stop_s
            if hi >= lo:
                windows.append(TimeWindow(lo, hi))
    return tuple(windows)


def intersect(a: Sequence[TimeWindow], b: Sequence[TimeWindow]) -> tuple[TimeWindow, ...]:
    """The instants inside a window of ``a`` and a window of ``b``, as windows."""
    out = []
    for x in a:
        for y in b:
            lo, hi = max(x.start, y.start), min(x.end, y.end)
            if lo <= hi:
                out.append(TimeWindow(lo, hi))
    return tuple(out)


def book(
    offer: SessionOffer,
    place: Village,
    start: dt.datetime,
    end: dt.datetime,
    stop_minutes: int,
    party: int,
    holidays: Collection[dt.date] = (),
) -> Booking | None:
    """The earliest session of ``offer`` inside a stop at ``place`` from ``start`` to ``end``
    (after its first ``stop_minutes``), or ``None`` when none fits."""
    date = start.date()
    midnight = start.replace(hour=0, minute=0, second=0, microsecond=0)
    earliest = (start - midnight).total_seconds() / 60 + stop_minutes
    latest = (end - midnight).total_seconds() / 60 - offer.experience.minutes
    fixed = None if offer.session is None else offer.session.hour * 60 + offer.session.minute
    for first, last in session_spans(offer.experience, place, date, holidays):
        if fixed is not None and first != fixed:
            continue
        minute = int(-(-max(first, earliest) // 1))  # whole minutes
        if minute <= min(last, latest):
            return Booking(offer.experience, midnight + dt.timedelta(minutes=minute), party)
    return None
