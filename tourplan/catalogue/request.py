"""What a planner asks of a route catalogue: K day routes from a hub, and the rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from ..exceptions import DataError, UnknownPlaceError
from ..model import THEMES
from ..names import one_line
from ..plan import DEFAULT_LUNCH, Lunch, Pace, PlaceQuery, TripRequest, ValueModel, as_date
from ..plan.request import MAX_STOPS_PER_DAY

__all__ = ["MAX_ROUTES", "MAX_STOPS", "CatalogueRequest", "hub_errors"]

MAX_ROUTES = 100
"""The most routes a catalogue may have (``routes``, hence ``max_routes_per_village``): each
route is a tour of the routing problem, so work and memory grow with it (issue #19)."""

MAX_STOPS = MAX_STOPS_PER_DAY
"""The most villages ``min_stops`` and ``max_stops`` may ask of a route (as a trip's day)."""


@dataclass(frozen=True)
class CatalogueRequest:
    """What a planner asks of a catalogue.

    Parameters
    ----------
    date
        The template day (a date or ISO 8601 text); its weekday decides which villages are
        open (and the .ics date).
    hub
        Where every route starts and ends (a known place id or name, ``"lat,lon"``, a Place).
    routes
        How many routes to design (K), at most :data:`MAX_ROUTES`.
    max_routes_per_village
        Each village may appear in at most this many routes (r, default 1: no overlap).
    min_stops, max_stops
        Bounds on the number of villages of each route (``max_stops`` ``None``: no limit),
        each at most :data:`MAX_STOPS`.
        Routes that cannot reach ``min_stops`` are dropped, with a note.
    any_day
        Design routes that work on any day of the week: a village is offered only at the
        times it is open every day.
    must_include
        Villages (ids or names) that must appear in some route.
    must_themes
        Themes that must appear in some route (the best village of each is required).
    day_start, day_end, mode, lunch, pace
        The day template, as in :class:`~tourplan.plan.TripRequest`: the default lunch
        (:data:`~tourplan.plan.DEFAULT_LUNCH`) is dropped (``lunch`` becomes ``None``) when
        the day starts as its window closes or ends before it fits.
    include_sights
        Also route sights (pagodas, museums, shows, ...); by default a catalogue is of craft
        villages only, and of the sights named in ``must_include``.
    """

    date: dt.date
    hub: PlaceQuery = "hoan-kiem-lake"
    routes: int = 10
    max_routes_per_village: int = 1
    min_stops: int = 2
    max_stops: int | None = 5
    any_day: bool = False
    must_include: tuple[str, ...] = ()
    must_themes: tuple[str, ...] = ()
    day_start: dt.time = dt.time(8, 0)
    day_end: dt.time = dt.time(17, 30)
    mode: str = "car"
    lunch: Lunch | None = DEFAULT_LUNCH
    pace: Pace = "normal"
    include_sights: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "date", as_date(self.date, "date"))
        bounds = {
            "routes": MAX_ROUTES,
            "max_routes_per_village": MAX_ROUTES,
            "min_stops": MAX_STOPS,
            "max_stops": MAX_STOPS,
        }
        for name, most in bounds.items():
            value = getattr(self, name)
            if value is None and name == "max_stops":
                continue
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
                raise DataError(
                    f"{name} must be a whole number from 1 to {most}, got {value!r}", field=name
                )
        if self.max_routes_per_village > self.routes:
            raise DataError(
                f"max_routes_per_village ({self.max_routes_per_village}) cannot exceed the "
                f"number of routes ({self.routes})",
                field="max_routes_per_village",
            )
        if self.max_stops is not None and self.max_stops < self.min_stops:
            raise DataError(
                f"max_stops ({self.max_stops}) is below min_stops ({self.min_stops})",
                field="max_stops",
            )
        wanted: Iterable[object] = self.must_include
        names = (wanted,) if isinstance(wanted, str) else tuple(wanted)  # one name, or a list
        if not all(isinstance(m, str) for m in names):
            raise DataError("must_include must be a list of names", field="must_include")
        object.__setattr__(
            self, "must_include", tuple(one_line(str(m), "must_include") for m in names)
        )
        object.__setattr__(self, "must_themes", tuple(self.must_themes))
        unknown = [t for t in self.must_themes if t not in THEMES]
        if unknown:
            raise DataError(
                f"unknown theme(s) {', '.join(unknown)}; known themes: {', '.join(THEMES)}",
                field="must_themes",
            )
        day = self.trip_request()  # validates the day template (window, lunch, pace, mode)
        object.__setattr__(self, "lunch", day.lunch)  # None if the default lunch was dropped

    def trip_request(self, must_visit: Sequence[str] = ()) -> TripRequest:
        """The one-day trip request each route must satisfy (its start is the hub)."""
        with hub_errors():
            return self._trip_request(must_visit)

    def _trip_request(self, must_visit: Sequence[str]) -> TripRequest:
        return TripRequest(
            start=self.hub,
            dates=(self.date,),
            day_start=self.day_start,
            day_end=self.day_end,
            mode=self.mode,
            lunch=self.lunch,
            must_visit=tuple(must_visit),
            max_stops_per_day=self.max_stops,
            pace=self.pace,
            # catalogue routes keep the planner's former terms: one typical visit per village,
            # no stop time, no road cost (the catalogue covers villages; see docs/value.md)
            value=ValueModel(lengths=("typical",), stop_minutes=0, stop_value=1, road_value=0),
        )


@contextmanager
def hub_errors() -> Iterator[None]:
    """Blame the hub for what the trip requests of a catalogue say of their ``start``.

    Raises
    ------
    DataError, UnknownPlaceError
        With field ``hub`` instead of ``start`` (a bad position, a hub too far from every
        village, an unknown hub); any other error unchanged.
    """
    try:
        yield
    except UnknownPlaceError as exc:  # the hub, found by the trip as its start
        if exc.field != "start":
            raise
        raise exc.blaming("hub") from None
    except DataError as exc:
        if exc.field != "start" or exc.source is not None or exc.row is not None:
            raise
        reason = exc.reason
        if reason.startswith("start "):  # "start place is empty" ...
            reason = "hub" + reason[len("start") :]
        raise DataError(reason, field="hub") from None
