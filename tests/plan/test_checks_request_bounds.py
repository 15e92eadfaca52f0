"""Issue #19, item 2: every number and date a request can carry is bounded and finite, in the
library (TripRequest) and in request records (batch and HTTP), with the field named."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.exceptions import DataError
from tourplan.plan import TripRequest
from tourplan.plan.request import MAX_STOPS_PER_DAY, MAX_TRIP_DAYS
from tourplan.plan.request_record import (
    MAX_TIME_LIMIT,
    search_parameters_from_record,
    trip_request_from_record,
)

DAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"theme_bonus": math.inf}, "theme_bonus"),
        ({"theme_bonus": math.nan}, "theme_bonus"),
        ({"theme_bonus": 1e300}, "theme_bonus"),
        ({"max_stops_per_day": 2**70}, "max_stops_per_day"),
        ({"max_stops_per_day": MAX_STOPS_PER_DAY + 1}, "max_stops_per_day"),
        ({"start": "91,200"}, "start"),
        ({"end": "21.0,181"}, "end"),
        ({"start": (math.nan, 105.0)}, "start"),
    ],
)
def test_out_of_range_fields_are_refused_by_name(fields: dict[str, object], field: str) -> None:
    base: dict[str, object] = {"start": "hoan-kiem-lake", "dates": (DAY,)}
    with pytest.raises(DataError) as info:
        TripRequest(**(base | fields))  # type: ignore[arg-type]
    assert info.value.field == field


@pytest.mark.parametrize("days", [MAX_TRIP_DAYS + 1, 10_000, 10**18])
def test_too_many_days_are_refused_before_any_date_is_made(days: int) -> None:
    with pytest.raises(DataError) as info:
        TripRequest.for_days("hoan-kiem-lake", DAY, days)
    assert info.value.field == "days"


def test_a_trip_ending_past_the_last_date_is_refused_not_overflowing() -> None:
    with pytest.raises(DataError) as info:
        TripRequest.for_days("hoan-kiem-lake", "9999-12-31", 2)
    assert info.value.field == "dates"


def test_dates_spanning_more_than_the_limit_are_refused() -> None:
    far = DAY + dt.timedelta(days=MAX_TRIP_DAYS)
    with pytest.raises(DataError, match="at most 60 days"):
        TripRequest("hoan-kiem-lake", (DAY, far))
    assert len(TripRequest("hoan-kiem-lake", (DAY, far - dt.timedelta(days=1))).dates) == 2


def test_sixty_days_plan_requests_are_accepted() -> None:
    assert len(TripRequest.for_days("hoan-kiem-lake", DAY, MAX_TRIP_DAYS).dates) == 60


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"start": "old-quarter", "date": "2026-12-05", "days": 10_000}, "days"),
        ({"start": "old-quarter", "date": "9999-12-31", "days": 2}, "date"),
        ({"start": "old-quarter", "date": "2026-12-05", "max_stops": 2**70}, "max_stops"),
        ({"start": "old-quarter", "date": "2026-12-05", "theme_bonus": math.inf}, "theme_bonus"),
    ],
)
def test_request_records_are_bounded(record: dict[str, object], field: str) -> None:
    with pytest.raises(DataError) as info:
        trip_request_from_record(record)
    assert info.value.field == field


@pytest.mark.parametrize("limit", [math.inf, math.nan, 1e300, MAX_TIME_LIMIT + 1, 0, -1])
def test_record_time_limit_is_finite_and_bounded(limit: float) -> None:
    with pytest.raises(DataError) as info:
        search_parameters_from_record({"date": "2026-12-05", "time_limit": limit})
    assert info.value.field == "time_limit"


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(min_value=-(2**80), max_value=2**80),
    )
)
def test_any_theme_bonus_is_accepted_in_range_or_refused_by_name(value: float) -> None:
    try:
        request = TripRequest("hoan-kiem-lake", (DAY,), theme_bonus=value)
    except DataError as exc:
        assert exc.field == "theme_bonus"
    else:
        assert 1.0 <= request.theme_bonus <= 100.0
