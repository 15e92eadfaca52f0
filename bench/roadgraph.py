"""Benchmark: 300 places on a synthetic ~100,000-node road graph, scipy vs. networkx only.

Run from the repository root::

    .venv/bin/python bench/roadgraph.py              # networkx timed on 30 origins, scaled
    .venv/bin/python bench/roadgraph.py --nx-all     # networkx on all 300 origins (minutes)

The graph is a perturbed 316 × 316 grid over Hanoi (about 150 m blocks): every 10th street
is a faster arterial, 10 % of streets are one-way, 4 % are missing, lengths carry a random
detour. Both routes use the same edge ``travel_time`` and the same snapped nodes; both are
timed in this one run. The scipy figure is the whole ``road_travel_matrix`` call (compiling
the graph, strongly connected components, snapping, Dijkstra, decoding); the networkx figure
is only its Dijkstra calls (``single_source_dijkstra_path_length`` from each place).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
from dataclasses import dataclass

import networkx as nx
import numpy as np

from tourplan.travel import road_travel_matrix, snap_places


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    lat: float
    lon: float


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def road_like_grid(side: int, seed: int) -> nx.MultiDiGraph:
    """A perturbed grid of ``side²`` nodes around Hanoi with arterials and one-way streets."""
    rng = random.Random(seed)
    step = 0.0014  # degrees, about 150 m
    g = nx.MultiDiGraph(crs="epsg:4326")
    for i in range(side):
        for j in range(side):
            g.add_node(
                i * side + j,
                x=105.60 + i * step + rng.uniform(-0.3, 0.3) * step,
                y=20.80 + j * step + rng.uniform(-0.3, 0.3) * step,
            )
    for i in range(side):
        for j in range(side):
            for di, dj in ((1, 0), (0, 1)):
                if i + di >= side or j + dj >= side or rng.random() < 0.04:
                    continue
                a, b = i * side + j, (i + di) * side + j + dj
                arterial = (j % 10 == 0) if di else (i % 10 == 0)
                kmh = rng.uniform(40, 60) if arterial else rng.uniform(15, 30)
                length = 155.0 * rng.uniform(1.0, 1.25)
                g.add_edge(a, b, length=length, travel_time=length / (kmh / 3.6))
                if rng.random() >= 0.10:  # two-way street
                    g.add_edge(b, a, length=length, travel_time=length / (kmh / 3.6))
    return g


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", type=int, default=316, help="grid side (316² ≈ 100,000)")
    parser.add_argument("--places", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--nx-origins", type=int, default=30, help="origins timed in networkx")
    parser.add_argument("--nx-all", action="store_true", help="run networkx from every place")
    args = parser.parse_args()

    start = time.perf_counter()
    graph = road_like_grid(args.side, seed=1)
    built = time.perf_counter() - start
    rng = np.random.default_rng(3)
    xs = np.array([d["x"] for _, d in graph.nodes(data=True)])
    ys = np.array([d["y"] for _, d in graph.nodes(data=True)])
    places = [
        Place(f"p{k}", f"Place {k}", float(lat), float(lon))
        for k, (lat, lon) in enumerate(
            zip(
                rng.uniform(ys.min() + 0.01, ys.max() - 0.01, args.places),
                rng.uniform(xs.min() + 0.01, xs.max() - 0.01, args.places),
                strict=True,
            )
        )
    ]

    runs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        matrix = road_travel_matrix(graph, places, connector_speed_kmh=1e9)
        runs.append(time.perf_counter() - start)
    ours = statistics.median(runs)

    nodes = [s.node for s in snap_places(graph, places)]
    origins = range(len(places)) if args.nx_all else range(min(args.nx_origins, len(places)))
    per_origin = []
    worst = 0
    for k in origins:
        start = time.perf_counter()
        times = nx.single_source_dijkstra_path_length(graph, nodes[k], weight="travel_time")
        per_origin.append(time.perf_counter() - start)
        expected = np.array([times[node] for node in nodes])
        worst = max(worst, int(np.abs(np.rint(expected) - matrix.seconds[k]).max()))
    nx_median = statistics.median(per_origin)
    nx_total = nx_median * len(places)

    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}, Python {platform.python_version()}")
    print("load average at the end (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(
        f"graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges "
        f"(built in {built:.1f} s); places: {len(places)}"
    )
    print(
        f"road_travel_matrix (scipy csgraph): median {ours:.2f} s over {args.repeat} runs "
        f"(min {min(runs):.2f} s, max {max(runs):.2f} s)"
    )
    how = "all origins" if args.nx_all else f"median of {len(per_origin)} origins × {len(places)}"
    print(
        f"networkx single_source_dijkstra_path_length: {nx_median * 1000:.0f} ms/origin -> "
        f"{nx_total:.1f} s for {len(places)} origins ({how})"
    )
    print(f"speed-up: {nx_total / ours:.1f}x")
    print(f"largest difference from networkx on the timed origins: {worst} s")


if __name__ == "__main__":
    main()
