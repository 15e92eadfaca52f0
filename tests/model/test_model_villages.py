"""The Villages collection: lookups by position, id or name, filters, and distance from a point."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import tourplan
from tourplan.exceptions import DataError, UnknownPlaceError
from tourplan.geodesic import geodesic_m
from tourplan.model import Village, Villages

HOAN_KIEM = (21.0285, 105.8542)


def test_villages_collection(hanoi: tourplan.Villages) -> None:
    assert len(hanoi) == 104  # 93 villages and 11 sights
    assert "bat-trang" in hanoi and "nowhere" not in hanoi
    assert hanoi[0] in hanoi
    assert isinstance(hanoi[1:4], Villages) and len(hanoi[1:4]) == 3
    assert repr(hanoi) == "Villages(104 villages)"
    ceramics = hanoi.with_theme("ceramics")
    assert "bat-trang" in ceramics
    assert all("ceramics" in v.themes for v in ceramics)
    assert hanoi.filter(lambda v: v.interest >= 80).ids == tuple(
        v.id for v in hanoi if v.interest >= 80
    )
    with pytest.raises(DataError, match="unknown theme"):
        hanoi.with_theme("pottery")
    with pytest.raises(DataError, match="duplicate id 'bat-trang'"):
        Villages([hanoi.get("bat-trang"), hanoi.get("bat-trang")])


def test_index_by_id_or_name_returns_the_village(hanoi: tourplan.Villages) -> None:
    # regression: villages["bat-trang"] raised TypeError while villages.get("bat-trang") worked
    assert hanoi["bat-trang"] is hanoi.get("bat-trang")
    assert hanoi["Bát Tràng"].id == "bat-trang"
    assert hanoi["bat trang"].id == "bat-trang"
    assert hanoi[0] is next(iter(hanoi))
    assert hanoi[-1].id == hanoi.ids[-1]
    assert hanoi[2:5].ids == hanoi.ids[2:5]


def test_index_by_an_unknown_id_raises_a_lookup_error_with_suggestions(
    hanoi: tourplan.Villages,
) -> None:
    with pytest.raises(UnknownPlaceError, match="no place matches 'bat-trag'") as info:
        hanoi["bat-trag"]
    assert "bat-trang" in info.value.candidates
    with pytest.raises(LookupError):  # UnknownPlaceError is a LookupError, like KeyError
        hanoi["nowhere-at-all"]


def test_near_sorts_by_geodesic_distance_in_km(hanoi: tourplan.Villages) -> None:
    nearby = hanoi.near(*HOAN_KIEM)
    assert len(nearby) == len(hanoi)
    assert {n.village.id for n in nearby} == set(hanoi.ids)
    distances = [n.distance_km for n in nearby]
    assert distances == sorted(distances)
    bat_trang = next(n for n in nearby if n.village.id == "bat-trang")
    assert bat_trang.distance_km == pytest.approx(
        geodesic_m(*HOAN_KIEM, bat_trang.village.lat, bat_trang.village.lon) / 1000
    )
    assert 5 < bat_trang.distance_km < 15  # Bát Tràng is across the river, about 10 km away


def test_near_keeps_villages_within_the_radius_inclusive(hanoi: tourplan.Villages) -> None:
    everything = hanoi.near(*HOAN_KIEM)
    within = hanoi.near(*HOAN_KIEM, within_km=12)
    assert within == [n for n in everything if n.distance_km <= 12]
    assert 0 < len(within) < len(hanoi)
    edge = everything[3].distance_km
    assert everything[3] in hanoi.near(*HOAN_KIEM, within_km=edge)  # the boundary counts
    assert hanoi.near(*HOAN_KIEM, within_km=0) == []


def test_near_orders_equal_distances_by_id(make_village: Callable[..., Village]) -> None:
    # two villages on the same spot, given in reverse id order, and one further away
    far = make_village(id="a-far", lat=21.1)
    villages = Villages([make_village(id="z-same"), make_village(id="m-same"), far])
    assert [n.village.id for n in villages.near(21.0, 105.9)] == ["m-same", "z-same", "a-far"]
    (first, km), *_ = villages.near(21.0, 105.8)
    assert (first.id, km) == ("m-same", 0.0)


@pytest.mark.parametrize(
    ("lat", "lon", "within_km", "field"),
    [
        (95.0, 105.8, None, "lat"),
        (21.0, 181.0, None, "lon"),
        (21.0, 105.8, -1.0, "within_km"),
        (21.0, 105.8, float("nan"), "within_km"),
    ],
)
def test_near_refuses_bad_arguments(
    hanoi: tourplan.Villages, lat: float, lon: float, within_km: float | None, field: str
) -> None:
    with pytest.raises(DataError) as info:
        hanoi.near(lat, lon, within_km)
    assert info.value.field == field
