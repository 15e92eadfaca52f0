"""Travel times for Hanoi's craft villages on a real OpenStreetMap drive network.

Needs internet and osmnx, which tourplan does not depend on::

    pip install osmnx
    python examples/osmnx_hanoi.py                 # download, save GraphML, build the matrix
    python examples/osmnx_hanoi.py --graph hanoi_drive.graphml   # reuse a saved graph

It downloads the drive network within ``--radius-km`` of Hoàn Kiếm Lake, gives every edge a
speed (OSM ``maxspeed`` where tagged, else the per-road-type speeds below) and a travel time,
saves it as GraphML, loads it back with :func:`tourplan.travel.load_road_graph` and builds the
villages' travel-time matrix with :func:`tourplan.travel.road_travel_matrix`. The matrix is
what the planner consumes, in place of the straight-line ``travel_matrix(villages, "car")``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import tourplan
from tourplan.export import write_geojson
from tourplan.text import format_itinerary
from tourplan.travel import get_mode, load_road_graph, road_travel_matrix

ROOT = Path(__file__).resolve().parents[1]

# Assumed free-flow car speeds (km/h) by OSM highway type for untagged edges: below Vietnam's
# urban limits (50–60 km/h, Circular 31/2019/TT-BGTVT) because of mixed motorbike traffic.
HIGHWAY_SPEEDS_KMH = {
    "motorway": 80.0,
    "motorway_link": 50.0,
    "trunk": 55.0,
    "trunk_link": 40.0,
    "primary": 40.0,
    "primary_link": 30.0,
    "secondary": 35.0,
    "secondary_link": 30.0,
    "tertiary": 30.0,
    "tertiary_link": 25.0,
    "unclassified": 25.0,
    "residential": 20.0,
    "living_street": 10.0,
}


@dataclass(frozen=True)
class Village:
    id: str
    name: str
    lat: float
    lon: float


def read_villages(path: Path) -> list[Village]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Village(
                row["id"],
                row.get("name_vi") or row.get("name") or row["id"],
                float(row["lat"]),
                float(row["lon"]),
            )
            for row in csv.DictReader(handle)
        ]


def download(path: Path, radius_km: float) -> None:
    try:
        import osmnx as ox
    except ImportError:
        sys.exit("this example needs osmnx (not a tourplan dependency): pip install osmnx")
    print(f"downloading the drive network within {radius_km:g} km of Hoàn Kiếm (a few minutes)")
    graph = ox.graph_from_point((21.0285, 105.8542), dist=radius_km * 1000, network_type="drive")
    graph = ox.add_edge_speeds(graph, hwy_speeds=HIGHWAY_SPEEDS_KMH, fallback=25.0)
    graph = ox.add_edge_travel_times(graph)
    ox.save_graphml(graph, path)
    print(f"saved {len(graph):,} nodes to {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=Path("hanoi_drive.graphml"))
    parser.add_argument("--radius-km", type=float, default=40.0)
    parser.add_argument("--villages", type=Path, default=ROOT / "data" / "villages.csv")
    parser.add_argument("--max-snap-m", type=float, default=3000.0)
    args = parser.parse_args()

    if not args.graph.exists():
        download(args.graph, args.radius_km)
    graph = load_road_graph(args.graph)
    villages = read_villages(args.villages)
    car = get_mode("car")
    start = time.perf_counter()
    matrix = road_travel_matrix(
        graph,
        villages,
        max_snap_m=args.max_snap_m,  # many village points are commune centroids (±1–3 km)
        access_seconds=car.access_seconds,
        mode="car (OSM)",
    )
    print(f"{len(villages)} villages on {len(graph):,} nodes: {time.perf_counter() - start:.1f} s")
    worst = max(matrix.snaps, key=lambda s: s.distance_m)
    print(f"farthest snap: {worst.place_id} is {worst.distance_m:.0f} m from the road graph")

    # Plan a day on the road graph and export it with the road geometry of every leg.
    request = tourplan.TripRequest(start="hoan-kiem-lake", dates=(dt.date.today(),))
    itinerary = tourplan.plan_trip(request, road_graph=graph)
    print(format_itinerary(itinerary))
    write_geojson(itinerary, Path("hanoi_day_on_roads.geojson"))
    print("wrote hanoi_day_on_roads.geojson (legs follow the roads)")


if __name__ == "__main__":
    main()
