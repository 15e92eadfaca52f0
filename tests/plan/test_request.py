"""TripRequest and Lunch: dates as values or ISO text, every bad field named."""

from __future__ import annotations

import datetime as dt

import pytest

from tourplan import DataError
from tourplan.plan import TripRequest


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
