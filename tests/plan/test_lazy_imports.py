"""A plan without a road graph loads only what it uses (what keeps `tourplan route` near 1 s)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_a_day_plan_without_a_road_graph_loads_no_networkx_holidays_or_routing_solver() -> None:
    code = textwrap.dedent(
        """
        import sys
        import tourplan
        request = tourplan.TripRequest.for_days("hoan-kiem-lake", "2026-12-05")
        search = tourplan.SearchParameters(deterministic=True)
        itinerary = tourplan.plan_trip(request, tourplan.load_hanoi(), search=search)
        assert tourplan.check_itinerary(itinerary, request) == []
        loaded = [
            name
            for name in ("networkx", "holidays", "ortools.constraint_solver")
            if any(m == name or m.startswith(name + ".") for m in sys.modules)
        ]
        print(" ".join(loaded) or "none")
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "none", done.stdout
