"""What a place is offered as: its visit lengths, start windows and prizes under the value model.

For :func:`tourplan.plan.problem.build_problem`: the minutes of a stop at each length, its
prize (:mod:`tourplan.plan.value`: time spent with diminishing returns, the theme bonus, the
season factor, less the stop's own cost), the start windows over the trip (inside the
village's opening hours and the day, and inside its active hours for the full-value
alternative), why a village with no window is left out, and the second part of a long stay
after lunch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Village, active_spans, in_season
from ..routing import Group, RoutingProblem, TimeWindow, Visit, fits_alone
from .itinerary import LeftOut
from .request import TripRequest
from .value import VisitLength, length_minutes, size_factor, time_value

__all__ = [
    "Option",
    "active_windows",
    "add_second_part",
    "closed_reason",
    "minute_of",
    "score",
    "season_factor",
    "second_part_fits",
    "service_minutes",
    "start_windows",
    "visit_score",
]


@dataclass(frozen=True)
class Option:
    """A way to visit a place: its length, minutes with the stop, start windows, the share
    of its value it keeps (season, active hours), and ``hours`` (``"active"``: inside the
    place's active hours; ``"any"``: at any open time; ``""``: the place has none)."""

    length: VisitLength
    service: int
    windows: tuple[TimeWindow, ...]
    factor: float = 1.0
    hours: str = ""


def service_minutes(village: Village, request: TripRequest, length: VisitLength = "typical") -> int:
    """Minutes of a ``length`` stop at ``village`` at the request's pace: the visit itself
    (:func:`~tourplan.plan.value.length_minutes`) plus the stop's own time
    (``request.value.stop_minutes``)."""
    model = request.value
    return length_minutes(village, length, model, request.pace_factor) + model.stop_minutes


def score(village: Village, request: TripRequest) -> int:
    """The value of a typical visit x 10: the village's interest, times the theme bonus and its
    :func:`season_factor`."""
    return round(request_interest(village, request) * 10 * season_factor(village, request))


def request_interest(village: Village, request: TripRequest) -> float:
    """The interest of a place for this request: its interest times its
    :func:`~tourplan.plan.value.size_factor`, times the theme bonus when one of its themes
    was asked for, times ``request.value.off_theme_factor`` when themes were asked and it
    carries none. A sight keeps ``request.value.sight_factor`` of it and never pays the
    off-theme factor: sights pair with the villages (a must-visit sight is planned whatever
    its value); with the theme bonus when one of its themes is asked, so that a sight of the
    kind asked for (a show, on an evening asked for ``performance``) stands on its own."""
    interest = village.interest * size_factor(village, request.value)
    if village.is_sight:  # pairs with the villages; a theme asked for lifts it like them
        asked = bool(set(village.themes) & set(request.themes))
        return interest * request.value.sight_factor * (request.theme_bonus if asked else 1.0)
    if set(village.themes) & set(request.themes):
        interest *= request.theme_bonus
    elif request.themes:
        interest *= request.value.off_theme_factor
    return interest


def visit_score(
    village: Village,
    request: TripRequest,
    length: VisitLength,
    road_minutes: float = 0.0,
    factor: float | None = None,
) -> int:
    """The solver's prize for a ``length`` stop: 10 x (value of the visit time, with the theme
    bonus and the visit's ``factor`` (season, active hours: :func:`~tourplan.plan.value.
    visit_factor`; default: the :func:`season_factor`), less ``request.value.stop_value``,
    less ``road_value`` per hour of ``road_minutes`` on the road charged to it). Zero or
    less: not worth its cost."""
    model = request.value
    if factor is None:
        factor = season_factor(village, request)
    minutes = length_minutes(village, length, model, request.pace_factor)
    interest = request_interest(village, request) * factor
    worth = time_value(interest, minutes, village.visit_minutes * request.pace_factor)
    road = model.road_value * road_minutes / 60
    return round(10 * (worth - model.stop_value - road))


def season_factor(village: Village, request: TripRequest) -> float:
    """``request.value.season_factor`` when no date of the trip is in the village's season,
    else 1."""
    if any(in_season(village, d) for d in request.dates):
        return 1.0
    return request.value.season_factor


def minute_of(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def start_windows(
    village: Village, service_s: int, request: TripRequest, offsets: Sequence[int]
) -> tuple[TimeWindow, ...]:
    """Start-of-visit windows over the whole trip: the visit fits inside one open span,
    inside the day window."""
    day_open, day_close = minute_of(request.day_start) * 60, minute_of(request.day_end) * 60
    windows = []
    for date, offset in zip(request.dates, offsets, strict=True):
        for span in village.opening_hours.on(date, request.holidays):
            first = max(span.opens * 60, day_open)
            last = min(span.closes * 60, day_close) - service_s
            if last >= first:
                windows.append(TimeWindow(offset + first, offset + last))
    return tuple(windows)


def active_windows(
    village: Village, windows: Sequence[TimeWindow], request: TripRequest, offsets: Sequence[int]
) -> tuple[TimeWindow, ...]:
    """The parts of start-of-visit ``windows`` when the village's work is seen (a visit that
    starts inside one of its active spans, in season)."""
    spans = [
        (offset + opens * 60, offset + closes * 60 - 60)
        for date, offset in zip(request.dates, offsets, strict=True)
        for opens, closes in active_spans(village, date, request.holidays)
    ]
    out = []
    for w in windows:
        for first, last in spans:
            lo, hi = max(w.start, first), min(w.end, last)
            if lo <= hi:
                out.append(TimeWindow(lo, hi))
    return tuple(sorted(set(out), key=lambda t: (t.start, t.end)))


def add_second_part(
    village: Village,
    request: TripRequest,
    offsets: Sequence[int],
    probe: RoutingProblem,
    visits: list[Visit],
    groups: list[Group],
    lengths: list[VisitLength],
    owners: list[Village],
) -> None:
    """Offer the rest of a long stay after lunch: a place whose long visit lasts at least
    ``request.value.split_minutes`` can be visited again, right after lunch, at its short or
    typical length when that and a typical first part last at most its long visit (the
    routing core takes lunch between visits, not inside one). The two parts together last
    at most the long visit, the longest stay the data give the place: a first part of the
    long length takes no second part (:func:`second_part_fits`, enforced by
    :func:`~tourplan.plan.trip.without_stray_parts`: the routing core cannot pair visits).
    The second part's prize is what it adds to a typical first part (diminishing returns),
    without a second stop cost or stop time, so a short or typical first part and its
    second part are never worth more than their time together; it does not count as a stop
    (``Visit.counts``), and :func:`~tourplan.plan.areas.itinerary_value` counts the two parts
    as one visit."""
    model = request.value
    long = length_minutes(village, "long", model, request.pace_factor)
    if "long" not in model.lengths or long < model.split_minutes:
        return  # only where long stays are offered (the catalogue offers typical visits)
    if village.long_minutes is None:
        return  # a default long stay (long_factor) is an assumption, not a day's visit
    location = next(v.location for v, o in zip(visits, owners, strict=True) if o is village)
    factor = season_factor(village, request)
    interest = request_interest(village, request) * factor
    scale = village.visit_minutes * request.pace_factor
    first = length_minutes(village, "typical", model, request.pace_factor)
    members = []
    for length in ("short", "typical"):
        minutes = length_minutes(village, length, model, request.pace_factor)
        if length not in model.lengths or first + minutes > long:
            continue  # with a typical first part, at most the long stay
        gain = time_value(interest, first + minutes, scale) - time_value(interest, first, scale)
        service = minutes * 60  # already parked and walked in for the first part
        windows = start_windows(village, service, request, offsets)
        if not windows:  # no time after lunch for it (a Visit needs a window; issue #19)
            continue
        visit = Visit(
            f"{village.id}+#{length}", location, service, windows, round(10 * gain), counts=False
        )
        if visit.score > 0 and any(fits_alone(probe, visit, t) is None for t in probe.tours):
            members.append(len(visits))
            visits.append(visit)
            lengths.append(length)
            owners.append(village)
    if len(members) > 1:
        groups.append(Group(f"{village.id}+", tuple(members)))


def second_part_fits(
    village: Village, request: TripRequest, first_seconds: int, second_seconds: int
) -> bool:
    """Whether a first part of ``first_seconds`` (the visit, without the stop's own time) and
    a second part of ``second_seconds`` at ``village`` together last at most its long visit
    at the request's pace (:func:`add_second_part`): a long first part takes no second part."""
    long = length_minutes(village, "long", request.value, request.pace_factor)
    return first_seconds + second_seconds <= long * 60


def closed_reason(village: Village, service: int, request: TripRequest) -> LeftOut:
    """Why a village with no window is left out: closed, visit too long, or open too briefly."""
    window = (request.day_start, request.day_end)
    if not any(village.opening_hours.on(d, request.holidays) for d in request.dates):
        return LeftOut(village, "closed", dates=request.dates)
    if service > request.day_minutes:
        return LeftOut(village, "too_long", visit_minutes=service, day_window=window)
    return LeftOut(village, "closed", dates=request.dates, visit_minutes=service, day_window=window)
