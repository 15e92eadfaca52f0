"""Request records: JSON objects to TripRequest and back, every bad field named with its line."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan import DataError
from tourplan.model import THEMES
from tourplan.plan import (
    RECORD_FIELDS,
    Lunch,
    TripRequest,
    record_id,
    search_parameters_from_record,
    trip_request_from_record,
    trip_request_record,
    trip_request_schema,
)

BASE: dict[str, Any] = {"start": "hoan-kiem-lake", "date": "2026-12-05"}

_names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=12,
)
_minutes = st.integers(min_value=0, max_value=23 * 60 + 59)


@st.composite
def trip_requests(draw: st.DrawFn) -> TripRequest:
    """Valid requests over every field the record carries."""
    start = draw(
        st.one_of(
            _names,
            st.tuples(st.floats(-90, 90, allow_nan=False), st.floats(-180, 180, allow_nan=False)),
        )
    )
    first = draw(st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)))
    dates = [first + dt.timedelta(days=k) for k in draw(st.sets(st.integers(0, 30), max_size=4))]
    day_start = draw(st.integers(0, 12 * 60))
    day_end = draw(st.integers(day_start + 240, 23 * 60 + 59))
    lunch = None
    if draw(st.booleans()):
        earliest = draw(st.integers(day_start, day_start + 60))
        latest = draw(st.integers(earliest, earliest + 120))
        lunch = Lunch(_t(earliest), _t(latest), draw(st.integers(1, 90)))
    must = draw(st.lists(_names, max_size=3, unique=True))
    avoid = draw(st.lists(_names.filter(lambda n: n not in must), max_size=3, unique=True))
    return TripRequest(
        start=start,
        dates=(first, *dates),
        end=draw(st.one_of(st.none(), _names)),
        day_start=_t(day_start),
        day_end=_t(day_end),
        mode=draw(st.sampled_from(["walk", "bicycle", "motorbike", "car", "bus"])),
        lunch=lunch,
        must_visit=tuple(must),
        avoid=tuple(avoid),
        themes=tuple(draw(st.lists(st.sampled_from(THEMES), max_size=3, unique=True))),
        max_stops_per_day=draw(st.one_of(st.none(), st.integers(1, 20))),
        pace=draw(st.sampled_from(["relaxed", "normal", "quick"])),
        holidays=frozenset(draw(st.lists(st.dates(), max_size=3))),
        theme_bonus=draw(st.floats(1.0, 10.0, allow_nan=False)),
    )


def _t(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60)


@given(trip_requests(), st.floats(0.1, 60), st.booleans())
def test_record_round_trips_through_json(request: TripRequest, limit: float, fixed: bool) -> None:
    from tourplan.routing import SearchParameters

    search = SearchParameters(time_limit=limit, deterministic=fixed)
    record = json.loads(json.dumps(trip_request_record(request, search, id="r1")))
    assert trip_request_from_record(record) == request
    back = search_parameters_from_record(record)
    assert (back.time_limit, back.deterministic) == (limit, fixed)
    assert record_id(record) == "r1"


@settings(deadline=None)  # schema validation is slow on a loaded machine
@given(trip_requests())
def test_written_records_follow_the_schema(request: TripRequest) -> None:
    jsonschema.validate(trip_request_record(request), trip_request_schema())


def test_schema_lists_every_record_field() -> None:
    schema = trip_request_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert tuple(schema["properties"]) == RECORD_FIELDS


def test_defaults_are_those_of_tourplan_route() -> None:
    request = trip_request_from_record(BASE)
    assert request == TripRequest.for_days("hoan-kiem-lake", "2026-12-05")
    search = search_parameters_from_record(BASE)
    assert (search.time_limit, search.deterministic) == (5.0, False)


def test_date_with_days_and_one_of_dates_agree() -> None:
    by_days = trip_request_from_record({**BASE, "days": 3})
    listed = trip_request_from_record(
        {"start": "hoan-kiem-lake", "dates": ["2026-12-07", "2026-12-05", "2026-12-06"]}
    )
    assert by_days.dates == listed.dates == tuple(dt.date(2026, 12, d) for d in (5, 6, 7))


def test_lunch_forms_agree() -> None:
    text = trip_request_from_record({**BASE, "lunch": "11:30-12:30/45"}).lunch
    obj = trip_request_from_record(
        {**BASE, "lunch": {"earliest": "11:30", "latest": "12:30", "minutes": 45}}
    ).lunch
    assert text == obj == Lunch(dt.time(11, 30), dt.time(12, 30), 45)
    assert trip_request_from_record({**BASE, "lunch": None}).lunch is None
    assert trip_request_from_record({**BASE, "lunch": "none"}).lunch is None


def test_position_pair_and_mode_alias() -> None:
    request = trip_request_from_record({**BASE, "start": [21.03, 105.85], "mode": "Taxi"})
    assert request.start == (21.03, 105.85)
    assert request.mode == "car"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"mode": "rocket"}, "mode"),  # not a transport mode
        ({"moed": "car"}, "moed"),  # a typo is an unknown field, not ignored
        ({"date": "5/12/2026"}, "date"),  # not ISO 8601
        ({"dates": ["2026-12-05"]}, "dates"),  # date and dates together
        ({"days": 0}, "days"),
        ({"days": True}, "days"),  # a boolean is not a number of days
        ({"start": ""}, "start"),
        ({"start": [21.0]}, "start"),  # a position needs lat and lon
        ({"start": [121.0, 105.0]}, "start"),  # latitude out of range
        ({"end": 5}, "end"),
        ({"day_start": "8h"}, "day_start"),
        ({"day_start": "18:00"}, "day_end"),  # the day ends before it starts
        ({"lunch": "noon"}, "lunch"),
        ({"lunch": {"earliest": "11:00", "length": 30}}, "lunch"),
        ({"lunch": "07:00-07:30/30"}, "lunch"),  # before the day starts
        ({"must": ["van-phuc"], "avoid": ["van-phuc"]}, "avoid"),
        ({"must": [3]}, "must"),
        ({"themes": ["rockets"]}, "themes"),
        ({"max_stops": 0}, "max_stops"),
        ({"pace": "sprint"}, "pace"),
        ({"holidays": ["2026-13-01"]}, "holidays"),
        ({"theme_bonus": 0.5}, "theme_bonus"),
        ({"theme_bonus": "2"}, "theme_bonus"),
    ],
)
def test_bad_field_is_named_with_its_line(change: dict[str, Any], field: str) -> None:
    with pytest.raises(DataError) as caught:
        trip_request_from_record({**BASE, **change}, line=7, source="requests.jsonl")
    assert (caught.value.field, caught.value.row, caught.value.source) == (
        field,
        7,
        "requests.jsonl",
    )
    assert str(caught.value).startswith(f"requests.jsonl, row 7, field '{field}': ")


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"date": "2026-12-05"}, "start"),  # no start
        ({"start": "hoan-kiem-lake"}, "date"),  # no date
    ],
)
def test_missing_required_field_is_named(record: dict[str, Any], field: str) -> None:
    with pytest.raises(DataError, match=f"field '{field}'"):
        trip_request_from_record(record)


def test_a_record_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(DataError, match="row 2: a request must be a JSON object, got list"):
        trip_request_from_record([1, 2], line=2)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "field"),
    [({"time_limit": 0}, "time_limit"), ({"deterministic": "yes"}, "deterministic")],
)
def test_bad_search_field_is_named(change: dict[str, Any], field: str) -> None:
    with pytest.raises(DataError, match=f"row 4, field '{field}'"):
        search_parameters_from_record({**BASE, **change}, line=4)


def test_bad_id_is_named() -> None:
    with pytest.raises(DataError, match="field 'id'"):
        record_id({"id": ["x"]})
