"""Solve a :class:`RoutingProblem` with OR-Tools (the only module that imports it).

The model: one node per usable visit plus a start and an end node per tour; native transit
matrices for travel (the arc cost) and for travel plus service (the time dimension, with waiting
as slack, multiple windows as removed intervals, breaks as interval variables, span limits); one
disjunction per visit whose penalty is its score times a constant larger than any possible
travel time, so that collected score comes first and travel time second.

The search runs rounds: tourplan's iterated insertion (:mod:`tourplan.routing.insertion`, which
checks breaks and duration limits with the exact scheduler) builds plans, OR-Tools' local search
improves the best one under the exact model, and the next round starts from the better of the two
once scheduled exactly. With several tours, iterated insertion itself runs in short rounds, each
followed by route recombination: CP-SAT (``ortools.sat``) picks the best set of disjoint tours
among all the tours the workers met (:mod:`tourplan.routing.pool`). The final plan is
re-scheduled by :func:`~tourplan.routing.solution.schedule_routes` rules and validated.
"""

from __future__ import annotations

import itertools
import multiprocessing
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from ortools.constraint_solver import pywrapcp, routing_enums_pb2
from ortools.sat.python import cp_model

from ..exceptions import DataError, InfeasibleError, SolverError
from .explain import explain_infeasible, fits_alone
from .insertion import Inserter, iterated_insertion, pooled_iterated_insertion, warm_up
from .pool import RoutePool, tour_classes
from .problem import RoutingProblem
from .solution import Solution, schedule_tour
from .validate import check_solution

_ROUTING_OPTIMAL = 7
# Share of the time limit route recombination's set packing may take at most.
_RECOMBINE_SHARE = 0.05
# In deterministic mode, CP-SAT's deterministic time limit for it (about 0.3 s of wall time on
# the ten-route catalogue, whose ten interchangeable days make the hardest packing we meet).
_RECOMBINE_DETERMINISTIC = 0.1

__all__ = ["FIRST_SOLUTIONS", "METAHEURISTICS", "SearchParameters", "solve"]

#: First-solution strategies: ``"insertion"`` (tourplan's score-per-time insertion) or an
#: OR-Tools ``FirstSolutionStrategy`` name.
FIRST_SOLUTIONS = ("insertion", *routing_enums_pb2.FirstSolutionStrategy.Value.keys())
#: OR-Tools ``LocalSearchMetaheuristic`` names.
METAHEURISTICS = tuple(routing_enums_pb2.LocalSearchMetaheuristic.Value.keys())


@dataclass(frozen=True, slots=True)
class SearchParameters:
    """How to search; the defaults give good plans in a few seconds.

    Parameters
    ----------
    time_limit
        Wall-clock seconds for the whole search (ignored in deterministic mode).
    first_solution
        ``"insertion"`` or an OR-Tools first-solution strategy name.
    metaheuristic
        An OR-Tools local-search metaheuristic name, e.g. ``"GUIDED_LOCAL_SEARCH"``,
        ``"TABU_SEARCH"``, ``"SIMULATED_ANNEALING"``, ``"GREEDY_DESCENT"``. ``"AUTOMATIC"``
        (the default) means greedy descent when iterated insertion runs (OR-Tools then polishes
        its plans), guided local search otherwise (an OR-Tools first-solution strategy).
    deterministic
        Stop after ``iteration_limit`` iterations instead of a wall-clock limit, and turn off
        the operators that use wall-clock sub-limits, so the same input gives the same output.
    iteration_limit
        In deterministic mode: OR-Tools stops after this many solutions or rejected moves, and
        iterated insertion after a third as many shakes in all, split over the rounds.
    cycles
        Number of rounds of (iterated insertion, then OR-Tools local search from its best plan),
        each round starting from the previous round's best plan. ``None`` (the default): one
        round when iterated insertion runs (its annealing cools once over the whole search),
        three for OR-Tools alone (restarting its metaheuristic helps it out of a poor first plan).
    ils_share
        Share of each round's time given to tourplan's iterated insertion (the rest to
        OR-Tools). Iterated insertion runs only with ``first_solution="insertion"``;
        otherwise OR-Tools gets all the time.
    noise
        Relative random noise on insertion priorities in iterated insertion.
    recombination_pool
        Route recombination after iterated insertion: the tours of the plans it met are
        pooled (this many per class of interchangeable days, best first) and CP-SAT picks the
        set of disjoint tours of highest score (Hu & Lim 2014), which then gets another round
        of insertion. 0 turns it off. It cannot help with a single tour.
    recombination_rounds
        With recombination, iterated insertion runs in this many rounds per cycle, each
        followed by a recombination of all tours met so far; the next round starts from its
        plan (the iterative scheme of Hu & Lim 2014).
    temperatures
        Acceptance in iterated insertion, one value per worker in turn: simulated annealing
        starting at this many times the mean score of a visit, cooled to 0 by the end of the
        round; 0 keeps every shaken plan (a random walk with returns to the best plan). The
        default anneals gently in the first worker and hotly in the second: on the public
        benchmark the gentle one is better with several tours, the hot one never gets stuck
        on long single tours (see ``docs/benchmarks.md``).
    seed
        Seed of iterated insertion.
    workers
        Processes running iterated insertion side by side (different seeds and temperatures;
        the best plan wins). Ignored in deterministic mode. The extra processes are started
        with ``spawn``, so a script using ``workers > 1`` needs the usual
        ``if __name__ == "__main__":`` guard around its entry point.
    restart_metaheuristics
        Metaheuristics for the OR-Tools phase of rounds after the first, in turn (default: the
        same as ``metaheuristic``).
    lns
        Use OR-Tools' large-neighbourhood operators (path / inactive LNS and friends).
    log
        Let OR-Tools print its search log.

    Examples
    --------
    >>> SearchParameters(time_limit=2).metaheuristic
    'AUTOMATIC'
    >>> SearchParameters(time_limit=0)
    Traceback (most recent call last):
    ...
    tourplan.exceptions.DataError: field 'time_limit': must be positive, got 0
    """

    time_limit: float = 10.0
    first_solution: str = "insertion"
    metaheuristic: str = "AUTOMATIC"
    deterministic: bool = False
    iteration_limit: int = 2000
    cycles: int | None = None
    ils_share: float = 0.9
    noise: float = 1.0
    recombination_pool: int = 500
    recombination_rounds: int = 3
    temperatures: tuple[float, ...] = (1.0, 5.0)
    seed: int = 0
    workers: int = 1
    restart_metaheuristics: tuple[str, ...] = ()
    lns: bool = True
    log: bool = False

    def __post_init__(self) -> None:
        if not self.time_limit > 0:
            raise DataError(f"must be positive, got {self.time_limit}", field="time_limit")
        if self.first_solution not in FIRST_SOLUTIONS:
            raise DataError(
                f"unknown strategy {self.first_solution!r}; one of {FIRST_SOLUTIONS}",
                field="first_solution",
            )
        for name in (self.metaheuristic, *self.restart_metaheuristics):
            if name not in METAHEURISTICS:
                raise DataError(
                    f"unknown metaheuristic {name!r}; one of {METAHEURISTICS}",
                    field="metaheuristic",
                )
        if self.iteration_limit < 1:
            raise DataError("must be >= 1", field="iteration_limit")
        if self.cycles is not None and self.cycles < 1:
            raise DataError("must be >= 1", field="cycles")
        if not 0 <= self.ils_share < 1:
            raise DataError("must be in [0, 1)", field="ils_share")
        if self.workers < 1:
            raise DataError("must be >= 1", field="workers")
        if self.noise < 0:
            raise DataError("must be >= 0", field="noise")
        if self.recombination_pool < 0:
            raise DataError("must be >= 0", field="recombination_pool")
        if self.recombination_rounds < 1:
            raise DataError("must be >= 1", field="recombination_rounds")
        if not self.temperatures or not all(t >= 0 for t in self.temperatures):
            raise DataError(
                f"must be one or more numbers >= 0, got {self.temperatures!r}",
                field="temperatures",
            )


class _Model:
    """The OR-Tools model of a problem, with the maps between nodes and visits."""

    def __init__(self, problem: RoutingProblem) -> None:
        self.problem = problem
        tours = problem.tours
        visits = problem.visits
        self.offset = min(t.earliest_start for t in tours)
        # Tours each visit can really be in (alone, ignoring breaks); others are left out.
        allowed: list[list[int]] = []
        for v in visits:
            ok = [
                t
                for t, tour in enumerate(tours)
                if v.allows(t) and fits_alone(problem, v, tour) is None
            ]
            allowed.append(ok)
        self.allowed = allowed
        self.node_visit = [i for i, ok in enumerate(allowed) if ok]
        n_visits = len(self.node_visit)
        n_tours = len(tours)
        self.n_nodes = n_visits + 2 * n_tours
        locs = [visits[i].location for i in self.node_visit]
        for tr in tours:
            locs += [tr.start_location, tr.end_location]
        service = [visits[i].service for i in self.node_visit] + [0] * (2 * n_tours)
        starts = [n_visits + 2 * t for t in range(n_tours)]
        ends = [n_visits + 2 * t + 1 for t in range(n_tours)]
        self.manager = pywrapcp.RoutingIndexManager(self.n_nodes, n_tours, starts, ends)
        self.routing = pywrapcp.RoutingModel(self.manager)
        routing, manager = self.routing, self.manager
        m = problem.travel_times[locs][:, locs]
        travel = m.tolist()
        with_service = (m + [[s] for s in service]).tolist()
        travel_cb = routing.RegisterTransitMatrix(travel)
        time_cb = routing.RegisterTransitMatrix(with_service)
        routing.SetArcCostEvaluatorOfAllVehicles(travel_cb)

        horizon = max(t.latest_end for t in tours) - self.offset
        routing.AddDimension(time_cb, horizon, horizon, False, "Time")
        dim = routing.GetDimensionOrDie("Time")
        self.dim = dim
        # A unit of score outweighs any possible total travel time.
        self.big_m = sum(t.horizon for t in tours) + 1
        for node, vi in enumerate(self.node_visit):
            v = visits[vi]
            index = manager.NodeToIndex(node)
            ok = allowed[vi]
            lo = min(tours[t].earliest_start for t in ok)
            hi = max(tours[t].latest_end for t in ok) - v.service
            wins = [(max(w.start, lo), min(w.end, hi)) for w in v.windows]
            wins = [(a - self.offset, b - self.offset) for a, b in wins if a <= b]
            cumul = dim.CumulVar(index)
            cumul.SetRange(wins[0][0], wins[-1][1])
            for (_, close), (reopen, _) in itertools.pairwise(wins):
                if reopen > close + 1:
                    cumul.RemoveInterval(close + 1, reopen - 1)
            if len(ok) < n_tours:
                # SetAllowedVehiclesForIndex's SWIG binding rejects Python lists in
                # OR-Tools 9.15; restricting the vehicle variable is equivalent (-1 = unperformed).
                routing.VehicleVar(index).SetValues(ok if v.required else [-1, *ok])
            if not v.required:
                # Optional: leaving it out costs its score (more than any travel it saves).
                routing.AddDisjunction([index], v.score * self.big_m)
            # Required visits get no disjunction: every OR-Tools solution performs them, so
            # a short or deterministic search cannot trade them away for a cheaper plan.
        for t, tour in enumerate(tours):
            s, e = routing.Start(t), routing.End(t)
            dim.CumulVar(s).SetRange(
                tour.earliest_start - self.offset, tour.latest_end - self.offset
            )
            dim.CumulVar(e).SetRange(
                tour.earliest_start - self.offset, tour.latest_end - self.offset
            )
            if tour.max_duration is not None:
                dim.SetSpanUpperBoundForVehicle(tour.max_duration, t)
            routing.AddVariableMinimizedByFinalizer(dim.CumulVar(s))
            routing.AddVariableMinimizedByFinalizer(dim.CumulVar(e))
        if any(t.max_visits is not None for t in tours):
            count_cb = routing.RegisterUnaryTransitVector([1] * n_visits + [0] * (2 * n_tours))
            caps = [len(visits) if t.max_visits is None else t.max_visits for t in tours]
            routing.AddDimensionWithVehicleCapacity(count_cb, 0, caps, True, "Visits")
        solver = routing.solver()
        node_service = [0] * routing.Size()
        for node, vi in enumerate(self.node_visit):
            node_service[manager.NodeToIndex(node)] = visits[vi].service
        for t, tour in enumerate(tours):
            if not tour.breaks:
                continue
            intervals = []
            for b in tour.breaks:
                iv = solver.FixedDurationIntervalVar(
                    b.earliest_start - self.offset,
                    b.latest_start - self.offset,
                    b.duration,
                    True,
                    f"{tour.id}:{b.id}",
                )
                solver.Add(iv.PerformedExpr() == routing.ActiveVehicleVar(t))
                intervals.append(iv)
            dim.SetBreakIntervalsOfVehicle(intervals, t, node_service)
        self._prune_arcs(m, service)

    def _prune_arcs(self, m: Any, service: list[int]) -> None:
        """Remove arcs between visits that no window allows (i's earliest end is too late)."""
        visits = self.problem.visits
        n = len(self.node_visit)
        if n == 0:
            return
        dim, manager, routing = self.dim, self.manager, self.routing
        earliest = [dim.CumulVar(manager.NodeToIndex(i)).Min() for i in range(n)]
        latest = [dim.CumulVar(manager.NodeToIndex(i)).Max() for i in range(n)]
        for i in range(n):
            reach = earliest[i] + visits[self.node_visit[i]].service
            nxt = routing.NextVar(manager.NodeToIndex(i))
            for j in range(n):
                if i != j and reach + int(m[i, j]) > latest[j]:
                    nxt.RemoveValue(manager.NodeToIndex(j))
        del service

    def routes(self, assignment: Any) -> list[list[int]]:
        """Visit indices of each tour in an assignment."""
        routing, manager = self.routing, self.manager
        out: list[list[int]] = []
        for t in range(len(self.problem.tours)):
            index = routing.Start(t)
            route: list[int] = []
            index = assignment.Value(routing.NextVar(index))
            while not routing.IsEnd(index):
                route.append(self.node_visit[manager.IndexToNode(index)])
                index = assignment.Value(routing.NextVar(index))
            out.append(route)
        return out

    def to_nodes(self, routes: Sequence[Sequence[int]]) -> list[list[int]]:
        """Visit indices per tour to OR-Tools node lists (for ``ReadAssignmentFromRoutes``)."""
        node_of = {v: n for n, v in enumerate(self.node_visit)}
        return [[node_of[v] for v in r if v in node_of] for r in routes]


def _search_parameters(params: SearchParameters, metaheuristic: str, limit: float) -> Any:
    sp = pywrapcp.DefaultRoutingSearchParameters()
    strategy = (
        "PATH_CHEAPEST_ARC" if params.first_solution == "insertion" else params.first_solution
    )
    sp.first_solution_strategy = getattr(routing_enums_pb2.FirstSolutionStrategy, strategy)
    sp.local_search_metaheuristic = getattr(
        routing_enums_pb2.LocalSearchMetaheuristic, metaheuristic
    )
    ops = sp.local_search_operators
    true = 3  # OptionalBoolean BOOL_TRUE
    false = 2
    for name in (
        "use_extended_swap_active",
        "use_relocate_and_make_active",
        "use_exchange_and_make_active",
        "use_relocate_neighbors",
        "use_cross_exchange",
    ):
        setattr(ops, name, true)
    if params.lns and not params.deterministic:
        for name in ("use_path_lns", "use_inactive_lns"):
            setattr(ops, name, true)
    if params.deterministic:
        sp.solution_limit = params.iteration_limit
        for name in ("use_path_lns", "use_full_path_lns", "use_tsp_lns", "use_inactive_lns"):
            setattr(ops, name, false)
    else:
        sp.time_limit.FromMilliseconds(max(1, int(limit * 1000)))
    sp.log_search = params.log
    return sp


def _repair(problem: RoutingProblem, routes: list[list[int]]) -> Solution:
    """Schedule routes; drop the lowest-score visits of a tour its schedule cannot hold."""
    from .solution import Solution as _Solution

    schedules = []
    for t, route in enumerate(routes):
        route = list(route)
        while True:
            try:
                schedules.append(schedule_tour(problem, t, route))
                break
            except InfeasibleError:
                worst = min(
                    (i for i in route if not problem.visits[i].required),
                    key=lambda i: problem.visits[i].score,
                    default=None,
                )
                if worst is None:
                    raise
                route.remove(worst)
    visited = {v.visit for s in schedules for v in s.visits}
    return _Solution(
        tuple(schedules),
        sum(problem.visits[i].score for i in visited),
        sum(s.travel_time for s in schedules),
        tuple(i for i in range(len(problem.visits)) if i not in visited),
    )


def solve(problem: RoutingProblem, params: SearchParameters | None = None) -> Solution:
    """Choose and order visits into tours: most score first, then least travel time.

    Parameters
    ----------
    problem
        The problem.
    params
        Search parameters; the defaults are good for problems of up to a few hundred visits.

    Returns
    -------
    Solution
        A solution checked by :func:`~tourplan.routing.validate.check_solution`.

    Raises
    ------
    InfeasibleError
        If a required visit cannot be placed; ``reasons`` names it and says why.
    SolverError
        If OR-Tools fails to return any solution or returns an invalid one.

    Examples
    --------
    >>> from tourplan.routing.problem import TimeWindow, Tour, Visit
    >>> p = RoutingProblem(
    ...     [[0, 10, 10], [10, 0, 15], [10, 15, 0]],
    ...     visits=(
    ...         Visit("a", 1, 30, (TimeWindow(0, 100),), score=5),
    ...         Visit("b", 2, 30, (TimeWindow(0, 100),), score=4),
    ...     ),
    ...     tours=(Tour("day", 0, 0, 0, 60),),
    ... )
    >>> s = solve(p, SearchParameters(deterministic=True, iteration_limit=50))
    >>> s.score, [problem_id for problem_id in s.routes[0]]
    (5, [0])
    """
    params = params or SearchParameters()
    began = time.monotonic()
    reasons = explain_infeasible(problem)
    if reasons:
        raise InfeasibleError("the required visits cannot all be planned", reasons)
    model = _Model(problem)
    routing = model.routing
    deadline = began + params.time_limit
    if params.deterministic:
        routing.AddSearchMonitor(routing.solver().FailuresLimit(params.iteration_limit))
    use_ils = params.first_solution == "insertion" and Inserter.supports(problem)
    routing.CloseModelWithParameters(_search_parameters(params, params.metaheuristic, 1))
    best = None
    n_workers = 1 if params.deterministic or not use_ils else params.workers
    pool = None
    if n_workers > 1:
        pool = ProcessPoolExecutor(n_workers - 1, mp_context=multiprocessing.get_context("spawn"))
        for _ in range(n_workers - 1):
            pool.submit(warm_up)
    try:
        best, plan = _search(problem, params, model, deadline, use_ils, pool, n_workers)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return _finish(problem, params, model, best, began, plan)


def _value(problem: RoutingProblem) -> Callable[[list[list[int]]], tuple[int, int]]:
    def value(routes: list[list[int]]) -> tuple[int, int]:
        score = sum(problem.visits[i].score for r in routes for i in r)
        travel = 0
        for t, r in enumerate(routes):
            if r:
                tour = problem.tours[t]
                locs = [tour.start_location, *(problem.visits[i].location for i in r)]
                locs.append(tour.end_location)
                travel += sum(problem.travel(a, b) for a, b in itertools.pairwise(locs))
        return score, -travel

    return value


def _plan_value(problem: RoutingProblem, routes: list[list[int]]) -> tuple[int, int, int]:
    """(-missing required visits, score, -travel) of routes once scheduled exactly."""
    try:
        solution = _repair(problem, routes)
    except InfeasibleError:
        return (-len(problem.visits) - 1, 0, 0)
    missing = sum(1 for i in solution.unvisited if problem.visits[i].required)
    return (-missing, solution.score, -solution.travel_time)


def _search(
    problem: RoutingProblem,
    params: SearchParameters,
    model: _Model,
    deadline: float,
    use_ils: bool,
    pool: ProcessPoolExecutor | None,
    n_workers: int,
) -> tuple[Any, list[list[int]] | None]:
    """Rounds of iterated insertion then OR-Tools local search.

    Returns OR-Tools' best assignment and the best plan seen once scheduled exactly (OR-Tools'
    break model can be looser than :mod:`~tourplan.routing.solution`'s, e.g. a break after the
    end of a tour, so its best plan may lose visits when scheduled; the insertion plan wins then).
    """
    routing = model.routing
    best = None
    routes: list[list[int]] | None = None
    plan: list[list[int]] | None = None
    plan_value: tuple[int, int, int] | None = None

    def consider(candidate: list[list[int]]) -> None:
        nonlocal plan, plan_value
        value = _plan_value(problem, candidate)
        if plan_value is None or value > plan_value:
            plan, plan_value = [list(r) for r in candidate], value

    cycles = params.cycles if params.cycles is not None else (1 if use_ils else 3)
    for cycle in range(cycles):
        meta = params.metaheuristic
        if meta == "AUTOMATIC":
            meta = "GREEDY_DESCENT" if use_ils else "GUIDED_LOCAL_SEARCH"
        if cycle > 0 and params.restart_metaheuristics:
            meta = params.restart_metaheuristics[(cycle - 1) % len(params.restart_metaheuristics)]
        share = (deadline - time.monotonic()) / (cycles - cycle)
        start = None
        if use_ils and model.node_visit:
            routes = _iterated_insertion_rounds(
                problem,
                params,
                model.allowed,
                routes,
                share,
                cycle,
                cycles,
                pool,
                n_workers,
                deadline,
            )
            consider(routes)
            start = routing.ReadAssignmentFromRoutes(model.to_nodes(routes), True)
            if start is None:  # OR-Tools rejects the plan: go on from its own best
                start = best
        elif best is not None:
            start = best
        sp = _search_parameters(
            params, meta, max(deadline - time.monotonic(), 0.01) / (cycles - cycle)
        )
        if start is not None:
            result = routing.SolveFromAssignmentWithParameters(start, sp)
            if result is None:
                result = start
        else:
            result = routing.SolveWithParameters(sp)
            if result is None and params.first_solution == "insertion":
                # Path-cheapest-arc can miss every plan that holds all required visits;
                # cheapest insertion builds one around them.
                sp.first_solution_strategy = (
                    routing_enums_pb2.FirstSolutionStrategy.LOCAL_CHEAPEST_INSERTION
                )
                result = routing.SolveWithParameters(sp)
        if result is not None and (
            best is None or result.ObjectiveValue() <= best.ObjectiveValue()
        ):
            best = routing.solver().Assignment(result)
        if best is not None:
            consider(model.routes(best))
            routes = plan
    if best is None:
        raise InfeasibleError(
            "no solution found", ["the solver found no plan holding the required visits"]
        )
    return best, plan


def _iterated_insertion_rounds(
    problem: RoutingProblem,
    params: SearchParameters,
    allowed: Sequence[Sequence[int]],
    routes: list[list[int]] | None,
    share: float,
    cycle: int,
    cycles: int,
    pool: ProcessPoolExecutor | None,
    n_workers: int,
    deadline: float,
) -> list[list[int]]:
    """Iterated insertion in every worker, in rounds with route recombination between them.

    Each round starts every worker from the best plan so far (different seeds and
    temperatures); after each, the tours the workers met are pooled and recombined
    (:func:`_recombine`). Without recombination (one tour, or ``recombination_pool=0``) there
    is a single round and the best worker's plan is returned.
    """
    recombining = params.recombination_pool > 0 and len(problem.tours) > 1
    rounds = params.recombination_rounds if recombining else 1
    run: Callable[..., Any] = pooled_iterated_insertion if recombining else iterated_insertion
    ils_end = time.monotonic() + max(share * params.ils_share, 0.01)
    pools: list[RoutePool] = []
    for k in range(rounds):
        kwargs: dict[str, Any] = {
            "start": routes,
            "until": None
            if params.deterministic
            else time.monotonic() + max((ils_end - time.monotonic()) / (rounds - k), 0.01),
            "iterations": max(1, params.iteration_limit // (3 * cycles * rounds))
            if params.deterministic
            else None,
            "noise": params.noise,
        }
        if recombining:
            kwargs["capacity"] = params.recombination_pool
        seeds = [params.seed + cycle * 1000 + k * 100 + w for w in range(n_workers)]
        temps = [params.temperatures[w % len(params.temperatures)] for w in range(n_workers)]
        futures = [
            pool.submit(run, problem, allowed, seed=sd, temperature=temp, **kwargs)
            for sd, temp in zip(seeds[1:], temps[1:], strict=True)
            if pool is not None
        ]
        found = [run(problem, allowed, seed=seeds[0], temperature=temps[0], **kwargs)]
        found += [f.result() for f in futures]
        if recombining:
            pools += [p for _, p in found]
            found = [r for r, _ in found]
        routes = max((r for r in found if r is not None), key=_value(problem))
        if recombining:
            routes = _recombine(problem, allowed, routes, pools, params, deadline)
    assert routes is not None
    return routes


def _recombine(
    problem: RoutingProblem,
    allowed: Sequence[Sequence[int]],
    routes: list[list[int]],
    pools: list[RoutePool],
    params: SearchParameters,
    deadline: float,
) -> list[list[int]]:
    """The best plan of disjoint pooled tours (CP-SAT), improved by insertion, or ``routes``.

    A set packing: one 0/1 variable per pooled tour; at most one chosen tour holds each visit
    (exactly one for a required visit that ``routes`` holds); per class of interchangeable
    days, at most as many tours as days; maximise score first, then minus travel time. The plan
    ``routes`` is a solution of it and is given as the hint.
    """
    ins = Inserter(problem, allowed)
    merged = RoutePool(tour_classes(problem, allowed), params.recombination_pool)
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
    ins.improve(plan, 0)
    value = _value(problem)
    return plan if value(plan) > value(routes) else routes


def _finish(
    problem: RoutingProblem,
    params: SearchParameters,
    model: _Model,
    best: Any,
    began: float,
    plan: list[list[int]] | None = None,
) -> Solution:
    """Schedule the best plan (default: the assignment's routes) cleanly and check it."""
    routing = model.routing
    routes = model.routes(best) if plan is None else plan
    solution = _repair(problem, routes)
    dropped = [problem.visits[i].id for i in solution.unvisited if problem.visits[i].required]
    if dropped:
        raise InfeasibleError(
            "some required visits could not be planned",
            [f"required visit {name!r} could not be placed with the others" for name in dropped],
        )
    status = "optimal" if routing.status() == _ROUTING_OPTIMAL else "feasible"
    solution = replace(
        solution, status=status, wall_time=time.monotonic() - began, parameters=params
    )
    violations = check_solution(problem, solution)
    if violations:
        raise SolverError("the solver produced an invalid solution: " + "; ".join(violations))
    return solution
