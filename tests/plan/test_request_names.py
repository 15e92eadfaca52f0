"""The names a request holds: one line each (the check the CLI, batch and HTTP share), and a
village that is not one blamed on the field that named it.

Found on 2026-12-05 by an outside review: HTTP and batch planned ``"hoan\\u0000kiem"`` as
hoan-kiem-lake and ``"bat\\ttrang"`` as bat-trang, where the CLI refuses a control character;
``must_visit=["hoan-kiem-lake"]`` raised an error that did not say which field it came from,
so every entry point guessed (the start, holding the same text).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tourplan import plan_catalogue, plan_trip
from tourplan.catalogue import CatalogueRequest
from tourplan.datasets import load_hanoi
from tourplan.exceptions import DataError, UnknownPlaceError
from tourplan.geocode import PlaceResolver, resolve_village
from tourplan.names import CONTROL_CHARACTER, one_line
from tourplan.plan import TripRequest

CONTROLS = [*map(chr, range(0x20)), *map(chr, range(0x7F, 0xA0)), "\u2028", "\u2029"]


@given(
    field=st.sampled_from(["start", "end", "must_visit", "avoid", "experiences"]),
    control=st.sampled_from(CONTROLS),
    at=st.integers(0, 9),
)
def test_a_trip_request_refuses_a_control_character_in_any_name(
    field: str, control: str, at: int
) -> None:
    name = "bat-trang"
    text = name[:at] + control + name[at:]
    fields: dict[str, object] = {"start": "hoan-kiem-lake"}
    fields[field] = text if field in ("start", "end") else (text,)
    with pytest.raises(DataError) as info:
        TripRequest.for_days(first_date="2026-12-05", **fields)  # type: ignore[arg-type]
    assert info.value.field == field
    assert info.value.reason == f"{text!r} holds a control character"


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"hub": "hoan\u0000kiem"}, "hub"), ({"must_include": ["bat\ttrang"]}, "must_include")],
)
def test_a_catalogue_request_refuses_a_control_character(
    fields: dict[str, object], field: str
) -> None:
    with pytest.raises(DataError) as info:
        CatalogueRequest(date="2026-12-05", **fields)  # type: ignore[arg-type]
    assert info.value.field == field
    assert info.value.reason.endswith("holds a control character")


@given(st.text())
def test_one_line_refuses_exactly_the_texts_holding_a_control_character(text: str) -> None:
    if any(c in CONTROLS for c in text):
        with pytest.raises(DataError):
            one_line(text, "place")
    else:
        assert one_line(text, "place") == text
    assert bool(CONTROL_CHARACTER.search(text)) == any(c in CONTROLS for c in text)


def test_resolve_village_tells_a_start_point_and_names_the_field() -> None:
    villages, resolver = load_hanoi(), PlaceResolver(use_cache=False)
    with pytest.raises(UnknownPlaceError) as info:
        resolve_village(villages, " Hoan Kiem Lake ", "avoid", resolver)
    error = info.value
    assert (error.field, error.start_point, error.query) == (
        "avoid",
        "hoan-kiem-lake",
        "Hoan Kiem Lake",
    )
    assert str(error) == "'Hoan Kiem Lake' (hoan-kiem-lake) is a start point, not a village"
    with pytest.raises(UnknownPlaceError) as unknown:
        resolve_village(villages, "atlantis", "must_visit", resolver)
    assert unknown.value.field == "must_visit" and unknown.value.start_point is None
    assert str(unknown.value).startswith("no place matches 'atlantis'")
    assert resolve_village(villages, "Bát Tràng", "must_visit", resolver).id == "bat-trang"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"must_visit": ["hoan-kiem-lake"]}, "must_visit"),
        ({"avoid": ["hoan-kiem-lake"]}, "avoid"),
        ({"must_visit": ["atlantis"]}, "must_visit"),
        ({"end": "atlantis"}, "end"),
    ],
)
def test_plan_trip_names_the_field_of_an_unknown_place(
    fields: dict[str, object], field: str
) -> None:
    request = TripRequest.for_days("hoan-kiem-lake", "2026-12-05", **fields)
    with pytest.raises(UnknownPlaceError) as info:
        plan_trip(request)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"must_include": ["hoan-kiem-lake"]}, "must_include"), ({"hub": "atlantis"}, "hub")],
)
def test_plan_catalogue_names_the_field_of_an_unknown_place(
    fields: dict[str, object], field: str
) -> None:
    request = CatalogueRequest(date="2026-12-05", routes=1, **fields)  # type: ignore[arg-type]
    with pytest.raises(UnknownPlaceError) as info:
        plan_catalogue(request)
    assert info.value.field == field


def test_an_offline_miss_keeps_its_message_when_blamed() -> None:
    with pytest.raises(UnknownPlaceError) as info:
        PlaceResolver(use_cache=False).resolve("12 Hàng Bạc")
    blamed = info.value.blaming("start")
    assert str(blamed) == str(info.value) and "allow_network" in str(blamed)
    assert blamed.field == "start" and blamed.offline
