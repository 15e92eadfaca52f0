"""The offline gazetteer: bundled and custom places found by id or name, never by network."""

from __future__ import annotations

from typing import Any

import pytest

from tourplan.exceptions import DataError, UnknownPlaceError
from tourplan.geocode import Gazetteer
from tourplan.model import Place


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bat trang", "bat-trang"),
        ("Bát Tràng", "bat-trang"),
        ("BAT TRANG", "bat-trang"),
        ("Bat Trang pottery village", "bat-trang"),  # the English name
        ("bat-trang", "bat-trang"),  # the id
        ("hoan kiem lake", "hoan-kiem-lake"),
        ("Hồ Hoàn Kiếm", "hoan-kiem-lake"),
        ("Hồ Gươm", "hoan-kiem-lake"),  # the other name, in brackets
        ("noi bai airport", "noi-bai-airport"),
        ("Ga Hà Nội", "hanoi-railway-station"),
    ],
)
def test_gazetteer_finds_bundled_places_with_or_without_diacritics(
    gazetteer: Gazetteer, query: str, expected: str
) -> None:
    place = gazetteer.find(query)
    assert place is not None
    assert place.id == expected


def test_gazetteer_returns_villages_as_places_with_their_coordinates(
    gazetteer: Gazetteer, hanoi: Any
) -> None:
    village = hanoi.get("bat-trang")
    place = gazetteer.find("Bát Tràng")
    assert isinstance(place, Place)
    assert (place.id, place.name, place.name_en) == (village.id, village.name_vi, village.name_en)
    assert (place.lat, place.lon) == (village.lat, village.lon)
    assert place.coord_kind == village.coord_kind == "village"
    assert place.coord_precision_m == village.coord_precision_m
    assert place.coord_source == village.coord_source


def test_gazetteer_holds_start_points_and_all_villages(gazetteer: Gazetteer, hanoi: Any) -> None:
    assert len(gazetteer) == 4 + len(hanoi)
    assert "hoan-kiem-lake" in gazetteer
    assert all(v.id in gazetteer for v in hanoi)


def test_gazetteer_find_returns_none_when_nothing_matches(gazetteer: Gazetteer) -> None:
    assert gazetteer.find("12 Hàng Bạc, Hoàn Kiếm") is None


def test_gazetteer_refuses_an_ambiguous_name_and_lists_the_candidates(
    gazetteer: Gazetteer,
) -> None:
    with pytest.raises(UnknownPlaceError) as info:
        gazetteer.find("Phung Xa")  # a weaving village and a metalwork village
    assert info.value.ambiguous
    assert set(info.value.candidates) == {"phung-xa-my-duc", "phung-xa-thach-that"}


def test_gazetteer_of_custom_places() -> None:
    hotel = Place("hotel-sen", "Khách sạn Sen", 21.03, 105.85, name_en="Lotus Hotel")
    gazetteer = Gazetteer([hotel])
    assert gazetteer.find("khach san sen") is hotel
    assert gazetteer.find("lotus hotel") is hotel
    assert gazetteer.get("hotel-sen") is hotel
    with pytest.raises(UnknownPlaceError, match="did you mean: hotel-sen"):
        gazetteer.get("khach san se")


def test_gazetteer_refuses_duplicate_ids() -> None:
    place = Place("hotel", "Khách sạn", 21.03, 105.85)
    with pytest.raises(DataError, match="duplicate place id 'hotel'"):
        Gazetteer([place, place])


def test_bundled_gazetteer_over_a_chosen_set_of_villages(hanoi: Any) -> None:
    chosen = hanoi.with_theme("ceramics")
    gazetteer = Gazetteer.bundled(chosen)
    assert len(gazetteer) == 4 + len(chosen)
    assert gazetteer.find("Bát Tràng") is not None
    assert gazetteer.find("Vạn Phúc") is None  # a silk village, not in the chosen set
    assert gazetteer.find("Ga Hà Nội") is not None  # start points are always there
