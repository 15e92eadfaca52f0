"""Kinds of place, visit lengths, seasons and active hours: validated values, pure questions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tourplan.datasets import load_villages, save_villages, village_from_record, village_record
from tourplan.exceptions import DataError
from tourplan.hours import OpeningHours
from tourplan.model import (
    KINDS,
    SIGHT_KINDS,
    Village,
    Villages,
    active_at,
    active_spans,
    format_months,
    in_season,
    parse_months,
)


def test_a_village_is_a_craft_village_by_default(make_village: Callable[..., Village]) -> None:
    v = make_village()
    assert v.kind == "village"
    assert not v.is_sight
    assert v.short_minutes is None and v.long_minutes is None
    assert v.season_months == frozenset()
    assert v.active_hours is None
    assert v.fee_vnd is None


def test_sight_kinds_are_the_kinds_other_than_village() -> None:
    assert set(SIGHT_KINDS) == set(KINDS) - {"village"}
    assert {"pagoda", "temple", "museum", "show", "market"} <= set(SIGHT_KINDS)


def test_unknown_kind_names_the_field(make_village: Callable[..., Village]) -> None:
    with pytest.raises(DataError, match="'church' is not one of") as info:
        make_village(kind="church")
    assert info.value.field == "kind"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"short_minutes": 90}, "short_minutes"),  # longer than the typical 60
        ({"long_minutes": 30}, "long_minutes"),  # shorter than the typical 60
        ({"short_minutes": 0}, "short_minutes"),
        ({"long_minutes": 12.5}, "long_minutes"),
        ({"season_months": frozenset({0, 5})}, "season_months"),
        ({"season_months": frozenset({13})}, "season_months"),
        ({"fee_vnd": -1}, "fee_vnd"),
        ({"fee_vnd": True}, "fee_vnd"),
    ],
)
def test_bad_visit_lengths_seasons_and_fees_name_the_field(
    make_village: Callable[..., Village], fields: dict[str, object], field: str
) -> None:
    with pytest.raises(DataError) as info:
        make_village(**fields)
    assert info.value.field == field


def test_season_months_from_a_list_become_a_frozenset(
    make_village: Callable[..., Village],
) -> None:
    v = make_village(season_months=[6, 7, 7])
    assert v.season_months == frozenset({6, 7})
    hash(v)  # still a hashable value


def test_hours_confirmed_only_when_a_source_gives_days_and_times(
    make_village: Callable[..., Village],
) -> None:
    assert make_village(opening_hours_origin="source").hours_confirmed
    assert not make_village(opening_hours_origin="default").hours_confirmed
    assert not make_village(opening_hours_origin="source+default").hours_confirmed


def test_in_season_all_year_without_months(make_village: Callable[..., Village]) -> None:
    v = make_village()
    assert all(in_season(v, dt.date(2026, m, 1)) for m in range(1, 13))


def test_lotus_tea_is_out_of_season_in_december(make_village: Callable[..., Village]) -> None:
    lotus = make_village(season_months=frozenset({5, 6, 7}))
    assert in_season(lotus, dt.date(2026, 6, 1))
    assert not in_season(lotus, dt.date(2026, 12, 5))
    assert active_spans(lotus, dt.date(2026, 12, 5)) == ()
    assert not active_at(lotus, dt.datetime(2026, 12, 5, 10, 0))


def test_sticky_rice_is_active_only_from_the_afternoon(
    make_village: Callable[..., Village],
) -> None:
    xoi = make_village(
        opening_hours=OpeningHours.parse("Mo-Su 08:00-20:00"),
        active_hours=OpeningHours.parse("Mo-Su 16:00-20:00"),
    )
    day = dt.date(2026, 12, 5)
    assert not active_at(xoi, dt.datetime(2026, 12, 5, 9, 39))
    assert active_at(xoi, dt.datetime(2026, 12, 5, 16, 0))
    assert active_spans(xoi, day) == ((16 * 60, 20 * 60),)
    # without active hours, the opening hours are when the work can be seen
    plain = make_village()
    assert active_spans(plain, day) == ((8 * 60, 17 * 60),)


@given(st.frozensets(st.integers(1, 12)))
def test_months_round_trip_through_text(months: frozenset[int]) -> None:
    assert parse_months(format_months(months)) == months


@pytest.mark.parametrize("text", ["0", "13", "May", "5-", "5--7", "1.5"])
def test_bad_month_text_names_the_field(text: str) -> None:
    with pytest.raises(DataError) as info:
        parse_months(text)
    assert info.value.field == "season_months"


def test_villages_filters_by_kind(make_village: Callable[..., Village]) -> None:
    places = Villages(
        [
            make_village(id="v1"),
            make_village(id="p1", kind="pagoda"),
            make_village(id="m1", kind="museum"),
        ]
    )
    assert places.villages().ids == ("v1",)
    assert places.sights().ids == ("p1", "m1")
    assert places.of_kind("museum", "pagoda").ids == ("p1", "m1")
    with pytest.raises(DataError) as info:
        places.of_kind("church")
    assert info.value.field == "kind"


def test_new_fields_round_trip_through_every_format(
    make_village: Callable[..., Village], tmp_path: Path
) -> None:
    sight = make_village(
        id="chua-x",
        kind="pagoda",
        visit_minutes=60,
        short_minutes=30,
        long_minutes=120,
        visit_minutes_source="a tour: 30-120 min",
        opening_hours_source="a page",
        season_months=frozenset({11, 12, 1}),
        season_source="a page",
        active_hours=OpeningHours.parse("Mo-Su 16:00-17:00"),
        active_hours_source="a page",
        fee_vnd=20000,
        fee_source="ticket office",
    )
    assert village_from_record(village_record(sight)) == sight
    for suffix in (".csv", ".json", ".geojson"):
        path = tmp_path / f"places{suffix}"
        save_villages(Villages([sight]), path)
        assert load_villages(path) == Villages([sight]), suffix


def test_a_file_without_the_new_columns_loads_as_craft_villages(
    write_csv: Callable[..., Path], village_row: Callable[..., dict[str, str]]
) -> None:
    path = write_csv([village_row()])
    (v,) = load_villages(path)
    assert v.kind == "village" and v.short_minutes is None and v.season_months == frozenset()
