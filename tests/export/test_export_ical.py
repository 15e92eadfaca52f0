"""The .ics export, read back with icalendar and with vobject (an independent parser)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import icalendar
import pytest
import vobject

from tourplan.exceptions import DataError
from tourplan.export import event_uid, itinerary_to_ics, write_ics
from tourplan.plan import HANOI_TZ, Itinerary
from tourplan.text import place_name


@dataclass(frozen=True)
class Seen:
    """One event as a parser understood it."""

    uid: str
    summary: str
    description: str
    location: str
    start_utc: dt.datetime
    end_utc: dt.datetime
    geo: tuple[float, float] | None
    url: str | None


def _utc(value: Any) -> dt.datetime:
    assert isinstance(value, dt.datetime) and value.tzinfo is not None, value
    return value.astimezone(dt.UTC)


def read_with_icalendar(data: bytes) -> dict[str, Seen]:
    calendar = icalendar.Calendar.from_ical(data)
    events = {}
    for event in calendar.events:
        geo = event.get("GEO")
        events[str(event["UID"])] = Seen(
            uid=str(event["UID"]),
            summary=str(event["SUMMARY"]),
            description=str(event.get("DESCRIPTION", "")),
            location=str(event.get("LOCATION", "")),
            start_utc=_utc(event.start),
            end_utc=_utc(event.end),
            geo=None if geo is None else (geo.latitude, geo.longitude),
            url=None if event.get("URL") is None else str(event["URL"]),
        )
    return events


def read_with_vobject(data: bytes) -> dict[str, Seen]:
    calendar = vobject.readOne(data.decode("utf-8"))
    events = {}
    for event in calendar.vevent_list:
        contents = event.contents
        geo = None
        if "geo" in contents:
            lat, lon = event.geo.value.split(";")
            geo = (float(lat), float(lon))
        events[event.uid.value] = Seen(
            uid=event.uid.value,
            summary=event.summary.value,
            description=event.description.value if "description" in contents else "",
            location=event.location.value if "location" in contents else "",
            start_utc=_utc(event.dtstart.value),
            end_utc=_utc(event.dtend.value),
            geo=geo,
            url=event.url.value if "url" in contents else None,
        )
    return events


def test_both_parsers_read_the_same_events(itinerary: Itinerary, dtstamp: dt.datetime) -> None:
    data = itinerary_to_ics(itinerary, include_legs=True, dtstamp=dtstamp)
    by_icalendar = read_with_icalendar(data)
    by_vobject = read_with_vobject(data)
    assert len(by_icalendar) == 4 + 2 + 6  # visits, lunches, legs
    assert by_icalendar == by_vobject


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_visits_match_the_stops(itinerary: Itinerary, lang: str) -> None:
    events = read_with_icalendar(itinerary_to_ics(itinerary, lang=lang))
    for day in itinerary.days:
        for stop in day.stops:
            seen = events[f"tourplan-{day.date:%Y%m%d}-{stop.village.id}-visit@tourplan"]
            assert seen.summary == place_name(stop.village, lang)  # type: ignore[arg-type]
            assert seen.start_utc == stop.start.astimezone(dt.UTC)
            assert seen.end_utc == stop.end.astimezone(dt.UTC)
            assert seen.geo == (stop.village.lat, stop.village.lon)  # lat;lon order
            assert seen.url == (stop.village.url or None)
            assert seen.location.startswith(stop.village.name_vi)


def test_times_are_local_with_tzid_and_a_vtimezone(itinerary: Itinerary) -> None:
    data = itinerary_to_ics(itinerary, include_legs=True)
    text = data.decode()
    assert "BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n" in text
    assert "TZOFFSETTO:+0700" in text
    starts = [line for line in text.split("\r\n") if line.startswith(("DTSTART", "DTEND"))]
    event_starts = [line for line in starts if "TZID" in line]
    assert len(event_starts) == 2 * 12
    # Bát Tràng: 08:40 in Hanoi is 01:40 UTC, written as local time, not 7 hours off
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20260302T084000" in text
    events = read_with_icalendar(data)
    bat_trang = events["tourplan-20260302-bat-trang-visit@tourplan"]
    assert bat_trang.start_utc == dt.datetime(2026, 3, 2, 1, 40, tzinfo=dt.UTC)
    parsed = icalendar.Calendar.from_ical(data)
    for event in parsed.events:
        assert str(event.start.tzinfo) == "Asia/Ho_Chi_Minh"


def test_calendar_header_and_line_format(itinerary: Itinerary) -> None:
    data = itinerary_to_ics(itinerary)
    lines = data.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR"
    assert b"VERSION:2.0" in lines
    assert any(line.startswith(b"PRODID:-//tourplan//tourplan ") for line in lines)
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets (RFC 5545 3.1)
    data.decode("utf-8")  # folding never splits a multi-byte character


def test_uids_are_stable_and_dtstamp_is_not_in_them(itinerary: Itinerary) -> None:
    first = itinerary_to_ics(itinerary, dtstamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    second = itinerary_to_ics(itinerary, dtstamp=dt.datetime(2026, 2, 2, 9, tzinfo=HANOI_TZ))
    assert first != second
    assert list(read_with_icalendar(first)) == list(read_with_icalendar(second))
    calendars = [icalendar.Calendar.from_ical(d) for d in (first, second)]
    assert calendars[0]["UID"] == calendars[1]["UID"]


def test_same_dtstamp_gives_identical_bytes(itinerary: Itinerary, dtstamp: dt.datetime) -> None:
    assert itinerary_to_ics(itinerary, dtstamp=dtstamp) == itinerary_to_ics(
        itinerary, dtstamp=dtstamp
    )


def test_dtstamp_is_utc_and_defaults_to_now(itinerary: Itinerary) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = icalendar.Calendar.from_ical(itinerary_to_ics(itinerary))
    after = dt.datetime.now(dt.UTC)
    for event in calendar.events:
        stamp = event["DTSTAMP"].dt
        assert stamp.utcoffset() == dt.timedelta(0)
        assert before <= stamp <= after
    text = itinerary_to_ics(itinerary, dtstamp=dt.datetime(2026, 2, 2, 9, tzinfo=HANOI_TZ))
    assert b"DTSTAMP:20260202T020000Z" in text


def test_naive_dtstamp_is_refused(itinerary: Itinerary) -> None:
    with pytest.raises(DataError, match="dtstamp"):
        itinerary_to_ics(itinerary, dtstamp=dt.datetime(2026, 2, 2, 9))


def test_unknown_language_is_refused(itinerary: Itinerary) -> None:
    with pytest.raises(DataError, match="lang"):
        itinerary_to_ics(itinerary, lang="fr")


@pytest.mark.parametrize(
    ("include_legs", "include_breaks", "count"),
    [
        (False, True, 6),  # the default: visits and lunches
        (False, False, 4),  # visits only
        (True, True, 12),
        (True, False, 10),
    ],
)
def test_which_events(
    itinerary: Itinerary, include_legs: bool, include_breaks: bool, count: int
) -> None:
    data = itinerary_to_ics(itinerary, include_legs=include_legs, include_breaks=include_breaks)
    uids = list(read_with_icalendar(data))
    assert len(uids) == len(set(uids)) == count
    assert sum(uid.endswith("-visit@tourplan") for uid in uids) == 4
    assert all(
        uid.endswith(("-visit@tourplan", "-leg@tourplan", "-break@tourplan")) for uid in uids
    )


def test_description_in_english(itinerary: Itinerary) -> None:
    events = read_with_icalendar(itinerary_to_ics(itinerary, include_legs=True, lang="en"))
    bat_trang = events["tourplan-20260302-bat-trang-visit@tourplan"].description
    assert bat_trang.split("\n") == [
        "Craft: Ceramics; blue-glaze porcelain",
        "Themes: ceramics, heritage",
        "Visit 08:40–10:10 (arrive 08:40)",
        "Next: 15 min by car to Làng gốm Kim Lan, 2.1 km",
        "Opening hours: daily 07:30–17:30",
        "Hours note: Market busiest 08:00–11:00; closed 1st–3rd of Tết",
        "Workshops: ask first, \\ no flash",
        "https://example.vn/bat-trang?tab=1,2;x=y",
    ]
    kim_lan = events["tourplan-20260302-kim-lan-visit@tourplan"].description
    assert "Visit 13:30–14:15 (arrive 13:20, wait 10 min)" in kim_lan
    # the last leg of the day has no known distance, and ends the day
    assert "Next: 40 min by car to Hoàn Kiếm Lake (end of day)\n" in kim_lan
    chuong = events["tourplan-20260303-chuong-visit@tourplan"].description
    assert "Next: 1 h 30 min by car to Nội Bài Airport (end of day), 52.0 km" in chuong
    lunch = events["tourplan-20260302-lunch-at-bat-trang-break@tourplan"]
    assert lunch.summary == "Lunch"
    assert lunch.location == "Làng gốm Bát Tràng, Xã Bát Tràng"
    leg = events["tourplan-20260302-hoan-kiem-lake-to-bat-trang-leg@tourplan"]
    assert leg.summary == "Travel to Bát Tràng pottery village; ceramics, glazes"
    assert leg.description.endswith("40 min by car, 14.2 km")


def test_description_in_vietnamese(itinerary: Itinerary) -> None:
    events = read_with_icalendar(itinerary_to_ics(itinerary))
    kim_lan = events["tourplan-20260302-kim-lan-visit@tourplan"]
    assert kim_lan.summary == "Làng gốm Kim Lan"
    assert "Tham quan 13:30–14:15 (đến 13:20, chờ 10 phút)" in kim_lan.description
    van_phuc = events["tourplan-20260303-van-phuc-visit@tourplan"]
    assert "Nghề: Dệt lụa" in van_phuc.description
    assert "Tiếp theo: 30 phút bằng ô tô đến Làng nón Chuông, 16,8 km" in van_phuc.description
    assert van_phuc.location == "Làng lụa Vạn Phúc, Hà Đông"  # no commune: the old district
    assert events["tourplan-20260303-lunch-at-chuong-break@tourplan"].summary == "Ăn trưa"


def test_repeated_uids_get_a_suffix(itinerary: Itinerary) -> None:
    day = itinerary.days[0]
    # two lunches at one place on one day would share a UID
    twice = replace(day, breaks=(*day.breaks, replace(day.breaks[0], name="Lunch")))
    data = itinerary_to_ics(replace(itinerary, days=(twice,)))
    uids = list(read_with_icalendar(data))
    assert "tourplan-20260302-lunch-at-bat-trang-break@tourplan" in uids
    assert "tourplan-20260302-lunch-at-bat-trang-break-2@tourplan" in uids


def test_an_empty_itinerary_is_a_valid_calendar() -> None:
    data = itinerary_to_ics(Itinerary(days=()))
    assert icalendar.Calendar.from_ical(data).events == []
    assert vobject.readOne(data.decode()).name == "VCALENDAR"


def test_event_uid_slugs_free_text() -> None:
    assert event_uid(dt.date(2026, 3, 2), "break", "Nghỉ; trưa, \n 🙂", "x") == (
        "tourplan-20260302-nghi-trua-at-x-break@tourplan"
    )
    assert event_uid(dt.date(2026, 3, 2), "break", "🙂", "x").startswith("tourplan-20260302-")


def test_write_ics(itinerary: Itinerary, dtstamp: dt.datetime, tmp_path: Any) -> None:
    path = write_ics(itinerary, tmp_path / "trip.ics", dtstamp=dtstamp, include_legs=True)
    assert path.read_bytes() == itinerary_to_ics(itinerary, dtstamp=dtstamp, include_legs=True)
