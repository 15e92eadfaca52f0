"""The planning entry point: a request and the caller's villages become a checked itinerary."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..exceptions import InfeasibleError
from ..geocode import PlaceResolver
from ..model import Villages
from ..model.experience import Experiences
from ..routing import (
    RoutingProblem,
    SearchParameters,
    Solution,
    schedule_routes,
    solve,
    validate_solution,
)
from .areas import itinerary_value, plan_by_areas, restrict
from .budget import plan_with_costs
from .clock import Clock
from .itinerary import Itinerary
from .offers import second_part_fits
from .problem import PlanningProblem, build_problem
from .request import TripRequest
from .schedule import to_itinerary
from .together import together_error
from .value import counted_themes

if TYPE_CHECKING:  # networkx loads only with a road graph (0.1 s)
    import networkx as nx

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "FIRST_SOLVE_SHARE",
    "plan_trip",
    "solve_with_variety",
    "without_stray_parts",
]

DEFAULT_TIME_LIMIT = 5.0
"""Seconds of search when the caller gives no :class:`~tourplan.routing.SearchParameters`."""

FIRST_SOLVE_SHARE = 2 / 3
"""Share of a plan's time for its first solve when a re-solve pricing repeated themes may
follow (:func:`solve_with_variety`); the re-solve gets what is left."""


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
        that ``SearchParameters()`` alone means 10 s). The time limit is for the whole call,
        building the problem included: the solves share it (:mod:`~tourplan.plan.clock`).
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
    clock = Clock(params)  # one deadline for the whole call (issue #19)
    if request.counts_costs:  # experiences and budgets (issue #21)
        return plan_with_costs(
            request,
            villages,
            experiences or Experiences(),
            resolver=resolver,
            road_graph=road_graph,
            params=params,
            solve=solve_with_variety,
            clock=clock,
        )
    planning = build_problem(request, villages, resolver=resolver, road_graph=road_graph)
    itinerary = plan_by_areas(planning, params, solve_with_variety, clock=clock)
    if itinerary.stops or not request.themes or request.value.off_theme_factor >= 1:
        return itinerary
    # No place of the asked themes fits, and the theme priced every other place below its
    # stop: rather than an empty trip, plan as if the places without the themes kept their
    # whole value (a guide proposes what is near; each stop still names its craft).
    whole = dataclasses.replace(request.value, off_theme_factor=1.0)
    relaxed = dataclasses.replace(request, value=whole)
    planning = build_problem(relaxed, villages, resolver=resolver, road_graph=road_graph)
    other = plan_by_areas(planning, params, solve_with_variety, clock=clock)
    return other if other.stops else itinerary


def solve_with_variety(
    planning: PlanningProblem, params: SearchParameters
) -> tuple[Solution, Itinerary]:
    """Solve ``planning`` (validated), pricing repeated themes in a day.

    The routing core scores each visit on its own, so a repeated theme is priced by solving
    again with the repeats of the first plan discounted by ``repeat_factor``, and the plan
    worth more under the day's real value (:func:`~tourplan.plan.areas.itinerary_value`) is
    kept. ``params.time_limit`` is for both solves: the first gets :data:`FIRST_SOLVE_SHARE`
    of it when a re-solve may follow, the re-solve what is left (none once it is up).
    """
    request = planning.request
    clock = Clock(params)
    first = FIRST_SOLVE_SHARE if request.value.repeat_factor < 1 else 1.0
    try:
        solution = solve(planning.problem, clock.search(first))
    except InfeasibleError as exc:
        shortest = _must_visits_at_shortest_length(planning)
        if shortest is None:
            raise together_error(planning, exc) from exc
        # The search may miss a plan holding every required group of alternatives (seen with
        # the deterministic search); the must-visits at their shortest length are tried.
        planning = shortest
        try:
            solution = solve(planning.problem, clock.search(first))
        except InfeasibleError as again:
            raise together_error(planning, again) from again
    solution = without_stray_parts(planning, solution)
    validate_solution(planning.problem, solution)
    best = (solution, to_itinerary(planning, solution))
    repeated = _repeated_visits(planning, solution)
    if repeated and request.value.repeat_factor < 1 and not clock.expired():
        factor = request.value.repeat_factor
        visits = tuple(
            dataclasses.replace(v, score=max(1, round(v.score * factor)))
            if planning.visit_villages[i].id in repeated
            else v
            for i, v in enumerate(planning.problem.visits)
        )
        discounted = dataclasses.replace(planning.problem, visits=visits)
        other = without_stray_parts(planning, solve(discounted, clock.search()), discounted)
        validate_solution(discounted, other)  # same constraints, discounted scores
        candidate = (other, to_itinerary(planning, other))
        if itinerary_value(candidate[1], request) > itinerary_value(best[1], request) + 1e-9:
            best = candidate
    return best


def without_stray_parts(
    planning: PlanningProblem, solution: Solution, problem: RoutingProblem | None = None
) -> Solution:
    """``solution`` without a long stay's stray second part.

    The second part of a long stay (:func:`~tourplan.plan.offers.add_second_part`) is the same
    visit going on after lunch: it counts only next to its first part, on the same day, with
    the break between them (the core may plan it before the first part: the same place), and
    when the two together last at most the place's long visit
    (:func:`~tourplan.plan.offers.second_part_fits`: never after a long first part, which is
    the whole long stay already and worth at least as much as any pair that fits).
    The routing core cannot say "after that visit, lunch between" nor "not after the long
    one", so a second part planned anywhere else (on another day, after another stop, alone,
    with no break before it, or with a long first part) is dropped here and its day scheduled
    again (dropping a visit never makes a day infeasible; rescheduling may move a break, so
    this repeats until nothing is dropped).
    """
    problem = problem or planning.problem
    stop_s = planning.request.value.stop_minutes * 60

    def fits(first: int, second: int) -> bool:
        """Whether first part ``first`` and second part ``second`` make at most a long stay."""
        village = planning.visit_villages[second]
        first_s = problem.visits[first].service - stop_s  # the first part pays the stop time
        return second_part_fits(village, planning.request, first_s, problem.visits[second].service)

    for _ in range(len(problem.visits) + 1):  # each round drops at least one visit
        routes: list[list[int]] = []
        dropped = False
        for tour in solution.tours:
            after_break = {b.after for b in tour.breaks}
            kept: list[int] = []
            for k, scheduled in enumerate(tour.visits):
                i = scheduled.visit
                village = planning.visit_villages[i]
                after_first = (
                    k
                    and k in after_break
                    and kept
                    and kept[-1] == tour.visits[k - 1].visit
                    and planning.visit_villages[kept[-1]].id == village.id
                    and fits(kept[-1], i)
                )
                # the two parts are one place: the core may plan the "second" one first
                before_first = (
                    k + 1 < len(tour.visits)
                    and k + 1 in after_break
                    and planning.visit_villages[tour.visits[k + 1].visit].id == village.id
                    and not problem.visits[tour.visits[k + 1].visit].id.startswith(
                        f"{village.id}+#"
                    )
                    and fits(tour.visits[k + 1].visit, i)
                )
                if problem.visits[i].id.startswith(f"{village.id}+#") and not (
                    after_first or before_first
                ):
                    dropped = True
                    continue
                kept.append(i)
            routes.append(kept)
        if not dropped:
            return _first_part_first(planning, solution, problem)
        solution = dataclasses.replace(
            schedule_routes(problem, routes),
            wall_time=solution.wall_time,
            parameters=solution.parameters,
            stop_reason=solution.stop_reason,
        )
    return solution


def _first_part_first(
    planning: PlanningProblem, solution: Solution, problem: RoutingProblem
) -> Solution:
    """``solution`` with each long stay's first part before lunch and its second part after,
    where the core planned them the other way round and the swap keeps the day feasible with
    lunch still between them: the stop time (parking, walking in) is paid on arrival."""
    routes: list[list[int]] = []
    swaps: list[tuple[int, int]] = []  # (tour, position of the first part after the swap)
    for t, tour in enumerate(solution.tours):
        route = [sv.visit for sv in tour.visits]
        for k in range(len(route) - 1):
            i, j = route[k], route[k + 1]
            village = planning.visit_villages[i]
            second = problem.visits[i].id.startswith(f"{village.id}+#")
            if second and planning.visit_villages[j].id == village.id:
                route[k], route[k + 1] = j, i
                swaps.append((t, k))
        routes.append(route)
    if not swaps:
        return solution
    try:
        swapped = schedule_routes(problem, routes)
    except InfeasibleError:
        return solution
    if any(k + 1 not in {b.after for b in swapped.tours[t].breaks} for t, k in swaps):
        return solution  # lunch would no longer be between the two parts
    return dataclasses.replace(
        swapped,
        wall_time=solution.wall_time,
        parameters=solution.parameters,
        stop_reason=solution.stop_reason,
    )


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
    """Ids of the villages of ``solution`` whose themes were all met earlier that day (a long
    stay's two parts are one visit, not a repeat)."""
    repeated: set[str] = set()
    for tour in solution.tours:
        seen: set[str] = set()
        before = ""
        for sv in tour.visits:
            village = planning.visit_villages[sv.visit]
            themes = counted_themes(village, planning.request.themes)
            same_stay, before = village.id == before, village.id
            if themes and themes <= seen and not same_stay:
                repeated.add(village.id)
            seen |= themes
    return repeated
