"""Days that hang together: each day's plan chosen among compact areas by the value of the day.

The routing core scores each visit on its own and puts travel time second, so on its own it
strings the most valuable visits together wherever they lie. Here each day is planned in
turn (earliest first): the plan over every place still open, and plans restricted to the area
around each of the most valuable places (the places within
:attr:`~tourplan.plan.value.ValueModel.area_minutes` of it), are each solved; the day whose
value is highest (:func:`itinerary_value`: visits with diminishing returns and variety, less
each stop's cost and the time on the road) is kept. A day thus stays in one area unless the
value says otherwise, and every choice is deterministic (ties go to the earlier candidate).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from ..routing import RoutingProblem, SearchParameters, Solution
from .itinerary import Day, Itinerary, LeftOut
from .problem import PlanningProblem
from .request import TripRequest
from .schedule import REASON_ORDER
from .value import day_value

__all__ = ["ANCHORS", "itinerary_value", "plan_by_areas", "restrict"]

ANCHORS = 5
"""How many of the most valuable places each day tries as the centre of an area."""

Planner = Callable[[PlanningProblem, SearchParameters], tuple[Solution, Itinerary]]
"""Solves a planning problem (and checks the solution): the solution and its itinerary."""


def itinerary_value(itinerary: Itinerary, request: TripRequest) -> float:
    """The value of a plan under the request's value model.

    The sum of its days' :func:`~tourplan.plan.value.day_value` (visit time without the
    stops' own minutes, theme bonus applied), less ``road_value`` per hour on the road.
    """
    model = request.value
    total = 0.0
    for day in itinerary.days:
        interests = [
            s.village.interest
            * (request.theme_bonus if set(s.village.themes) & set(request.themes) else 1.0)
            for s in day.stops
        ]
        visits = [(s.village, s.duration.total_seconds() / 60 - s.stop_minutes) for s in day.stops]
        total += day_value(visits, model, interests, request.pace_factor)
        total -= model.road_value * day.travel_time.total_seconds() / 3600
    return total


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


def _areas(planning: PlanningProblem, open_visits: Sequence[int]) -> list[list[int]]:
    """The visits around each of the :data:`ANCHORS` most valuable places still open."""
    problem = planning.problem
    best: dict[str, tuple[int, int]] = {}
    for i in open_visits:
        vid = planning.visit_villages[i].id
        score = problem.visits[i].score
        if vid not in best or score > best[vid][0]:
            best[vid] = (score, i)
    anchors = sorted(best.values(), key=lambda s: (-s[0], s[1]))[:ANCHORS]
    radius = planning.request.value.area_minutes * 60
    required = [i for i in open_visits if _is_required(planning, i)]
    areas = []
    for _score, a in anchors:
        here = problem.visits[a].location
        near = [
            i
            for i in open_visits
            if max(
                problem.travel(here, problem.visits[i].location),
                problem.travel(problem.visits[i].location, here),
            )
            <= radius
        ]
        areas.append(sorted(set(near) | set(required)))
    return areas


def _is_required(planning: PlanningProblem, index: int) -> bool:
    problem = planning.problem
    if problem.visits[index].required:
        return True
    return any(g.required and index in g.visits for g in problem.groups)


def plan_by_areas(
    planning: PlanningProblem, params: SearchParameters, planner: Planner
) -> Itinerary:
    """Plan each day in turn, keeping the most valuable of the open and the area plans.

    Villages planned on a day are not offered on later days. With must-visit villages on a
    trip of several days the whole trip is planned at once instead (a must-visit village
    may belong to any day).
    """
    request = planning.request
    problem = planning.problem
    all_visits = list(range(len(problem.visits)))
    if len(problem.tours) > 1 and any(_is_required(planning, i) for i in all_visits):
        return planner(planning, params)[1]
    days: list[Day] = []
    visited: set[str] = set()
    for t in range(len(problem.tours)):
        open_visits = [i for i in all_visits if planning.visit_villages[i].id not in visited]
        options = [open_visits, *_areas(planning, open_visits)]
        best: tuple[float, Itinerary] | None = None
        tried: set[tuple[int, ...]] = set()
        for visits in options:
            if tuple(visits) in tried:
                continue
            tried.add(tuple(visits))
            sub = restrict(planning, visits, [t])
            _solution, itinerary = planner(sub, params)
            value = itinerary_value(itinerary, request)
            if best is None or value > best[0] + 1e-9:
                best = (value, itinerary)
        assert best is not None  # open_visits is always tried
        day = best[1].days[0]
        days.append(day)
        visited |= {s.village.id for s in day.stops}
    left = list(planning.excluded)
    limit = request.max_stops_per_day
    full = limit is not None and all(len(d.stops) >= limit for d in days)
    for village in planning.candidates:
        if village.id not in visited:
            if full:
                left.append(LeftOut(village, "max_stops", max_stops=limit))
            else:
                left.append(LeftOut(village, "lower_interest"))
    left.sort(key=lambda x: (REASON_ORDER[x.reason], -x.village.interest, x.village.id))
    return Itinerary(
        days=tuple(days), left_out=tuple(left), mode=planning.travel.mode or request.mode
    )
