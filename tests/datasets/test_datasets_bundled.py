"""The bundled Hanoi dataset: complete, inside Hanoi, faithful to the reference, and plannable."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import tourplan
from tourplan.hours import OpeningHours
from tourplan.model import COORD_KINDS, THEMES

DATA = Path(__file__).resolve().parents[2] / "data"

# Hanoi's territory (after the 2008 enlargement) with a small margin
HANOI_LAT = (20.5, 21.4)
HANOI_LON = (105.25, 106.05)
ORIGINS = {"source", "default", "source+default"}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def in_hanoi(lat: float, lon: float) -> bool:
    return HANOI_LAT[0] <= lat <= HANOI_LAT[1] and HANOI_LON[0] <= lon <= HANOI_LON[1]


def test_loads_in_one_call_with_93_villages_and_11_sights() -> None:
    places = tourplan.load_hanoi()
    assert isinstance(places, tourplan.Villages)
    assert len(places.villages()) == 93  # 61 researched + 32 recognised/tour villages (#18)
    assert len(places.sights()) == 11
    assert len(set(places.ids)) == 104
    assert places == tourplan.load_hanoi()  # deterministic


def test_ids_are_the_reference_ids_in_order(hanoi: tourplan.Villages, reference_dir: Path) -> None:
    reference = read_csv(reference_dir / "hanoi_craft_villages.csv")
    assert len(reference) == 61
    # the researched rows come first; data/build_recognised.py appends its rows after them
    assert list(hanoi.villages().ids)[:61] == [r["id"] for r in reference]


def test_coordinates_are_the_reference_coordinates(
    hanoi: tourplan.Villages, reference_dir: Path
) -> None:
    reference = {r["id"]: r for r in read_csv(reference_dir / "hanoi_craft_villages.csv")}
    for village in hanoi.villages():
        if village.id not in reference:
            continue  # placed by data/build_recognised.py (tests/data/test_recognised.py)
        ref = reference[village.id]
        assert (village.lat, village.lon) == (float(ref["lat"]), float(ref["lon"])), village.id
        assert village.coord_kind == ref["coord_kind"], village.id
        assert village.coord_source == ref["coord_source"].strip(), village.id
        assert village.coord_precision_m == int(ref["coord_precision_m"]), village.id
        assert village.name_vi == ref["name_vi"].strip(), village.id
        assert village.confidence == ref["confidence"], village.id


def test_data_file_copies_coordinates_character_for_character(reference_dir: Path) -> None:
    reference = {r["id"]: r for r in read_csv(reference_dir / "hanoi_craft_villages.csv")}
    for row in read_csv(DATA / "villages.csv"):
        if row["id"] not in reference:
            continue  # placed by data/build_recognised.py
        assert (row["lat"], row["lon"]) == (
            reference[row["id"]]["lat"],
            reference[row["id"]]["lon"],
        )


def test_every_coordinate_is_inside_hanoi_and_documented(hanoi: tourplan.Villages) -> None:
    outside = [v.id for v in hanoi if not in_hanoi(v.lat, v.lon)]
    assert outside == []
    for village in hanoi:
        assert village.coord_source.strip(), village.id
        assert village.coord_kind in COORD_KINDS and village.coord_kind != "user", village.id
        assert village.coord_precision_m is not None, village.id
        assert 0 < village.coord_precision_m <= 20_000, village.id


def test_every_village_is_plannable(hanoi: tourplan.Villages) -> None:
    for village in hanoi:
        assert 0 < village.visit_minutes <= 8 * 60, village.id
        assert isinstance(village.opening_hours, OpeningHours), village.id
        # a visit must fit inside one open span on some day
        assert village.opening_hours.longest_span() >= village.visit_minutes, village.id
        assert 1 <= village.interest <= 100, village.id
        assert village.themes, village.id
        assert set(village.themes) <= set(THEMES), village.id
        assert list(village.themes) == sorted(village.themes), village.id
        assert village.name_en.strip(), village.id
        assert village.confidence in ("high", "medium", "low"), village.id


def test_every_village_opens_on_some_day_of_a_week(hanoi: tourplan.Villages) -> None:
    week = [dt.date(2026, 12, 7) + dt.timedelta(days=i) for i in range(7)]
    for village in hanoi:
        assert any(village.opening_hours.is_open_on(d) for d in week), village.id


def test_hours_in_the_file_are_canonical(hanoi: tourplan.Villages) -> None:
    rows = {r["id"]: r for name in ("villages.csv", "sights.csv") for r in read_csv(DATA / name)}
    for village in hanoi:
        assert OpeningHours.parse(rows[village.id]["opening_hours"]) == village.opening_hours


def test_origins_are_marked(hanoi: tourplan.Villages) -> None:
    for village in hanoi:
        assert village.visit_minutes_origin in ORIGINS, village.id
        assert village.opening_hours_origin in ORIGINS, village.id
    # the file states every origin itself rather than relying on the loader's fallback
    for row in read_csv(DATA / "villages.csv") + read_csv(DATA / "sights.csv"):
        assert row["visit_minutes_origin"] in ORIGINS, row["id"]
        assert row["opening_hours_origin"] in ORIGINS, row["id"]
        assert row["opening_hours"].strip(), row["id"]
    # most durations and hours are judgements; they must not pose as sourced
    counts = Counter(v.opening_hours_origin for v in hanoi)
    assert counts["default"] > 0


def test_defaulted_hours_are_the_plain_daytime_window(hanoi: tourplan.Villages) -> None:
    # regression: 53 villages had an invented 11:30-13:30 closure; a default is never
    # stricter than reality, so every default is the one documented window, without a gap
    default = OpeningHours.parse(tourplan.datasets.DEFAULT_OPENING_HOURS)
    assert all(len(default.on(dt.date(2026, 12, 7) + dt.timedelta(days=i))) == 1 for i in range(7))
    defaulted = [p for p in hanoi if p.opening_hours_origin == "default"]
    assert defaulted
    for place in defaulted:
        assert place.opening_hours == default, place.id
        assert not place.hours_confirmed, place.id


def test_sourced_hours_cite_something(hanoi: tourplan.Villages) -> None:
    for place in hanoi:
        if place.opening_hours_origin != "default":
            assert place.opening_hours_source.strip(), place.id
            assert "http" in place.opening_hours_source, place.id


def test_well_known_villages(hanoi: tourplan.Villages) -> None:
    bat_trang = hanoi.get("bat-trang")
    assert bat_trang.name_vi == "Làng gốm Bát Tràng"
    assert (bat_trang.lat, bat_trang.lon) == (20.983, 105.917)
    assert "ceramics" in bat_trang.themes
    # interest from data/evidence.csv: among the three best-evidenced places
    assert bat_trang.interest >= 60
    assert bat_trang.interest_basis.startswith("evidence:")
    assert hanoi.get("Vạn Phúc").id.startswith("van-phuc")


def test_interest_scores_are_spread(hanoi: tourplan.Villages) -> None:
    scores = [v.interest for v in hanoi]
    assert len(set(scores)) >= 5
    assert min(scores) < 50 < max(scores)


def test_start_points(reference_dir: Path) -> None:
    points = tourplan.load_start_points()
    assert [p.id for p in points] == [
        "hoan-kiem-lake",
        "old-quarter",
        "noi-bai-airport",
        "hanoi-railway-station",
    ]
    reference = {r["id"]: r for r in read_csv(reference_dir / "start_points.csv")}
    for point in points:
        assert in_hanoi(point.lat, point.lon), point.id
        assert (point.lat, point.lon) == (
            float(reference[point.id]["lat"]),
            float(reference[point.id]["lon"]),
        )
        assert point.name == reference[point.id]["name_vi"]
        assert point.coord_source and point.coord_precision_m is not None


def test_start_points_without_reference() -> None:
    points = tourplan.load_start_points()
    assert len(points) == 4
    assert all(in_hanoi(p.lat, p.lon) for p in points)
    lake = points[0]
    assert lake.name == "Hồ Hoàn Kiếm (Hồ Gươm)"
    assert abs(lake.lat - 21.028) < 0.01 and abs(lake.lon - 105.852) < 0.01


def test_data_files_are_strict_utf8_without_bom() -> None:
    for name in ("villages.csv", "start_points.csv"):
        raw = (DATA / name).read_bytes()
        raw.decode("utf-8")
        assert not raw.startswith(b"\xef\xbb\xbf"), name
        assert b"\r\n" not in raw, name
    assert (DATA / "README.md").is_file()
