"""Does ``time_limit`` hold? Wall time of :func:`tourplan.routing.solve` against its limit, by size.

Usage (from the repository root)::

    .venv/bin/python bench/timelimit.py
    .venv/bin/python bench/timelimit.py --sizes 600:7 1000:7 --limits 1 5 --runs 3

Each row is a seeded Hanoi-like random problem (``PLACES:TOURS``, as in ``bench/peers.py``:
places over a 40 km disc, travel by car in seconds, visits of 30-150 minutes, half of them
morning workshops), with a one-hour lunch break between 11:30 and 13:30 in every tour, as the
planner builds them. The clock covers the whole ``solve`` call: checks, the OR-Tools model,
the search and the final validation. The search runs to its limit (no converged stop), with
one worker, so that what is measured is the cap; a first solve imports OR-Tools and CP-SAT,
which the first call of a process pays inside its limit. Each cell is the median wall time of
``--runs`` solves, and the ratio to the limit; the load average is printed before and after,
since timings on a shared machine depend on it. The goal of issue #15: every ratio <= 1.10.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from peers import hanoi_like

from tourplan.routing import (
    Break,
    IteratedSearchParams,
    RoutingProblem,
    SearchParameters,
    check_solution,
    solve,
)

DEFAULT_SIZES = ("60:1", "200:3", "400:4", "600:7", "1000:4", "1000:7")
DEFAULT_LIMITS = (1.0, 3.0)
LUNCH = Break("lunch", 3600, 11 * 3600 + 1800, 13 * 3600 + 1800)


def problem(places: int, tours: int, seed: int) -> RoutingProblem:
    """The seeded Hanoi-like problem with a lunch break in every tour."""
    base = hanoi_like(places, tours, seed)
    return replace(base, tours=tuple(replace(t, breaks=(LUNCH,)) for t in base.tours))


def timed(p: RoutingProblem, limit: float) -> float:
    """Wall time of one solve of ``p`` capped at ``limit`` seconds (checked by the validator)."""
    params = SearchParameters(limit, workers=1, ils=IteratedSearchParams(stall=None))
    began = time.monotonic()
    solution = solve(p, params)
    wall = time.monotonic() - began
    assert check_solution(p, solution) == [], "invalid solution"
    return wall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="*", default=list(DEFAULT_SIZES), metavar="PLACES:TOURS")
    ap.add_argument("--limits", nargs="*", type=float, default=list(DEFAULT_LIMITS))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    cases = []
    for k, spec in enumerate(args.sizes):
        try:
            places, tours = (int(x) for x in spec.split(":"))
        except ValueError:
            ap.error(f"--sizes {spec!r}: expected PLACES:TOURS")
        cases.append((spec, problem(places, tours, args.seed + k)))
    # The first solve of a process imports OR-Tools and CP-SAT inside its clock (up to a second
    # on a loaded machine); the table measures the solves after it.
    solve(problem(60, 2, args.seed), SearchParameters(0.2, workers=1))
    print(f"# load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"# median wall of {args.runs} solves (one worker, no converged stop) / limit")
    header = " | ".join(f"{f'{lim:g} s limit':>18}" for lim in args.limits)
    print(f"{'places:tours':<13} | {header}")
    worst = 0.0
    for spec, p in cases:
        cells = []
        for limit in args.limits:
            walls = [timed(p, limit) for _ in range(args.runs)]
            median = statistics.median(walls)
            worst = max(worst, median / limit)
            cells.append(f"{median:7.2f} s  {median / limit:5.2f}x")
        print(f"{spec:<13} | {' | '.join(f'{c:>18}' for c in cells)}", flush=True)
    print(f"# worst ratio {worst:.2f}; load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
