"""The search: rounds of iterated search (and OR-Tools when asked), workers, the best plan kept.

:func:`solve` runs ``cycles`` rounds. In each, tourplan's iterated search (:mod:`.ils`, which
checks breaks and duration limits with the exact scheduler) builds plans in every worker process;
with ``OrToolsParams(polish=True)``, OR-Tools' local search (:mod:`.ortools_model`) then improves
the best one under the exact model, and the next round starts from the better of the two once
scheduled exactly. The polish is off by default: it rarely found a better plan than the iterated
search and cost OR-Tools' routing library (about 20 MB and 0.06 s to load) and, in deterministic
mode, up to minutes on a hundred places (docs/benchmarks.md, "Peak memory"); OR-Tools' routing
solver is then not even imported. With ``first_solution`` other than ``"insertion"``, OR-Tools is
the search. With several tours, the iterated search itself runs in short rounds, each followed
by route recombination (:mod:`.recombine`): CP-SAT picks the best set of disjoint tours among
all the tours the workers met (:mod:`.pool`). The final plan is re-scheduled by
:func:`~.solution.schedule_routes` rules and validated. The parameters of each component are in
:mod:`.params`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..exceptions import InfeasibleError, SolverError
from .decompose import decompose
from .explain import allowed_tours, explain_infeasible
from .ils import iterated_insertion_job, warm_up
from .insertion import Inserter, routes_value
from .params import SearchParameters
from .petals import round_start
from .pool import RoutePool, tour_classes
from .problem import RoutingProblem
from .solution import Solution, schedule_tour
from .validate import check_solution

if TYPE_CHECKING:  # OR-Tools is imported only when it runs; worker processes when asked for
    from concurrent.futures import ProcessPoolExecutor

    from .ortools_model import OrToolsModel

__all__ = ["repair_schedule", "solve"]

# After the iterated search converged, OR-Tools polishes its plan for this share of the time
# the iterated search took (at least _POLISH_MIN seconds), within the time limit.
_POLISH = 0.25
_POLISH_MIN = 0.05
# Seconds to build the OR-Tools model per squared node (its two transit matrices and the arc
# pruning dominate): measured 0.15 s for 600 visits and 7 tours, 0.44 s for 1,000 (load 5).
_BUILD_PER_NODE2 = 4.5e-7
# An OR-Tools phase runs only if building its model takes at most this share of its time.
_AFFORD = 0.5
# Share of each round of iterated search kept for the route recombination that follows it.
_RECOMBINE_ROUND = 0.1
# Fields of IteratedSearchParams handed to iterated_insertion as they are.
_PASSED_ON = ("elite", "force", "exponents", "restart", "pairs", "strings", "race", "warp", "adapt")


def solve(problem: RoutingProblem, params: SearchParameters | None = None) -> Solution:
    """Choose and order visits into tours: most score first, then least travel time.

    Parameters
    ----------
    problem
        The problem.
    params
        Search parameters; the defaults (:class:`~.params.SearchParameters`: 10 s, one
        worker) are good for problems of up to a few hundred visits.

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
    # The clock starts before the first call's imports of OR-Tools' routing solver (only when
    # it runs) and of CP-SAT (for recombination): a fraction of a second, once per process.
    began = time.monotonic()
    use_ils = params.ortools.first_solution == "insertion" and Inserter.supports(problem)
    if not use_ils or params.ortools.polish:
        from . import ortools_model  # noqa: F401
    if len(problem.tours) > 1 and params.recombination.pool > 0:
        from . import recombine  # noqa: F401
    reasons = explain_infeasible(problem)
    if reasons:
        raise InfeasibleError("the required visits cannot all be planned", reasons)
    deadline = began + params.time_limit
    allowed = allowed_tours(problem)
    model = _LazyModel(problem, allowed, params)
    if not use_ils:
        model.get()  # OR-Tools alone: its model is the search
    n_workers = 1 if params.deterministic or not use_ils else params.workers
    pool = None
    if n_workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(n_workers - 1, mp_context=multiprocessing.get_context("spawn"))
        for _ in range(n_workers - 1):
            pool.submit(warm_up)
    try:
        plan, reason = _search(problem, params, allowed, model, deadline, use_ils, pool, n_workers)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return replace(_finish(problem, params, model.status(), began, plan), stop_reason=reason)


class _LazyModel:
    """The OR-Tools model of a problem, built when first asked for.

    Building it takes about ``_BUILD_PER_NODE2`` seconds per squared node (0.45 s for a
    thousand visits), which a short time limit cannot always afford: the search asks
    :meth:`affordable` before an OR-Tools phase and skips the phase when building would take
    more than ``_AFFORD`` of its time. Deterministic searches always build it when they run
    OR-Tools (``first_solution`` other than ``"insertion"``, or ``OrToolsParams(polish=True)``).
    """

    def __init__(
        self, problem: RoutingProblem, allowed: list[list[int]], params: SearchParameters
    ) -> None:
        self.problem, self.allowed, self.params = problem, allowed, params
        self.model: OrToolsModel | None = None
        nodes = sum(1 for ok in allowed if ok) + 2 * len(problem.tours)
        self.cost = _BUILD_PER_NODE2 * nodes * nodes

    def affordable(self, seconds: float) -> bool:
        """Whether an OR-Tools phase of ``seconds`` (building included) is worth running."""
        if self.params.deterministic or self.model is not None:
            return True
        return self.cost <= _AFFORD * seconds

    def get(self) -> OrToolsModel:
        """The model, built (and closed) on the first call."""
        if self.model is None:
            from .ortools_model import OrToolsModel

            self.model = OrToolsModel(self.problem, self.allowed)
            self.model.close(self.params)
        return self.model

    def status(self) -> str:
        """OR-Tools' status of its last search; ``"feasible"`` when it never ran."""
        return "feasible" if self.model is None else self.model.status()


def repair_schedule(problem: RoutingProblem, routes: Sequence[Sequence[int]]) -> Solution:
    """Schedule routes; drop the lowest-score visits of a tour its schedule cannot hold.

    Parameters
    ----------
    problem
        The problem.
    routes
        Visit indices per tour.

    Raises
    ------
    InfeasibleError
        If a tour cannot be scheduled even with only its required visits.
    """
    schedules = []
    for t, route in enumerate(routes):
        route = list(route)
        while True:
            try:
                schedules.append(schedule_tour(problem, t, route))
                break
            except InfeasibleError:
                worst = min(
                    (i for i in route if not problem.must_keep(i)),
                    key=lambda i: problem.visits[i].score,
                    default=None,
                )
                if worst is None:
                    raise
                route.remove(worst)
    visited = {v.visit for s in schedules for v in s.visits}
    return Solution(
        tuple(schedules),
        sum(problem.visits[i].score for i in visited),
        sum(s.travel_time for s in schedules),
        tuple(i for i in range(len(problem.visits)) if i not in visited),
    )


def _plan_value(problem: RoutingProblem, routes: list[list[int]]) -> tuple[int, int, int]:
    """(-missing required visits, score, -travel) of routes once scheduled exactly."""
    try:
        solution = repair_schedule(problem, routes)
    except InfeasibleError:
        return (-len(problem.visits) - 1, 0, 0)
    return (-len(_missing_required(problem, solution)), solution.score, -solution.travel_time)


def _missing_required(problem: RoutingProblem, solution: Solution) -> list[str]:
    """Ids of the required visits and required groups a solution leaves out."""
    missing = [problem.visits[i].id for i in solution.unvisited if problem.visits[i].required]
    visited, groups = solution.visited, (g for g in problem.groups if g.required)
    return missing + [g.id for g in groups if not any(i in visited for i in g.visits)]


def _search(
    problem: RoutingProblem,
    params: SearchParameters,
    allowed: list[list[int]],
    model: _LazyModel,
    deadline: float,
    use_ils: bool,
    pool: ProcessPoolExecutor | None,
    n_workers: int,
) -> tuple[list[list[int]], str]:
    """Rounds of iterated search then (if asked) OR-Tools local search; the best plan seen,
    and why the search stopped (:data:`~.ils.STOP_REASONS`).

    The best plan is judged once scheduled exactly (OR-Tools' break model can be looser than
    :mod:`~tourplan.routing.solution`'s, e.g. a break after the end of a tour, so its best plan
    may lose visits when scheduled; the insertion plan wins then). An OR-Tools phase whose
    model would take too long to build for its share of the time
    (:meth:`_LazyModel.affordable`) is skipped, and the iterated search gets its time.
    """
    routes: list[list[int]] | None = None
    plan: list[list[int]] | None = None
    plan_value: tuple[int, int, int] | None = None

    def consider(candidate: list[list[int]]) -> None:
        nonlocal plan, plan_value
        value = _plan_value(problem, candidate)
        if plan_value is None or value > plan_value:
            plan, plan_value = [list(r) for r in candidate], value

    ortools = params.ortools
    cycles = params.cycles if params.cycles is not None else (1 if use_ils else 3)
    # OR-Tools alone runs its metaheuristic until the limit.
    reason = "iteration_limit" if params.deterministic else "time_limit"
    for cycle in range(cycles):
        meta = ortools.metaheuristic
        if meta == "AUTOMATIC":
            meta = "GREEDY_DESCENT" if use_ils else "GUIDED_LOCAL_SEARCH"
        if cycle > 0 and ortools.restart_metaheuristics:
            meta = ortools.restart_metaheuristics[(cycle - 1) % len(ortools.restart_metaheuristics)]
        share = (deadline - time.monotonic()) / (cycles - cycle)
        polish = not use_ils or (
            ortools.polish and model.affordable(share * (1 - params.ils.share))
        )
        if polish and model.model is None:
            model.get()  # built first, so that the iterated search's share leaves room for it
            share = (deadline - time.monotonic()) / (cycles - cycle)
        start = None
        ils_began = time.monotonic()
        polish_by, polish_rounds = deadline, cycles - cycle
        if use_ils and any(allowed):
            routes, reason = _ils_rounds(
                problem,
                params,
                allowed,
                routes,
                share * params.ils.share if polish else share,
                cycle,
                cycles,
                pool,
                n_workers,
                deadline,
            )
            consider(routes)
            start = routes
            if ortools.polish and reason == "converged" and not params.deterministic:
                # A converged plan gets a short polish by OR-Tools, not the rest of the time.
                spent = time.monotonic() - ils_began
                polish_by = min(deadline, time.monotonic() + max(_POLISH_MIN, _POLISH * spent))
                polish_rounds = 1
                polish = model.affordable(polish_by - time.monotonic())
        elif use_ils:
            reason = "converged"  # no visit can be planned: nothing to search
            consider([[] for _ in problem.tours])
        if polish:
            building = time.monotonic()
            ortools_model = model.get()
            # the polish keeps its search time: building the model is not taken from it
            polish_by = min(deadline, polish_by + time.monotonic() - building)
            ortools_model.search(params, meta, start, polish_by, polish_rounds)
            best = ortools_model.best_routes()
            if best is not None:
                consider(best)
                routes = plan
        if not params.deterministic and time.monotonic() >= deadline - 0.01:
            reason = "time_limit"
    if plan is None:
        raise InfeasibleError(
            "no solution found", ["the solver found no plan holding the required visits"]
        )
    return plan, reason


def _ils_rounds(
    problem: RoutingProblem,
    params: SearchParameters,
    allowed: Sequence[Sequence[int]],
    routes: list[list[int]] | None,
    seconds: float,
    cycle: int,
    cycles: int,
    pool: ProcessPoolExecutor | None,
    n_workers: int,
    deadline: float,
) -> tuple[list[list[int]], str]:
    """The iterated search in every worker, in rounds with route recombination between them.

    Each round starts every worker from the best plan so far (different seeds and
    temperatures), the second from compact tours with ``ils.petal_round`` (a second basin:
    :func:`~.petals.round_start`); after each, the tours the workers met are pooled and recombined
    (:func:`~.recombine.recombine`). Without recombination (one tour, or
    ``recombination.pool=0``) there is a single round and the best worker's plan is returned.
    The iterated search runs for ``seconds`` in all, recombination included (each round keeps
    ``_RECOMBINE_ROUND`` of its time for it). The rounds end early once every worker has
    converged (:class:`~.params.IteratedSearchParams` ``stall``) and a round found nothing
    better. With three tours or more, decomposition (:func:`~.decompose.decompose`) runs on the
    round's best plan before its recombination (its tours are pooled too) once the round's
    search has stalled (``ils.decompose_stall``), or for a share ``ils.decompose`` of each
    round. Returns the plan and why the search stopped.
    """
    ils = params.ils
    recombining = params.recombination.pool > 0 and len(problem.tours) > 1
    rounds = params.recombination.rounds if recombining else 1
    ils_end = time.monotonic() + max(seconds, 0.01)
    pools: list[RoutePool] = []
    reason = "converged"
    timed = ils.stall is None  # the race and decomposition after a stall: timed searches only
    settle = ils.decompose_stall if len(problem.tours) >= 3 and timed else 0
    decomposing = ils.decompose if len(problem.tours) >= 3 and not settle else 0.0
    shakes = params.iteration_limit // (3 * cycles * rounds)
    for k in range(rounds):
        now = time.monotonic()
        round_end = now + max((ils_end - now) / (rounds - k), 0.01)
        # with recombination, the end of the round is kept for it (it is bounded by round_end)
        search_end = now + (round_end - now) * (1 - _RECOMBINE_ROUND) if recombining else round_end
        # with decomposition, the end of the search's share is kept for it
        until = now + (search_end - now) * (1 - decomposing)
        kwargs: dict[str, Any] = {
            "start": round_start(problem, allowed, routes, k, ils, params.seed + cycle * 1000),
            "until": None if params.deterministic else until,
            "iterations": max(1, round(shakes * (1 - decomposing)))
            if params.deterministic
            else None,
            "noise": ils.noise,
            "stall": ils.stall if ils.stall is not None else 2**62,
            "capacity": params.recombination.pool if recombining else None,
            "settle": settle or None,
        }
        kwargs |= {name: getattr(ils, name) for name in _PASSED_ON}
        kwargs["race"] = ils.race if timed else 0
        seeds = [params.seed + cycle * 1000 + k * 100 + w for w in range(n_workers)]
        temps = [ils.temperatures[w % len(ils.temperatures)] for w in range(n_workers)]
        futures = [
            pool.submit(
                iterated_insertion_job, problem, allowed, seed=sd, temperature=temp, **kwargs
            )
            for sd, temp in zip(seeds[1:], temps[1:], strict=True)
            if pool is not None
        ]
        found = [
            iterated_insertion_job(problem, allowed, seed=seeds[0], temperature=temps[0], **kwargs)
        ]
        found += [f.result() for f in futures]
        pools += [p for _, p, _ in found if p is not None]
        reasons = {why for _, _, why in found}
        before = None if routes is None else routes_value(problem, routes)
        # the best plan so far stays a candidate: a round from petals may end below it
        ended = [r for r, _, _ in found if r is not None] + ([routes] if routes else [])
        routes = max(ended, key=lambda r: routes_value(problem, r))
        stalled = settle > 0 and "stalled" in reasons
        if decomposing or stalled:
            part = RoutePool(tour_classes(problem, allowed), params.recombination.pool)
            was = routes_value(problem, routes)
            runs = max(int(stalled), round(shakes * (decomposing or 0.5) / ils.decompose_shakes))
            cap = len(problem.tours) if stalled and ils.stall is not None else None
            routes = decompose(
                problem,
                allowed,
                routes,
                until=None if params.deterministic else search_end,
                runs=runs if params.deterministic else cap,
                shakes=ils.decompose_shakes,
                size=ils.decompose_tours,
                seed=seeds[0],
                temperature=ils.temperatures[0],
                noise=ils.noise,
                pool=part if recombining else None,
            )
            pools.append(part)
            if stalled and (ils.stall is None or routes_value(problem, routes) > was):
                reasons.add("iteration_limit" if params.deterministic else "time_limit")
        if recombining:
            from .recombine import recombine

            routes = recombine(problem, allowed, routes, pools, params, min(deadline, round_end))
        reason = next((r for r in ("time_limit", "iteration_limit") if r in reasons), "converged")
        if reason == "converged" and k > 0 and routes_value(problem, routes) <= (before or (0, 0)):
            break  # every worker converged and recombination found nothing better
    assert routes is not None
    return routes, reason


def _finish(
    problem: RoutingProblem,
    params: SearchParameters,
    status: str,
    began: float,
    plan: list[list[int]],
) -> Solution:
    """Schedule the best plan cleanly, check it, and record status, time and parameters."""
    solution = repair_schedule(problem, plan)
    dropped = _missing_required(problem, solution)
    if dropped:
        raise InfeasibleError(
            "some required visits could not be planned",
            [f"required visit {name!r} could not be placed with the others" for name in dropped],
        )
    solution = replace(
        solution, status=status, wall_time=time.monotonic() - began, parameters=params
    )
    violations = check_solution(problem, solution)
    if violations:
        raise SolverError("the solver produced an invalid solution: " + "; ".join(violations))
    return solution
