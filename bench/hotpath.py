"""Same plans, less CPU: the iterated search's routes and shakes per CPU second, per source tree.

The check of issue #15's sixth pass (the hot path): a change for speed must leave every seeded
search's decisions as they were. Each measurement runs in its own process with the given source
tree first on ``sys.path``; trees are interleaved row by row and repeat by repeat, so a change of
the machine's load touches them alike. Rows are ``NAME:TOURS`` of the (T)OPTW benchmark (see
``bench/toptw.py``), ``random:PLACES:TOURS`` (the Hanoi-like instances of ``bench/peers.py``,
seed 0) or ``trip:CASE`` (a request of ``bench/trips.py`` on the bundled Hanoi data)::

    python bench/hotpath.py --trees /tmp/before . --same pr04:4 random:300:5 trip:hk-2d-car
    python bench/hotpath.py --trees /tmp/before . --shakes 300 pr04:4 pr10:3 random:300:5

``--same`` runs the full solver in deterministic mode (``solve(problem, SearchParameters(
deterministic=True, iteration_limit=N))``, the default search: strings, exchange, decomposition,
recombination) and the iterated search alone for ``--shakes`` shakes, and prints a digest of the
routes per tree; it exits non-zero if any tree differs. ``--shakes N`` (without ``--same``) runs
``iterated_insertion(iterations=N)`` with the default :class:`IteratedSearchParams` moves, noise 1
and temperature 1 (deterministic, so every tree does the same work, checked) and reports shakes
per CPU second, the median of ``--repeats`` runs, and the ratio of the last tree to the first.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def _problem(row: str) -> object:
    """The routing problem of ``row`` (imported after tourplan, from the tree on the path)."""
    sys.path.insert(1, str(HERE.parent))  # toptw.py, peers.py, trips.py
    kind, _, rest = row.partition(":")
    if kind == "random":
        places, _, tours = rest.partition(":")
        return importlib.import_module("peers").hanoi_like(int(places), int(tours), 0)
    if kind == "trip":
        trips = importlib.import_module("trips")
        case = next(c for c in trips.CASES if c.name == rest)
        build = importlib.import_module("tourplan.plan").build_problem
        return build(case.request(), trips.HANOI, resolver=trips.RESOLVER).problem
    toptw = importlib.import_module("toptw")
    files = {p.stem: p for p in toptw.DEFAULT_INSTANCES.glob("instances/*/*.txt")}
    return toptw.read_instance(files[kind]).problem(int(rest))


def _known(row: str) -> bool:
    """Whether ``row`` names a problem :func:`_problem` can build."""
    sys.path.insert(1, str(HERE.parent))
    kind, _, rest = row.partition(":")
    if kind == "random":
        sizes = rest.split(":")
        return len(sizes) == 2 and all(x.isdigit() and int(x) > 0 for x in sizes)
    if kind == "trip":
        source = (HERE.parent / "trips.py").read_text()
        return bool(rest) and f'Case("{rest}",' in source
    toptw = importlib.import_module("toptw")
    names = {p.stem for p in toptw.DEFAULT_INSTANCES.glob("instances/*/*.txt")}
    return kind in names and rest.isdigit() and int(rest) > 0


def _worker(tree: str, row: str, shakes: int, full: int) -> None:
    sys.path.insert(0, str(Path(tree).resolve()))
    import tourplan
    from tourplan.routing import IteratedSearchParams, SearchParameters, check_solution, solve
    from tourplan.routing.ils import iterated_insertion
    from tourplan.routing.solution import schedule_routes

    problem = _problem(row)
    tours = len(problem.tours)  # type: ignore[attr-defined]
    allowed = [list(range(tours))] * len(problem.visits)  # type: ignore[attr-defined]
    defaults = IteratedSearchParams()
    moves = ("elite", "force", "exponents", "restart", "pairs", "strings", "warp")
    kwargs = {name: getattr(defaults, name) for name in moves}
    began = time.process_time()
    routes = iterated_insertion(
        problem,  # type: ignore[arg-type]
        allowed,
        iterations=shakes,
        seed=0,
        noise=1.0,
        temperature=1.0,
        stall=2**62,
        **kwargs,
    )
    cpu = time.process_time() - began
    assert routes is not None
    assert check_solution(problem, schedule_routes(problem, routes)) == []  # type: ignore[arg-type]
    out: dict[str, object] = {
        "cpu": cpu,
        "ils": hashlib.sha1(json.dumps(routes).encode()).hexdigest(),
    }
    if full:
        params = SearchParameters(deterministic=True, iteration_limit=full, workers=1)
        solution = solve(problem, params)  # type: ignore[arg-type]
        assert check_solution(problem, solution) == []  # type: ignore[arg-type]
        text = json.dumps([list(r) for r in solution.routes])
        out["solve"] = hashlib.sha1(text.encode()).hexdigest()
        out["score"] = solution.score
    out["src"] = str(Path(tourplan.__file__).resolve().parents[1])
    print(json.dumps(out))


def _run(tree: str, row: str, shakes: int, full: int) -> dict[str, object]:
    sys.path.insert(1, str(HERE.parent))
    from insertion_speed import run_worker

    return run_worker(HERE, tree, row, shakes, full)


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if args[:1] == ["--worker"]:
        tree, row, shakes, full = args[1:5]
        _worker(tree, row, int(shakes), int(full))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", nargs="+", metavar="ROW")
    ap.add_argument("--trees", nargs="+", default=[str(HERE.parents[1])])
    ap.add_argument("--shakes", type=int, default=100, help="shakes of the iterated search")
    ap.add_argument("--same", action="store_true", help="compare routes (and a full solve)")
    ap.add_argument("--iteration-limit", type=int, default=600, help="of the solve (--same)")
    ap.add_argument("--repeats", type=int, default=3, help="runs per row and tree (speed)")
    opts = ap.parse_args(args)
    for tree in opts.trees:
        if not (Path(tree) / "tourplan" / "__init__.py").exists():
            ap.error(f"--trees: {tree!r} holds no tourplan package")
    for row in opts.rows:
        if not _known(row):
            ap.error(
                f"row {row!r}: not NAME:TOURS of the benchmark, random:PLACES:TOURS or trip:CASE"
            )
    print(f"# load average at start {os.getloadavg()[0]:.2f}", flush=True)
    differ = False
    for row in opts.rows:
        if opts.same:
            res = [_run(t, row, opts.shakes, opts.iteration_limit) for t in opts.trees]
            ils = {str(r["ils"]) for r in res}
            full = {str(r["solve"]) for r in res}
            same = len(ils) == 1 and len(full) == 1
            differ = differ or not same
            print(
                f"{row}: ils {'/'.join(sorted(x[:10] for x in ils))} "
                f"solve {'/'.join(sorted(x[:10] for x in full))} score {res[0]['score']} "
                f"{'same routes' if same else 'ROUTES DIFFER'}",
                flush=True,
            )
            continue
        cpu: dict[str, list[float]] = {t: [] for t in opts.trees}
        digests = set()
        for _ in range(opts.repeats):
            for t in opts.trees:
                res1 = _run(t, row, opts.shakes, 0)
                cpu[t].append(float(str(res1["cpu"])))
                digests.add(str(res1["ils"]))
        rates = [opts.shakes / statistics.median(cpu[t]) for t in opts.trees]
        same = len(digests) == 1
        differ = differ or not same
        cells = " ".join(f"{r:.1f}" for r in rates)
        ratio = f" x{rates[-1] / rates[0]:.2f}" if len(rates) > 1 else ""
        print(
            f"{row}: shakes/CPU s {cells}{ratio} ({'same routes' if same else 'ROUTES DIFFER'})",
            flush=True,
        )
    print(f"# load average at end {os.getloadavg()[0]:.2f}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
