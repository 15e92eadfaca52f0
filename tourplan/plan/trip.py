"""The planning entry point: a request and the caller's villages become a checked itinerary."""

from __future__ import annotations

import dataclasses

import networkx as nx

from ..exceptions import InfeasibleError
from ..geocode import PlaceResolver
from ..model import Villages
from ..model.experience import Experiences
from ..routing import SearchParameters, Solution, solve, validate_solution
from .areas import itinerary_value, plan_by_areas, restrict
from .budget import plan_with_costs
from .itinerary import Itinerary
from .problem import PlanningProblem, build_problem
from .request import TripRequest
from .schedule import to_itinerary
from .together import together_error

__all__ = ["DEFAULT_TIME_LIMIT", "plan_trip", "solve_with_variety"]

DEFAULT_TIME_LIMIT = 5.0
"""Seconds of search when the caller gives no :class:`~tourplan.routing.SearchParameters`."""


def plan_trip(
    request: TripRequest,
    villages: Villages,
    *,
    resolver: PlaceResolver,
    road_graph: nx.MultiDiGraph | None = None,
    search: SearchParameters | None = None,
    experiences: Experiences | None = None,
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
    experiences
        The experiences to book from, when the request asks for experiences, a party or a
        budget (:func:`~tourplan.plan.budget.plan_with_costs`; default: none).

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
    params = search or SearchParameters(time_limit=DEFAULT_TIME_LIMIT)
    if request.counts_costs:  # experiences and budgets (issue #21)
        return plan_with_costs(
            request,
            villages,
            experiences or Experiences(),
            resolver=resolver,
            road_graph=road_graph,
            params=params,
            solve=solve_with_variety,
        )
    planning = build_problem(request, villages, resolver=resolver, road_graph=road_graph)
    return plan_by_areas(planning, params, solve_with_variety)


def solve_with_variety(
    planning: PlanningProblem, params: SearchParameters
) -> tuple[Solution, Itinerary]:
    """Solve ``planning`` (validated), pricing repeated themes in a day.

    The routing core scores each visit on its own, so a repeated theme is priced by solving
    again with the repeats of the first plan discounted by ``repeat_factor``, and the plan
    worth more under the day's real value (:func:`~tourplan.plan.areas.itinerary_value`) is
    kept.
    """
    request = planning.request
    try:
        solution = solve(planning.problem, params)
    except InfeasibleError as exc:
        shortest = _must_visits_at_shortest_length(planning)
        if shortest is None:
            raise together_error(planning, exc) from exc
        # The search may miss a plan holding every required group of alternatives (seen with
        # the deterministic search); the must-visits at their shortest length are tried.
        planning = shortest
        try:
            solution = solve(planning.problem, params)
        except InfeasibleError as again:
            raise together_error(planning, again) from again
    validate_solution(planning.problem, solution)
    best = (solution, to_itinerary(planning, solution))
    repeated = _repeated_visits(planning, solution)
    if repeated and request.value.repeat_factor < 1:
        factor = request.value.repeat_factor
        visits = tuple(
            dataclasses.replace(v, score=max(1, round(v.score * factor)))
            if planning.visit_villages[i].id in repeated
            else v
            for i, v in enumerate(planning.problem.visits)
        )
        discounted = dataclasses.replace(planning.problem, visits=visits)
        other = solve(discounted, params)
        validate_solution(discounted, other)  # same constraints, discounted scores
        candidate = (other, to_itinerary(planning, other))
        if itinerary_value(candidate[1], request) > itinerary_value(best[1], request) + 1e-9:
            best = candidate
    return best


def _must_visits_at_shortest_length(planning: PlanningProblem) -> PlanningProblem | None:
    """``planning`` with each required group reduced to its shortest visit (``None`` when no
    group is required)."""
    problem = planning.problem
    drop = {
        i
        for g in problem.groups
        if g.required
        for i in g.visits
        if i != min(g.visits, key=lambda m: problem.visits[m].service)
    }
    if not drop:
        return None
    keep = [i for i in range(len(problem.visits)) if i not in drop]
    return restrict(planning, keep, range(len(problem.tours)))


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
