"""Benchmark tourplan's routing core side by side with PyVRP on the same team orienteering problems.

Usage (from the repository root; PyVRP is in the optional ``bench`` extra)::

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python bench/peers.py --time-limit 10 --rows pr01:1 pr05:4 c101:2
    .venv/bin/python bench/peers.py --time-limit 5 --random 60:1 200:3 600:7
    .venv/bin/python bench/peers.py --rows pr03:4 --ils elite=6 restart=0.1 --with-defaults

Rows are public TOPTW instances (read as in :mod:`bench/toptw.py`, ``NAME:TOURS``) and seeded
Hanoi-like random instances (``PLACES:TOURS``: places scattered over a 40 km disc around a hub,
travel by car at 30 km/h in seconds, visits of 30-150 minutes opening 08:00-11:30 and
13:30-17:00 or all day, scores 10-100, tours of one 08:00-17:30 day each). Each row runs tourplan
(one process, ``workers=1``) and then PyVRP, one at a time in this process, with the same wall
time; the rows alternate which solver goes first. Both plans are checked with tourplan's
independent validator (PyVRP's routes are re-scheduled with :func:`schedule_routes`).

How the TOPTW maps to PyVRP 0.14: a prize-collecting VRPTW. Each visit is a client with
``prize = score * BIG`` (BIG: the longest leg, so score comes first), ``required=False``, its
service duration and time window; the tours are one vehicle type with ``num_available = tours``
and the tour window as ``tw_early`` / ``tw_late``; edges carry the travel time as distance and
duration.
PyVRP minimises travel plus uncollected prizes, i.e. maximises score first, then travel, as
tourplan does. Only problems without breaks, with one window per visit and identical tours map.

It prints per row: score, gap to the better of the two (%), wall time and peak memory of each
solver. Each solver runs in a fresh child process (``spawn``) so that its peak resident set size
(``ru_maxrss``: the interpreter, the imports, the problem and the search) is its own; the row's
problem is built in the parent and sent to the child. ``--memory-baseline`` also prints the peak of
a child that only imports both libraries and receives the problem.

``--ils FIELD=VALUE`` gives tourplan other :class:`IteratedSearchParams` fields (options under
test); ``--with-defaults`` then also runs tourplan with the defaults on each row, interleaved.

Rows ``NAME:TOURS`` may name any instance file with any number of tours (e.g. ``c101:3``); a row
without a best-known score in ``BKS.csv`` is still compared side by side.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import math
import multiprocessing
import random
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from toptw import DEFAULT_INSTANCES, read_instance

from tourplan.exceptions import DataError
from tourplan.routing import (
    IteratedSearchParams,
    RoutingProblem,
    SearchParameters,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    schedule_routes,
    solve,
)


def hanoi_like(places: int, tours: int, seed: int) -> RoutingProblem:
    """A seeded random problem shaped like the Hanoi data (seconds, one day per tour)."""
    rng = random.Random(seed)
    xy = [(0.0, 0.0)]
    for _ in range(places):
        r, a = 40_000 * math.sqrt(rng.random()), rng.uniform(0, 2 * math.pi)
        xy.append((r * math.cos(a), r * math.sin(a)))
    speed = 30 / 3.6  # m/s
    matrix = [[round(math.dist(p, q) * 1.3 / speed) for q in xy] for p in xy]
    visits = []
    for i in range(1, places + 1):
        service = rng.choice([30, 45, 60, 90, 120, 150]) * 60
        if rng.random() < 0.5:
            window = TimeWindow(8 * 3600, 17 * 3600 - service)
        else:
            window = TimeWindow(8 * 3600, 11 * 3600 + 1800)  # a morning workshop
        visits.append(Visit(f"p{i}", i, service, (window,), rng.randint(1, 10) * 10))
    day = (8 * 3600, 17 * 3600 + 1800)
    return RoutingProblem(
        matrix, tuple(visits), tuple(Tour(f"day {k + 1}", 0, 0, *day) for k in range(tours))
    )


def run_tourplan(
    problem: RoutingProblem,
    seconds: float,
    temperatures: tuple[float, ...] | None = None,
    ils: dict[str, Any] | None = None,
) -> tuple[int, int, float]:
    """Score, travel and wall time of tourplan (one process; ``temperatures`` of its
    iterated search, default :class:`IteratedSearchParams`'; ``ils``: other fields of it)."""
    # CP-SAT (recombination, several tours) is loaded on first use; in a fresh process that is
    # not search time, as PyVRP's clock starts once its model is built. OR-Tools' routing
    # solver is not loaded at all: the default search does not polish with it.
    if len(problem.tours) > 1:
        from tourplan.routing import recombine  # noqa: F401

    began = time.monotonic()
    params = _full_time(temperatures)
    if ils:
        params = replace(params, **ils)
    solution = solve(problem, SearchParameters(seconds, workers=1, ils=params))
    wall = time.monotonic() - began
    assert check_solution(problem, solution) == []
    return solution.score, solution.travel_time, wall


def _full_time(temperatures: tuple[float, ...] | None = None) -> IteratedSearchParams:
    if temperatures is None:
        return IteratedSearchParams(stall=None)  # use the whole time, as PyVRP does
    return IteratedSearchParams(stall=None, temperatures=temperatures)


def pyvrp_model(problem: RoutingProblem) -> tuple[Any, int]:
    """PyVRP's prize-collecting VRPTW of ``problem`` (a ``pyvrp.Model``) and the factor BIG by
    which a score unit is a prize (client ``k`` of the model is visit ``k`` of ``problem``)."""
    try:
        from pyvrp import Model
    except ImportError:
        sys.exit("bench/peers.py needs PyVRP: pip install -e '.[bench]'")
    tt = problem.travel_times
    tour = problem.tours[0]
    # A score unit is worth the longest leg: score first in practice, while time-window
    # penalties stay on the scale of the objective (a larger factor leaves PyVRP infeasible).
    big = int(tt.max()) + 1
    m = Model()
    locations = [m.add_location(0, 0) for _ in range(len(problem.visits) + 1)]
    depot = m.add_depot(locations[0], tw_early=tour.earliest_start, tw_late=tour.latest_end)
    m.add_vehicle_type(
        num_available=len(problem.tours),
        start_depot=depot,
        end_depot=depot,
        tw_early=tour.earliest_start,
        tw_late=tour.latest_end,
    )
    for k, v in enumerate(problem.visits, start=1):
        (w,) = v.windows
        m.add_client(
            locations[k],
            service_duration=v.service,
            tw_early=w.start,
            tw_late=w.end,
            prize=v.score * big,
            required=False,
        )
    index = [tour.start_location, *(v.location for v in problem.visits)]
    for a, frm in enumerate(locations):
        for b, to in enumerate(locations):
            if a != b:
                d = int(tt[index[a], index[b]])
                m.add_edge(frm, to, distance=d, duration=d)
    return m, big


def run_pyvrp(problem: RoutingProblem, seconds: float, seed: int) -> tuple[int, int, float]:
    """Score, travel and wall time of PyVRP on the prize-collecting VRPTW of ``problem``."""
    from pyvrp.stop import MaxRuntime

    m, big = pyvrp_model(problem)
    # The clock starts once the model is built: adding ~n² edges one by one from Python is
    # this script's cost, not PyVRP's (tourplan's clock does include its model building).
    began = time.monotonic()
    result = m.solve(stop=MaxRuntime(seconds), seed=seed, display=False)
    wall = time.monotonic() - began
    if not result.is_feasible():
        return 0, 0, wall
    routes = [[a.idx for a in r if a.is_client()] for r in result.best.routes()]
    solution = schedule_routes(problem, routes)
    assert check_solution(problem, solution) == []
    assert solution.score * big == result.best.prizes()  # the same visits as PyVRP counts
    return solution.score, solution.travel_time, wall


def _ils_fields(items: list[str]) -> dict[str, Any]:
    """``FIELD=VALUE`` pairs as :class:`IteratedSearchParams` fields (checked by it)."""
    fields: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or key not in IteratedSearchParams.__dataclass_fields__:
            raise ValueError(f"{item!r}: give FIELD=VALUE with a field of IteratedSearchParams")
        if key in ("exponents", "temperatures"):
            fields[key] = tuple(float(x) for x in value.split(","))
        elif key in ("restart", "share", "noise", "decompose"):
            fields[key] = float(value)
        elif key in ("pairs", "petals", "petal_round"):
            if value.lower() not in ("true", "false"):
                raise ValueError(f"{item!r}: {key} is true or false")
            fields[key] = value.lower() == "true"
        else:
            fields[key] = None if value == "None" else int(value)
    IteratedSearchParams(**fields)  # raises DataError naming a bad field
    return fields


def _peak_mb() -> float:
    """Peak resident set size of this process in MB (``ru_maxrss`` is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(
    kind: str,
    problem: RoutingProblem,
    seconds: float,
    seed: int,
    temperatures: tuple[float, ...] | None = None,
    ils: dict[str, Any] | None = None,
) -> tuple[Any, ...]:
    """Run one solver (or nothing, for ``"baseline"``) in this fresh process; add its peak MB."""
    if kind == "tourplan":
        result: tuple[Any, ...] = run_tourplan(problem, seconds, temperatures, ils)
    elif kind == "pyvrp":
        result = run_pyvrp(problem, seconds, seed)
    else:
        import pyvrp  # noqa: F401  (the imports both children pay)

        from tourplan.routing import recombine, solver  # noqa: F401

        result = (0, 0, 0.0)
    return (*result, _peak_mb())


def isolated(
    kind: str,
    problem: RoutingProblem,
    seconds: float,
    seed: int,
    temperatures: tuple[float, ...] | None = None,
    ils: dict[str, Any] | None = None,
) -> tuple[Any, ...]:
    """:func:`_child` in a new ``spawn`` process: score, travel, wall seconds, peak MB."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as ex:
        return ex.submit(_child, kind, problem, seconds, seed, temperatures, ils).result()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--time-limit", type=float, default=10.0, help="seconds per solver and row")
    ap.add_argument("--rows", nargs="*", default=[], metavar="NAME:TOURS")
    ap.add_argument("--random", nargs="*", default=[], metavar="PLACES:TOURS")
    ap.add_argument("--instances", type=Path, default=DEFAULT_INSTANCES)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--temperatures",
        type=float,
        nargs="+",
        help="tourplan's annealing temperatures (default: IteratedSearchParams'; one worker "
        "uses the first)",
    )
    ap.add_argument(
        "--ils",
        nargs="+",
        default=[],
        metavar="FIELD=VALUE",
        help="other IteratedSearchParams fields for tourplan, e.g. elite=6 force=4 "
        "restart=0.1 exponents=1,2,3 pairs=true decompose=0.3 decompose_tours=3",
    )
    ap.add_argument(
        "--with-defaults",
        action="store_true",
        help="with --ils, also run tourplan with the default fields (column 'defaults')",
    )
    ap.add_argument("--csv", type=Path, help="write the rows here")
    ap.add_argument(
        "--memory-baseline",
        action="store_true",
        help="also print the peak MB of a child that only imports both solvers",
    )
    args = ap.parse_args(argv)
    try:
        ils = _ils_fields(args.ils)
    except (ValueError, DataError) as e:
        ap.error(f"--ils: {e}")
    files = {p.stem: p for p in args.instances.glob("instances/*/*.txt")}
    cases: list[tuple[str, RoutingProblem]] = []
    for row in args.rows:
        name, _, tours = row.partition(":")
        if name not in files or not tours.isdigit() or int(tours) < 1:
            ap.error(f"--rows {row!r}: give NAME:TOURS with an instance file of {args.instances}")
        cases.append((row, read_instance(files[name]).problem(int(tours))))
    for k, spec in enumerate(args.random):
        places, tours = (int(x) for x in spec.split(":"))
        cases.append((f"hanoi{places}:{tours}", hanoi_like(places, tours, args.seed + k)))
    if importlib.util.find_spec("pyvrp") is None:
        ap.error('PyVRP is not installed: pip install -e ".[bench]" (the optional bench extra)')
    print(f"# tourplan vs PyVRP, {args.time_limit:g} s each, one process at a time")
    print(
        f"{'row':<14} | {'tourplan':>9} {'gap%':>6} {'sec':>6} {'MB':>6} | "
        f"{'PyVRP':>9} {'gap%':>6} {'sec':>6} {'MB':>6}"
    )
    out = []
    defaults: list[tuple[Any, ...] | None] = []  # per row, with --with-defaults
    for k, (name, problem) in enumerate(cases):
        if args.memory_baseline:
            base = isolated("baseline", problem, args.time_limit, args.seed)
            print(f"{name:<14} | imports and problem only: {base[3]:.0f} MB", flush=True)
        first_pyvrp = k % 2 == 1  # interleaved: alternate who goes first
        temps = tuple(args.temperatures) if args.temperatures else None
        if args.with_defaults and ils and k % 3 == 0:  # the defaults take turns in front too
            d = isolated("tourplan", problem, args.time_limit, args.seed, temps)
        if first_pyvrp:
            p = isolated("pyvrp", problem, args.time_limit, args.seed)
            t = isolated("tourplan", problem, args.time_limit, args.seed, temps, ils)
        else:
            t = isolated("tourplan", problem, args.time_limit, args.seed, temps, ils)
            p = isolated("pyvrp", problem, args.time_limit, args.seed)
        if args.with_defaults and ils and k % 3 != 0:
            d = isolated("tourplan", problem, args.time_limit, args.seed, temps)
        if args.with_defaults and ils:
            print(f"{name:<14} | defaults {d[0]:9d} {d[2]:6.1f} s", flush=True)
        defaults.append(d if args.with_defaults and ils else None)
        best = max(t[0], p[0]) or 1
        gap_t, gap_p = 100 * (best - t[0]) / best, 100 * (best - p[0]) / best
        out.append((name, t, p, gap_t, gap_p))
        print(
            f"{name:<14} | {t[0]:9d} {gap_t:6.2f} {t[2]:6.1f} {t[3]:6.0f} | "
            f"{p[0]:9d} {gap_p:6.2f} {p[2]:6.1f} {p[3]:6.0f}",
            flush=True,
        )
    if out:
        ahead = sum(1 for _, t, p, _, _ in out if t[0] >= p[0])
        mean_t = statistics.fmean(r[3] for r in out)
        mean_p = statistics.fmean(r[4] for r in out)
        print(
            f"tourplan >= PyVRP on {ahead}/{len(out)} rows; "
            f"mean gap tourplan {mean_t:.2f} %, PyVRP {mean_p:.2f} %; "
            f"median peak MB tourplan {statistics.median(r[1][3] for r in out):.0f}, "
            f"PyVRP {statistics.median(r[2][3] for r in out):.0f}"
        )
        if all(defaults):
            pairs = zip(out, defaults, strict=True)
            level = sum(1 for (_, _, p, _, _), d in pairs if d and d[0] >= p[0])
            print(f"with the defaults: tourplan >= PyVRP on {level}/{len(out)} rows")
    if args.csv:
        with open(args.csv, "w", newline="") as f:
            w = csv.writer(f)
            head = ["row", "tourplan", "tourplan_sec", "tourplan_mb"]
            head += ["pyvrp", "pyvrp_sec", "pyvrp_mb"]
            w.writerow([*head, *(["defaults", "defaults_sec"] if any(defaults) else [])])
            for (name, t, p, _, _), d in zip(out, defaults, strict=True):
                row = [name, t[0], f"{t[2]:.2f}", f"{t[3]:.0f}", p[0], f"{p[2]:.2f}", f"{p[3]:.0f}"]
                w.writerow([*row, *([d[0], f"{d[2]:.2f}"] if d else [])])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
