"""Plan a weekend of craft villages from Hoàn Kiếm Lake and export it (runs offline).

    python examples/plan_weekend.py [OUTPUT_FOLDER]

Writes weekend.ics, weekend.json and weekend.geojson into OUTPUT_FOLDER (default: the
current folder) and prints the schedule.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import tourplan
from tourplan.export import write_geojson, write_ics, write_json
from tourplan.text import format_itinerary


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".")
    saturday = dt.date(2026, 12, 5)
    request = tourplan.TripRequest.for_days(
        "hoan-kiem-lake",
        saturday,
        days=2,
        mode="car",
        must_visit=["Bát Tràng", "Vạn Phúc"],
        themes=["textiles", "lacquer"],
        max_stops_per_day=4,
    )
    itinerary = tourplan.plan_trip(request)
    tourplan.validate_itinerary(itinerary, request)
    print(format_itinerary(itinerary, lang="en"))
    for writer, name in (
        (write_ics, "weekend.ics"),
        (write_json, "weekend.json"),
        (write_geojson, "weekend.geojson"),
    ):
        print("wrote", writer(itinerary, folder / name))


if __name__ == "__main__":
    main()
