"""An independent check of the experiences booked and the costs of an itinerary.

It recomputes from the itinerary's own stops and the experiences' data, sharing no code with
the planner's session windows: each booking inside its stop (after the stop's own minutes),
inside the experience's hours and its place's opening hours that day, at a fixed session when
it has them, for the request's party within its group limits; every must-do experience
booked; and the known fees plus the experiences for the party within the budget.
"""

from __future__ import annotations

import datetime as dt

from ..names import fold
from .itinerary import Itinerary, Stop
from .request import TripRequest

__all__ = ["check_bookings"]


def _minute(value: dt.datetime) -> int:
    return value.hour * 60 + value.minute


def _check_stop(stop: Stop, request: TripRequest, problems: list[str]) -> None:
    b = stop.booking
    if b is None:
        return
    e, v = b.experience, stop.village
    tag = f"{stop.start.date().isoformat()}: {e.id} at {v.id}"
    if e.place_id != v.id:
        problems.append(f"{tag}: the experience belongs to {e.place_id}")
    if b.end - b.start != dt.timedelta(minutes=e.minutes):
        problems.append(f"{tag}: lasts {b.end - b.start}, not {e.minutes} min")
    if b.start < stop.start + dt.timedelta(minutes=stop.stop_minutes) or b.end > stop.end:
        problems.append(
            f"{tag} ({b.start:%H:%M}-{b.end:%H:%M}) is not inside the visit "
            f"({stop.start:%H:%M}-{stop.end:%H:%M}, after {stop.stop_minutes} min to walk in)"
        )
    if e.sessions and b.start.time().replace(tzinfo=None) not in e.sessions:
        times = ", ".join(f"{t:%H:%M}" for t in e.sessions)
        problems.append(f"{tag}: starts at {b.start:%H:%M}, not a session ({times})")
    date, first, last = b.start.date(), _minute(b.start), _minute(b.start) + e.minutes
    for what, hours in (("its hours", e.runs), ("the place's opening hours", v.opening_hours)):
        if hours is None:
            continue
        spans = hours.on(date, request.holidays)
        if not any(s.opens <= first and last <= s.closes for s in spans):
            problems.append(f"{tag} ({b.start:%H:%M}-{b.end:%H:%M}) is not inside {what} that day")
    if b.party != request.party:
        problems.append(f"{tag}: booked for {b.party} people, the party is {request.party}")
    if e.min_group is not None and b.party < e.min_group:
        problems.append(f"{tag}: {b.party} people, fewer than its minimum {e.min_group}")
    if e.max_group is not None and b.party > e.max_group:
        problems.append(f"{tag}: {b.party} people, more than its maximum {e.max_group}")


def check_bookings(itinerary: Itinerary, request: TripRequest) -> list[str]:
    """Every rule of experiences and budget that ``itinerary`` breaks (empty when none).

    Must-do experiences are matched by id or by a name, folded (case and diacritics
    ignored), among the experiences booked.
    """
    problems: list[str] = []
    for stop in itinerary.stops:
        _check_stop(stop, request, problems)
    booked = [s.booking.experience for s in itinerary.stops if s.booking is not None]
    for wanted in request.experiences:
        key = fold(wanted)
        if not any(wanted == e.id or key in {fold(n) for n in (*e.names, e.id)} for e in booked):
            problems.append(f"must-do experience {wanted!r} is not booked")
    ids = [e.id for e in booked]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        problems.append(f"booked more than once: {', '.join(twice)}")
    if request.budget_vnd is not None:
        party = request.party
        fees = sum((s.village.fee_vnd or 0) * party for s in itinerary.stops)
        paid = sum(b.experience.price * b.party for b in (s.booking for s in itinerary.stops) if b)
        if fees + paid > request.budget_vnd:
            problems.append(
                f"costs {fees + paid} VND (fees {fees}, experiences {paid}) for {party} people, "
                f"over the budget of {request.budget_vnd} VND"
            )
    return problems
