"""Route recombination: CP-SAT packs the best set of disjoint tours from a pool of tours met.

Iterated insertion meets thousands of local optima whose tours are each good on their own;
picking the best set of disjoint tours among all of them (a set packing) often beats every single
plan met: the route recombination of Hu & Lim (2014) for the TOPTW. The tours come from
:class:`~tourplan.routing.pool.RoutePool`; the packing is solved with CP-SAT (``ortools.sat``),
which makes this, with :mod:`.ortools_model`, the only module that imports OR-Tools.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from ortools.sat.python import cp_model

from .insertion import Inserter, routes_value
from .moves import LocalSearch
from .params import SearchParameters
from .pool import RoutePool, tour_classes
from .problem import RoutingProblem

__all__ = ["recombine"]

# Share of the time limit route recombination's set packing may take at most.
_RECOMBINE_SHARE = 0.05
# In deterministic mode, CP-SAT's deterministic time limit for it (about 0.3 s of wall time on
# the ten-route catalogue, whose ten interchangeable days make the hardest packing we meet).
_RECOMBINE_DETERMINISTIC = 0.1


def recombine(
    problem: RoutingProblem,
    allowed: Sequence[Sequence[int]],
    routes: list[list[int]],
    pools: list[RoutePool],
    params: SearchParameters,
    deadline: float,
) -> list[list[int]]:
    """The best plan of disjoint pooled tours (CP-SAT), improved by insertion, or ``routes``.

    A set packing: one 0/1 variable per pooled tour; at most one chosen tour holds each visit
    (exactly one for a required visit that ``routes`` holds); at most one chosen tour holds a
    member of each group of alternatives (exactly one for a required group); per class of
    interchangeable days, at most as many tours as days; maximise score first, then minus
    travel time. The plan ``routes`` is a solution of it and is given as the hint. The chosen
    tours then get a round of insertion and local search
    (:meth:`~tourplan.routing.moves.LocalSearch.improve`).

    Parameters
    ----------
    problem
        The problem.
    allowed
        For each visit, the tours it may be in.
    routes
        The best plan so far (visit indices per tour); returned if the packing does no better.
    pools
        Pools of tours met (e.g. one per worker); they are merged, with the tours of ``routes``.
    params
        The search parameters: ``recombination.pool`` tours per class are kept; CP-SAT gets at
        most 5 % of ``time_limit`` (never past ``deadline``), or a fixed deterministic time in
        deterministic mode.
    deadline
        ``time.monotonic()`` instant the whole search must end by.

    Returns
    -------
    list of list of int
        The better, by (score, -travel), of the recombined plan and ``routes``.
    """
    if not params.deterministic and time.monotonic() >= deadline:
        return routes
    ins = Inserter(problem, allowed)
    merged = RoutePool(tour_classes(problem, allowed), params.recombination.pool)
    merged.merge(pools)
    ins.offer(merged, routes)
    tours = merged.tours()
    incumbent = {(merged.classes[r], frozenset(route)) for r, route in enumerate(routes) if route}
    model = cp_model.CpModel()
    chosen = [model.new_bool_var(f"tour{k}") for k in range(len(tours))]
    days: dict[int, list[int]] = {}
    for r, c in enumerate(merged.classes):
        days.setdefault(c, []).append(r)
    for c, rs in days.items():
        model.add(
            sum(x for x, t in zip(chosen, tours, strict=True) if t.tour_class == c) <= len(rs)
        )
    holders: dict[int, list[Any]] = {}
    for x, t in zip(chosen, tours, strict=True):
        for i in t.visits:
            holders.setdefault(i, []).append(x)
    held = {i for route in routes for i in route}
    for i, xs in holders.items():
        if problem.visits[i].required and i in held:
            model.add_exactly_one(xs)
        else:
            model.add_at_most_one(xs)
    for g, group in enumerate(problem.groups):
        # a pooled tour holds at most one member of a group (it comes from a valid plan)
        xs = [
            x
            for x, t in zip(chosen, tours, strict=True)
            if any(problem.group_of(i) == g for i in t.visits)
        ]
        if group.required and any(problem.group_of(i) == g for i in held):
            model.add_exactly_one(xs)
        elif xs:
            model.add_at_most_one(xs)
    # a unit of score outweighs the travel of any set of tours
    big = 1 + sum(sorted((t.travel for t in tours), reverse=True)[: len(problem.tours)])
    model.maximize(sum(x * (t.score * big - t.travel) for x, t in zip(chosen, tours, strict=True)))
    for x, t in zip(chosen, tours, strict=True):
        model.add_hint(x, (t.tour_class, frozenset(t.visits)) in incumbent)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    if params.deterministic:
        solver.parameters.max_deterministic_time = _RECOMBINE_DETERMINISTIC
    else:
        solver.parameters.max_time_in_seconds = max(
            0.01, min(_RECOMBINE_SHARE * params.time_limit, deadline - time.monotonic())
        )
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return routes
    plan: list[list[int]] = [[] for _ in problem.tours]
    for x, t in zip(chosen, tours, strict=True):
        if solver.value(x):
            plan[days[t.tour_class].pop(0)] = list(t.visits)
    search = LocalSearch(ins)
    if not params.deterministic:
        search.deadline = deadline  # the limit caps the improvement too
    search.improve(plan, 0)
    return plan if routes_value(problem, plan) > routes_value(problem, routes) else routes
