"""Benchmark tourplan's routing core on the public (T)OPTW instances against best-known scores.

Usage (from the repository root)::

    python bench/toptw.py --time-limit 10 --csv toptw.csv --markdown toptw.md
    python bench/toptw.py --rows pr16:2 pr15:4 --seed 1 --recombination-pool 0
    python bench/toptw.py --rows pr19:1 --ils adapt=1  # an IteratedSearchParams field

The instances and ``BKS.csv`` are read from ``../shared/benchmarks/toptw`` beside the repository
(``--instances`` to change it); see that folder's README for where they come from and their format.
Travel time is the Euclidean distance truncated to 0.1 (Solomon sets) or 0.01 (pr sets), which this
benchmark reproduces exactly by working in tenths or hundredths of a time unit.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import platform
import statistics
import sys
import time
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tourplan.exceptions import DataError
from tourplan.routing import (
    RoutingProblem,
    SearchParameters,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    solve,
)

DEFAULT_INSTANCES = Path(__file__).resolve().parents[2] / "shared/benchmarks/toptw"


@dataclass(frozen=True)
class Instance:
    """A parsed instance file: vertex 0 is the depot."""

    name: str
    scale: int
    x: tuple[float, ...]
    y: tuple[float, ...]
    service: tuple[int, ...]
    score: tuple[int, ...]
    opening: tuple[int, ...]
    closing: tuple[int, ...]

    def problem(self, tours: int) -> RoutingProblem:
        """The routing problem with ``tours`` tours, times scaled by ``scale``."""
        xy = np.column_stack([self.x, self.y])
        dist = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=-1))
        matrix = np.floor(dist * self.scale + 1e-7).astype(np.int64)
        s = self.scale
        visits = tuple(
            Visit(
                str(i),
                i,
                self.service[i] * s,
                (TimeWindow(self.opening[i] * s, self.closing[i] * s),),
                self.score[i],
            )
            for i in range(1, len(self.x))
        )
        day = (self.opening[0] * s, self.closing[0] * s)
        return RoutingProblem(
            matrix, visits, tuple(Tour(f"tour {k + 1}", 0, 0, *day) for k in range(tours))
        )


def _int(token: str) -> int:
    value = float(token)
    if value != int(value):
        raise ValueError(f"expected an integer, got {token}")
    return int(value)


def read_instance(path: Path) -> Instance:
    """Read a file in the KU Leuven (T)OPTW format (header read as one token stream)."""
    lines = [ln.split() for ln in path.read_text().splitlines() if ln.strip()]
    header: list[str] = []
    k = 0
    while len(header) < 6:
        header += lines[k]
        k += 1
    n = int(header[2])
    rows = lines[k : k + n + 1]
    if len(rows) != n + 1:
        raise ValueError(f"{path}: expected {n + 1} vertex lines, got {len(rows)}")
    return Instance(
        name=path.stem,
        scale=100 if path.stem.startswith("pr") else 10,
        x=tuple(float(r[1]) for r in rows),
        y=tuple(float(r[2]) for r in rows),
        service=tuple(_int(r[3]) for r in rows),
        score=tuple(_int(r[4]) for r in rows),
        opening=tuple(_int(r[-2]) for r in rows),
        closing=tuple(_int(r[-1]) for r in rows),
    )


def _fields(ap: argparse.ArgumentParser, items: list[str]) -> dict[str, object]:
    """``FIELD=VALUE`` items as keyword arguments (values read as Python literals)."""
    fields: dict[str, object] = {}
    for item in items:
        key, sep, text = item.partition("=")
        if not sep:
            ap.error(f"--ils {item!r}: expected FIELD=VALUE")
        try:
            fields[key] = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            fields[key] = text
    return fields


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the process exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--instances", type=Path, default=DEFAULT_INSTANCES)
    ap.add_argument("--time-limit", type=float, default=10.0, help="seconds per row")
    ap.add_argument("--only", nargs="+", help="instance names to run (default: all)")
    ap.add_argument("--tours", nargs="+", type=int, help="numbers of tours to run")
    ap.add_argument("--csv", type=Path, help="write per-row results here")
    ap.add_argument("--markdown", type=Path, help="write the Markdown summary here")
    ap.add_argument("--solutions", type=Path, help="write each solution as JSON in this folder")
    ap.add_argument("--metaheuristic", default=None, help="override the default metaheuristic")
    ap.add_argument("--workers", type=int, default=2, help="processes for iterated insertion")
    ap.add_argument(
        "--temperatures", type=float, nargs="+", help="override the annealing temperatures"
    )
    ap.add_argument("--cycles", type=int, help="override the number of search rounds")
    ap.add_argument("--seed", type=int, default=0, help="seed of iterated insertion")
    ap.add_argument(
        "--recombination-pool", type=int, help="override the tours pooled per class (0 = off)"
    )
    ap.add_argument(
        "--recombination-rounds", type=int, help="override the rounds of insertion + recombination"
    )
    ap.add_argument(
        "--rows", nargs="+", metavar="NAME:TOURS", help="exactly these rows (instead of --only)"
    )
    ap.add_argument(
        "--ils",
        nargs="+",
        default=[],
        metavar="FIELD=VALUE",
        help="override IteratedSearchParams fields, e.g. adapt=1 or stall=None",
    )
    args = ap.parse_args(argv)

    with open(args.instances / "BKS.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    if args.rows:
        known = {f"{r['instance']}:{r['tours']}": r for r in rows}
        for row in args.rows:
            if row not in known:
                ap.error(f"--rows {row!r}: no such instance and number of tours in BKS.csv")
        rows = [known[row] for row in args.rows]
    rows = [
        r
        for r in rows
        if (not args.only or r["instance"] in args.only)
        and (not args.tours or int(r["tours"]) in args.tours)
    ]
    try:
        params = SearchParameters(time_limit=args.time_limit, workers=args.workers, seed=args.seed)
        if args.recombination_pool is not None:
            params = replace(
                params, recombination=replace(params.recombination, pool=args.recombination_pool)
            )
        if args.recombination_rounds is not None:
            params = replace(
                params,
                recombination=replace(params.recombination, rounds=args.recombination_rounds),
            )
        if args.metaheuristic:
            params = replace(
                params, ortools=replace(params.ortools, metaheuristic=args.metaheuristic)
            )
        if args.temperatures:
            params = replace(params, ils=replace(params.ils, temperatures=tuple(args.temperatures)))
        if args.cycles is not None:
            params = replace(params, cycles=args.cycles)
        if args.ils:
            params = replace(params, ils=replace(params.ils, **_fields(ap, args.ils)))
    except (DataError, TypeError) as e:  # TypeError: no such field
        ap.error(str(e))
    if args.solutions:
        args.solutions.mkdir(parents=True, exist_ok=True)
    results = []
    for r in rows:
        inst = read_instance(args.instances / r["file"])
        m = int(r["tours"])
        problem = inst.problem(m)
        began = time.monotonic()
        sol = solve(problem, params)
        seconds = time.monotonic() - began
        violations = check_solution(problem, sol)
        bks = int(r["best_known_score"])
        gap = 100.0 * (bks - sol.score) / bks
        res = {
            "instance": inst.name,
            "tours": m,
            "score": sol.score,
            "best_known": bks,
            "gap_pct": round(gap, 2),
            "seconds": round(seconds, 2),
            "valid": not violations,
        }
        results.append(res)
        print(",".join(str(v) for v in res.values()), flush=True)
        if args.solutions:
            out = {
                "instance": inst.name,
                "tours": [[int(problem.visits[i].id) for i in route] for route in sol.routes],
                "score": sol.score,
                "travel_time": sol.travel_time / inst.scale,
                "valid": not violations,
            }
            (args.solutions / f"{inst.name}_m{m}.json").write_text(json.dumps(out, indent=1))
    if not results:
        print("no rows selected", file=sys.stderr)
        return 1
    if args.csv:
        with open(args.csv, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(results[0]))
            w.writeheader()
            w.writerows(results)
    gaps = [r["gap_pct"] for r in results]
    summary = [
        f"Rows: {len(results)}; mean gap {statistics.mean(gaps):.2f} %; "
        f"worst gap {max(gaps):.2f} %; rows above 6 %: {sum(g > 6 for g in gaps)}; "
        f"all valid: {all(r['valid'] for r in results)}",
        f"Time limit {args.time_limit} s per row, {args.workers} worker(s), "
        f"temperatures {params.ils.temperatures}, rounds {params.cycles or 'default'}, "
        f"seed {params.seed}, recombination pool {params.recombination.pool} x "
        f"{params.recombination.rounds} rounds; ils {' '.join(args.ils) or 'defaults'}; "
        f"{date.today()}; "
        f"Python {platform.python_version()}",
        "",
        "| instance | tours | score | best known | gap % | seconds | valid |",
        "|---|---:|---:|---:|---:|---:|---|",
        *(
            f"| {r['instance']} | {r['tours']} | {r['score']} | {r['best_known']} | "
            f"{r['gap_pct']:.2f} | {r['seconds']:.1f} | {'yes' if r['valid'] else 'NO'} |"
            for r in results
        ),
    ]
    text = "\n".join(summary) + "\n"
    print(summary[0])
    if args.markdown:
        args.markdown.write_text(text)
    return 0 if all(r["valid"] for r in results) else 2


if __name__ == "__main__":
    raise SystemExit(main())
