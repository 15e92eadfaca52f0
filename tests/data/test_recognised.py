"""The bundled villages after issue #18: sourced, placed in their district, with a status."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
from pathlib import Path

import pytest

import tourplan
from tourplan.geocode.communes import commune_index, strip_district_type
from tourplan.names import fold

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with (DATA / "villages.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_at_least_85_villages_each_sourced_with_status_and_precision(
    rows: list[dict[str, str]],
) -> None:
    assert len(rows) >= 85
    for row in rows:
        assert row["url"].startswith(("http://", "https://")), row["id"]
        assert row["status"] in {"recognised", "traditional", "proposed_for_removal"}, row["id"]
        assert int(row["coord_precision_m"]) > 0, row["id"]
        if row["status"] != "traditional":
            assert row["status_source"].startswith("http"), row["id"]


def test_strike_off_villages_are_marked_and_no_other(rows: list[dict[str, str]]) -> None:
    proposed = {r["id"]: r["status_year"] for r in rows if r["status"] == "proposed_for_removal"}
    assert proposed == {"me-tri-com": "2023", "truong-yen": "2023"}


def test_every_point_lies_in_its_district(rows: list[dict[str, str]]) -> None:
    index = commune_index()
    outside = []
    for row in rows:
        district = index.district(row["old_district"])
        south, west, north, east = index.district_box(district)
        lat, lon = float(row["lat"]), float(row["lon"])
        if not (south <= lat <= north and west <= lon <= east):
            outside.append(row["id"])
    assert outside == []


def test_commune_points_are_the_packages_points(rows: list[dict[str, str]]) -> None:
    index = commune_index()
    points = {(round(c.lat, 6), round(c.lon, 6)) for c in index.communes}
    for row in rows[61:]:  # the rows data/build_recognised.py placed
        if row["coord_kind"] == "commune_centroid":
            assert (float(row["lat"]), float(row["lon"])) in points, row["id"]
            assert 1000 <= int(row["coord_precision_m"]) <= 4000, row["id"]
        else:
            assert row["coord_kind"] == "village" and "GeoNames" in row["coord_source"]
        assert row["visit_minutes_origin"] == "default" == row["opening_hours_origin"]
        assert row["opening_hours"] == "Mo-Su 08:00-17:30"


def test_no_duplicate_ids_or_near_duplicate_names(rows: list[dict[str, str]]) -> None:
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    names = [fold(r["name_vi"]) for r in rows]
    assert len(names) == len(set(names))
    for i, a in enumerate(names):
        close = difflib.get_close_matches(a, names[i + 1 :], n=1, cutoff=0.97)
        assert not close, (a, close)


def test_the_four_tour_villages_are_bundled() -> None:
    hanoi = tourplan.load_hanoi()
    for vid, district in (
        ("vu-lang", "thanh oai"),
        ("ngau-ruou", "thanh tri"),
        ("phuc-am", "thuong tin"),
        ("le-mat", "long bien"),
    ):
        village = hanoi.get(vid)
        assert strip_district_type(village.old_district) == district
        assert village.coord_kind == "commune_centroid"


def test_new_villages_without_evidence_get_the_base_interest() -> None:
    hanoi = tourplan.load_hanoi()
    assert hanoi.get("tran-phu-luoi").interest < hanoi.get("bat-trang").interest
    assert hanoi.get("le-mat").interest > hanoi.get("tran-phu-luoi").interest  # tourist site


def test_ids_fit_the_village_tables_id_column(rows: list[dict[str, str]]) -> None:
    assert [r["id"] for r in rows if len(r["id"]) > 22] == []  # users copy them from the table


def test_catalogues_leave_proposed_for_removal_out_unless_named() -> None:
    hanoi = tourplan.load_hanoi()
    near = hanoi.filter(lambda v: v.id in {"me-tri-com", "vong-com", "trieu-khuc", "phu-do-bun"})
    assert near.get("me-tri-com").status == "proposed_for_removal"
    search = tourplan.SearchParameters(deterministic=True)
    day = dt.date(2026, 12, 5)
    plain = tourplan.plan_catalogue(
        tourplan.CatalogueRequest(date=day, routes=1), near, search=search
    )
    assert plain.routes and "me-tri-com" not in _visited(plain)
    asked = tourplan.CatalogueRequest(date=day, routes=1, must_include=("me-tri-com",))
    named = tourplan.plan_catalogue(asked, near, search=search)
    assert "me-tri-com" in _visited(named)


def _visited(catalogue: tourplan.Catalogue) -> set[str]:
    return {
        stop.village.id
        for route in catalogue.routes
        for day in route.itinerary.days
        for stop in day.stops
    }


def test_english_names_are_written_as_the_reference_writes_them(
    rows: list[dict[str, str]],
) -> None:
    """English names carry no Vietnamese marks ("Bat Trang pottery village"), as the 61
    reference rows do: the rows added from the news once read "Lệ Mật snake village" beside
    "Bat Trang pottery village" in one English list."""
    marked = [r["id"] for r in rows if not r["name_en"].isascii()]
    assert marked == []
    # the names still say the same as the Vietnamese ones, without their marks
    for row in rows:
        if row["status"] == "recognised":
            place = fold(row["name_en"].split(" (")[0]).split()
            assert any(word in fold(row["name_vi"]).split() for word in place), row["id"]
