"""Benchmark the trip planner's real problems (every day has a lunch break) side by side.

Each request of a fixed set over the bundled Hanoi villages is built with
:func:`tourplan.plan.build_problem` and solved twice with the same time limit:

(a) OR-Tools only: ``OrToolsParams(first_solution="PATH_CHEAPEST_ARC")`` (no iterated
    insertion; guided local search), and if that finds no plan holding the must-visit villages,
    again from ``"LOCAL_CHEAPEST_INSERTION"`` (what the solver did for problems with breaks
    before iterated insertion handled them; marked ``*``, time of both solves);
(b) the default search: iterated insertion with the lunch break checked exactly (no OR-Tools
    polish since issue #15: see ``--polish``).

Usage (from the repository root)::

    .venv/bin/python bench/trips.py --time-limit 5
    .venv/bin/python bench/trips.py --deterministic
    .venv/bin/python bench/trips.py --converged 20
    .venv/bin/python bench/trips.py --polish 20
    .venv/bin/python bench/trips.py --polish 0 --deterministic

With ``--converged T`` it instead compares, per request, the default search stopped by its stall
budget (time limit T as the cap) with the same search run for the whole T seconds (no stall
budget): score, wall time and stop reason of each, and whether the scores are equal. With
``--polish T`` it compares the default search (T seconds as the cap, or deterministic with
``--deterministic``) with the same search followed by OR-Tools' polish
(``OrToolsParams(polish=True)``): score, travel minutes and seconds of each.

It prints, per request and search, the score (sum of visit scores), the stops per day, the travel
minutes, the wall time and whether :func:`tourplan.routing.validate_solution` accepts the plan,
then the mean score ratio b/a.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tourplan import Gazetteer, PlaceResolver, load_hanoi
from tourplan.exceptions import InfeasibleError, InvalidSolutionError
from tourplan.plan import TripRequest, build_problem
from tourplan.routing import (
    IteratedSearchParams,
    OrToolsParams,
    SearchParameters,
    Solution,
    solve,
    validate_solution,
)

SATURDAY = dt.date(2026, 12, 5)
HANOI = load_hanoi()
RESOLVER = PlaceResolver(Gazetteer.bundled(HANOI))


@dataclass(frozen=True)
class Case:
    """One request of the benchmark."""

    name: str
    start: str
    days: int
    mode: str
    must: tuple[str, ...] = ()
    max_stops: int | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def request(self) -> TripRequest:
        return TripRequest.for_days(
            self.start,
            SATURDAY,
            days=self.days,
            mode=self.mode,
            must_visit=self.must,
            max_stops_per_day=self.max_stops,
            **self.extra,
        )


CASES = (
    Case("hk-1d-car", "hoan-kiem-lake", 1, "car"),
    Case("hk-1d-moto-battrang", "hoan-kiem-lake", 1, "motorbike", ("Bát Tràng",)),
    Case("oq-1d-car-max4", "old-quarter", 1, "car", max_stops=4),
    Case("oq-1d-moto-vanphuc-max4", "old-quarter", 1, "motorbike", ("Vạn Phúc",), 4),
    Case("hk-2d-car", "hoan-kiem-lake", 2, "car"),
    Case("hk-2d-moto-both-max4", "hoan-kiem-lake", 2, "motorbike", ("Bát Tràng", "Vạn Phúc"), 4),
    Case("oq-2d-car-vanphuc", "old-quarter", 2, "car", ("Vạn Phúc",)),
    Case("oq-2d-moto-max4", "old-quarter", 2, "motorbike", max_stops=4),
)


def _params(args: argparse.Namespace, first_solution: str) -> SearchParameters:
    return SearchParameters(
        time_limit=args.time_limit,
        deterministic=args.deterministic,
        iteration_limit=args.iteration_limit,
        ortools=OrToolsParams(first_solution=first_solution),
    )


def _row(solution: Solution, valid: bool, seconds: float) -> str:
    """Score, stops per day, travel minutes, seconds, validity."""
    stops = "+".join(str(len(r)) for r in solution.routes)
    return (
        f"{solution.score:6d} {stops:>7} {solution.travel_time // 60:7d} "
        f"{seconds:6.1f} {'yes' if valid else 'NO':>5}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--time-limit", type=float, default=5.0, help="seconds per solve")
    parser.add_argument(
        "--deterministic", action="store_true", help="iteration limits instead of time"
    )
    parser.add_argument("--iteration-limit", type=int, default=2000)
    parser.add_argument("--only", nargs="*", help="run only these cases")
    parser.add_argument(
        "--converged", type=float, metavar="T", help="stall budget vs a full T-second search"
    )
    parser.add_argument(
        "--polish", type=float, metavar="T", help="default search vs the same with OR-Tools' polish"
    )
    args = parser.parse_args(argv)
    if args.converged:
        return converged(args.converged, args.only)
    if args.polish is not None:
        return polish(args.polish, args.deterministic, args.iteration_limit, args.only)

    mode = "deterministic" if args.deterministic else f"{args.time_limit:g} s per solve"
    print(f"# trip planning with lunch breaks, {mode}")
    head = f"{'score':>6} {'stops':>7} {'travel':>7} {'sec':>6} {'valid':>5}"
    print(f"{'request':<26} | {'(a) OR-Tools only':<{len(head)}} | {'(b) default':<{len(head)}} |")
    print(f"{'':<26} | {head}  | {head}  | b/a")
    ratios: list[float] = []
    empty_a = 0
    all_valid = True
    for case in CASES:
        if args.only and case.name not in args.only:
            continue
        problem = build_problem(case.request(), HANOI, resolver=RESOLVER).problem
        cells = []
        scores = []
        for first in ("PATH_CHEAPEST_ARC", "insertion"):
            began = time.monotonic()
            try:
                solution = solve(problem, _params(args, first))
                mark = " "
            except InfeasibleError:
                # As the solver did before iterated insertion handled breaks: path cheapest
                # arc can miss every plan holding the required visits, cheapest insertion not.
                try:
                    solution = solve(problem, _params(args, "LOCAL_CHEAPEST_INSERTION"))
                    mark = "*"
                except InfeasibleError:  # no plan within the limit (short limits, OR-Tools)
                    cells.append(f"{'none':>6} {'':>7} {'':>7} {time.monotonic() - began:6.1f}")
                    cells[-1] += f" {'':>5}  "
                    scores.append(0)
                    continue
            seconds = time.monotonic() - began
            try:
                validate_solution(problem, solution)
                valid = True
            except InvalidSolutionError:
                valid = all_valid = False
            cells.append(_row(solution, valid, seconds) + mark)
            scores.append(solution.score)
        if scores[0]:
            ratios.append(scores[1] / scores[0])
            shown = f"{ratios[-1]:.3f}"
        else:  # (a) visited nothing: no ratio; counted apart so the mean stays a number
            empty_a += 1
            shown = "n/a"
        print(f"{case.name:<26} | {cells[0]} | {cells[1]} | {shown}", flush=True)
    if ratios or empty_a:
        mean = f"{statistics.fmean(ratios):.3f}" if ratios else "n/a"
        print(f"mean score ratio b/a: {mean}; all valid: {all_valid}")
        if empty_a:
            print(f"(a) planned no visit at all for {empty_a} request(s), left out of the mean")
        print("* path cheapest arc found no plan holding the must-visits; time includes a")
        print("  second solve from LOCAL_CHEAPEST_INSERTION (the solver's old fallback)")
    return 0 if all_valid else 1


def converged(limit: float, only: list[str] | None) -> int:
    """The default search (stall budget, ``limit`` as the cap) against a full ``limit`` run."""
    full = SearchParameters(limit, ils=IteratedSearchParams(stall=None))
    capped = SearchParameters(limit)
    print(f"# stall budget {capped.ils.stall} shakes vs a full {limit:g} s search")
    print(
        f"{'request':<26} | {'score':>6} {'sec':>5} {'stopped':<10} | "
        f"{'score':>6} {'sec':>5} | same"
    )
    same_all = True
    for case in CASES:
        if only and case.name not in only:
            continue
        problem = build_problem(case.request(), HANOI, resolver=RESOLVER).problem
        a = solve(problem, capped)
        b = solve(problem, full)
        validate_solution(problem, a)
        validate_solution(problem, b)
        same = a.score >= b.score
        same_all &= same
        print(
            f"{case.name:<26} | {a.score:6d} {a.wall_time:5.2f} {a.stop_reason or '':<10} | "
            f"{b.score:6d} {b.wall_time:5.2f} | {'yes' if same else 'NO'}",
            flush=True,
        )
    print(f"same score on every request: {same_all}")
    return 0


def polish(limit: float, deterministic: bool, iterations: int, only: list[str] | None) -> int:
    """The default search against the same search followed by OR-Tools' polish."""
    base = SearchParameters(
        limit or 5.0, deterministic=deterministic, iteration_limit=iterations, workers=1
    )
    polished = replace(base, ortools=OrToolsParams(polish=True))
    how = f"iteration limit {iterations}" if deterministic else f"cap {base.time_limit:g} s"
    print(f"# default search vs the same with OR-Tools' polish, {how}")
    cols = f"{'score':>6} {'travel':>6} {'sec':>5}"
    print(f"{'request':<26} | {cols} | {cols}")
    totals = [0, 0]
    for case in CASES:
        if only and case.name not in only:
            continue
        problem = build_problem(case.request(), HANOI, resolver=RESOLVER).problem
        cells = []
        for k, params in enumerate((base, polished)):
            solution = solve(problem, params)
            validate_solution(problem, solution)
            totals[k] += solution.score
            cells.append(
                f"{solution.score:6d} {solution.travel_time // 60:6d} {solution.wall_time:5.2f}"
            )
        print(f"{case.name:<26} | {cells[0]} | {cells[1]}", flush=True)
    print(f"total score: default {totals[0]}, with polish {totals[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
