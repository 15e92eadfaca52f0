"""The planning entry point: a request and the caller's villages become a checked itinerary."""

from __future__ import annotations

import dataclasses

import networkx as nx

from ..geocode import PlaceResolver
from ..model import Villages
from ..routing import SearchParameters, Solution, solve, validate_solution
from .itinerary import Itinerary
from .problem import PlanningProblem, build_problem
from .request import TripRequest
from .schedule import to_itinerary
from .value import day_value

__all__ = ["DEFAULT_TIME_LIMIT", "itinerary_value", "plan_trip"]

DEFAULT_TIME_LIMIT = 5.0
"""Seconds of search when the caller gives no :class:`~tourplan.routing.SearchParameters`."""


def plan_trip(
    request: TripRequest,
    villages: Villages,
    *,
    resolver: PlaceResolver,
    road_graph: nx.MultiDiGraph | None = None,
    search: SearchParameters | None = None,
) -> Itinerary:
    """Plan the trip a traveller asks for, over the caller's villages.

    :func:`tourplan.plan_trip` is the same with the bundled data as defaults.

    Parameters
    ----------
    request
        What the traveller wants.
    villages
        The villages to choose from.
    resolver
        How to find the start/end places.
    road_graph
        A road graph (an osmnx-style ``MultiDiGraph``) to take travel times from instead of
        the transport mode's straight-line estimate.
    search
        Solver settings (default: ``SearchParameters(time_limit=5.0)``, a 5 s search; note
        that ``SearchParameters()`` alone means 10 s).

    Returns
    -------
    Itinerary
        One day per date with stops, legs and lunch; the villages left out, with reason codes.
        The solution behind it has passed the independent validator.

    Raises
    ------
    UnknownPlaceError, DataError, MustVisitError
        See :func:`~tourplan.plan.build_problem`.
    InfeasibleError
        When the must-visit villages do not fit together.
    """
    planning = build_problem(request, villages, resolver=resolver, road_graph=road_graph)
    params = search or SearchParameters(time_limit=DEFAULT_TIME_LIMIT)
    solution = solve(planning.problem, params)
    validate_solution(planning.problem, solution)
    best = to_itinerary(planning, solution)
    repeated = _repeated_visits(planning, solution)
    if repeated and request.value.repeat_factor < 1:
        # Variety: the routing core scores each visit on its own, so a repeated theme is
        # priced by solving again with the repeats of the first plan discounted, and the
        # plan worth more under the day's real value (day_value) is kept.
        factor = request.value.repeat_factor
        visits = tuple(
            dataclasses.replace(v, score=max(1, round(v.score * factor)))
            if planning.visit_villages[i].id in repeated
            else v
            for i, v in enumerate(planning.problem.visits)
        )
        second = dataclasses.replace(
            planning, problem=dataclasses.replace(planning.problem, visits=visits)
        )
        other = solve(second.problem, params)
        validate_solution(planning.problem, other)
        candidate = to_itinerary(planning, other)
        if itinerary_value(candidate, request) > itinerary_value(best, request):
            best = candidate
    return best


def _repeated_visits(planning: PlanningProblem, solution: Solution) -> set[str]:
    """Ids of the villages of ``solution`` whose themes were all met earlier that day."""
    repeated: set[str] = set()
    for tour in solution.tours:
        seen: set[str] = set()
        for sv in tour.visits:
            village = planning.visit_villages[sv.visit]
            themes = set(village.themes)
            if themes and themes <= seen:
                repeated.add(village.id)
            seen |= themes
    return repeated


def itinerary_value(itinerary: Itinerary, request: TripRequest) -> float:
    """The value of a plan under the request's value model: the sum of its days'
    :func:`~tourplan.plan.value.day_value`, visit time without the stops' own minutes."""
    model = request.value
    bonus = {
        s.village.id: request.theme_bonus if set(s.village.themes) & set(request.themes) else 1.0
        for s in itinerary.stops
    }
    return sum(
        day_value(
            [(s.village, s.duration.total_seconds() / 60 - s.stop_minutes) for s in day.stops],
            model,
            [s.village.interest * bonus[s.village.id] for s in day.stops],
            request.pace_factor,
        )
        for day in itinerary.days
    )
