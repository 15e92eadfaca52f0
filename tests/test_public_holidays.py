"""Public holidays of Vietnam from the holidays package: Tết included, applied by default."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tourplan.plan import TripRequest
from tourplan.public_holidays import is_tet, tet_days, vietnam_public_holidays

TET_2027 = dt.date(2027, 2, 6)  # 1st day of the year of the Goat


def test_tet_2027_is_a_public_holiday() -> None:
    assert TET_2027 in tet_days(2027)
    assert is_tet(TET_2027)
    assert vietnam_public_holidays([TET_2027]) == {TET_2027}
    # the public-holiday days of Tết 2027 run from the 29th of the last month to the 5th
    assert min(tet_days(2027)) == dt.date(2027, 2, 4)
    assert max(tet_days(2027)) == dt.date(2027, 2, 10)


def test_national_day_is_a_holiday_but_not_tet() -> None:
    national_day = dt.date(2027, 9, 2)
    assert vietnam_public_holidays([national_day]) == {national_day}
    assert not is_tet(national_day)


def test_an_ordinary_saturday_is_no_holiday() -> None:
    assert vietnam_public_holidays([dt.date(2026, 12, 5)]) == frozenset()


def test_trips_across_new_year_use_both_years() -> None:
    dates = [dt.date(2026, 12, 31), dt.date(2027, 1, 1)]
    assert vietnam_public_holidays(dates) == {dt.date(2027, 1, 1)}


@given(st.lists(st.dates(dt.date(2000, 1, 1), dt.date(2060, 12, 31)), max_size=20))
def test_holidays_are_a_subset_of_the_dates_asked(dates: list[dt.date]) -> None:
    found = vietnam_public_holidays(dates)
    assert found <= set(dates)
    assert all(not is_tet(d) or d in found for d in dates)


def test_a_request_applies_public_holidays_by_default() -> None:
    request = TripRequest.for_days("hoan-kiem-lake", TET_2027)
    assert TET_2027 in request.holidays
    extra = dt.date(2027, 2, 12)  # a village festival the traveller knows of (--holiday)
    request = TripRequest.for_days("hoan-kiem-lake", extra, holidays={extra})
    assert request.holidays == {extra}
    without = TripRequest.for_days("hoan-kiem-lake", TET_2027, public_holidays=False)
    assert without.holidays == frozenset()
