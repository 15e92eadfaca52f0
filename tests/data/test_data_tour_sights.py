"""Every sight a shared tour names is bundled (as we read the tour) or documented as not bundled.

The shared tours (``../shared/benchmarks/human-tours/tours.json``) name their sights in the
tour's words ("Tram pagoda", "Water puppet show"). This file records which bundled place each
one is, by our reading written in ``data/README.md`` ("Readings and caveats"), and which
are not bundled and why. A tour file that gains a sight fails here until it is read.

``bench/asked.py`` matches sights by name on its own; two of these readings it does not find
by name (``Tram pagoda``, ``Water puppet show``): see :data:`NOT_FOUND_BY_NAME`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tourplan
from tourplan.exceptions import UnknownPlaceError

TOURS = Path(__file__).resolve().parents[2].parent / "shared/benchmarks/human-tours/tours.json"

BUNDLED = {
    "Chùa Tây Phương": "chua-tay-phuong",
    "Thay pagoda": "chua-thay",
    "Tay Phuong pagoda": "chua-tay-phuong",
    "Chùa Khai Nguyên": "chua-khai-nguyen",
    "Temple of Literature": "van-mieu",
    "Water puppet show": "mua-roi-thang-long",  # the show that ends the musement day
    "Tram pagoda": "chua-tram",  # read as chùa Trăm Gian; chùa Trầm is the other candidate
    "West Lake + Tran Quoc pagoda": "chua-tran-quoc",
    "Đại Lộ temple (Ninh Sở, Thường Tín)": "den-dai-lo",
}
"""Sight stops of the tours -> the bundled place they are (our reading)."""

NOT_BUNDLED = {
    "Show 'Tinh Hoa Bắc Bộ'": "no page found says where or when it is performed",
    "Chử Đồng Tử temple": "in Hưng Yên province, outside Hanoi",
    "Đình at Tự Nhiên": "named in passing by the guidebook itinerary; not researched yet",
    "Ceramic mosaic wall / Red River dyke": "a city street sight, not a place to visit",
    "Pottery pier (boats from craft villages)": "a city street sight, not a place to visit",
    "Flower market": "the tour does not say which market",
    "French quarter (Presidential Palace, Cua Bac church, Phan Dinh Phung)": "a city area",
}
"""Sight stops that are not bundled, each with the reason."""

NOT_FOUND_BY_NAME = ("Tram pagoda", "Water puppet show")
"""Readings that the bundled names do not resolve (the gazetteer and ``bench/asked.py``'s
name match miss them): the names are "Chùa Trăm Gian" and "Nhà hát Múa rối Thăng Long"."""


def _sight_stops() -> list[str]:
    if not TOURS.is_file():
        pytest.skip(f"shared tours not available at {TOURS}")
    tours = json.loads(TOURS.read_text(encoding="utf-8"))
    return [s["name"] for t in tours for s in t["stops"] if s["kind"] == "sight"]


def test_every_sight_of_the_shared_tours_is_read(hanoi: tourplan.Villages) -> None:
    stops = _sight_stops()
    unread = [name for name in stops if name not in BUNDLED and name not in NOT_BUNDLED]
    assert unread == []
    for name in stops:
        if name in BUNDLED:
            assert hanoi.get(BUNDLED[name]).is_sight, name


def test_which_readings_the_names_resolve(hanoi: tourplan.Villages) -> None:
    # the gazetteer finds a sight by the tour's words only when they are its name
    for name, vid in BUNDLED.items():
        query = name.split(" (")[0].replace("West Lake + ", "")
        try:
            found = hanoi.get(query).id
        except UnknownPlaceError:
            found = None
        assert (found == vid) == (name not in NOT_FOUND_BY_NAME), name
