"""A day that ends somewhere else still takes the traveller there.

Found on 2026-12-01: with ``--end noi-bai-airport`` and no village fitting the day, the plan
said "arrive at Nội Bài 09:00" after leaving the station at 09:00, with no journey; and a day
too short for even the direct journey was answered with that plan instead of refused.
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

SATURDAY = dt.date(2026, 12, 5)
FAST = SearchParameters(deterministic=True, iteration_limit=300)
SCRIPT = Path(sys.executable).parent / ("tourplan.exe" if os.name == "nt" else "tourplan")


def _request(day_end: str, mode: str = "car") -> TripRequest:
    return TripRequest.for_days(
        "hanoi-railway-station",
        SATURDAY,
        end="noi-bai-airport",
        day_start="09:00",
        day_end=day_end,
        mode=mode,
    )


def test_a_day_without_stops_still_goes_to_its_end() -> None:
    request = _request("10:10")  # the drive alone takes about an hour: no village fits
    itinerary = tourplan.plan_trip(request, search=FAST)
    (day,) = itinerary.days
    assert day.stops == ()
    (leg,) = day.legs
    assert (leg.origin, leg.destination) == ("hanoi-railway-station", "noi-bai-airport")
    assert leg.depart == day.departure and leg.arrive == day.arrival
    assert dt.timedelta(minutes=30) < leg.arrive - leg.depart < dt.timedelta(minutes=70)
    assert tourplan.check_itinerary(itinerary, request) == []


def test_a_day_too_short_for_any_visit_is_still_a_transfer_day() -> None:
    # 30 minutes from the station to the Old Quarter: no visit fits, the journey does
    request = TripRequest.for_days(
        "hanoi-railway-station", SATURDAY, end="old-quarter", day_start="09:00", day_end="09:30"
    )
    itinerary = tourplan.plan_trip(request, search=FAST)
    (day,) = itinerary.days
    assert day.stops == () and len(day.legs) == 1
    assert tourplan.check_itinerary(itinerary, request) == []


def test_the_checker_refuses_a_day_that_ends_elsewhere_without_a_journey() -> None:
    request = _request("10:10")
    itinerary = tourplan.plan_trip(request, search=FAST)
    day = itinerary.days[0]
    teleported = dataclasses.replace(day, legs=(), arrival=day.departure)
    bad = dataclasses.replace(itinerary, days=(teleported,))
    problems = tourplan.check_itinerary(bad, request)
    assert any("needs one journey, found 0" in p for p in problems), problems


@pytest.mark.parametrize(("day_end", "mode"), [("10:00", "car"), ("12:00", "walk")])
def test_a_day_shorter_than_the_journey_is_refused_naming_the_end(day_end: str, mode: str) -> None:
    with pytest.raises(tourplan.DataError, match="longer than the day window") as caught:
        tourplan.plan_trip(_request(day_end, mode), search=FAST)
    assert caught.value.field == "end"
    assert "Nội Bài" in str(caught.value)


def test_the_console_script_refuses_it_in_one_line() -> None:
    if not SCRIPT.is_file():
        pytest.skip(f"the console script is not installed at {SCRIPT} (pip install -e .)")
    args = ["route", "--date", "2026-12-05", "--start", "hanoi-railway-station"]
    args += ["--end", "noi-bai-airport", "--mode", "walk", "--day-start", "09:00"]
    args += ["--day-end", "12:00", "--deterministic"]
    done = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), done.stderr
    assert "--end" in lines[0] and "(mode walk)" in lines[0]
    assert done.stdout == ""
