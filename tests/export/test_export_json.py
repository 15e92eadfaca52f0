"""The JSON export: valid against its JSON Schema, and read back into an equal itinerary."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any, get_args

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from tourplan.exceptions import DataError
from tourplan.export import (
    itinerary_from_dict,
    itinerary_from_json,
    itinerary_schema,
    itinerary_to_dict,
    itinerary_to_json,
    read_json,
    write_json,
)
from tourplan.model import THEMES
from tourplan.plan import HANOI_TZ, Itinerary, LeftOutReason

# jsonschema only checks "date-time" when an optional RFC 3339 package is installed; check it
# here ourselves so the test does not depend on that extra.
FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _is_datetime_with_offset(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parsed = dt.datetime.fromisoformat(value)
    return parsed.tzinfo is not None and "T" in value


def validator() -> Draft202012Validator:
    schema = itinerary_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FORMATS)


def all_datetimes(itinerary: Itinerary) -> list[dt.datetime]:
    found = []
    for day in itinerary.days:
        found += [day.departure, day.arrival]
        for stop in day.stops:
            found += [stop.arrival, stop.start, stop.end]
        for leg in day.legs:
            found += [leg.depart, leg.arrive]
        for brk in day.breaks:
            found += [brk.start, brk.end]
    return found


def test_export_validates_against_the_schema(itinerary: Itinerary) -> None:
    document = json.loads(itinerary_to_json(itinerary))
    errors = [e.message for e in validator().iter_errors(document)]
    assert errors == []


def test_schema_rejects_what_it_should(itinerary: Itinerary) -> None:
    check = validator()
    document = itinerary_to_dict(itinerary)
    document["days"][0]["stops"][0]["start"] = "2026-03-02T08:40:00"  # no offset
    assert not check.is_valid(document)
    document = itinerary_to_dict(itinerary)
    document["left_out"][0]["reason"] = "rainy"
    assert not check.is_valid(document)
    document = itinerary_to_dict(itinerary)
    document["days"][0]["legs"][0]["path"][0] = [21.0, 105.8, 3.0]
    assert not check.is_valid(document)
    document = itinerary_to_dict(itinerary)
    document["days"][0]["start_place"]["lat"] = 105.85  # swapped
    assert not check.is_valid(document)


def test_schema_vocabularies_match_the_model() -> None:
    defs = itinerary_schema()["$defs"]
    assert defs["village"]["properties"]["themes"]["items"]["enum"] == list(THEMES)
    assert defs["left_out"]["properties"]["reason"]["enum"] == list(get_args(LeftOutReason))


def test_datetimes_are_iso_8601_with_offset(itinerary: Itinerary) -> None:
    document = itinerary_to_dict(itinerary)
    stop = document["days"][0]["stops"][1]
    assert stop["arrival"] == "2026-03-02T13:20:00+07:00"
    assert stop["start"] == "2026-03-02T13:30:00+07:00"
    assert document["schema_version"] == 2
    assert document["generator"].startswith("tourplan ")


def test_round_trip_gives_the_same_itinerary(itinerary: Itinerary) -> None:
    original = itinerary
    loaded = itinerary_from_json(itinerary_to_json(original))
    assert loaded == original
    assert loaded.days[0].legs[0].path == original.days[0].legs[0].path
    assert loaded.days[0].legs[2].distance_m is None
    for value in all_datetimes(loaded):
        assert value.tzinfo == HANOI_TZ  # the zone itself, not a fixed +07:00 offset


def test_round_trip_of_a_plan_in_utc_comes_back_in_hanoi_time(itinerary: Itinerary) -> None:
    day = itinerary.days[1]
    utc_day = replace(
        day,
        departure=day.departure.astimezone(dt.UTC),
        arrival=day.arrival.astimezone(dt.UTC),
    )
    original = replace(itinerary, days=(itinerary.days[0], utc_day))
    loaded = itinerary_from_json(itinerary_to_json(original))
    assert loaded == original  # same instants
    assert loaded.days[1].departure.tzinfo == HANOI_TZ
    assert loaded.days[1].departure.hour == 8


def test_round_trip_of_texts_with_commas_semicolons_and_newlines(itinerary: Itinerary) -> None:
    day = itinerary.days[0]
    stop = day.stops[0]
    # a name is one line (a line break there is refused at load, issue #19); notes may span lines
    awkward = replace(stop.village, name_en='A, "B"; C D \\ E 🏺', notes="x\n\ny;z,")
    changed = replace(day, stops=(replace(stop, village=awkward), *day.stops[1:]))
    original = replace(itinerary, days=(changed, *itinerary.days[1:]))
    loaded = itinerary_from_json(itinerary_to_json(original))
    assert loaded == original
    assert loaded.days[0].stops[0].village.name_en == 'A, "B"; C D \\ E 🏺'
    assert loaded.days[0].stops[0].village.notes == "x\n\ny;z,"


def test_empty_and_compact(itinerary: Itinerary) -> None:
    empty = Itinerary(days=())
    assert itinerary_from_json(itinerary_to_json(empty)) == empty
    assert validator().is_valid(json.loads(itinerary_to_json(empty)))
    day = itinerary.days[0]
    no_stops = replace(day, stops=(), legs=(), breaks=())
    one_line = itinerary_to_json(Itinerary(days=(no_stops,)), indent=None)
    assert one_line.count("\n") == 1
    assert itinerary_from_json(one_line) == Itinerary(days=(no_stops,))


def test_write_and_read_json(itinerary: Itinerary, tmp_path: Path) -> None:
    path = write_json(itinerary, tmp_path / "trip.json")
    text = path.read_text("utf-8")
    assert "Làng gốm Bát Tràng" in text  # not \\u escaped
    assert read_json(path) == itinerary


def _broken(itinerary: Itinerary, edit: Any) -> str:
    document = itinerary_to_dict(itinerary)
    edit(document)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("edit", "where", "message"),
    [
        (lambda d: d["days"][0]["stops"][1].pop("start"), "days[0].stops[1].start", "missing"),
        (
            lambda d: d["days"][0]["stops"][0].__setitem__("end", "2026-03-02T10:10:00"),
            "days[0].stops[0].end",
            "no UTC offset",
        ),
        (lambda d: d["days"][1].__setitem__("date", "3 March"), "days[1].date", "ISO 8601"),
        (lambda d: d["left_out"][0].__setitem__("reason", "rainy"), "left_out[0].reason", "rainy"),
        (
            lambda d: d["days"][0]["stops"][0]["village"].__setitem__("interest", 500),
            "days[0].stops[0].village.interest",
            "1 to 100",
        ),
        (
            lambda d: d["days"][0]["legs"][0]["path"].__setitem__(0, [1.0]),
            "days[0].legs[0].path[0]",
            "pair",
        ),
        # a stop that ends before it starts: the model's own check, located in the document
        (
            lambda d: d["days"][0]["stops"][0].__setitem__("end", "2026-03-02T06:00:00+07:00"),
            "days[0].stops[0].start",
            "in order",
        ),
        (lambda d: d.__setitem__("schema_version", 99), "schema_version", "newer"),
        (
            lambda d: d["left_out"][0].__setitem__("dates", ["2026-02-30"]),
            "left_out[0].dates[0]",
            "ISO 8601 date",
        ),
        (
            lambda d: d["left_out"][0].__setitem__("travel_minutes", 9.5),
            "left_out[0].travel_minutes",
            "whole number",
        ),
        (lambda d: d.__setitem__("days", {}), "days", "expected an array"),
    ],
)
def test_loader_names_the_bad_value(
    itinerary: Itinerary, edit: Any, where: str, message: str
) -> None:
    with pytest.raises(DataError, match=message) as caught:
        itinerary_from_json(_broken(itinerary, edit), source="trip.json")
    assert caught.value.field == where
    assert caught.value.source == "trip.json"


def test_loader_refuses_what_is_not_json(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="not valid JSON"):
        itinerary_from_json("{days: []")
    with pytest.raises(DataError, match="expected an object"):
        itinerary_from_json("[]")
    with pytest.raises(DataError, match="not found"):
        read_json(tmp_path / "missing.json")


def test_left_out_villages_keep_their_reason_and_numbers(itinerary: Itinerary) -> None:
    (closed_item,) = itinerary.left_out
    far_item = replace(
        closed_item,
        reason="too_far",
        dates=(),
        travel_minutes=95,
        mode="car",
        visit_minutes=60,
        day_window=(dt.time(8), dt.time(17, 30)),
    )
    itinerary = replace(itinerary, left_out=(closed_item, far_item))
    document = itinerary_to_dict(itinerary)
    closed, far = document["left_out"]
    assert closed["reason"] == "closed" and closed["dates"] == ["2026-03-02", "2026-03-03"]
    assert "explanation" not in closed and "lang" not in document
    assert far["travel_minutes"] == 95 and (far["day_start"], far["day_end"]) == ("08:00", "17:30")
    assert itinerary_from_dict(document).left_out == itinerary.left_out


def test_version_1_documents_are_still_read(itinerary: Itinerary) -> None:
    # Version 1 wrote "lang" and each left-out village's "explanation" in words.
    document = itinerary_to_dict(itinerary)
    document.update(schema_version=1, lang="en")
    document["left_out"] = [
        {"village": document["left_out"][0]["village"], "reason": "closed", "explanation": "x"}
    ]
    loaded = itinerary_from_dict(document)
    assert loaded.days == itinerary.days
    assert [(x.village.id, x.reason) for x in loaded.left_out] == [("phu-vinh", "closed")]
