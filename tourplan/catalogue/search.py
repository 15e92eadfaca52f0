"""The catalogue's route search: cover the most villages, add repeats, gather themes.

A catalogue that lets a village appear in several routes offers its repeats as members of the
village's routing :class:`~tourplan.routing.Group` (``limit`` = routes per village): the
group's first member is the village's own visit, the others its repeats, and no two members
share a route.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..exceptions import InfeasibleError
from ..routing import (
    RoutingProblem,
    SearchParameters,
    Solution,
    schedule_routes,
    schedule_tour,
    solve,
    validate_solution,
)

__all__ = [
    "MAX_EXTRA_DRIVING",
    "coherence",
    "gather_themes",
    "insert_repeats",
    "solve_with_repeats",
]


def _first_members(problem: RoutingProblem) -> list[int]:
    """The visits that are not repeats: every visit outside a group, each group's first."""
    repeats = {i for g in problem.groups for i in g.visits[1:]}
    return [i for i in range(len(problem.visits)) if i not in repeats]


def _place_of(problem: RoutingProblem) -> list[int]:
    """For each visit, an id of its place: its group's index, or its own (shifted) index."""
    n = len(problem.groups)
    return [n + i if (g := problem.group_of(i)) is None else g for i in range(len(problem.visits))]


def solve_with_repeats(
    problem: RoutingProblem,
    params: SearchParameters,
    themes: Sequence[frozenset[str]],
) -> Solution:
    """Best coverage first (each village once), then repeats where routes have room.

    The solver sees only each village's own visit (the first member of its group), so every
    route competes for coverage. The repeats (the other members of a village's group, see
    :func:`~tourplan.catalogue.planning.catalogue_problem`) are then inserted greedily, most
    interesting first, at the cheapest feasible place of a route that does not yet visit that
    village, up to the group's ``limit``.
    """
    first = _first_members(problem)
    coverage = RoutingProblem(
        travel_times=problem.travel_times,
        visits=tuple(problem.visits[i] for i in first),
        tours=problem.tours,
    )
    found = solve(coverage, params)
    routes: list[list[int]] = [[] for _ in problem.tours]
    for tour in found.tours:
        routes[tour.tour] = [first[v.visit] for v in tour.visits]
    if problem.groups:
        insert_repeats(problem, routes)
    gather_themes(problem, routes, themes)
    solution = schedule_routes(problem, routes)
    validate_solution(problem, solution)
    return solution


MAX_EXTRA_DRIVING = 0.10
"""A swap that gathers themes may lengthen the two routes' driving by at most this share."""


def coherence(route: Sequence[int], themes: Sequence[frozenset[str]]) -> int:
    """Pairs of stops in a route that share a theme."""
    return sum(1 for k, a in enumerate(route) for b in route[k + 1 :] if themes[a] & themes[b])


def gather_themes(
    problem: RoutingProblem, routes: list[list[int]], themes: Sequence[frozenset[str]]
) -> None:
    """Break ties toward themed routes: swap villages between routes, in place.

    A swap keeps the set of villages (so coverage and interest are unchanged), must keep both
    routes feasible, must raise the number of same-theme pairs, and may add at most
    :data:`MAX_EXTRA_DRIVING` to the two routes' driving. Deterministic: fixed order, first
    improvement, a bounded number of passes.
    """

    village = _place_of(problem)

    def driving(t: int, route: list[int]) -> int | None:
        try:
            return schedule_tour(problem, t, route).travel_time
        except InfeasibleError:
            return None

    for _ in range(5):
        improved = False
        for a, b in itertools.combinations(range(len(routes)), 2):
            if not routes[a] or not routes[b]:
                continue
            before = coherence(routes[a], themes) + coherence(routes[b], themes)
            drive = (driving(a, routes[a]) or 0) + (driving(b, routes[b]) or 0)
            for i, j in itertools.product(range(len(routes[a])), range(len(routes[b]))):
                va, vb = routes[a][i], routes[b][j]
                if themes[va] == themes[vb]:
                    continue
                new_a = [*routes[a][:i], vb, *routes[a][i + 1 :]]
                new_b = [*routes[b][:j], va, *routes[b][j + 1 :]]
                if len({village[x] for x in new_a}) < len(new_a) or len(
                    {village[x] for x in new_b}
                ) < len(new_b):
                    continue  # a village's copy would join a route that visits it already
                if coherence(new_a, themes) + coherence(new_b, themes) <= before:
                    continue
                da, db = driving(a, new_a), driving(b, new_b)
                if da is None or db is None or da + db > drive * (1 + MAX_EXTRA_DRIVING):
                    continue
                routes[a], routes[b] = new_a, new_b
                improved = True
                break
        if not improved:
            return


def insert_repeats(problem: RoutingProblem, routes: list[list[int]]) -> None:
    """Insert the groups' repeats into ``routes``, in place: most interesting first, each at
    the place of a route that lengthens its day least, in a route without another member of
    its group, while the group has fewer than ``limit`` members planned and the route has
    room (``max_visits``)."""
    place = _place_of(problem)
    used = {i for route in routes for i in route}
    planned = {g: sum(i in used for i in group.visits) for g, group in enumerate(problem.groups)}
    spare = sorted(
        (i for group in problem.groups for i in group.visits[1:]),
        key=lambda i: (-problem.visits[i].score, problem.visits[i].id),
    )
    for copy in spare:
        g = place[copy]
        if copy in used or planned[g] >= problem.groups[g].limit:
            continue
        best: tuple[int, int, int] | None = None  # (added seconds, tour, position)
        for t, route in enumerate(routes):
            limit = problem.tours[t].max_visits
            if g in {place[i] for i in route} or (limit and len(route) >= limit):
                continue
            base = schedule_tour(problem, t, route)
            for position in range(len(route) + 1):
                trial = [*route[:position], copy, *route[position:]]
                try:
                    schedule = schedule_tour(problem, t, trial)
                except InfeasibleError:
                    continue
                added = schedule.arrival - schedule.departure - (base.arrival - base.departure)
                if best is None or added < best[0]:
                    best = (added, t, position)
        if best is not None:
            _, t, position = best
            routes[t].insert(position, copy)
            used.add(copy)
            planned[g] += 1
