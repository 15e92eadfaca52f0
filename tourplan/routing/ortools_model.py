"""The OR-Tools routing model of a problem: building it, and running OR-Tools' local search on it.

With :mod:`.recombine`, the only module that imports OR-Tools. The model: one node per usable
visit plus a start and an end node per tour; native transit matrices for travel (the arc cost)
and for travel plus service (the time dimension, with waiting as slack, multiple windows as
removed intervals, breaks as interval variables, span limits); one disjunction per visit whose
penalty is its score times a constant larger than any possible travel time, so that collected
score comes first and travel time second. Required visits get no disjunction. Each group of
alternatives adds one disjunction over its members with no penalty and a cardinality of its
``limit`` (at most that many members performed, in different tours); a required group's
disjunction is mandatory (exactly one) when its limit is one, else at least one member is.

:class:`OrToolsModel` keeps the best assignment OR-Tools has returned; :meth:`OrToolsModel.search`
runs one OR-Tools local search from a plan (or from OR-Tools' own first solution).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from ortools.constraint_solver import pywrapcp, routing_enums_pb2

from .explain import allowed_tours
from .problem import RoutingProblem

if TYPE_CHECKING:
    from .params import SearchParameters

__all__ = ["FIRST_SOLUTIONS", "METAHEURISTICS", "OrToolsModel", "search_parameters"]

_ROUTING_OPTIMAL = 7

#: First-solution strategies: ``"insertion"`` (tourplan's score-per-time insertion) or an
#: OR-Tools ``FirstSolutionStrategy`` name.
FIRST_SOLUTIONS = ("insertion", *routing_enums_pb2.FirstSolutionStrategy.Value.keys())
#: OR-Tools ``LocalSearchMetaheuristic`` names.
METAHEURISTICS = tuple(routing_enums_pb2.LocalSearchMetaheuristic.Value.keys())


class OrToolsModel:
    """The OR-Tools model of a problem, with the maps between nodes and visits.

    Parameters
    ----------
    problem
        The problem. Visits that fit in no tour even alone (:func:`~.explain.fits_alone`) get
        no node.
    allowed
        For each visit, the tours it fits in alone (:func:`~.explain.allowed_tours`, computed
        when not given).

    Attributes
    ----------
    allowed
        For each visit, the tours it can really be in (alone, ignoring breaks).
    node_visit
        For each visit node, the index of its visit.
    best
        The best OR-Tools assignment met so far (``None`` before any).
    """

    def __init__(
        self, problem: RoutingProblem, allowed: Sequence[Sequence[int]] | None = None
    ) -> None:
        self.problem = problem
        self.best: Any = None
        tours = problem.tours
        visits = problem.visits
        self.offset = min(t.earliest_start for t in tours)
        # Tours each visit can really be in (alone, ignoring breaks); others are left out.
        if allowed is None:
            allowed = allowed_tours(problem)
        self.allowed = [list(ok) for ok in allowed]
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
        # One matrix as Python lists at a time (each is ~15 MB on 600 places; OR-Tools copies it)
        travel_cb = routing.RegisterTransitMatrix(m.tolist())
        time_cb = routing.RegisterTransitMatrix((m + np.array(service)[:, None]).tolist())
        routing.SetArcCostEvaluatorOfAllVehicles(travel_cb)

        horizon = max(t.latest_end for t in tours) - self.offset
        routing.AddDimension(time_cb, horizon, horizon, False, "Time")
        dim = routing.GetDimensionOrDie("Time")
        self.dim = dim
        # A unit of score outweighs any possible total travel time.
        self.big_m = sum(t.horizon for t in tours) + 1
        spans = sorted((t.earliest_start - self.offset, t.latest_end - self.offset) for t in tours)
        for node, vi in enumerate(self.node_visit):
            v = visits[vi]
            index = manager.NodeToIndex(node)
            ok = self.allowed[vi]
            lo = min(tours[t].earliest_start for t in ok)
            hi = max(tours[t].latest_end for t in ok) - v.service
            wins = [(max(w.start, lo), min(w.end, hi)) for w in v.windows]
            wins = [(a - self.offset, b - self.offset) for a, b in wins if a <= b]
            cumul = dim.CumulVar(index)
            cumul.SetRange(wins[0][0], wins[-1][1])
            for (_, close), (reopen, _) in itertools.pairwise(wins):
                # Only the part of a closure inside some tour: a visit on tour t lies between
                # t's start and end cumuls anyway, and OR-Tools removes an interval from a
                # domain value by value (an overnight closure took 16 ms per visit).
                for span_start, span_end in spans:
                    lo, hi = max(close + 1, span_start), min(reopen - 1, span_end)
                    if lo <= hi:
                        cumul.RemoveInterval(lo, hi)
            if len(ok) < n_tours:
                # SetAllowedVehiclesForIndex's SWIG binding rejects Python lists in
                # OR-Tools 9.15; restricting the vehicle variable is equivalent (-1 = unperformed).
                routing.VehicleVar(index).SetValues(ok if v.required else [-1, *ok])
            if not v.required:
                # Optional: leaving it out costs its score (more than any travel it saves).
                routing.AddDisjunction([index], v.score * self.big_m)
            # Required visits get no disjunction: every OR-Tools solution performs them, so
            # a short or deterministic search cannot trade them away for a cheaper plan.
        node_of = {vi: node for node, vi in enumerate(self.node_visit)}
        for group in problem.groups:
            indices = [manager.NodeToIndex(node_of[i]) for i in group.visits if i in node_of]
            if indices:
                # A node may be in several disjunctions: its own carries its score, this one
                # only caps the group (penalty -1 makes it mandatory: exactly one member).
                limit = min(group.limit, len(indices))
                if limit == 1:
                    routing.AddDisjunction(indices, -1 if group.required else 0, 1)
                    continue
                cp = routing.solver()
                routing.AddDisjunction(indices, 0, limit)
                # never two members in one tour (-1: not performed); a required group: one
                cp.Add(cp.AllDifferentExcept([routing.VehicleVar(k) for k in indices], -1))
                if group.required:
                    cp.Add(cp.Sum([routing.ActiveVar(k) for k in indices]) >= 1)
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
            counts = [int(visits[i].counts) for i in self.node_visit]  # per node, as ``service``
            count_cb = routing.RegisterUnaryTransitVector(counts + [0] * (2 * n_tours))
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
        index = [manager.NodeToIndex(i) for i in range(n)]
        earliest = np.array([dim.CumulVar(k).Min() for k in index], dtype=np.int64)
        latest = np.array([dim.CumulVar(k).Max() for k in index], dtype=np.int64)
        reach = earliest + np.array([visits[v].service for v in self.node_visit], dtype=np.int64)
        # too_late[i, j]: leaving i at its earliest end, j is reached after its latest start
        too_late = reach[:, None] + np.asarray(m)[:n, :n] > latest[None, :]
        np.fill_diagonal(too_late, False)
        for i in np.flatnonzero(too_late.any(axis=1)).tolist():
            removed = [index[j] for j in np.flatnonzero(too_late[i]).tolist()]
            routing.NextVar(index[i]).RemoveValues(removed)
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

    def close(self, params: SearchParameters) -> None:
        """Close the model (after which it cannot change); in deterministic mode, add the limit
        of ``iteration_limit`` failures."""
        routing = self.routing
        if params.deterministic:
            routing.AddSearchMonitor(routing.solver().FailuresLimit(params.iteration_limit))
        routing.CloseModelWithParameters(search_parameters(params, params.ortools.metaheuristic, 1))

    def search(
        self,
        params: SearchParameters,
        metaheuristic: str,
        routes: Sequence[Sequence[int]] | None,
        deadline: float,
        rounds_left: int,
    ) -> None:
        """Run one OR-Tools local search and keep its result in :attr:`best` if not worse.

        Parameters
        ----------
        params
            The search parameters.
        metaheuristic
            The OR-Tools metaheuristic of this search.
        routes
            Visit indices per tour to start from; if OR-Tools rejects them, or if ``None``,
            the search starts from :attr:`best`, and without one from OR-Tools' own first
            solution (if path-cheapest-arc finds none with ``first_solution="insertion"``,
            from local cheapest insertion).
        deadline
            ``time.monotonic()`` instant the whole search must end by.
        rounds_left
            Rounds still to run, this one included: it gets its share of the time left.
        """
        routing = self.routing
        best = self.best
        start = None
        if routes is not None:
            start = routing.ReadAssignmentFromRoutes(self.to_nodes(routes), True)
            if start is None:  # OR-Tools rejects the plan: go on from its own best
                start = best
        elif best is not None:
            start = best
        sp = search_parameters(
            params, metaheuristic, max(deadline - time.monotonic(), 0.01) / rounds_left
        )
        if start is not None:
            result = routing.SolveFromAssignmentWithParameters(start, sp)
            if result is None:
                result = start
        else:
            result = routing.SolveWithParameters(sp)
            if result is None and params.ortools.first_solution == "insertion":
                # Path-cheapest-arc can miss every plan that holds all required visits;
                # cheapest insertion builds one around them.
                sp.first_solution_strategy = (
                    routing_enums_pb2.FirstSolutionStrategy.LOCAL_CHEAPEST_INSERTION
                )
                result = routing.SolveWithParameters(sp)
        if result is not None and (
            best is None or result.ObjectiveValue() <= best.ObjectiveValue()
        ):
            self.best = routing.solver().Assignment(result)

    def best_routes(self) -> list[list[int]] | None:
        """Visit indices of each tour in :attr:`best`, or ``None`` before any."""
        return None if self.best is None else self.routes(self.best)

    def status(self) -> str:
        """``"optimal"`` if OR-Tools proved its last search optimal, else ``"feasible"``."""
        return "optimal" if self.routing.status() == _ROUTING_OPTIMAL else "feasible"


def search_parameters(params: SearchParameters, metaheuristic: str, limit: float) -> Any:
    """OR-Tools routing search parameters for one local search of ``limit`` seconds.

    Parameters
    ----------
    params
        The search parameters (``ortools`` settings, determinism, iteration limit, log).
    metaheuristic
        The OR-Tools metaheuristic name to use (``"AUTOMATIC"`` already resolved).
    limit
        Wall-clock seconds (ignored in deterministic mode, where ``iteration_limit`` applies).
    """
    sp = pywrapcp.DefaultRoutingSearchParameters()
    strategy = (
        "PATH_CHEAPEST_ARC"
        if params.ortools.first_solution == "insertion"
        else params.ortools.first_solution
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
    if params.ortools.lns and not params.deterministic:
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
