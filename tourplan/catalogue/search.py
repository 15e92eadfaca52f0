"""The catalogue's route search: cover the most villages, add repeats, gather themes.

Visits whose id carries a ``#`` (``"bat-trang#2"``) are extra copies of a village for
catalogues that let a village appear in several routes; two copies never share a route.
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


def solve_with_repeats(
    problem: RoutingProblem,
    params: SearchParameters,
    max_routes_per_village: int,
    themes: Sequence[frozenset[str]],
) -> Solution:
    """Best coverage first (each village once), then repeats where routes have room.

    The solver sees only each village's first visit, so every route competes for coverage.
    With ``max_routes_per_village`` > 1 the extra copies (``"<id>#2"`` ...) are then inserted
    greedily, most interesting first, at the cheapest feasible place of a route that does not
    yet visit that village, so two copies never share a route.
    """
    first = [i for i, v in enumerate(problem.visits) if "#" not in v.id]
    coverage = RoutingProblem(
        travel_times=problem.travel_times,
        visits=tuple(problem.visits[i] for i in first),
        tours=problem.tours,
    )
    found = solve(coverage, params)
    routes: list[list[int]] = [[] for _ in problem.tours]
    for tour in found.tours:
        routes[tour.tour] = [first[v.visit] for v in tour.visits]
    if max_routes_per_village > 1:
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

    village = [v.id.split("#", 1)[0] for v in problem.visits]

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
    village_of = [v.id.split("#", 1)[0] for v in problem.visits]
    used = {i for route in routes for i in route}
    spare = sorted(
        (i for i, v in enumerate(problem.visits) if "#" in v.id),
        key=lambda i: (-problem.visits[i].score, problem.visits[i].id),
    )
    for copy in spare:
        village = village_of[copy]
        best: tuple[int, int, int] | None = None  # (added seconds, tour, position)
        for t, route in enumerate(routes):
            limit = problem.tours[t].max_visits
            if village in {village_of[i] for i in route} or (limit and len(route) >= limit):
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
        if best is not None and copy not in used:
            _, t, position = best
            routes[t].insert(position, copy)
            used.add(copy)
