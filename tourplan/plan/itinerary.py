"""The itinerary: dated days of stops, legs and breaks, in the traveller's terms and time zone.

Every datetime here is timezone-aware, in :data:`HANOI_TZ` (Asia/Ho_Chi_Minh, UTC+7).
These are plain values without words: :mod:`tourplan.plan` builds them, :mod:`tourplan.text`
puts them in words and :mod:`tourplan.export` writes them out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal
from zoneinfo import ZoneInfo

from ..exceptions import DataError
from ..model import Place, Village
from .sessions import Booking
from .value import Caveat, VisitLength

__all__ = [
    "HANOI_TZ",
    "Break",
    "Day",
    "Itinerary",
    "LeftOut",
    "LeftOutReason",
    "Leg",
    "Stop",
    "breaks_on_arrival",
]

HANOI_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
"""The time zone of every datetime tourplan returns (UTC+7, no daylight saving)."""

LeftOutReason = Literal[
    "avoided",
    "closed",
    "too_far",
    "not_worth_the_drive",
    "not_worth_a_stop",
    "too_long",
    "lower_interest",
    "other_direction",
    "max_stops",
    "over_budget",
]
"""Why a village is not in the itinerary:

- ``avoided``: the traveller asked to avoid it;
- ``closed``: it is closed, or no open span is long enough for the visit, on every day;
- ``too_far``: it cannot be reached, visited and left in time on any day;
- ``not_worth_the_drive``: it fits a day, but no visit length is worth its stop and the
  road there (the value model, docs/value.md);
- ``not_worth_a_stop``: on this request (themes asked, season, hours of work) even its best
  visit is worth less than a stop costs, wherever the day starts (docs/value.md);
- ``too_long``: the visit is longer than any day's window;
- ``lower_interest``: it would fit, but the chosen villages were worth more;
- ``other_direction``: it would fit, but it lies the other side of town from the way every
  day goes (a day goes one way out of town: :mod:`tourplan.plan.direction`, docs/value.md §10);
- ``max_stops``: the days were already at the requested maximum of stops;
- ``over_budget``: its entrance fee (and experience) for the party would take the plan over
  the budget (:mod:`tourplan.plan.budget`).
"""


def _aware(value: dt.datetime, what: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise DataError(f"{what} must be timezone-aware, got {value.isoformat()}", field=what)


@dataclass(frozen=True)
class Stop:
    """A visit to a village.

    Parameters
    ----------
    village
        The village visited.
    arrival
        When the traveller arrives.
    start, end
        When the visit starts (arrival, or opening time after a wait) and ends; the stop's
        own time (parking, walking in) is inside it.
    length
        The visit length the planner chose: ``short``, ``typical`` or ``long``.
    stop_minutes
        Minutes of the stop spent parking, walking in and finding the workshop.
    waits_for_opening
        Whether the wait before ``start`` is for the village to open.
    longer_offered
        Whether a longer visit of the place was on offer and fits the day as planned
        (``False``: none is longer, or a longer one does not fit its opening hours or the day).
    caveats
        What makes the visit worth less than the place at its best: ``out_of_season``,
        ``outside_active_hours`` (:data:`~tourplan.plan.value.Caveat`).
    booking
        The experience booked inside the stop, if any (:mod:`tourplan.plan.sessions`).
    """

    village: Village
    arrival: dt.datetime
    start: dt.datetime
    end: dt.datetime
    length: VisitLength = "typical"
    stop_minutes: int = 0
    waits_for_opening: bool = False
    longer_offered: bool = False
    caveats: tuple[Caveat, ...] = ()
    booking: Booking | None = None  # experiences (issue #21)

    def __post_init__(self) -> None:
        for name in ("arrival", "start", "end"):
            _aware(getattr(self, name), name)
        if not self.arrival <= self.start <= self.end:
            raise DataError(
                f"stop at {self.village.id}: arrival, start and end must be in order", field="start"
            )

    @property
    def wait(self) -> dt.timedelta:
        """Time spent waiting for the village to open."""
        return self.start - self.arrival

    @property
    def duration(self) -> dt.timedelta:
        """Length of the visit."""
        return self.end - self.start


@dataclass(frozen=True)
class Leg:
    """A journey between two consecutive places of a day.

    Parameters
    ----------
    origin, destination
        Ids of the places left and reached (villages or the day's start/end places).
    depart, arrive
        When the journey starts and ends.
    mode
        Transport mode name (``car``, ``motorbike`` ...) or ``road graph``.
    distance_m
        Road distance in metres when known.
    path
        (longitude, latitude) points of the road path when a road graph was used, else empty
        (a straight line between the two places).
    """

    origin: str
    destination: str
    depart: dt.datetime
    arrive: dt.datetime
    mode: str
    distance_m: float | None = None
    path: tuple[tuple[float, float], ...] = ()

    def __post_init__(self) -> None:
        _aware(self.depart, "depart")
        _aware(self.arrive, "arrive")
        if self.arrive < self.depart:
            raise DataError(
                f"leg {self.origin} -> {self.destination} arrives before it departs", field="arrive"
            )

    @property
    def travel_time(self) -> dt.timedelta:
        """Time on the road."""
        return self.arrive - self.depart


@dataclass(frozen=True)
class Break:
    """A break in the day, such as lunch.

    Parameters
    ----------
    name
        What the break is (``lunch``).
    start, end
        When it starts and ends.
    place
        Id of the place where it is taken (the village just visited or reached, or the
        start place); with ``on_the_way``, the place the journey is heading to.
    on_the_way
        Whether it is taken during a journey (a roadside stop), not at ``place``.
    """

    name: str
    start: dt.datetime
    end: dt.datetime
    place: str
    on_the_way: bool = False

    def __post_init__(self) -> None:
        _aware(self.start, "start")
        _aware(self.end, "end")
        if self.end < self.start:
            raise DataError(f"break {self.name} ends before it starts", field="end")

    @property
    def duration(self) -> dt.timedelta:
        """Length of the break."""
        return self.end - self.start


def breaks_on_arrival(stop: Stop, breaks: Sequence[Break]) -> tuple[Break, ...]:
    """Of ``breaks``, those taken at ``stop``'s village between the arrival and the visit
    (lunch on arrival): part of :attr:`Stop.wait` that is no wait."""
    return tuple(
        b
        for b in breaks
        if b.place == stop.village.id
        and not b.on_the_way
        and stop.arrival <= b.start
        and b.end <= stop.start
    )


@dataclass(frozen=True)
class Day:
    """One day of the trip: leave the start place, visit the stops in order, return.

    ``legs`` has one more element than ``stops`` when the day has stops (start → first stop,
    ..., last stop → end); on a day without stops it is empty, or the one journey start →
    end when the day ends elsewhere. Two consecutive stops at one place are a long stay split
    by lunch: one visit (:attr:`visits`).
    """

    date: dt.date
    start_place: Place
    end_place: Place
    departure: dt.datetime
    arrival: dt.datetime
    stops: tuple[Stop, ...] = ()
    legs: tuple[Leg, ...] = ()
    breaks: tuple[Break, ...] = ()

    def __post_init__(self) -> None:
        _aware(self.departure, "departure")
        _aware(self.arrival, "arrival")
        if self.stops and len(self.legs) != len(self.stops) + 1:
            raise DataError(
                f"day {self.date}: {len(self.stops)} stops need {len(self.stops) + 1} legs, "
                f"got {len(self.legs)}",
                field="legs",
            )

    @property
    def visits(self) -> tuple[Stop, ...]:
        """The day's visits, one per place visited: a long stay split by lunch is two
        consecutive stops at one place and one visit (its first stop here)."""
        return tuple(
            s
            for k, s in enumerate(self.stops)
            if not (k and self.stops[k - 1].village.id == s.village.id)
        )

    @property
    def visit_parts(self) -> tuple[tuple[Stop, ...], ...]:
        """The stops of each visit (:attr:`visits`), in order: two for a long stay split by
        lunch, one otherwise; the map, KML and GPX number and mark visits, not parts."""
        parts: list[list[Stop]] = []
        for k, s in enumerate(self.stops):
            if k and self.stops[k - 1].village.id == s.village.id:
                parts[-1].append(s)
            else:
                parts.append([s])
        return tuple(tuple(p) for p in parts)

    @property
    def interest(self) -> int:
        """Sum of the interest of the villages visited, each counted once."""
        return sum(s.village.interest for s in self.visits)

    @property
    def back(self) -> dt.datetime:
        """When the traveller is back at the end place: the last journey's arrival, before
        :attr:`arrival` (the end of the day's schedule) when a break is taken there after."""
        return self.legs[-1].arrive if self.legs else self.arrival

    def idle(self, stop: Stop) -> dt.timedelta:
        """Time between arrival at ``stop`` (one of the day's) and its visit that is no
        break (:func:`breaks_on_arrival`): waiting for the village to open, or free time."""
        taken = sum((b.duration for b in breaks_on_arrival(stop, self.breaks)), dt.timedelta())
        return stop.wait - taken

    def driving_time(self, leg: Leg) -> dt.timedelta:
        """Time on the road of ``leg``, one of the day's journeys: its span less the breaks
        taken on the way (a roadside lunch is not driving)."""
        pause = sum(
            (
                b.duration
                for b in self.breaks
                if b.on_the_way
                and b.place == leg.destination
                and leg.depart <= b.start
                and b.end <= leg.arrive
            ),
            dt.timedelta(),
        )
        return leg.travel_time - pause

    @property
    def travel_time(self) -> dt.timedelta:
        """Total time on the road (breaks taken on the way left out)."""
        return sum((self.driving_time(leg) for leg in self.legs), dt.timedelta())

    @property
    def distance_m(self) -> float | None:
        """Total road distance in metres, when every leg's distance is known."""
        if any(leg.distance_m is None for leg in self.legs):
            return None
        return sum(leg.distance_m or 0.0 for leg in self.legs)

    @property
    def visit_time(self) -> dt.timedelta:
        """Total time spent visiting."""
        return sum((s.duration for s in self.stops), dt.timedelta())

    @property
    def stop_time(self) -> dt.timedelta:
        """Total time spent on the stops' own costs (parking, walking in)."""
        return sum((dt.timedelta(minutes=s.stop_minutes) for s in self.stops), dt.timedelta())

    @property
    def wait_time(self) -> dt.timedelta:
        """Total time spent waiting at villages before their visits (:meth:`idle`)."""
        return sum((self.idle(s) for s in self.stops), dt.timedelta())


@dataclass(frozen=True)
class LeftOut:
    """A village that is not in the itinerary: why (a code) and the numbers behind it.

    Which numbers are set depends on the reason:

    - ``closed``: ``dates`` (the trip's dates); when the village does open but never long
      enough, also ``visit_minutes`` and ``day_window``;
    - ``too_long``: ``visit_minutes`` and ``day_window``;
    - ``too_far``, ``not_worth_the_drive``: ``travel_minutes`` (one way, from the day's
      start), ``mode``, ``visit_minutes`` and ``day_window``; on a day that ends elsewhere
      than it starts, also ``onward_minutes`` (from the village on to the day's end);
    - ``max_stops``: ``max_stops`` (the limit per day);
    - ``lower_interest``: nothing, or ``min_stops`` in a route catalogue when the village's
      route had fewer stops than that and was dropped;
    - ``avoided``, ``other_direction``, ``over_budget``: nothing.

    :func:`tourplan.text.explain` puts it in words.

    Parameters
    ----------
    village
        The village.
    reason
        A machine-readable reason (see :data:`LeftOutReason`).
    """

    village: Village
    reason: LeftOutReason
    dates: tuple[dt.date, ...] = ()
    visit_minutes: int | None = None
    day_window: tuple[dt.time, dt.time] | None = None
    travel_minutes: int | None = None
    mode: str | None = None
    max_stops: int | None = None
    min_stops: int | None = None
    onward_minutes: int | None = None


@dataclass(frozen=True)
class Itinerary:
    """A planned trip: its days in order, and the villages left out.

    Parameters
    ----------
    days
        One :class:`Day` per date of the trip, in date order.
    left_out
        Villages considered but not visited, each with a reason.
    mode
        The transport mode the travel times were computed for.
    notes
        Free notes carried with the plan.
    party
        How many people travel, when costs are counted (:func:`tourplan.plan.budget.costs`);
        ``None``: the plan shows no costs.
    """

    days: tuple[Day, ...]
    left_out: tuple[LeftOut, ...] = ()
    mode: str = "car"
    notes: tuple[str, ...] = field(default=())
    party: int | None = None  # experiences and budgets (issue #21)

    @property
    def stops(self) -> tuple[Stop, ...]:
        """Every stop of the trip, in order."""
        return tuple(s for day in self.days for s in day.stops)

    @property
    def visits(self) -> tuple[Stop, ...]:
        """Every visit of the trip, in order: a long stay split by lunch counts once
        (:attr:`Day.visits`)."""
        return tuple(s for day in self.days for s in day.visits)

    @property
    def interest(self) -> int:
        """Total interest collected."""
        return sum(day.interest for day in self.days)

    @property
    def travel_time(self) -> dt.timedelta:
        """Total time on the road."""
        return sum((day.travel_time for day in self.days), dt.timedelta())

    @property
    def village_ids(self) -> tuple[str, ...]:
        """Ids of the villages visited, in order (a long stay split by lunch once)."""
        return tuple(s.village.id for s in self.visits)
