"""TripRequest and Lunch: dates as values or ISO text, every bad field named."""

from __future__ import annotations

import datetime as dt

import pytest

from tourplan import DataError
from tourplan.plan import Lunch, TripRequest


def test_for_days_accepts_an_iso_date_string() -> None:
    # Regression: this raised a raw TypeError (str + timedelta).
    request = TripRequest.for_days("hoan-kiem-lake", "2026-12-05", days=2)
    assert request.dates == (dt.date(2026, 12, 5), dt.date(2026, 12, 6))


def test_dates_accept_iso_strings_like_for_days() -> None:
    as_text = TripRequest(start="hoan-kiem-lake", dates=("2026-12-06", "2026-12-05"))
    single = TripRequest(start="hoan-kiem-lake", dates="2026-12-05")  # type: ignore[arg-type]
    assert as_text.dates == (dt.date(2026, 12, 5), dt.date(2026, 12, 6))
    assert single.dates == (dt.date(2026, 12, 5),)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: TripRequest.for_days("x", "5/12/2026"), "first_date"),  # not ISO 8601
        (lambda: TripRequest.for_days("x", 20261205), "first_date"),  # type: ignore[arg-type]
        (lambda: TripRequest.for_days("x", dt.datetime(2026, 12, 5)), "first_date"),
        (lambda: TripRequest(start="x", dates=("2026-13-01",)), "dates"),
        (lambda: TripRequest(start="x", dates=(dt.datetime(2026, 12, 5),)), "dates"),
        (lambda: TripRequest(start="x", dates=12), "dates"),  # type: ignore[arg-type]
    ],
)
def test_a_bad_date_is_a_data_error_naming_the_field(call: object, field: str) -> None:
    with pytest.raises(DataError) as info:
        call()  # type: ignore[operator]
    assert info.value.field == field
    assert "2026-12-05" in str(info.value) or "date" in str(info.value)


@pytest.mark.parametrize(
    "lunch",
    [
        "08:00-09:00/570",  # starts with the day and lasts all of it
        "07:00-13:00/600",  # longer than the day: its window opens before the day does
        "11:00-13:00/570",
    ],
)
def test_a_lunch_as_long_as_the_day_is_refused_naming_lunch(lunch: str) -> None:
    # found on 2026-12-02 by review: a lunch filling the day 08:00-17:30 (or, starting before
    # the day, longer than it) was accepted and planned an empty day, exit 0
    with pytest.raises(DataError) as info:
        TripRequest("hoan-kiem-lake", (dt.date(2026, 12, 5),), lunch=Lunch.parse(lunch))
    assert info.value.field == "lunch"
    assert "leaves no time for a visit in the day 08:00-17:30 (570 min)" in str(info.value)


@pytest.mark.parametrize(
    ("day_start", "day_end", "lunch"),
    [
        ("08:00", "17:30", "11:00-13:00/60"),  # the default
        ("08:00", "17:30", "07:00-13:00/569"),  # a minute is left after it
        ("12:30", "14:00", "11:00-13:00/60"),  # its window opens before the day does
    ],
)
def test_a_lunch_that_leaves_time_is_kept(day_start: str, day_end: str, lunch: str) -> None:
    kept = Lunch.parse(lunch)
    request = TripRequest(
        "hoan-kiem-lake", (dt.date(2026, 12, 5),), day_start=day_start, day_end=day_end, lunch=kept
    )
    assert request.lunch == kept


@pytest.mark.parametrize(
    ("day_start", "lunch_kept"), [("12:59", True), ("13:00", False), ("14:00", False)]
)
def test_a_day_starting_as_the_lunch_window_closes_has_no_default_lunch(
    day_start: str, lunch_kept: bool
) -> None:
    # The guide's review (R38): --day-start 13:00 planned lunch 13:00-14:00 at the hotel, the
    # day's first hour, before setting off. A traveller starting then has eaten.
    request = TripRequest("hoan-kiem-lake", (dt.date(2026, 12, 5),), day_start=day_start)
    assert (request.lunch is not None) is lunch_kept
    explicit = TripRequest(
        "hoan-kiem-lake",
        (dt.date(2026, 12, 5),),
        day_start=day_start,
        lunch=Lunch.parse("11:00-15:00/60"),
    )
    assert explicit.lunch is not None  # an explicit lunch is kept


def test_the_default_lunch_is_dropped_when_it_would_fill_the_day() -> None:
    request = TripRequest(
        "hoan-kiem-lake", (dt.date(2026, 12, 5),), day_start="12:30", day_end="13:30"
    )
    assert request.lunch is None
