"""Shakes per CPU second of the iterated search, and its score on a CPU budget, for source trees.

Compares versions of tourplan side by side (issue #15, faster insertion evaluation): each
measurement runs in its own process with the given source tree first on ``sys.path``, and the
trees are interleaved row by row and repeat by repeat, so a change of the machine's load touches
them alike. Rows are given as ``NAME:TOURS`` of the (T)OPTW benchmark (see ``bench/toptw.py``)::

    python bench/insertion_speed.py --trees /tmp/before . --shakes 300 pr03:4 pr10:1
    python bench/insertion_speed.py --trees /tmp/before . --cpu-seconds 5 --seeds 0 1 2 pr05:1

``--shakes N`` runs ``iterated_insertion(iterations=N, seed=s)`` (deterministic: every tree must
give the same routes, checked and printed) and reports shakes per CPU second, the median of
``--repeats`` runs. ``--cpu-seconds S`` runs the search for ``S`` seconds of CPU time (its clock
replaced by ``time.process_time``, so the load does not decide the outcome) and reports the score
per seed. The iterated search alone, as ``bench/ils_alone.py``: temperature 1, noise 1.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(1, str(HERE.parent))  # toptw.py, the instance reader


def _worker(tree: str, row: str, shakes: int, cpu_seconds: float, seed: int) -> None:
    sys.path.insert(0, str(Path(tree).resolve()))
    if cpu_seconds:
        time.monotonic = time.process_time  # the search's clock counts CPU time
    import tourplan
    from tourplan.routing.ils import iterated_insertion
    from tourplan.routing.insertion import routes_value

    # after tourplan: the reader puts this repository first on sys.path when imported
    toptw = importlib.import_module("toptw")
    files = {p.stem: p for p in toptw.DEFAULT_INSTANCES.glob("instances/*/*.txt")}
    name, _, tours = row.partition(":")
    problem = toptw.read_instance(files[name]).problem(int(tours))
    allowed = [list(range(int(tours)))] * len(problem.visits)
    began = time.process_time()
    routes = iterated_insertion(
        problem,
        allowed,
        iterations=shakes or None,
        seconds=cpu_seconds or None,
        seed=seed,
        noise=1.0,
        temperature=1.0,
        stall=10**9,
    )
    cpu = time.process_time() - began
    assert routes is not None
    digest = hashlib.sha1(json.dumps(routes).encode()).hexdigest()[:12]
    source = str(Path(tourplan.__file__).resolve().parents[1])
    out = {"cpu": cpu, "score": routes_value(problem, routes)[0], "routes": digest, "src": source}
    print(json.dumps(out))


def run_worker(script: Path, tree: str, *args: object) -> dict[str, object]:
    """Run ``script --worker TREE ARGS...`` in a fresh process and return the JSON it printed
    last, refusing a result whose tourplan was not imported from ``tree`` (an editable
    install's import hook can shadow ``sys.path``). Also used by ``bench/hotpath.py``."""
    cmd = [sys.executable, str(script), "--worker", tree, *map(str, args)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    if Path(str(result["src"])) != Path(tree).resolve():
        raise SystemExit(f"tree {tree}: tourplan was imported from {result['src']}")
    return result


def _run(tree: str, row: str, shakes: int, cpu_seconds: float, seed: int) -> dict[str, object]:
    return run_worker(HERE, tree, row, shakes, cpu_seconds, seed)


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if args[:1] == ["--worker"]:
        tree, row, shakes, cpu, seed = args[1:6]
        _worker(tree, row, int(shakes), float(cpu), int(seed))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", nargs="+", metavar="NAME:TOURS")
    ap.add_argument("--trees", nargs="+", default=[str(HERE.parents[1])])
    ap.add_argument("--shakes", type=int, default=0, help="shakes per run (deterministic)")
    ap.add_argument("--cpu-seconds", type=float, default=0.0, help="CPU budget per run")
    ap.add_argument("--repeats", type=int, default=3, help="runs per row and tree (--shakes)")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0])
    opts = ap.parse_args(args)
    if bool(opts.shakes) == bool(opts.cpu_seconds):
        ap.error("give exactly one of --shakes and --cpu-seconds")
    from toptw import DEFAULT_INSTANCES

    names = {p.stem for p in DEFAULT_INSTANCES.glob("instances/*/*.txt")}
    for row in opts.rows:
        name, _, tours = row.partition(":")
        if name not in names or not tours.isdigit() or int(tours) < 1:
            ap.error(f"row {row!r}: no such instance or number of tours in {DEFAULT_INSTANCES}")
    for tree in opts.trees:
        if not (Path(tree) / "tourplan" / "__init__.py").exists():
            ap.error(f"--trees: {tree!r} holds no tourplan package")
    trees = opts.trees
    print(f"# load average at start {os.getloadavg()[0]:.2f}", flush=True)
    for row in opts.rows:
        for seed in opts.seeds:
            if opts.shakes:
                cpu: dict[str, list[float]] = {t: [] for t in trees}
                digests = set()
                for _ in range(opts.repeats):
                    for t in trees:
                        res = _run(t, row, opts.shakes, 0.0, seed)
                        cpu[t].append(float(str(res["cpu"])))
                        digests.add(res["routes"])
                rates = [opts.shakes / statistics.median(cpu[t]) for t in trees]
                same = "same routes" if len(digests) == 1 else "ROUTES DIFFER"
                cells = " ".join(f"{r:.0f}" for r in rates)
                ratio = f" x{rates[-1] / rates[0]:.2f}" if len(trees) > 1 else ""
                print(f"{row} seed {seed}: shakes/CPU s {cells}{ratio} ({same})", flush=True)
            else:
                scores = [_run(t, row, 0, opts.cpu_seconds, seed)["score"] for t in trees]
                print(f"{row} seed {seed}: score " + " ".join(map(str, scores)), flush=True)
    print(f"# load average at end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
