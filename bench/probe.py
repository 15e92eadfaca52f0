"""Probe: which moves of PyVRP's local search improve tourplan's converged plans, and the reverse.

Usage (from the repository root; PyVRP is in the optional ``bench`` extra)::

    .venv/bin/python bench/probe.py --seconds 10 --cpu pr03:4 pr10:1
    .venv/bin/python bench/probe.py --seconds 10 --cpu --json .results/probe.json pr02:4

For each row ``NAME:TOURS`` (a public TOPTW instance, as in ``bench/peers.py``):

1. tourplan solves it (the full solver, ``workers=1``, ``IteratedSearchParams(stall=None)``, as
   ``bench/peers.py`` runs it) and PyVRP solves it (``pyvrp.solve`` on the model of
   :func:`peers.pyvrp_model`), each for ``--seconds`` (``--cpu``: CPU seconds of this process,
   so that the machine's load does not decide how much search a run gets).
2. tourplan's plan becomes a ``pyvrp.Solution`` of the same ``ProblemData`` and PyVRP's
   ``LocalSearch`` runs on it, exhaustively and without perturbation, with **one operator at a
   time** and then all of them, under three time-warp penalties per unit: ``feasible`` (10^6:
   no move may break a window; PyVRP starts at 50 000), ``tw1000`` and ``tw100`` (windows may
   break where that buys prize). A result with time warp is reported as ``warp W`` with the
   score it would collect; a feasible one is re-scheduled by tourplan and checked with
   :func:`check_solution`. The last number is how many moves applied.
3. PyVRP's own search (``pyvrp.solve``) warm-started from tourplan's plan for ``--seconds``:
   does its iterated search (late-acceptance hill climbing over perturbations and the local
   search) leave the basin tourplan converged in?
4. The reverse: PyVRP's plan given to tourplan's :class:`LocalSearch` (``improve`` then
   ``between``) and to one :func:`iterated_insertion` stretch of ``--seconds`` from it.

It prints one line per row and probe: score (and travel) of each plan. Scores are the TOPTW
score; PyVRP's objective is travel plus uncollected prize, a score unit being worth BIG (the
longest leg), so a move that collects more score always pays in PyVRP's objective.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from peers import pyvrp_model
from toptw import DEFAULT_INSTANCES, read_instance

from tourplan.routing import (
    IteratedSearchParams,
    RoutingProblem,
    SearchParameters,
    check_solution,
    schedule_routes,
    solve,
)
from tourplan.routing.explain import allowed_tours
from tourplan.routing.ils import iterated_insertion
from tourplan.routing.insertion import Inserter
from tourplan.routing.moves import LocalSearch

# The operators PyVRP 0.14 uses by default that apply to a prize-collecting VRPTW, plus the
# longer segment exchanges it ships but does not use by default.
OPERATORS = (
    "Relocate1",
    "Relocate2",
    "Relocate3",
    "Swap11",
    "Swap21",
    "Swap22",
    "Swap31",
    "Swap32",
    "Swap33",
    "SwapTails",
    "RemoveOptionalClient",
    "InsertOptionalClient",
    "ReplaceOptionalClient",
)


class _CpuTime:
    """A PyVRP stopping criterion on this process's CPU time."""

    def __init__(self, seconds: float) -> None:
        self.until = time.process_time() + seconds

    def __call__(self, best_cost: float) -> bool:
        return time.process_time() >= self.until


def _stop(seconds: float, cpu: bool) -> Any:
    from pyvrp.stop import MaxRuntime

    return _CpuTime(seconds) if cpu else MaxRuntime(seconds)


def _routes(solution: Any) -> list[list[int]]:
    """Visit indices per route of a ``pyvrp.Solution`` (client k is visit k)."""
    return [[a.idx for a in r if a.is_client()] for r in solution.routes()]


def _checked(problem: RoutingProblem, routes: list[list[int]]) -> tuple[int, int]:
    """Score and travel of ``routes`` as tourplan schedules them; asserts they are valid."""
    solution = schedule_routes(problem, [r for r in routes if r])
    assert check_solution(problem, solution) == [], "plan fails the validator"
    return solution.score, solution.travel_time


def _pad(problem: RoutingProblem, routes: list[list[int]]) -> list[list[int]]:
    return [list(r) for r in routes] + [[] for _ in range(len(problem.tours) - len(routes))]


def pyvrp_local_search(
    data: Any, routes: list[list[int]], ops: tuple[str, ...], penalty: float, seed: int
) -> tuple[Any, dict[str, int]]:
    """PyVRP's exhaustive local search with operators ``ops`` (no perturbation) on ``routes``;
    the result and how often each operator applied."""
    import pyvrp.search as ps
    from pyvrp import CostEvaluator, RandomNumberGenerator, Solution

    ls = ps.LocalSearch(
        data,
        RandomNumberGenerator(seed=seed),
        ps.compute_neighbours(data),
        ps.PerturbationManager(ps.PerturbationParams(0, 0)),
    )
    operators = [getattr(ps, name)(data) for name in ops]
    for op in operators:
        ls.add_operator(op)
    start = Solution(data, [r for r in routes if r])
    out = ls(start, CostEvaluator([], penalty, 0.0), exhaustive=True)
    return out, {op.name: op.statistics.num_applications for op in operators}


def probe_row(row: str, seconds: float, cpu: bool, seed: int) -> dict[str, Any]:
    """Every probe of the module docstring on one row; the results as a dict."""
    import pyvrp

    files = {p.stem: p for p in DEFAULT_INSTANCES.glob("instances/*/*.txt")}
    name, _, tours = row.partition(":")
    problem = read_instance(files[name]).problem(int(tours))
    from tourplan.routing import recombine  # noqa: F401  (loaded before the clock starts)

    clock = time.monotonic
    if cpu:
        time.monotonic = time.process_time  # the search's clock counts CPU time
    try:
        ours = solve(
            problem,
            SearchParameters(seconds, workers=1, seed=seed, ils=IteratedSearchParams(stall=None)),
        )
    finally:
        time.monotonic = clock
    assert check_solution(problem, ours) == []
    our_routes = _pad(problem, [list(r) for r in ours.routes])
    result: dict[str, Any] = {"row": row, "ours": (ours.score, ours.travel_time)}

    model, big = pyvrp_model(problem)
    data = model.data()
    theirs = pyvrp.solve(data, _stop(seconds, cpu), seed=seed, display=False).best
    their_routes = _pad(problem, _routes(theirs)) if theirs.is_feasible() else None
    result["pyvrp"] = _checked(problem, their_routes) if their_routes else (0, 0)

    start = _solution(data, our_routes)  # the same plan in PyVRP's terms: same prize and travel
    assert start.is_feasible() and start.prizes() == ours.score * big
    assert start.distance() == ours.travel_time
    penalties = {"feasible": 1e6, "tw1000": 1000.0, "tw100": 100.0}
    for label, ops in [(op, (op,)) for op in OPERATORS] + [("all", OPERATORS)]:
        for pname, penalty in penalties.items():
            out, applied = pyvrp_local_search(data, our_routes, ops, penalty, seed)
            key = f"ls {label} {pname}"
            if out.is_feasible():
                result[key] = (*_checked(problem, _routes(out)), sum(applied.values()))
            else:
                result[key] = (
                    f"warp {out.time_warp()}",
                    out.prizes() // big,
                    sum(applied.values()),
                )

    warm = pyvrp.solve(
        data, _stop(seconds, cpu), seed=seed, display=False, initial_solution=start
    ).best
    result["pyvrp from ours"] = _checked(problem, _routes(warm)) if warm.is_feasible() else (0, 0)

    if their_routes is not None:
        allowed = allowed_tours(problem)
        search = LocalSearch(Inserter(problem, allowed))
        search.strings = IteratedSearchParams().strings
        routes = [list(r) for r in their_routes]
        search.improve(routes, 0)
        search.between(routes)
        result["our ls on pyvrp"] = _checked(problem, routes)
        if cpu:
            time.monotonic = time.process_time
        try:
            ils = iterated_insertion(
                problem,
                allowed,
                start=their_routes,
                seconds=seconds,
                seed=seed,
                noise=IteratedSearchParams().noise,
                temperature=IteratedSearchParams().temperatures[0],
                strings=IteratedSearchParams().strings,
            )
        finally:
            time.monotonic = clock
        result["our ils from pyvrp"] = _checked(problem, ils) if ils is not None else (0, 0)
    return result


def _solution(data: Any, routes: list[list[int]]) -> Any:
    from pyvrp import Solution

    return Solution(data, [r for r in routes if r])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", nargs="+", metavar="NAME:TOURS")
    ap.add_argument("--seconds", type=float, default=10.0, help="per solver and search run")
    ap.add_argument("--cpu", action="store_true", help="seconds of CPU time, not wall time")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="append one JSON line per row here")
    args = ap.parse_args(argv)
    if importlib.util.find_spec("pyvrp") is None:
        ap.error('PyVRP is not installed: pip install -e ".[bench]" (the optional bench extra)')
    for row in args.rows:
        result = probe_row(row, args.seconds, args.cpu, args.seed)
        for key, value in result.items():
            if key != "row":
                print(f"{row:<8} {key:<36} {value}", flush=True)
        if args.json:
            with open(args.json, "a") as f:
                f.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
