"""At Tết, a stop at a place whose hours say nothing of public holidays says so.

Regression: ``tourplan route --date 2027-02-06`` (the first day of Tết 2027) planned a
3 h 50 min stay at Bát Tràng and said nothing of Tết, though no source gives the bundled
villages' hours at Tết (data/README.md: no row has ``PH off`` for want of a source; Đường
Lâm is said to be open, at default clock hours).
The plan keeps the weekday's hours; the words now tell the traveller to check.
"""

from __future__ import annotations

import datetime as dt

import pytest

import tourplan
from tourplan import SearchParameters, TripRequest
from tourplan.export.ical import itinerary_to_ics
from tourplan.hours import OpeningHours
from tourplan.model import Place, Village, Villages
from tourplan.text import format_itinerary
from tourplan.text.page import stop_facts

HOTEL = Place("hotel", "Khách sạn", 21.03, 105.85)
SILENT = Village(
    "silent", "Làng A", "Village A", 21.04, 105.86, 90, OpeningHours.parse("Mo-Su 08:00-17:00"), 60
)
SAYS = Village(
    "says", "Chùa B", "Pagoda B", 21.02, 105.84, 90,
    OpeningHours.parse("Mo-Su 08:00-17:00; PH 08:00-17:00"), 60,
)  # fmt: skip
WORDS = {"en": "Tết", "vi": "Tết"}


def _plan(date: dt.date) -> tourplan.Itinerary:
    request = TripRequest(start=HOTEL, dates=(date,), must_visit=("silent", "says"))
    itinerary = tourplan.plan_trip(
        request, Villages([SILENT, SAYS]), search=SearchParameters(deterministic=True)
    )
    assert tourplan.check_itinerary(itinerary, request) == []
    return itinerary


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("date", [dt.date(2027, 2, 6), dt.date(2027, 2, 9)])  # Tết 2027
def test_a_tet_stop_says_its_hours_at_tet_are_not_known(lang: str, date: dt.date) -> None:
    itinerary = _plan(date)
    by_id = {s.village.id: s for s in itinerary.stops}
    assert any("Tết" in value for _, value in stop_facts(by_id["silent"], lang))
    assert not any("Tết" in value for _, value in stop_facts(by_id["says"], lang))
    text = format_itinerary(itinerary, lang=lang)
    assert text.count("Tết:") == 1, text
    calendar = itinerary_to_ics(itinerary, lang=lang).decode().replace("\r\n ", "")
    assert calendar.count("Tết:") == 1, calendar


def test_an_ordinary_day_says_nothing_of_tet() -> None:
    itinerary = _plan(dt.date(2027, 3, 6))
    assert "Tết" not in format_itinerary(itinerary, lang="en")
    assert "Tết" not in itinerary_to_ics(itinerary, lang="en").decode()
