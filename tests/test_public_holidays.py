"""Public holidays of Vietnam from the holidays package: Tết included, applied by default."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan import public_holidays
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


@settings(deadline=None)  # the first year outside the bundled table imports the package
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


def test_the_bundled_table_is_what_the_installed_package_says() -> None:
    # When this fails, the holidays package learnt of a new decision (or changed a date):
    # run data/build_public_holidays.py again.
    table = public_holidays._table()
    assert set(table) >= set(range(2024, 2033))
    for year, days in table.items():
        assert days == public_holidays._from_package(year), year


def test_other_years_come_from_the_package() -> None:
    assert 2040 not in public_holidays._table()
    assert dt.date(2040, 9, 2) in vietnam_public_holidays([dt.date(2040, 9, 2)])
    assert tet_days(2040) == public_holidays._from_package(2040)[1]


def test_a_trip_in_the_table_years_does_not_import_the_package() -> None:
    # the package loads its 250 countries on first use: 0.12 s of every `tourplan route`
    code = (
        "import datetime as dt, sys\n"
        "from tourplan.plan import TripRequest\n"
        "r = TripRequest.for_days('hoan-kiem-lake', dt.date(2027, 2, 6))\n"
        "print(dt.date(2027, 2, 6) in r.holidays, 'holidays' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False"]
