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

from ortools.sat.python import cp_model_helper as cmh

from .insertion import Inserter, routes_value
from .moves import LocalSearch
from .params import SearchParameters
from .pool import PooledTour, RoutePool, tour_classes
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
    chosen = _pack(problem, routes, merged.classes, tours, incumbent, params, deadline)
    if chosen is None:
        return routes
    days: dict[int, list[int]] = {}
    for r, c in enumerate(merged.classes):
        days.setdefault(c, []).append(r)
    plan: list[list[int]] = [[] for _ in problem.tours]
    for k in chosen:
        t = tours[k]
        plan[days[t.tour_class].pop(0)] = list(t.visits)
    search = LocalSearch(ins)
    if not params.deterministic:
        search.deadline = deadline  # the limit caps the improvement too
    search.improve(plan, 0)
    return plan if routes_value(problem, plan) > routes_value(problem, routes) else routes


def _pack(
    problem: RoutingProblem,
    routes: list[list[int]],
    classes: list[int],
    tours: list[PooledTour],
    incumbent: set[tuple[int, frozenset[int]]],
    params: SearchParameters,
    deadline: float,
) -> list[int] | None:
    """The set packing of :func:`recombine` solved by CP-SAT: indices of the chosen tours.

    The model is written as CP-SAT's protocol buffer directly (``cp_model_helper``): the
    ``cp_model`` front end imports pandas, which would double the memory of a search.
    Returns ``None`` if CP-SAT finds no solution in its time.
    """
    model = cmh.CpModelProto()
    for _ in tours:
        model.variables.add().domain.extend([0, 1])

    def at_most(literals: list[int], bound: int, exact: bool = False) -> None:
        constraint = model.constraints.add()
        if bound == 1:
            (constraint.exactly_one if exact else constraint.at_most_one).literals.extend(literals)
            return
        constraint.linear.vars.extend(literals)
        constraint.linear.coeffs.extend([1] * len(literals))
        constraint.linear.domain.extend([bound if exact else 0, bound])

    per_class: dict[int, list[int]] = {}
    for k, t in enumerate(tours):
        per_class.setdefault(t.tour_class, []).append(k)
    for c, ks in per_class.items():
        at_most(ks, classes.count(c))
    holders: dict[int, list[int]] = {}
    for k, t in enumerate(tours):
        for i in t.visits:
            holders.setdefault(i, []).append(k)
    held = {i for route in routes for i in route}
    for i, ks in holders.items():
        at_most(ks, 1, exact=problem.visits[i].required and i in held)
    for g, group in enumerate(problem.groups):
        # a pooled tour holds at most one member of a group (it comes from a valid plan)
        ks = [k for k, t in enumerate(tours) if any(problem.group_of(i) == g for i in t.visits)]
        if group.required and any(problem.group_of(i) == g for i in held):
            at_most(ks, 1, exact=True)
        elif ks:
            at_most(ks, 1)
    # a unit of score outweighs the travel of any set of tours; CP-SAT minimises
    big = 1 + sum(sorted((t.travel for t in tours), reverse=True)[: len(problem.tours)])
    model.objective.vars.extend(range(len(tours)))
    model.objective.coeffs.extend([t.travel - t.score * big for t in tours])
    model.solution_hint.vars.extend(range(len(tours)))
    model.solution_hint.values.extend(
        [int((t.tour_class, frozenset(t.visits)) in incumbent) for t in tours]
    )
    parameters = cmh.SatParameters()
    parameters.num_workers = 1
    if params.deterministic:
        parameters.max_deterministic_time = _RECOMBINE_DETERMINISTIC
    else:
        parameters.max_time_in_seconds = max(
            0.01, min(_RECOMBINE_SHARE * params.time_limit, deadline - time.monotonic())
        )
    solver = cmh.SolveWrapper()
    solver.set_parameters(parameters)
    response = solver.solve(model)  # type: ignore[no-untyped-call]  # untyped in the stub
    if response.status not in (cmh.CpSolverStatus.OPTIMAL, cmh.CpSolverStatus.FEASIBLE):
        return None
    return [k for k, x in enumerate(response.solution) if x]
