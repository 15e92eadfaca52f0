"""Three dates as the data says: a December Saturday, the 1st day of Tết 2027, a summer Saturday.

The table "Three dates" in ``data/README.md`` is checked here against the bundled data, so the
documentation cannot drift from what plans do: seasons value a visit less out of its months
(and the plan says why), Vietnam's public holidays come from the ``holidays`` package, and
on Tết a place closes only where its hours say ``PH off`` (no bundled place does: no source
found says one closes; the places a source says are open at Tết carry a ``PH`` rule).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import holidays as holidays_package
import pytest

import tourplan
from tourplan import Village, plan_trip
from tourplan.model import in_season
from tourplan.plan import TripRequest, ValueModel, check_itinerary
from tourplan.plan.value import visit_factor
from tourplan.public_holidays import is_tet, vietnam_public_holidays
from tourplan.routing import SearchParameters
from tourplan.text import format_itinerary

FAST = SearchParameters(deterministic=True, iteration_limit=200)
DECEMBER = dt.date(2026, 12, 5)  # a Saturday before Tết
TET = dt.date(2027, 2, 6)  # a Saturday, the 1st day of the lunar year 2027
SUMMER = dt.date(2027, 6, 5)  # a Saturday in the lotus season
DATES = (DECEMBER, TET, SUMMER)
README = Path(__file__).resolve().parents[2] / "data" / "README.md"

LOTUS_TEA = "quang-an-tra-sen"
BEFORE_TET = ("nhat-tan", "tu-lien-quat")  # peach and kumquat, in season December-February
OPEN_AT_TET = ("chua-thay", "chua-mia", "chua-khai-nguyen", "van-mieu", "chua-tran-quoc")


def _holidays(date: dt.date) -> frozenset[dt.date]:
    return TripRequest(start="hoan-kiem-lake", dates=(date,)).holidays


def cell(place: Village, date: dt.date) -> str:
    """What the data says of ``place`` on ``date``, in the words of the README table."""
    holidays = _holidays(date)
    if not place.opening_hours.is_open_on(date, holidays):
        return "closed"
    if place.season_months:
        return "in season" if in_season(place, date) else "out of season"
    if date in holidays and place.opening_hours.holidays is not None:
        return "open (PH rule)"
    return "open"


def readme_table() -> dict[str, tuple[str, ...]]:
    """The rows of the "Three dates" table in data/README.md: id -> cells per date."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### Three dates", 1)[1].split("\n#", 1)[0]
    table: dict[str, tuple[str, ...]] = {}
    for line in section.splitlines():
        match = re.match(r"\| `([a-z0-9-]+)` \|(.*)\|\s*$", line)
        if match:
            table[match.group(1)] = tuple(c.strip() for c in match.group(2).split("|"))
    return table


def test_only_the_tet_date_is_a_public_holiday() -> None:
    # the maintained package knows the lunar new year 2027 (6 February)
    calendar = holidays_package.country_holidays("VN", years=2027, language="en_US")
    assert "Lunar New Year" in calendar[TET]
    assert vietnam_public_holidays(DATES) == {TET}
    assert is_tet(TET) and not is_tet(DECEMBER) and not is_tet(SUMMER)
    assert TET in _holidays(TET)
    assert _holidays(DECEMBER) == _holidays(SUMMER) == frozenset()


def test_the_documented_table_is_what_the_data_says(hanoi: tourplan.Villages) -> None:
    table = readme_table()
    assert set(table) >= {LOTUS_TEA, *BEFORE_TET, *OPEN_AT_TET, "bao-tang-gom-kim-lan"}
    for vid, cells in table.items():
        assert cells == tuple(cell(hanoi.get(vid), d) for d in DATES), vid


def test_tet_closes_only_what_its_hours_close(hanoi: tourplan.Villages) -> None:
    holidays = _holidays(TET)
    closed_by_tet = {
        p.id
        for p in hanoi
        if p.opening_hours.is_open_on(TET) and not p.opening_hours.is_open_on(TET, holidays)
    }
    says_ph_off = {p.id for p in hanoi if p.opening_hours.holidays == ()}
    assert closed_by_tet == says_ph_off == set()  # no source found says a bundled place closes
    for vid in OPEN_AT_TET:
        place = hanoi.get(vid)
        assert place.opening_hours.holidays, vid  # a PH rule that opens
        assert "Tết" in place.opening_hours_source, vid


def _stop(hanoi: tourplan.Villages, vid: str, date: dt.date) -> tourplan.plan.Stop:
    request = TripRequest(start="hoan-kiem-lake", dates=(date,), must_visit=(vid,))
    itinerary = plan_trip(request, hanoi, search=FAST)
    assert check_itinerary(itinerary, request) == []
    (stop,) = [s for d in itinerary.days for s in d.stops if s.village.id == vid]
    return stop


@pytest.mark.parametrize("date", DATES, ids=str)
def test_a_lotus_tea_visit_out_of_summer_is_valued_less_and_says_why(
    hanoi: tourplan.Villages, date: dt.date
) -> None:
    stop = _stop(hanoi, LOTUS_TEA, date)
    model = ValueModel()
    if date == SUMMER:
        assert stop.caveats == ()
        assert visit_factor(stop.caveats, model) == 1.0
    else:  # December and Tết: the lotus season is June-July
        assert stop.caveats == ("out_of_season",)
        assert visit_factor(stop.caveats, model) == model.season_factor < 1.0
        request = TripRequest(start="hoan-kiem-lake", dates=(date,), must_visit=(LOTUS_TEA,))
        text = format_itinerary(plan_trip(request, hanoi, search=FAST), lang="en")
        assert "out of season on this date (season: months" in text


@pytest.mark.parametrize("vid", BEFORE_TET)
@pytest.mark.parametrize("date", DATES, ids=str)
def test_peach_and_kumquat_are_in_season_before_and_at_tet(
    hanoi: tourplan.Villages, vid: str, date: dt.date
) -> None:
    stop = _stop(hanoi, vid, date)
    assert stop.caveats == (() if date in (DECEMBER, TET) else ("out_of_season",))


def test_flower_days_follow_the_season(hanoi: tourplan.Villages) -> None:
    # a free day asking for flowers: the peach or kumquat gardens in December and at Tết;
    # in June no pre-Tết garden is visited without being flagged out of season
    seasonal = {p.id for p in hanoi if p.season_months == frozenset({12, 1, 2})}
    for date in DATES:
        request = TripRequest(start="hoan-kiem-lake", dates=(date,), themes=("flowers",))
        itinerary = plan_trip(request, hanoi, search=FAST)
        assert check_itinerary(itinerary, request) == []
        stops = [s for d in itinerary.days for s in d.stops]
        chosen = {s.village.id for s in stops} & seasonal
        if date == SUMMER:
            assert all(s.caveats == ("out_of_season",) for s in stops if s.village.id in chosen)
        else:
            assert chosen, date
