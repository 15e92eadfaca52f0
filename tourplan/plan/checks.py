"""An independent check of an itinerary against the request, in the traveller's terms.

It uses nothing from the solver: only the itinerary's own datetimes, the villages' opening
hours, the request and (optionally) the travel matrix. Tests run it on every itinerary they
produce; users can run it on itineraries they edit or load from JSON.
"""

from __future__ import annotations

import datetime as dt
import itertools

from ..exceptions import TourplanError, UnknownPlaceError
from ..model import Villages
from .booking_checks import check_bookings
from .itinerary import Day, Itinerary
from .request import TripRequest
from .value import length_minutes

__all__ = ["ItineraryError", "check_itinerary", "validate_itinerary"]

_EPS = dt.timedelta(seconds=0)


class ItineraryError(TourplanError, ValueError):
    """An itinerary breaks a rule; ``problems`` lists every rule broken."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(
            "the itinerary is not feasible:\n" + "\n".join(f"  - {p}" for p in problems)
        )


def _local(value: dt.datetime, date: dt.date, what: str, problems: list[str]) -> int:
    """Minutes after local midnight of ``date``; a problem when the datetime is another day."""
    if value.tzinfo is None or value.utcoffset() is None:
        problems.append(f"{what} {value.isoformat()} has no time zone")
        return 0
    if value.utcoffset() != dt.timedelta(hours=7):
        problems.append(f"{what} {value.isoformat()} is not in Hanoi time (UTC+7)")
    if value.date() != date:
        problems.append(f"{what} {value.isoformat()} is not on {date.isoformat()}")
    return value.hour * 60 + value.minute + (value.second / 60)  # type: ignore[return-value]


def _check_day(day: Day, request: TripRequest, problems: list[str]) -> None:
    date = day.date
    tag = f"{date.isoformat()}"
    if date not in request.dates:
        problems.append(f"{tag}: the trip has no such date")
    if not day.stops:
        if not day.legs and day.start_place.id == day.end_place.id:
            return  # a day that does not go out
        if len(day.legs) != 1:
            problems.append(
                f"{tag}: a day without stops from {day.start_place.id} to {day.end_place.id} "
                f"needs one journey, found {len(day.legs)}"
            )
            return
    day_open = request.day_start.hour * 60 + request.day_start.minute
    day_close = request.day_end.hour * 60 + request.day_end.minute
    leave = _local(day.departure, date, f"{tag} departure", problems)
    back = _local(day.arrival, date, f"{tag} return", problems)
    if leave < day_open:
        problems.append(
            f"{tag}: leaves at {day.departure:%H:%M}, before the day starts "
            f"({request.day_start:%H:%M})"
        )
    if back > day_close:
        problems.append(
            f"{tag}: returns at {day.arrival:%H:%M}, after the day ends ({request.day_end:%H:%M})"
        )
    # a long stay split by lunch is one stop (Day.visits)
    if request.max_stops_per_day is not None and len(day.visits) > request.max_stops_per_day:
        problems.append(
            f"{tag}: {len(day.visits)} stops, more than the maximum {request.max_stops_per_day}"
        )

    # The timeline: depart, then (leg, stop)*, leg, arrive; breaks sit between events.
    events: list[tuple[dt.datetime, dt.datetime, str]] = []
    for leg in day.legs:
        events.append((leg.depart, leg.arrive, f"leg {leg.origin} -> {leg.destination}"))
    for stop in day.stops:
        events.append((stop.start, stop.end, f"visit {stop.village.id}"))
    for brk in day.breaks:
        if not brk.on_the_way:  # a roadside break lies inside its journey: checked below
            events.append((brk.start, brk.end, f"{brk.name} break at {brk.place}"))
    events.sort(key=lambda e: (e[0], e[1]))
    for (s1, e1, n1), (s2, e2, n2) in itertools.pairwise(events):
        if s2 < e1 and e1 > s1 and e2 > s2:
            problems.append(
                f"{tag}: {n1} ({s1:%H:%M}-{e1:%H:%M}) overlaps {n2} ({s2:%H:%M}-{e2:%H:%M})"
            )
    if day.legs and day.legs[0].depart < day.departure:
        problems.append(f"{tag}: the first leg leaves before the day's departure")
    if day.legs and day.legs[-1].arrive > day.arrival:
        problems.append(f"{tag}: the last leg arrives after the day's return")
    expected_route = [day.start_place.id, *(s.village.id for s in day.stops), day.end_place.id]
    for k, leg in enumerate(day.legs):
        if (leg.origin, leg.destination) != (expected_route[k], expected_route[k + 1]):
            problems.append(
                f"{tag}: leg {k + 1} goes {leg.origin} -> {leg.destination}, "
                f"expected {expected_route[k]} -> {expected_route[k + 1]}"
            )
    for k, stop in enumerate(day.stops):
        v = stop.village
        if day.legs[k].arrive != stop.arrival:
            problems.append(
                f"{tag}: arrival at {v.id} ({stop.arrival:%H:%M}) is not when the "
                f"leg there arrives ({day.legs[k].arrive:%H:%M})"
            )
        if day.legs[k + 1].depart < stop.end:
            problems.append(f"{tag}: leaves {v.id} before the visit ends")
        model = request.value
        if stop.length not in model.lengths:
            problems.append(f"{tag}: the visit to {v.id} is {stop.length}, not an offered length")
        # a long stay split by lunch pays its stop time once, in one of its parts
        stay = next(s for s in day.visit_parts if stop in s)
        paid = sum(s.stop_minutes for s in stay)
        if paid != model.stop_minutes or stop.stop_minutes not in (0, model.stop_minutes):
            problems.append(
                f"{tag}: the visit to {v.id} pays {paid} min of stop time, not "
                f"{model.stop_minutes} (once per visit)"
            )
        promised = length_minutes(v, stop.length, model, request.pace_factor) + stop.stop_minutes
        if stop.duration != dt.timedelta(minutes=promised):
            problems.append(
                f"{tag}: the {stop.length} visit to {v.id} lasts {stop.duration}, not the "
                f"promised {promised} min"
            )
        start = _local(stop.start, date, f"{tag} visit to {v.id}", problems)
        end = start + stop.duration.total_seconds() / 60
        spans = v.opening_hours.on(date, request.holidays)
        if not any(s.opens <= start and end <= s.closes for s in spans):
            hours = ", ".join(str(s) for s in spans) or "closed"
            problems.append(
                f"{tag}: the visit to {v.id} ({stop.start:%H:%M}-{stop.end:%H:%M}) "
                f"is not inside its opening hours that day ({hours})"
            )
    if request.lunch is not None and day.stops:  # a journey alone needs no lunch
        lunches = [b for b in day.breaks if b.name == "lunch"]
        if len(lunches) != 1:
            problems.append(f"{tag}: expected one lunch break, found {len(lunches)}")
        for b in lunches:
            begin = _local(b.start, date, f"{tag} lunch", problems)
            earliest = request.lunch.earliest.hour * 60 + request.lunch.earliest.minute
            latest = request.lunch.latest.hour * 60 + request.lunch.latest.minute
            if not earliest <= begin <= latest:
                problems.append(
                    f"{tag}: lunch starts at {b.start:%H:%M}, outside "
                    f"{request.lunch.earliest:%H:%M}-{request.lunch.latest:%H:%M}"
                )
            if b.duration != dt.timedelta(minutes=request.lunch.minutes):
                problems.append(f"{tag}: lunch lasts {b.duration}, not {request.lunch.minutes} min")
            if not day.departure <= b.start and b.end <= day.arrival:
                problems.append(f"{tag}: lunch is outside the day's outing")
    _check_break_places(day, tag, problems)


def _stay_goes_on(day: Day, k: int) -> bool:
    """Whether stop ``k`` continues stop ``k - 1``: the same place, with a break taken there
    between the two."""
    before, stop = day.stops[k - 1], day.stops[k]
    return before.village.id == stop.village.id and any(
        b.place == stop.village.id and before.end <= b.start and b.end <= stop.start
        for b in day.breaks
    )


def _check_break_places(day: Day, tag: str, problems: list[str]) -> None:
    """Each break is taken where the traveller is: a break labelled at a place lies between
    arriving there and leaving (at the start place before the first journey, at the end place
    after the last); a break on the way lies inside a journey to its place. A place may be
    both the start and a stop (a day starting at a village): any of its stays will do."""
    if not day.legs:
        if day.breaks:
            problems.append(f"{tag}: breaks on a day without journeys")
        return
    stays = [(day.start_place.id, day.departure, day.legs[0].depart)]
    for k, stop in enumerate(day.stops):
        leave = day.legs[k + 1].depart if k + 1 < len(day.legs) else stop.end
        stays.append((stop.village.id, stop.arrival, leave))
    stays.append((day.end_place.id, day.legs[-1].arrive, day.arrival))
    for b in day.breaks:
        when = f"({b.start:%H:%M}-{b.end:%H:%M})"
        if b.on_the_way:
            if not any(
                leg.destination == b.place and leg.depart <= b.start and b.end <= leg.arrive
                for leg in day.legs
            ):
                problems.append(
                    f"{tag}: {b.name} on the way to {b.place} {when} is not during a journey there"
                )
            continue
        here = [(a, z) for place, a, z in stays if place == b.place]
        if not here:
            problems.append(f"{tag}: {b.name} is labelled at {b.place}, a place not on the day")
        elif not any(a <= b.start and b.end <= z for a, z in here):
            there = ", ".join(f"{a:%H:%M}-{z:%H:%M}" for a, z in here)
            problems.append(
                f"{tag}: {b.name} at {b.place} {when} is not while the traveller is there ({there})"
            )


def check_itinerary(itinerary: Itinerary, request: TripRequest) -> list[str]:
    """Every rule of ``request`` that ``itinerary`` breaks, in words (empty when feasible).

    Checks, for each day: the date belongs to the trip; a day without stops that ends
    elsewhere still has its one journey there; departure and return inside the day window;
    legs and visits in order without overlaps; each visit inside one open span of its village
    on that date and exactly as long as promised for its length at the request's pace; on a
    day with stops, the lunch break inside its window with its length; each break labelled at
    a place taken while the traveller is there; at most the maximum number of stops. For the
    trip: each village at most once (a long stay split by a break taken there, two stops in a
    row, is one visit), every must-visit village (by id or exact name) visited, no avoided
    village visited; the experiences booked and the budget
    (:func:`~tourplan.plan.booking_checks.check_bookings`).
    """
    problems: list[str] = []
    for day in itinerary.days:
        _check_day(day, request, problems)
    ids = [
        s.village.id
        for day in itinerary.days
        for k, s in enumerate(day.stops)
        if not (k and _stay_goes_on(day, k))
    ]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        problems.append(f"visited more than once: {', '.join(twice)}")
    visited = {s.village.id for s in itinerary.stops}
    known = {s.village.id: s.village for s in itinerary.stops}
    known.update((x.village.id, x.village) for x in itinerary.left_out)
    index = Villages(known.values())
    for wanted in request.must_visit:
        try:
            village_id = index.get(wanted).id
        except UnknownPlaceError:
            problems.append(f"must-visit {wanted!r} is not in the itinerary")
            continue
        if village_id not in visited:
            problems.append(f"must-visit {village_id} is not in the itinerary")
    for unwanted in request.avoid:
        try:
            village_id = index.get(unwanted).id
        except UnknownPlaceError:
            continue  # not in the itinerary at all
        if village_id in visited:
            problems.append(f"{village_id} was to be avoided but is visited")
    problems += check_bookings(itinerary, request)  # experiences and budget (issue #21)
    return problems


def validate_itinerary(itinerary: Itinerary, request: TripRequest) -> None:
    """Raise :class:`ItineraryError` listing every rule ``itinerary`` breaks (see
    :func:`check_itinerary`)."""
    problems = check_itinerary(itinerary, request)
    if problems:
        raise ItineraryError(problems)
