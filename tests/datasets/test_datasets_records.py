"""The village record codec: documented defaults, and errors naming the row and field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import tourplan
from tourplan.datasets import (
    DEFAULT_OPENING_HOURS,
    load_villages,
    village_from_record,
    village_record,
)
from tourplan.datasets.records import DEFAULT_INTEREST
from tourplan.exceptions import DataError
from tourplan.hours import OpeningHours


def test_blank_optional_fields_get_documented_defaults(
    write_csv: Callable[..., Path], village_row: Callable[..., dict[str, str]]
) -> None:
    path = write_csv(
        [village_row(opening_hours="", opening_hours_origin="", interest="", coord_kind="")]
    )
    (v,) = load_villages(path)
    assert v.opening_hours == OpeningHours.parse(DEFAULT_OPENING_HOURS)
    assert v.opening_hours_origin == "default"
    assert v.interest == DEFAULT_INTEREST
    assert v.coord_kind == "user"


def test_village_from_record_is_the_inverse_of_village_record(hanoi: tourplan.Villages) -> None:
    for village in hanoi:
        assert village_from_record(village_record(village)) == village


def test_latitude_out_of_range(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    path = write_csv([village_row(), village_row(id="north-pole", lat="95.5")])
    with pytest.raises(DataError, match=r"row 3, field 'lat': lat 95.5 is out of range"):
        load_villages(path)
    err = load_error(path)
    assert (err.row, err.field) == (3, "lat")


def test_latitude_out_of_range_without_bounds(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    err = load_error(write_csv([village_row(lat="-95")]), bounds=None)
    assert (err.row, err.field) == (2, "lat")
    assert "lat -95.0 is out of range (-90 to 90 degrees)" in str(err)


def test_position_outside_vietnam_names_the_field(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    # Paris: a valid position, but far from any Hanoi village
    err = load_error(write_csv([village_row(lat="48.85", lon="2.35")]))
    assert (err.row, err.field) == (2, "lat")
    assert "is outside Vietnam" in str(err)
    # a latitude inside Vietnam with a longitude that is not: the longitude is to blame
    err = load_error(write_csv([village_row(lat="21.0", lon="-105.8")]))
    assert err.field == "lon"
    # bounds=None accepts it
    assert (
        load_villages(write_csv([village_row(lat="48.85", lon="2.35")]), bounds=None)[0].lat
        == 48.85
    )


def test_swapped_csv_coordinates(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    err = load_error(write_csv([village_row(lat="105.8", lon="21.0")]))
    assert (err.row, err.field) == (2, "lat")
    assert "look swapped" in str(err)


def test_non_numeric_latitude(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    path = write_csv([village_row(lat="21,0")])
    with pytest.raises(DataError, match=r"row 2, field 'lat': lat must be a number, got '21,0'"):
        load_villages(path)
    assert load_error(path).row == 2


@pytest.mark.parametrize("value", ["", "   "])
def test_missing_visit_duration_cell(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    value: str,
    load_error: Callable[..., DataError],
) -> None:
    path = write_csv([village_row(), village_row(id="b"), village_row(id="c", visit_minutes=value)])
    err = load_error(path)
    assert (err.row, err.field) == (4, "visit_minutes")
    assert "visit_minutes is missing" in str(err)


@pytest.mark.parametrize(("value", "message"), [("0", "got 0"), ("-45", "got -45")])
def test_zero_or_negative_duration(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    value: str,
    message: str,
    load_error: Callable[..., DataError],
) -> None:
    err = load_error(write_csv([village_row(visit_minutes=value)]))
    assert (err.row, err.field) == (2, "visit_minutes")
    assert f"visit_minutes must be positive, {message}" in str(err)


def test_fractional_duration(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    err = load_error(write_csv([village_row(visit_minutes="90.5")]))
    assert err.field == "visit_minutes"
    assert "whole number, got '90.5'" in str(err)


def test_unparseable_opening_hours(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    path = write_csv([village_row(opening_hours="Mo-Fr 08:00-17:00; Sx 09:00-12:00")])
    with pytest.raises(DataError, match=r"row 2, field 'opening_hours': unknown day 'Sx'"):
        load_villages(path)
    err = load_error(path)
    assert (err.row, err.field) == (2, "opening_hours")


def test_bad_theme(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    path = write_csv([village_row(themes="ceramics;potery")])
    with pytest.raises(DataError, match=r"row 2, field 'themes': unknown theme\(s\) potery"):
        load_villages(path)
    assert load_error(path).field == "themes"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("interest", "150", "interest must be 1 to 100, got 150"),
        ("interest", "high", "interest must be a whole number, got 'high'"),
        ("coord_kind", "gps", "'gps' is not one of"),
        ("confidence", "sure", "'sure' is not one of high, medium, low"),
        ("coord_precision_m", "-5", "must not be negative"),
        ("id", "Bat Trang", "is not a valid id"),
        ("name_vi", " ", "name_vi is missing"),
    ],
)
def test_bad_field_values(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    field: str,
    value: str,
    message: str,
    load_error: Callable[..., DataError],
) -> None:
    err = load_error(write_csv([village_row(), village_row(**{"id": "second", field: value})]))
    assert (err.row, err.field) == (3, field)
    assert message in str(err)
