"""Benchmark: vectorised geodesic matrix for 1,350 points vs. a Python loop over geopy.

Run from the repository root::

    .venv/bin/python bench/geodesic.py            # geopy timed on a 20,000-pair sample
    .venv/bin/python bench/geodesic.py --full     # geopy over every pair (about a minute)

Both are measured in the same run, on the same points (seeded, spread over Hanoi's area).
The geopy loop, like ``geodesic_matrix_m``, solves each unordered pair once; the ratio is
per pair, so it does not depend on the sample size.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

import numpy as np
from geopy.distance import geodesic

from tourplan.travel import geodesic_matrix_m


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1350)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sample", type=int, default=20_000, help="geopy pairs to time")
    parser.add_argument("--full", action="store_true", help="time geopy on every pair")
    args = parser.parse_args()

    rng = np.random.default_rng(2025)
    n = args.points
    lats = rng.uniform(20.55, 21.40, n)  # Hanoi's extent, where the 1,350+ craft villages are
    lons = rng.uniform(105.30, 106.00, n)

    geodesic_matrix_m(lats[:50], lons[:50])  # warm-up (imports, thread pool)
    runs = []
    cpu = []
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        matrix = geodesic_matrix_m(lats, lons)
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    ours = statistics.median(runs)

    i, j = np.triu_indices(n, k=1)
    pairs = i.size
    if args.full:
        chosen = np.arange(pairs)
    else:
        chosen = rng.choice(pairs, size=min(args.sample, pairs), replace=False)
    start = time.perf_counter()
    worst = 0.0
    for k in chosen:
        a, b = int(i[k]), int(j[k])
        reference = geodesic((lats[a], lons[a]), (lats[b], lons[b])).meters
        worst = max(worst, abs(matrix[a, b] - reference) / reference)
    loop = time.perf_counter() - start
    per_pair = loop / chosen.size
    geopy_all = per_pair * pairs

    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}, Python {platform.python_version()}")
    print("load average at the end (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(f"points: {n} ({pairs:,} unordered pairs)")
    print(
        f"geodesic_matrix_m: median {ours * 1000:.0f} ms over {args.repeat} runs "
        f"(min {min(runs) * 1000:.0f} ms, max {max(runs) * 1000:.0f} ms); "
        f"CPU time {statistics.median(cpu) * 1000:.0f} ms (all threads)"
    )
    how = "every pair" if args.full else f"{chosen.size:,} sampled pairs, extrapolated"
    print(
        f"geopy.distance.geodesic loop: {per_pair * 1e6:.1f} µs/pair -> {geopy_all:.1f} s "
        f"for all pairs ({how})"
    )
    print(f"speed-up: {geopy_all / ours:.0f}x")
    print(f"largest relative difference from geopy on the timed pairs: {worst:.1e}")


if __name__ == "__main__":
    main()
