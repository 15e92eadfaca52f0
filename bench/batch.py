"""Measure batch planning: plans per second on 1 and 2 local workers and a 2-worker LocalCluster.

Project issue #22. Plans the same seeded requests (deterministic mode, so every configuration
must return the very same itineraries) four ways, side by side in one run:

- ``in-process``: ``plan_many(workers=0)``, one plan after another in this process, no Dask:
  the baseline of the per-plan overhead;
- ``1 worker`` and ``2 workers``: ``plan_many(workers=N)``, a private ``LocalCluster`` of N
  single-threaded processes started (and closed) by ``plan_many``: the wall time includes it;
- ``LocalCluster(2)``: ``plan_many(client=...)`` on a cluster started before the clock, as a
  long-lived cluster (or ``--scheduler``) is used.

Reported per configuration: wall seconds, plans/s, the median planning time on the workers,
and the per-plan overhead (wall time per plan × workers − mean planning time). Then the
scaling ratio (2 workers / 1 worker) and whether every configuration returned the same
itineraries, each checked by :func:`tourplan.check_itinerary`. Exit 1 on any violation.

The host's load (``os.getloadavg``) is printed before and after: on a shared machine the
scaling ratio is only meaningful when the other cores are idle.

Usage (from the repository root)::

    .venv/bin/python bench/batch.py                       # 200 requests, seed 22
    .venv/bin/python bench/batch.py --requests 40 --only 1,2
    .venv/bin/python bench/batch.py --write-requests trips.jsonl --bad 5   # a file for the CLI
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import tourplan
from tourplan.batch import BatchResult, plan_many
from tourplan.export import itinerary_to_dict
from tourplan.plan import trip_request_from_record

STARTS = ("hoan-kiem-lake", "old-quarter", "hanoi-railway-station", "noi-bai-airport")
MODES = ("car", "car", "motorbike", "bicycle", "bus")
PACES = ("normal", "relaxed", "quick")
BAD_LINES = (
    '{"id": "bad-json", "start": "hoan-kiem-lake", "date": ',  # cut short
    '{"id": "bad-mode", "start": "hoan-kiem-lake", "date": "2026-12-05", "mode": "rocket"}',
    '{"id": "bad-place", "start": "no-such-place-at-all", "date": "2026-12-05"}',
    '{"id": "bad-date", "start": "hoan-kiem-lake", "date": "05/12/2026"}',
    '{"id": "bad-field", "start": "hoan-kiem-lake", "date": "2026-12-05", "max_stop": 3}',
    '["not", "a", "request"]',
)


def seeded_requests(n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` varied, valid, deterministic request records from ``seed``."""
    rng = random.Random(seed)
    villages = [v.id for v in tourplan.load_hanoi()]
    records = []
    for i in range(n):
        record: dict[str, Any] = {
            "id": f"trip-{i:04d}",
            "start": rng.choice(STARTS),
            "date": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "mode": rng.choice(MODES),
            "pace": rng.choice(PACES),
            "deterministic": True,
        }
        if rng.random() < 0.3:
            record["days"] = 2
        if rng.random() < 0.4:
            record["themes"] = rng.sample(("ceramics", "textiles", "wood", "food", "lacquer"), 1)
        if rng.random() < 0.3:
            record["must"] = [rng.choice(villages)]
        if rng.random() < 0.3:
            record["max_stops"] = rng.randint(2, 4)
        records.append(record)
    return records


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def _run(plan: Callable[[], Iterator[BatchResult]]) -> tuple[float, list[BatchResult]]:
    started = time.perf_counter()
    results = list(plan())
    return time.perf_counter() - started, results


def _local_cluster(workers: int) -> Any:
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # a free port: 8787 may be taken by another cluster
        silence_logs=logging.ERROR,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests to plan (200)")
    parser.add_argument("--seed", type=int, default=22, help="seed of the requests (22)")
    parser.add_argument(
        "--only",
        default="0,1,2,cluster",
        help="configurations to run: 0 (in-process), 1, 2 (local workers), cluster",
    )
    parser.add_argument("--write-requests", metavar="FILE", help="write the requests and stop")
    parser.add_argument("--bad", type=int, default=0, help="with --write-requests: bad lines")
    args = parser.parse_args(argv)
    records = seeded_requests(args.requests, args.seed)

    if args.write_requests:
        lines = [json.dumps(r, ensure_ascii=False) for r in records]
        rng = random.Random(args.seed)
        for k in range(args.bad):
            lines.insert(rng.randrange(len(lines) + 1), BAD_LINES[k % len(BAD_LINES)])
        with open(args.write_requests, "w", encoding="utf-8") as file:
            file.writelines(line + "\n" for line in lines)
        print(f"wrote {len(lines)} lines ({args.bad} bad) to {args.write_requests}")
        return 0

    print(f"{len(records)} requests, seed {args.seed}, deterministic; {_load()}")
    chosen = args.only.split(",")
    runs: dict[str, tuple[float, int, list[BatchResult]]] = {}
    for name in chosen:
        if name == "cluster":
            with _local_cluster(2) as cluster:
                from distributed import Client

                with Client(cluster) as client:
                    client.wait_for_workers(2)
                    wall, results = _run(lambda: plan_many(records, client=client))
            runs["LocalCluster(2)"] = (wall, 2, results)
        else:
            workers = int(name)
            label = "in-process" if workers == 0 else f"{workers} worker{'s' * (workers > 1)}"
            wall, results = _run(lambda: plan_many(records, workers=workers))  # noqa: B023
            runs[label] = (wall, max(1, workers), results)
        print(f"  {list(runs)[-1]}: {wall:.1f} s; {_load()}", file=sys.stderr)

    failures = 0
    reference: dict[str, Any] | None = None
    by_request = {r["id"]: trip_request_from_record(r) for r in records}
    print()
    print("| configuration | wall s | plans/s | median plan s | overhead per plan s |")
    print("|---|---:|---:|---:|---:|")
    for label, (wall, workers, results) in runs.items():
        seconds = [r.seconds for r in results]
        overhead = wall * workers / len(results) - statistics.fmean(seconds)
        print(
            f"| {label} | {wall:.1f} | {len(results) / wall:.2f} | "
            f"{statistics.median(seconds):.2f} | {overhead:.3f} |"
        )
        plans = {}
        for result in results:
            if result.status != "ok" or result.itinerary is None:
                print(f"  {label}: {result.id} {result.status}: {result.error}", file=sys.stderr)
                failures += result.status == "failed"
                continue
            problems = tourplan.check_itinerary(result.itinerary, by_request[result.id])
            if problems:
                failures += 1
                print(f"  {label}: {result.id} breaks its request: {problems}", file=sys.stderr)
            plans[result.id] = itinerary_to_dict(result.itinerary)
        if reference is None:
            reference = plans
        elif plans != reference:
            failures += 1
            print(f"  {label}: the itineraries differ from the first configuration's")
    if "1 worker" in runs and "2 workers" in runs:
        ratio = runs["1 worker"][0] / runs["2 workers"][0]
        print(f"\nscaling, 2 workers / 1 worker: {ratio:.2f}x")
    if "1 worker" in runs and "LocalCluster(2)" in runs:
        ratio = runs["1 worker"][0] / runs["LocalCluster(2)"][0]
        print(f"scaling, LocalCluster(2) / 1 worker: {ratio:.2f}x")
    same = "identical" if failures == 0 else "NOT identical or invalid"
    print(f"itineraries in every configuration: {same}; {_load()}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
