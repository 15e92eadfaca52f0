"""Run tourplan's iterated insertion alone (no OR-Tools, one process) on (T)OPTW benchmark rows.

The tuning runs quoted as "ILS alone" in ``docs/benchmarks.md`` use this script; ``bench/toptw.py``
measures the full solver. Rows are given as ``NAME:TOURS``::

    python bench/ils_alone.py --seconds 10 --seed 0 --temperature 1 pr16:1 pr15:2
    python bench/ils_alone.py --seconds 5 --between off pr03:4  # without moves between tours
    python bench/ils_alone.py --cpu --seconds 5 --seeds 0 1 2 --set race=4 pr16:1  # CPU budget

``--cpu`` replaces the search's clock by ``time.process_time`` (the load does not decide how much
search a run gets); ``--set NAME=VALUE`` passes a keyword of ``iterated_insertion`` (an
``IteratedSearchParams`` field such as ``race=4`` or ``restart=0.1``); ``--seeds`` runs each row
once per seed (each line then names its seed).

Each row prints the score, the gap to the best-known score and the number of visits per tour; the
last line the mean and worst gap. Every plan is checked with ``check_solution``.
"""

from __future__ import annotations

import argparse
import ast
import csv
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toptw import DEFAULT_INSTANCES, read_instance

from tourplan.routing import check_solution, schedule_routes
from tourplan.routing.ils import iterated_insertion
from tourplan.routing.insertion import routes_value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", nargs="+", metavar="NAME:TOURS")
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--seeds", type=int, nargs="+", help="run each row with each of these seeds")
    ap.add_argument("--cpu", action="store_true", help="seconds of CPU time, not wall time")
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a keyword of iterated_insertion (repeatable), e.g. race=4",
    )
    ap.add_argument("--temperature", type=float, default=1.0)
    ap.add_argument("--noise", type=float, default=1.0)
    ap.add_argument("--instances", type=Path, default=DEFAULT_INSTANCES)
    ap.add_argument(
        "--between",
        choices=("all", "both", "relocate", "off"),
        default="both",
        help="moves between tours (routing/exchange.py) to use",
    )
    args = ap.parse_args(argv)
    extra = {}
    for item in args.set:
        key, sep, text = item.partition("=")
        if not sep:
            ap.error(f"--set {item!r}: expected NAME=VALUE")
        try:
            extra[key] = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            extra[key] = text
    if args.cpu:
        time.monotonic = time.process_time  # the search's clock counts CPU time
    with open(args.instances / "BKS.csv", newline="") as f:
        bks = {
            (r["instance"], int(r["tours"])): int(r["best_known_score"]) for r in csv.DictReader(f)
        }
    files = {p.stem: p for p in args.instances.glob("instances/*/*.txt")}
    gaps, total = [], 0
    runs = [(row, seed) for row in args.rows for seed in (args.seeds or [args.seed])]
    for row, seed in runs:
        name, _, tours_text = row.partition(":")
        tours = int(tours_text) if tours_text.isdigit() else -1
        if name not in files or (name, tours) not in bks:
            ap.error(f"row {row!r}: no such instance / number of tours in {args.instances}")
        problem = read_instance(files[name]).problem(tours)
        allowed = [list(range(tours))] * len(problem.visits)
        routes = iterated_insertion(
            problem,
            allowed,
            seconds=args.seconds,
            seed=seed,
            noise=args.noise,
            temperature=args.temperature,
            between=args.between,
            **extra,
        )
        assert routes is not None
        problems = check_solution(problem, schedule_routes(problem, routes))
        score = routes_value(problem, routes)[0]
        total += score
        gap = 100 * (1 - score / bks[name, tours])
        gaps.append(gap)
        valid = "valid" if not problems else f"INVALID: {problems}"
        label = f"{row} seed {seed}" if args.seeds else row
        print(f"{label} {score} {gap:.2f} {[len(r) for r in routes]} {valid}", flush=True)
    print(f"MEAN {sum(gaps) / len(gaps):.2f} MAX {max(gaps):.2f} TOTAL {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
