"""A long stay split by lunch is one stop against ``max_stops_per_day``.

Regression (2026-12-01): ``tourplan route --date 2027-02-06 --days 3 --max-stops 2
--deterministic`` planned Đường Lâm before and after lunch on Sunday, the routing core counted
the two parts as two of the day's two stops, and the left-out list said "every day already has
the maximum of 2 stops" although Sunday had one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tourplan
from tourplan import SearchParameters, TripRequest
from tourplan.hours import OpeningHours
from tourplan.model import Place, Village, Villages

SATURDAY = dt.date(2026, 12, 5)
FAST = SearchParameters(deterministic=True, iteration_limit=300)
SCRIPT = Path(sys.executable).parent / ("tourplan.exe" if os.name == "nt" else "tourplan")
HOTEL = Place("hotel", "Khách sạn", 21.03, 105.85)
HOURS = OpeningHours.parse("Mo-Su 07:00-18:00")
GREAT = Village(
    "great", "Làng cổ", "Old village", 21.05, 105.86, 180, HOURS, 80,
    themes=("heritage",), long_minutes=420,
)  # fmt: skip


def test_a_split_stay_fits_a_one_stop_day() -> None:
    request = TripRequest(start=HOTEL, dates=(SATURDAY,), max_stops_per_day=1)
    itinerary = tourplan.plan_trip(request, Villages([GREAT]), search=FAST)
    assert [s.village.id for s in itinerary.stops] == ["great", "great"]
    assert tourplan.check_itinerary(itinerary, request) == []


def test_the_checker_counts_a_split_stay_once_and_two_villages_twice() -> None:
    request = TripRequest(start=HOTEL, dates=(SATURDAY,), max_stops_per_day=1)
    itinerary = tourplan.plan_trip(request, Villages([GREAT]), search=FAST)
    (day,) = itinerary.days
    other = dataclasses.replace(GREAT, id="other")
    second = dataclasses.replace(day.stops[1], village=other)
    changed = dataclasses.replace(day, stops=(day.stops[0], second))
    problems = tourplan.check_itinerary(dataclasses.replace(itinerary, days=(changed,)), request)
    assert any("2 stops, more than the maximum 1" in p for p in problems), problems


def test_a_day_with_one_split_stay_is_not_called_full() -> None:
    if not SCRIPT.is_file():
        pytest.skip(f"the console script is not installed at {SCRIPT} (pip install -e .)")
    args = ["route", "--date", "2027-02-06", "--days", "3", "--max-stops", "2"]
    done = subprocess.run(
        [str(SCRIPT), *args, "--deterministic", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert done.returncode == 0, done.stderr
    days = done.stdout.split("\n\n")
    assert any("Duong Lam" in d and "Day: 1 stop ·" in d for d in days), done.stdout
    assert "every day already has the maximum" not in done.stdout
