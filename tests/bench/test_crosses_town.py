"""bench/realism.py's count of cross-town days: two stops the other side of the start."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import tourplan
from tourplan.hours import OpeningHours
from tourplan.model import Village, Villages
from tourplan.plan.value import ValueModel

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from realism import crosses_town

HOURS = OpeningHours.parse("Mo-Su 08:00-17:30")
FAST = tourplan.SearchParameters(deterministic=True, iteration_limit=500)


def _plan(lons: list[float], model: ValueModel) -> tourplan.Itinerary:
    villages = Villages(
        Village(f"v{k}", f"v{k}", f"v{k}", 21.0, lon, 90, HOURS, 50, themes=(theme,))
        for k, (lon, theme) in enumerate(zip(lons, ("ceramics", "textiles", "wood"), strict=False))
    )
    request = tourplan.TripRequest.for_days((21.0, 105.8), dt.date(2026, 12, 5), value=model)
    return tourplan.plan_trip(request, villages, search=FAST)


def test_two_stops_east_and_west_of_the_start_cross_town() -> None:
    # one village 12 km east, one 12 km west, nothing else: with no direction rule the day
    # takes both (they are worth their road); the start lies between them
    zigzag = _plan([105.915, 105.685], ValueModel(direction_factor=1.0))
    assert len(zigzag.stops) == 2
    assert crosses_town(zigzag)


def test_two_stops_on_one_side_and_a_stop_in_town_do_not() -> None:
    one_side = _plan([105.915, 105.95, 105.81], ValueModel(direction_factor=1.0))
    assert len(one_side.stops) >= 2
    assert not crosses_town(one_side)
