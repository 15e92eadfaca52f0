"""Coordinates typed by the user: ``lat,lon`` parsing, ranges and the field named in errors."""

from __future__ import annotations

import pytest

from tourplan.exceptions import DataError
from tourplan.geocode import parse_lat_lon


@pytest.mark.parametrize(
    "text",
    ["21.0285,105.8542", "21.0285, 105.8542", "21.0285 105.8542", "  21.0285 ,105.8542  "],
)
def test_parse_lat_lon_accepts_comma_or_space(text: str) -> None:
    assert parse_lat_lon(text) == (21.0285, 105.8542)


def test_parse_lat_lon_reads_signs_and_integers() -> None:
    assert parse_lat_lon("-33.9,+18") == (-33.9, 18.0)


@pytest.mark.parametrize(
    "text",
    [
        "Bát Tràng",
        "12 Hàng Bạc",  # a house number followed by a street
        "21.0285",  # one number
        "21.0,105.8,12",  # three numbers
        "21.0285,105.8542 Hanoi",
        "",
    ],
)
def test_parse_lat_lon_returns_none_for_other_text(text: str) -> None:
    assert parse_lat_lon(text) is None


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("91,105", "lat", "lat 91.0 is out of range"),
        ("105.85,21.03", "lat", "write the latitude first"),  # swapped
        ("21.0,181", "lon", "lon 181.0 is out of range"),
    ],
)
def test_parse_lat_lon_names_the_field_out_of_range(text: str, field: str, message: str) -> None:
    with pytest.raises(DataError, match=message) as info:
        parse_lat_lon(text)
    assert info.value.field == field
