"""Days that hang together: each day's plan chosen among compact areas by the value of the day.

The routing core scores each visit on its own and puts travel time second, so on its own it
strings the most valuable visits together wherever they lie. Here each day is planned in
turn (earliest first) among candidate plans, each charging the road its own way: the open
plan (one-day trips only: every place still open, each stop paying its one-way drive from the
start) and the areas around the most valuable places (the places within
:attr:`~tourplan.plan.value.ValueModel.area_minutes` of the anchor, each paying its detour
from it; the road to the area is the day's). Areas are estimated cheaply first and only the
best :data:`AREAS_SOLVED` are solved. In each candidate a visit the other side of town from
the day's must-visits (or the area's anchor) is offered at ``direction_factor`` of its value
(:mod:`~tourplan.plan.direction`). The day whose value is highest
(:func:`itinerary_value`: visits with diminishing returns and variety, less each stop's cost
and the day's road, paid once) is kept. A day thus stays in one area unless the value says
otherwise, and every choice is deterministic (ties go to the earlier candidate).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence

from ..exceptions import InfeasibleError
from ..model import Village, Villages
from ..routing import RoutingProblem, SearchParameters, Solution
from .clock import Clock
from .direction import direction_factors, directions, off_direction, out_of_town
from .itinerary import Day, Itinerary, LeftOut
from .must_days import must_visit_days
from .offers import request_interest
from .problem import PlanningProblem
from .request import TripRequest
from .schedule import REASON_ORDER
from .value import day_value, time_value, visit_factor

__all__ = ["ANCHORS", "AREAS_SOLVED", "itinerary_value", "plan_by_areas", "restrict"]

ANCHORS = 30
"""How many of the most valuable places each day considers as the centre of an area (each
is estimated, cheaply; see :data:`AREAS_SOLVED`)."""

AREAS_SOLVED = 2
"""How many of those areas, best estimated first, are solved (with the open plan of a one-day
trip: at most three plans a day, each solved once more when it repeats a theme)."""

Planner = Callable[[PlanningProblem, SearchParameters], tuple[Solution, Itinerary]]
"""Solves a planning problem (and checks the solution): the solution and its itinerary."""


def itinerary_value(itinerary: Itinerary, request: TripRequest) -> float:
    """The value of a plan under the request's value model.

    The sum of its days' :func:`~tourplan.plan.value.day_value` (visit time without the
    stops' own minutes, theme bonus and :func:`~tourplan.plan.value.visit_factor` applied;
    two consecutive stops at one place, a long stay split by lunch, count as one visit),
    each place off the day's direction out of town at ``direction_factor`` of its value
    (:mod:`~tourplan.plan.direction`), less ``road_value`` per hour on the road.
    """
    model = request.value
    total = 0.0
    for day in itinerary.days:
        visits, interests, worth, must = _day_places(day, request)
        places = [v for v, _m in visits]
        factors = direction_factors(day.start_place, places, must, worth, model)
        interests = [x * f for x, f in zip(interests, factors, strict=True)]
        total += day_value(visits, model, interests, request.pace_factor, request.themes)
        total -= model.road_value * day.travel_time.total_seconds() / 3600
    return total


def _day_places(
    day: Day, request: TripRequest
) -> tuple[list[tuple[Village, float]], list[float], list[float], list[bool]]:
    """A day's visits ``(place, minutes)`` (a long stay's two parts as one), the request's
    interest in each, what each is worth for its time and whether it is a must-visit."""
    model = request.value
    interests: list[float] = []
    visits: list[tuple[Village, float]] = []
    for k, s in enumerate(day.stops):
        minutes = s.duration.total_seconds() / 60 - s.stop_minutes
        if k and day.stops[k - 1].village.id == s.village.id:  # a long stay's second part
            visits[-1] = (s.village, visits[-1][1] + minutes)
            continue
        interests.append(request_interest(s.village, request) * visit_factor(s.caveats, model))
        visits.append((s.village, minutes))
    places = [v for v, _m in visits]
    worth = [
        time_value(x, m, v.visit_minutes * request.pace_factor)
        for x, (v, m) in zip(interests, visits, strict=True)
    ]
    found = Villages({v.id: v for v in places}.values())
    must = {v.id for name in request.must_visit for v in found.search(name)}
    return visits, interests, worth, [v.id in must for v in places]


def _other_direction(days: Sequence[Day], village: Village, request: TripRequest) -> bool:
    """Whether ``village`` lies off the direction of every day of the plan: each day has a
    direction (:func:`~tourplan.plan.direction.directions`: its must-visits out of town, else
    its most valuable stop) and the village is off it
    (:func:`~tourplan.plan.direction.off_direction`)."""
    town_km = request.value.town_km
    if request.value.direction_factor >= 1:  # the rule is off: direction is no reason
        return False
    for day in days:
        visits, _interests, worth, must = _day_places(day, request)
        places = [v for v, _m in visits]
        aims = [places[i] for i in directions(day.start_place, places, must, worth, town_km)]
        if not aims or not off_direction(day.start_place, [village], aims, [False], town_km)[0]:
            return False
    return bool(days)


def restrict(
    planning: PlanningProblem, visits: Sequence[int], tours: Sequence[int]
) -> PlanningProblem:
    """``planning`` with only the given visits (indices) and tours (indices), in order.

    Groups of alternatives keep the members that remain; a group left with one member
    becomes that visit (required when the group was).
    """
    problem = planning.problem
    keep = sorted(set(visits))
    new_index = {old: new for new, old in enumerate(keep)}
    new_visits = [problem.visits[i] for i in keep]
    groups = []
    for group in problem.groups:
        members = tuple(new_index[i] for i in group.visits if i in new_index)
        if len(members) > 1:
            groups.append(dataclasses.replace(group, visits=members))
        elif members and group.required:
            new_visits[members[0]] = dataclasses.replace(new_visits[members[0]], required=True)
    sub = RoutingProblem(
        travel_times=problem.travel_times,
        visits=tuple(new_visits),
        tours=tuple(problem.tours[t] for t in tours),
        groups=tuple(groups),
    )
    owners = tuple(planning.visit_villages[i] for i in keep)
    kept_ids = {v.id for v in owners}
    return dataclasses.replace(
        planning,
        problem=sub,
        candidates=tuple(v for v in planning.candidates if v.id in kept_ids),
        tour_dates=tuple(planning.tour_dates[t] for t in tours),
        visit_villages=owners,
        visit_lengths=tuple(planning.visit_lengths[i] for i in keep),
        visit_sessions=tuple(planning.visit_sessions[i] for i in keep),
    )


def _road_scored(
    planning: PlanningProblem, visits: Sequence[int], road_seconds: Sequence[float]
) -> list[tuple[int, int]]:
    """``(visit, score)`` for the given visits, each score less ``road_value`` per hour of its
    ``road_seconds``; visits left with no positive score are dropped unless required (their
    score then is negative: the solver gets at least 1, see :func:`_scored`)."""
    problem = planning.problem
    per_second = 10 * planning.request.value.road_value / 3600
    out = []
    for i, road in zip(visits, road_seconds, strict=True):
        score = round(problem.visits[i].score - per_second * road)
        if score > 0 or _is_required(planning, i):
            out.append((i, score))
    return out


def _aimed(
    planning: PlanningProblem, option: list[tuple[int, int]], aims: Sequence[Village]
) -> list[tuple[int, int]]:
    """``option`` with each visit off the direction of ``aims`` (:mod:`~tourplan.plan.direction`)
    scored at ``direction_factor`` of its value (its stop cost in full); visits left with no
    positive score are dropped unless required."""
    if not aims:
        return option
    model = planning.request.value
    places = [planning.visit_villages[i] for i, _ in option]
    required = [_is_required(planning, i) for i, _ in option]
    off = off_direction(planning.start, places, aims, required, model.town_km)
    factor, cost = model.direction_factor, 10 * model.stop_value
    out = []
    for (i, score), o, req in zip(option, off, required, strict=True):
        if o:  # 10 (v f - c) from 10 (v - c)
            score = round(factor * (score + cost) - cost)
        if score > 0 or req:
            out.append((i, score))
    return out


def _options(
    planning: PlanningProblem, open_visits: Sequence[int], open_plan: bool = True
) -> list[list[tuple[int, int]]]:
    """The candidate plans of a day, each as ``(visit, score)`` pairs, in the order tried.

    First the open plan: every place still open, each paying ``road_value`` for its one-way
    journey from the start (the drive it commits the day to). Then the areas around the
    :data:`ANCHORS` places of highest value (a must-visit sight is never an anchor: it joins
    every area, and the day is built around the villages reachable with it): the places
    within ``area_minutes`` of the anchor (and the required ones), the anchor at its own
    value (the road to the area is the day's, paid once in :func:`itinerary_value`), every
    other place less its detour there and back from the anchor. Of the areas only the
    :data:`AREAS_SOLVED` of highest estimated value (:func:`_estimate`) are kept.
    """
    problem = planning.problem
    start = problem.tours[0].start_location
    town_km = planning.request.value.town_km
    asked = [
        planning.visit_villages[i]
        for i in open_visits
        if _is_required(planning, i)
        and out_of_town(planning.start, planning.visit_villages[i], town_km)
    ]
    options = [
        _aimed(
            planning,
            _road_scored(
                planning,
                open_visits,
                [problem.travel(start, problem.visits[i].location) for i in open_visits],
            ),
            asked,
        )
    ]
    best: dict[str, tuple[int, int]] = {}
    for i in open_visits:
        if _is_required(planning, i) and planning.visit_villages[i].is_sight:
            continue  # in every area: the day is built around the villages reachable with it
        vid = planning.visit_villages[i].id
        score = problem.visits[i].score
        if vid not in best or score > best[vid][0]:
            best[vid] = (score, i)
    anchors = sorted(best.values(), key=lambda s: (-s[0], s[1]))[:ANCHORS]
    radius = planning.request.value.area_minutes * 60
    required = [i for i in open_visits if _is_required(planning, i)]
    areas: list[tuple[float, int, list[tuple[int, int]]]] = []
    for rank, (_score, a) in enumerate(anchors):
        here = problem.visits[a].location
        anchor_id = planning.visit_villages[a].id

        def detour(i: int, here: int = here) -> int:
            there = problem.visits[i].location
            return problem.travel(here, there) + problem.travel(there, here)

        near = sorted({i for i in open_visits if detour(i) <= 2 * radius} | set(required))
        roads = [0 if planning.visit_villages[i].id == anchor_id else detour(i) for i in near]
        anchor = planning.visit_villages[a]
        aims = asked or ([anchor] if out_of_town(planning.start, anchor, town_km) else [])
        option = _aimed(planning, _road_scored(planning, near, roads), aims)
        areas.append((_estimate(planning, option, here), rank, option))
    areas.sort(key=lambda x: (-x[0], x[1]))
    kept: list[list[tuple[int, int]]] = []
    for _e, _r, option in areas:
        if option not in kept and option not in options and len(kept) < AREAS_SOLVED:
            kept.append(option)
    return options + kept if open_plan or not kept else kept


def _estimate(planning: PlanningProblem, option: Sequence[tuple[int, int]], here: int) -> float:
    """A cheap estimate of an area's day: the road of a loop from the start to the area and
    the required places (nearest first) and back, costed at ``road_value``; the required
    places at their shortest; then the best visit of each other place, most valuable first,
    while their minutes fit what is left of the day."""
    problem = planning.problem
    tour = problem.tours[0]
    required = {
        planning.visit_villages[i].id: problem.visits[i]
        for i, _ in option
        if _is_required(planning, i)
    }
    shortest: dict[str, int] = {}
    for i, _ in option:
        vid = planning.visit_villages[i].id
        if vid in required:
            shortest[vid] = min(shortest.get(vid, 1 << 30), problem.visits[i].service)
    stops = [here, *(v.location for v in required.values())]
    road, at = 0, tour.start_location
    while stops:
        nearest = min(stops, key=lambda x: problem.travel(at, x))
        road += problem.travel(at, nearest)
        stops.remove(nearest)
        at = nearest
    road += problem.travel(at, tour.end_location)
    budget = tour.latest_end - tour.earliest_start - road - sum(b.duration for b in tour.breaks)
    budget -= sum(shortest.values())
    per_place: dict[str, list[tuple[int, int]]] = {}
    for i, score in option:
        vid = planning.visit_villages[i].id
        part = problem.visits[i].id.split("#")[0]  # a place, or a long stay's second part
        if vid not in required:
            per_place.setdefault(part, []).append((score, problem.visits[i].service))
    total = 0.0
    for choices in sorted(per_place.values(), key=lambda c: -max(c)[0]):
        fitting = [(score, service) for score, service in choices if service <= budget]
        if fitting:
            score, service = max(fitting)
            total += score / 10
            budget -= service
    return total - planning.request.value.road_value * road / 3600


def _scored(planning: PlanningProblem, option: Sequence[tuple[int, int]]) -> PlanningProblem:
    """``planning`` restricted to ``option``'s visits (in order), with ``option``'s scores."""
    scores = [max(1, score) for _i, score in sorted(option)]
    problem = planning.problem
    visits = tuple(
        dataclasses.replace(v, score=score) for v, score in zip(problem.visits, scores, strict=True)
    )
    return dataclasses.replace(planning, problem=dataclasses.replace(problem, visits=visits))


def _is_required(planning: PlanningProblem, index: int) -> bool:
    problem = planning.problem
    if problem.visits[index].required:
        return True
    return any(g.required and index in g.visits for g in problem.groups)


def plan_by_areas(
    planning: PlanningProblem,
    params: SearchParameters,
    planner: Planner,
    *,
    clock: Clock | None = None,
) -> Itinerary:
    """Plan each day in turn, keeping the most valuable of the open and the area plans.

    Villages planned on a day are not offered on later days. With must-visit villages on a
    trip of several days the whole trip is first planned at once (a must-visit village may
    belong to any day; that plan scores each place alone, the road only breaking ties), then
    again day by day, each day among its areas with its must-visits, for the days of
    :func:`~tourplan.plan.must_days.must_visit_days` (those of the plan at once; one area of
    must-visits a day); the plan worth most (:func:`itinerary_value`) holding every
    must-visit is kept. ``params.time_limit`` (or ``clock``, a deadline shared with the
    caller's other solves) is for the whole trip: each day gets an equal share of the time
    left (the plan at once a third of it), each of its plans an equal share of the day's
    time left; once the day's time is up no further area is tried, and a pass of day plans
    starts only while the time left is at least what the last plan took (a pass has work
    of its own beyond its solves: estimating every day's areas) (:mod:`~tourplan.plan.clock`).
    """
    problem = planning.problem
    clock = clock or Clock(params)
    musts = {
        planning.visit_villages[i].id
        for i in range(len(problem.visits))
        if _is_required(planning, i)
    }
    if len(problem.tours) == 1 or not musts:
        return _itinerary(planning, _plan_days(planning, planner, clock, {}))
    began = time.monotonic()
    at_once = planner(planning, clock.part(1 / 3).search())[1]
    took = time.monotonic() - began  # a pass of day plans takes about as long (measured)
    request = planning.request
    best = (itinerary_value(at_once, request), at_once)
    first = {s.village.id: t for t, day in enumerate(at_once.days) for s in day.stops}
    given = {v: first[v] for v in musts if v in first}
    tries = must_visit_days(planning, given)
    for k, days_of in enumerate(tries):
        if clock.remaining() < took:  # no time for another pass (never when deterministic)
            break
        began = time.monotonic()
        try:
            days = _plan_days(planning, planner, clock.part(1 / (len(tries) - k)), days_of)
        except InfeasibleError:  # a day's must-visits do not fit its areas
            continue
        finally:
            took = time.monotonic() - began
        by_days = _itinerary(planning, days)
        kept = {s.village.id for day in days for s in day.stops}
        value = itinerary_value(by_days, request)
        if musts <= kept and value > best[0] + 1e-9:
            best = (value, by_days)
    return best[1]


def _plan_days(
    planning: PlanningProblem, planner: Planner, clock: Clock, days_of: dict[str, int]
) -> list[Day]:
    """Each day in turn, the most valuable of its candidate plans (:func:`_options`); a
    village in ``days_of`` (a must-visit) is offered on its day only."""
    request = planning.request
    problem = planning.problem
    all_visits = list(range(len(problem.visits)))
    days: list[Day] = []
    visited: set[str] = set()
    for t in range(len(problem.tours)):
        day_clock = clock.part(1 / (len(problem.tours) - t))
        open_visits = [
            i
            for i in all_visits
            if (vid := planning.visit_villages[i].id) not in visited and days_of.get(vid, t) == t
        ]
        best: tuple[float, Itinerary] | None = None
        # One day: the open plan competes with the areas. Several days: a place left for
        # another day is not lost, so each day is one area.
        whole_day = len(problem.tours) == 1
        options: list[list[tuple[int, int]]] = []
        for option in _options(restrict(planning, all_visits, [t]), open_visits, whole_day):
            if option and option not in options:
                options.append(option)
        for k, option in enumerate(options):
            if best is not None and day_clock.expired():
                break
            began = time.monotonic()
            sub = _scored(restrict(planning, [i for i, _ in option], [t]), option)
            params_k = day_clock.search(1 / (len(options) - k))
            _solution, itinerary = planner(sub, params_k)
            value = itinerary_value(itinerary, request)
            day_clock.note(params_k, time.monotonic() - began)
            if best is None or value > best[0] + 1e-9:
                best = (value, itinerary)
        if best is None:  # nothing left worth a stop
            best = (0.0, planner(restrict(planning, [], [t]), day_clock.search())[1])
        day = best[1].days[0]
        days.append(day)
        visited |= {s.village.id for s in day.stops}
    return days


def _itinerary(planning: PlanningProblem, days: list[Day]) -> Itinerary:
    """The trip of ``days``, with the villages left out and why."""
    request = planning.request
    visited = {s.village.id for day in days for s in day.stops}
    left = list(planning.excluded)
    limit = request.max_stops_per_day
    full = limit is not None and all(len(d.visits) >= limit for d in days)  # split stay: one
    unworthy = {x.village.id: x for x in planning.unworthy}
    for village in planning.candidates:
        if village.id not in visited:
            if full:
                left.append(LeftOut(village, "max_stops", max_stops=limit))
            else:
                default = LeftOut(village, "lower_interest")
                if _other_direction(days, village, request):
                    default = LeftOut(village, "other_direction")
                left.append(unworthy.get(village.id, default))
    left.sort(key=lambda x: (REASON_ORDER[x.reason], -x.village.interest, x.village.id))
    return Itinerary(
        days=tuple(days), left_out=tuple(left), mode=planning.travel.mode or request.mode
    )
