"""The API's request model agrees with the shared request record schema, field for field."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan import DataError
from tourplan.model import THEMES
from tourplan.plan import (
    RECORD_FIELDS,
    trip_request_from_record,
    trip_request_record,
    trip_request_schema,
)
from tourplan.serve.models import PlanBody

#: Fields of the API body that are not part of the request record: how to answer.
ANSWER_FIELDS = {"lang", "legs"}


def _api_schema() -> dict[str, Any]:
    return PlanBody.model_json_schema()


def test_plan_body_has_exactly_the_record_fields_and_answer_options() -> None:
    assert set(PlanBody.model_fields) - ANSWER_FIELDS == set(RECORD_FIELDS)
    assert set(_api_schema()["properties"]) - ANSWER_FIELDS == set(
        trip_request_schema()["properties"]
    )


def test_required_fields_and_the_date_rule_agree() -> None:
    shared, api = trip_request_schema(), _api_schema()
    assert set(api.get("required", [])) == set(shared["required"])
    assert api["oneOf"] == shared["oneOf"]


@pytest.mark.parametrize(
    ("field", "keyword"),
    [
        ("days", "minimum"),
        ("theme_bonus", "minimum"),
        ("time_limit", "exclusiveMinimum"),
        ("pace", "enum"),
    ],
)
def test_field_bounds_agree(field: str, keyword: str) -> None:
    """Where the record schema bounds a field, the API's model has the same bound."""

    def find(node: Any) -> Any:
        if isinstance(node, dict):
            if keyword in node:
                return node[keyword]
            for value in node.get("anyOf", []) + node.get("oneOf", []):
                found = find(value)
                if found is not None:
                    return found
        return None

    assert find(_api_schema()["properties"][field]) == find(
        trip_request_schema()["properties"][field]
    )


_texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=20,
)
_dates = st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat)
_times = st.times().map(lambda t: f"{t:%H:%M}")


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    """Request records as a client writes them: any subset of the optional fields."""
    record: dict[str, Any] = {
        "start": draw(
            st.one_of(_texts, st.tuples(st.floats(-90, 90), st.floats(-180, 180)).map(list))
        )
    }
    if draw(st.booleans()):
        record["date"] = draw(_dates)
        if draw(st.booleans()):
            record["days"] = draw(st.integers(1, 7))
    else:
        record["dates"] = draw(st.one_of(_dates, st.lists(_dates, min_size=1, max_size=4)))
    optional = {
        "id": st.one_of(_texts, st.integers()),
        "end": st.one_of(st.none(), _texts),
        "mode": st.sampled_from(["walk", "bicycle", "motorbike", "car", "bus", "taxi"]),
        "day_start": _times,
        "day_end": _times,
        "lunch": st.one_of(st.none(), st.just("11:00-13:00/60"), st.just("none")),
        "must": st.one_of(_texts, st.lists(_texts, max_size=3)),
        "avoid": st.lists(_texts, max_size=3),
        "themes": st.lists(st.sampled_from(THEMES), max_size=3),
        "max_stops": st.one_of(st.none(), st.integers(1, 10)),
        "pace": st.sampled_from(["relaxed", "normal", "quick"]),
        "holidays": st.lists(_dates, max_size=3),
        "theme_bonus": st.floats(1, 5),
        "time_limit": st.floats(0.1, 30),
        "deterministic": st.booleans(),
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            record[name] = draw(strategy)
    return record


@settings(max_examples=200, deadline=None)
@given(records())
def test_api_body_passes_every_record_through_unchanged(record: dict[str, Any]) -> None:
    """A record the API accepts reaches the shared codec exactly as the client sent it."""
    body = PlanBody.model_validate(record)
    assert body.record() == record
    try:
        direct = trip_request_from_record(record)
    except DataError:
        return
    assert trip_request_from_record(body.record()) == direct


@settings(max_examples=100, deadline=None)
@given(records())
def test_records_written_by_the_codec_are_valid_api_bodies(record: dict[str, Any]) -> None:
    """What the batch engine writes (``trip_request_record``) the API reads back unchanged."""
    try:
        request = trip_request_from_record({k: v for k, v in record.items() if k != "id"})
    except DataError:
        return
    written = trip_request_record(request)
    assert trip_request_from_record(PlanBody.model_validate(written).record()) == request


@pytest.mark.parametrize(
    "bad",
    [
        {"start": 5, "date": "2026-12-05"},
        {"start": "x", "date": "2026-12-05", "days": "2"},  # text is not a number: strict
        {"start": "x", "date": "2026-12-05", "must": [1]},
        {"start": "x", "date": "2026-12-05", "unknown": 1},
    ],
)
def test_api_body_refuses_what_the_record_schema_refuses(bad: dict[str, Any]) -> None:
    import jsonschema

    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, trip_request_schema())
    with pytest.raises(pydantic.ValidationError):
        PlanBody.model_validate(bad)
