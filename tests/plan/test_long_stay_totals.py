"""A long stay split by lunch is one visit: in every total (stops, interest, villages), one
stop time, one number on the map, the KML and the GPX.

Regressions: ``tourplan route --date 2027-02-07`` planned Đường Lâm before and after lunch
and the day said "2 stops · interest 172" for one village of interest 86; the part after
lunch paid the 15 min "to park and walk in" again ("2 h 15 min + 15 min") and was numbered as
a second stop on the map page, in KML and in GPX.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import xml.etree.ElementTree as ET

import tourplan
from tourplan import SearchParameters, TripRequest
from tourplan.export.gpx import itinerary_to_gpx
from tourplan.export.html import itinerary_to_html
from tourplan.export.ical import itinerary_to_ics
from tourplan.export.kml import itinerary_to_kml
from tourplan.hours import OpeningHours
from tourplan.model import Place, Village, Villages
from tourplan.text import format_itinerary
from tourplan.text.page import day_totals, schedule_rows, trip_totals

SATURDAY = dt.date(2026, 12, 5)
FAST = SearchParameters(deterministic=True, iteration_limit=300)
HOTEL = Place("hotel", "Khách sạn", 21.03, 105.85)
HOURS = OpeningHours.parse("Mo-Su 07:00-18:00")
GREAT = Village(
    "great", "Làng cổ", "Old village", 21.05, 105.86, 180, HOURS, 80,
    themes=("heritage",), long_minutes=420,
)  # fmt: skip
REQUEST = TripRequest(start=HOTEL, dates=(SATURDAY,))


def _split_stay_plan() -> tourplan.Itinerary:
    itinerary = tourplan.plan_trip(REQUEST, Villages([GREAT]), search=FAST)
    assert tourplan.check_itinerary(itinerary, REQUEST) == []
    assert [s.village.id for s in itinerary.stops] == ["great", "great"]  # the premise
    return itinerary


def test_a_split_stay_counts_its_interest_once() -> None:
    itinerary = _split_stay_plan()
    assert itinerary.days[0].interest == GREAT.interest
    assert itinerary.interest == GREAT.interest
    assert itinerary.village_ids == ("great",)
    assert [s.village.id for s in itinerary.days[0].visits] == ["great"]


def test_a_split_stay_is_one_stop_in_the_words() -> None:
    itinerary = _split_stay_plan()
    day, trip = day_totals(itinerary.days[0], "en"), trip_totals(itinerary, "en")
    for line in (day, trip):
        assert line.split(" · ")[:2] == ["1 stop", "interest 80"] or (
            line.split(": ", 1)[1].split(" · ")[:2] == ["1 stop", "interest 80"]
        ), line
    text = format_itinerary(itinerary, lang="en")
    assert "1 stop · interest 80" in text and "2 stops" not in text


def test_a_split_stay_has_no_journey_in_the_words() -> None:
    """Regression: between lunch and the rest of the stay the schedule said
    "→ 0 min by car, 0.0 km" (and the .ics "Next: 0 min by car to" the same village)."""
    itinerary = _split_stay_plan()
    text = format_itinerary(itinerary, lang="en")
    assert "→ 0 min" not in text, text
    rows = schedule_rows(itinerary.days[0], "en")
    assert [r.kind for r in rows].count("leg") == 2  # there and back
    calendar = itinerary_to_ics(itinerary, lang="en", include_legs=True).decode()
    assert " 0 min by car" not in calendar.replace("\r\n ", "")


def test_the_part_after_lunch_pays_no_stop_time() -> None:
    first, second = _split_stay_plan().days[0].stops
    stop = REQUEST.value.stop_minutes
    assert (first.stop_minutes, second.stop_minutes) == (stop, 0)
    # the two parts together: the long visit's minutes, and the stop time once
    visiting = (first.duration + second.duration).total_seconds() / 60
    assert visiting % 15 == stop % 15 and visiting > stop
    text = format_itinerary(_split_stay_plan(), lang="en")
    assert re.search(r"the stay goes on after lunch, [\dh min]+: one visit in two parts", text)


def test_a_split_stay_is_one_numbered_visit_in_every_export() -> None:
    itinerary = _split_stay_plan()
    rows = [r for r in schedule_rows(itinerary.days[0], "en") if r.kind == "stop"]
    assert [r.order for r in rows] == [1, 1]
    kml = ET.fromstring(itinerary_to_kml(itinerary, lang="en").encode())
    names = [e.text or "" for e in kml.iter("{http://www.opengis.net/kml/2.2}name")]
    assert [n for n in names if n.endswith("Old village")] == ["1. Old village"]
    gpx = itinerary_to_gpx(itinerary, lang="en")
    assert gpx.count("<name>1.1 Old village</name>") == 2  # its waypoint and route point
    assert "1.2 Old village" not in gpx
    spans = [f"{s.start:%H:%M}–{s.end:%H:%M}" for s in itinerary.stops]
    assert ", ".join(spans) in gpx  # both parts' times on the one waypoint
    page = itinerary_to_html(itinerary, lang="en")
    assert "2. Old village" not in page and "1. Old village" in page


def test_the_first_part_is_planned_before_lunch_and_pays_the_stop_time() -> None:
    """The core may plan the second part (no stop time) before lunch: it is swapped back
    (``tourplan route --date 2027-02-06 --days 3 --max-stops 2``: Đường Lâm on Sunday)."""
    request = TripRequest.for_days("hoan-kiem-lake", dt.date(2027, 2, 6), 3, max_stops_per_day=2)
    itinerary = tourplan.plan_trip(request, search=SearchParameters(deterministic=True))
    assert tourplan.check_itinerary(itinerary, request) == []
    split = [p for d in itinerary.days for p in d.visit_parts if len(p) == 2]
    assert split, "the premise: a long stay split by lunch"
    for first, second in split:
        assert (first.stop_minutes, second.stop_minutes) == (request.value.stop_minutes, 0)


def test_the_checker_refuses_a_stop_time_paid_twice() -> None:
    itinerary = _split_stay_plan()
    (day,) = itinerary.days
    first, second = day.stops
    twice = dataclasses.replace(second, stop_minutes=first.stop_minutes)
    changed = dataclasses.replace(itinerary, days=(dataclasses.replace(day, stops=(first, twice)),))
    problems = tourplan.check_itinerary(changed, REQUEST)
    assert any("pays 30 min of stop time, not 15" in p for p in problems), problems
