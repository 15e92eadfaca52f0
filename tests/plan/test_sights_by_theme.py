"""A sight whose theme is asked is plannable on its own; a free day does not fill with sights.

Regression (2026-12-01): ``tourplan route --day-start 18:00 --day-end 22:00 --theme
performance`` planned nothing although the bundled water-puppet theatre has shows at 18:15 and
19:45 (data/sights.csv): a sight kept half its value and never took the theme bonus, so no
sight was ever chosen unless it was a must-visit.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tourplan
from tourplan import SearchParameters, TripRequest

SATURDAY = dt.date(2026, 12, 5)
FAST = SearchParameters(deterministic=True, iteration_limit=300)
SCRIPT = Path(sys.executable).parent / ("tourplan.exe" if os.name == "nt" else "tourplan")
EVENING = {"day_start": "18:00", "day_end": "22:00", "lunch": None}


def test_an_evening_asked_for_performance_plans_the_show() -> None:
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY, themes=("performance",), **EVENING)
    itinerary = tourplan.plan_trip(request, search=FAST)
    assert tourplan.check_itinerary(itinerary, request) == []
    (stop,) = itinerary.stops
    assert stop.village.id == "mua-roi-thang-long"
    assert f"{stop.start:%H:%M}" in ("18:15", "19:45")  # a show's start (data/sights.csv)


def test_the_same_evening_without_the_theme_plans_no_sight() -> None:
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY, **EVENING)
    itinerary = tourplan.plan_trip(request, search=FAST)
    assert not any(s.village.is_sight for s in itinerary.stops)


def test_a_free_day_plans_no_sight() -> None:
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY, 3)
    itinerary = tourplan.plan_trip(request, search=SearchParameters(deterministic=True))
    assert itinerary.stops and not any(s.village.is_sight for s in itinerary.stops)


def test_the_evening_show_through_the_console_script() -> None:
    if not SCRIPT.is_file():
        pytest.skip(f"the console script is not installed at {SCRIPT} (pip install -e .)")
    args = ["route", "--date", "2026-12-05", "--day-start", "18:00", "--day-end", "22:00"]
    done = subprocess.run(
        [str(SCRIPT), *args, "--lunch", "none", "--theme", "performance", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "18:15–19:20  Thang Long water puppet theatre" in done.stdout, done.stdout
