"""What an outside review of the exports found (2026-12-02), each checked on every format.

- A village URL with ``&`` made the GPX file not XML (gpxpy writes attribute values as given):
  OsmAnd, Garmin and gpxpy refused the whole file.
- Lunch taken on arrival at a village was a "wait" of an hour in the .ics, GPX, KML, map popup
  and GeoJSON (``wait_minutes``), while the text said no wait (:meth:`Day.idle`).
- The end place's arrival in GeoJSON and GPX was the end of the day's schedule (after a lunch
  taken there once back), not when the traveller is back (:attr:`Day.back`), as the text says.
- A stay split by lunch gave two GeoJSON features with one ``id``.
- Calendar LOCATIONs and GeoJSON ``commune`` held the data's source notes, not a commune; a
  plan without stops was a calendar without components; a journey with a lunch on the way
  was one event overlapping the lunch.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json

import gpxpy
import icalendar
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import tourplan
from tourplan.export import (
    itinerary_to_geojson,
    itinerary_to_gpx,
    itinerary_to_ics,
    itinerary_to_kml,
)
from tourplan.plan import HANOI_TZ, Break, Day, Itinerary, Leg, Stop
from tourplan.text.page import visit_facts

from .conftest import BAT_TRANG, HOAN_KIEM, KIM_LAN, at, one_stop_itinerary
from .test_export_map import GPX_XSD

URLS = st.text(st.sampled_from("ab&\"'<>=;é"), min_size=1, max_size=30).map(
    lambda tail: "https://example.vn/p?" + tail
)


@settings(max_examples=30, deadline=None)
@given(url=URLS)
def test_any_url_gives_valid_gpx_and_reads_back(url: str) -> None:
    trip = one_stop_itinerary(name_vi="Làng")
    day = trip.days[0]
    stop = dataclasses.replace(
        day.stops[0], village=dataclasses.replace(day.stops[0].village, url=url)
    )
    trip = dataclasses.replace(trip, days=(dataclasses.replace(day, stops=(stop,)),))
    text = itinerary_to_gpx(trip, lang="vi")
    etree.XMLSchema(etree.parse(str(GPX_XSD))).assertValid(etree.fromstring(text.encode()))
    assert [w.link for w in gpxpy.parse(text).waypoints] == [url]


def _lunch_on_arrival() -> Itinerary:
    """Bát Tràng at 08:40-10:10; Kim Lan reached at 10:30, lunch there 11:00-12:00, visited
    12:00-13:00: 90 min between arrival and visit, of which 30 are free time."""
    stops = (
        Stop(BAT_TRANG, at(1, "08:40"), at(1, "08:40"), at(1, "10:10")),
        Stop(KIM_LAN, at(1, "10:30"), at(1, "12:00"), at(1, "13:00")),
    )
    legs = (
        Leg("hoan-kiem-lake", "bat-trang", at(1, "08:00"), at(1, "08:40"), "car", 14_000.0),
        Leg("bat-trang", "kim-lan", at(1, "10:10"), at(1, "10:30"), "car", 2_100.0),
        Leg("kim-lan", "hoan-kiem-lake", at(1, "13:00"), at(1, "13:40"), "car", 15_000.0),
    )
    lunch = (Break("lunch", at(1, "11:00"), at(1, "12:00"), "kim-lan"),)
    day = Day(
        dt.date(2026, 3, 2),
        HOAN_KIEM,
        HOAN_KIEM,
        at(1, "08:00"),
        at(1, "13:40"),
        stops,
        legs,
        lunch,
    )
    return Itinerary(days=(day,))


def test_lunch_on_arrival_is_no_wait_in_any_export() -> None:
    trip = _lunch_on_arrival()
    day = trip.days[0]
    kim_lan = day.stops[1]
    assert kim_lan.wait == dt.timedelta(minutes=90) and day.idle(kim_lan) == dt.timedelta(
        minutes=30
    )
    geo = itinerary_to_geojson(trip, lang="en")
    waits = {
        f["properties"]["village_id"]: f["properties"]["wait_minutes"]
        for f in geo["features"]
        if f["properties"]["kind"] == "stop"
    }
    assert waits == {"bat-trang": 0, "kim-lan": 30}
    facts = dict(visit_facts(day, (kim_lan,), "en"))
    assert facts["Wait"] == "30 min", facts
    ics = itinerary_to_ics(trip, lang="en").decode().replace("\r\n ", "")  # unfolded
    assert "(arrive 10:30\\, wait 30 min)" in ics and "wait 1 h 30" not in ics, ics
    for text in (itinerary_to_gpx(trip, lang="en"), itinerary_to_kml(trip, lang="en")):
        assert "Wait: 30 min" in text and "Wait: 1 h 30" not in text, text


def test_the_end_place_is_reached_when_the_traveller_is_back() -> None:
    # a morning trip back at 10:40, lunch at the hotel 11:00-12:00: the day ends at 12:00
    trip = one_stop_itinerary(name_vi="Làng")
    day = trip.days[0]
    lunch = Break("lunch", at(1, "11:00"), at(1, "12:00"), "hoan-kiem-lake")
    day = dataclasses.replace(day, arrival=at(1, "12:00"), breaks=(lunch,))
    trip = dataclasses.replace(trip, days=(day,))
    assert day.back == at(1, "10:30") < day.arrival
    geo = itinerary_to_geojson(trip)
    (end,) = [f for f in geo["features"] if f["properties"]["kind"] == "end"]
    assert end["properties"]["arrival"] == day.back.isoformat()
    route = gpxpy.parse(itinerary_to_gpx(trip)).routes[0]
    assert route.points[-1].time == day.back


def test_a_stay_split_by_lunch_has_two_features_with_their_own_ids() -> None:
    first = Stop(BAT_TRANG, at(1, "08:40"), at(1, "08:40"), at(1, "11:00"))
    second = Stop(BAT_TRANG, at(1, "12:00"), at(1, "12:00"), at(1, "14:00"))
    legs = (
        Leg("hoan-kiem-lake", "bat-trang", at(1, "08:00"), at(1, "08:40"), "car", 14_000.0),
        Leg("bat-trang", "bat-trang", at(1, "12:00"), at(1, "12:00"), "car", 0.0),
        Leg("bat-trang", "hoan-kiem-lake", at(1, "14:00"), at(1, "14:40"), "car", 14_000.0),
    )
    lunch = (Break("lunch", at(1, "11:00"), at(1, "12:00"), "bat-trang"),)
    day = Day(
        dt.date(2026, 3, 2),
        HOAN_KIEM,
        HOAN_KIEM,
        at(1, "08:00"),
        at(1, "14:40"),
        (first, second),
        legs,
        lunch,
    )
    geo = itinerary_to_geojson(Itinerary(days=(day,)))
    ids = [f["id"] for f in geo["features"]]
    assert len(ids) == len(set(ids)), ids
    assert "2026-03-02/stop/bat-trang" in ids and "2026-03-02/stop/bat-trang/2" in ids
    json.dumps(geo)


def test_calendar_locations_name_the_commune_not_its_sources() -> None:
    # bundled commune_2025 values carry clause references and notes ("Xã Bát Tràng (core;
    # ...) [NQ1656 cl.39]", "Split: ..."): a map search on them fails
    for village in tourplan.load_hanoi():
        assert not any(c in village.commune for c in "[]();"), village.commune_2025
        if village.commune_2025.lower().startswith("split"):
            assert village.commune == ""
    bat_trang = tourplan.load_hanoi().get("bat-trang")
    assert bat_trang.commune == "Xã Bát Tràng"
    trip = one_stop_itinerary(name_vi="Làng")
    day = trip.days[0]
    noted = dataclasses.replace(day.stops[0].village, commune_2025="Xã A (part) [NQ1656 cl.1]")
    stop = dataclasses.replace(day.stops[0], village=noted)
    trip = dataclasses.replace(trip, days=(dataclasses.replace(day, stops=(stop,)),))
    calendar = icalendar.Calendar.from_ical(itinerary_to_ics(trip))
    (visit,) = [e for e in calendar.walk("VEVENT") if "visit" in str(e["UID"])]
    assert str(visit["LOCATION"]) == "Làng, Xã A"
    (feature,) = [
        f for f in itinerary_to_geojson(trip)["features"] if f["properties"]["kind"] == "stop"
    ]
    assert feature["properties"]["commune"] == "Xã A"


def test_a_plan_without_stops_is_still_a_valid_calendar() -> None:
    # RFC 5545 section 3.4: at least one component; every empty plan had one calendar UID
    def empty(date: dt.date) -> Itinerary:
        start = dt.datetime.combine(date, dt.time(16, 30), tzinfo=HANOI_TZ)
        return Itinerary(days=(Day(date, HOAN_KIEM, HOAN_KIEM, start, start),))

    uids = set()
    for date in (dt.date(2026, 12, 5), dt.date(2026, 12, 12)):
        text = itinerary_to_ics(empty(date))
        calendar = icalendar.Calendar.from_ical(text)
        assert calendar.subcomponents and not calendar.walk("VEVENT")
        assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE"]
        vobject.readOne(text.decode())  # a second reader agrees
        uids.add(str(calendar["UID"]))
    assert len(uids) == 2


@settings(max_examples=25, deadline=None)
@given(at_minute=st.integers(0, 60), length=st.integers(15, 90))
def test_a_lunch_on_the_way_splits_the_journey_event(at_minute: int, length: int) -> None:
    # Regression: a 12:18-14:06 journey with a lunch 12:30-13:15 on the way was one event
    # overlapping the lunch event in every calendar
    depart = at(1, "12:00")
    lunch_start = depart + dt.timedelta(minutes=at_minute)
    lunch = Break("lunch", lunch_start, lunch_start + dt.timedelta(minutes=length), "kim-lan", True)
    arrive = depart + dt.timedelta(minutes=max(60, at_minute + length))
    stop = Stop(KIM_LAN, arrive, arrive, arrive + dt.timedelta(hours=1))
    back = stop.end + dt.timedelta(minutes=40)
    legs = (
        Leg("hoan-kiem-lake", "kim-lan", depart, arrive, "car", 15_000.0),
        Leg("kim-lan", "hoan-kiem-lake", stop.end, back, "car", 15_000.0),
    )
    day = Day(dt.date(2026, 3, 2), HOAN_KIEM, HOAN_KIEM, depart, back, (stop,), legs, (lunch,))
    calendar = icalendar.Calendar.from_ical(
        itinerary_to_ics(Itinerary(days=(day,)), include_legs=True)
    )
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.start)
    for a, b in itertools.pairwise(events):
        assert a.end <= b.start, (a["SUMMARY"], a.end, b["SUMMARY"], b.start)
    journey = [e for e in events if "-leg" in str(e["UID"]) and "kim-lan-leg" in str(e["UID"])]
    assert sum((e.end - e.start for e in journey), dt.timedelta()) == arrive - depart - (
        lunch.end - lunch.start
    )
    assert len({str(e["UID"]) for e in events}) == len(events)
