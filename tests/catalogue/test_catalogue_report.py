"""The catalogue's report (Markdown, JSON) and the folder write_catalogue writes."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from tourplan.catalogue import Area, Catalogue, CatalogueNote
from tourplan.exceptions import DataError, ExportError
from tourplan.export import (
    catalogue_to_dict,
    catalogue_to_json,
    read_json,
    write_catalogue,
)
from tourplan.export.catalogue import route_files
from tourplan.plan import check_itinerary
from tourplan.text import (
    catalogue_to_markdown,
    coverage_text,
    craft_name,
    explain,
    note_text,
    route_description,
    route_name,
)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_markdown_names_every_route_and_the_coverage(ten_routes: Catalogue, lang: str) -> None:
    text = catalogue_to_markdown(ten_routes, lang=lang)
    assert text.startswith("# ")
    for route in ten_routes.routes:
        assert f"### {route.number}. {route_name(route, lang)}" in text  # type: ignore[arg-type]
        assert route_description(route, lang) in text  # type: ignore[arg-type]
        assert f"`{route.id}`" in text
        for path in route_files(route).values():
            assert f"]({path})" in text
        for stop in route.itinerary.stops:
            assert f"{stop.start:%H:%M}–{stop.end:%H:%M}" in text
            assert craft_name(stop.village, lang) in text  # type: ignore[arg-type]
    assert coverage_text(ten_routes, lang) in text
    for x in ten_routes.left_out:
        assert f"(`{x.village.id}`): {explain(x, lang)}" in text  # type: ignore[arg-type]


def test_coverage_line_in_both_languages(ten_routes: Catalogue) -> None:
    covered, total = len(ten_routes.covered), len(ten_routes.villages)
    share = round(ten_routes.coverage * 100)
    assert (
        coverage_text(ten_routes) == f"covers {covered} of {total} villages, {share} % of interest"
    )
    assert (
        coverage_text(ten_routes, "vi") == f"bao phủ {covered}/{total} làng, {share} % điểm hấp dẫn"
    )
    with pytest.raises(DataError):
        coverage_text(ten_routes, "fr")


def test_markdown_table_cells_escape_pipes(ten_routes: Catalogue) -> None:
    import dataclasses

    route = dataclasses.replace(ten_routes.routes[0], area=Area("district", "Silk | lacquer"))
    catalogue = dataclasses.replace(ten_routes, routes=(route,))
    text = catalogue_to_markdown(catalogue, lang="en")
    assert " in Silk \\| lacquer |" in text


def test_json_agrees_with_the_catalogue(ten_routes: Catalogue) -> None:
    data = json.loads(catalogue_to_json(ten_routes))
    assert data == catalogue_to_dict(ten_routes)
    assert data["generator"].startswith("tourplan ")
    request = data["request"]
    assert request["date"] == "2026-12-05"
    assert request["routes"] == 10
    assert request["max_routes_per_village"] == 1
    assert request["lunch"] == {"earliest": "11:00", "latest": "13:00", "minutes": 60}
    assert data["hub"]["id"] == ten_routes.hub.id
    assert len(data["routes"]) == len(ten_routes.routes)
    for record, route in zip(data["routes"], ten_routes.routes, strict=True):
        day = route.day
        assert record["id"] == route.id
        assert record["number"] == route.number
        assert record["name_vi"] == route_name(route, "vi")
        assert record["name_en"] == route_name(route, "en")
        assert record["description_en"] == route_description(route, "en")
        assert record["stops"] == list(route.village_ids)
        assert record["themes"] == list(route.themes)
        assert record["interest"] == route.itinerary.interest
        assert record["departure"] == day.departure.isoformat()
        assert record["arrival"] == day.arrival.isoformat()
        assert record["travel_minutes"] == round(day.travel_time.total_seconds() / 60)
        assert record["distance_km"] == pytest.approx((day.distance_m or 0) / 1000, abs=0.01)
        assert record["files"] == route_files(route)
    assert data["covered"] == list(ten_routes.covered)
    assert [x["id"] for x in data["not_covered"]] == [x.village.id for x in ten_routes.left_out]
    assert [x["explanation"] for x in data["not_covered"]] == [
        explain(x, "vi") for x in ten_routes.left_out
    ]
    assert data["overlap"] == {}
    assert data["theme_mix"] == ten_routes.theme_mix
    coverage = data["coverage"]
    assert coverage["villages_covered"] == len(ten_routes.covered)
    assert coverage["villages_total"] == len(ten_routes.villages)
    assert coverage["interest_share"] == pytest.approx(ten_routes.coverage, abs=1e-4)
    assert coverage["interest_covered"] / coverage["interest_total"] == pytest.approx(
        ten_routes.coverage
    )
    assert coverage["interest_covered"] == sum(r["interest"] for r in data["routes"])
    assert data["notes"] == [note_text(n, "vi") for n in ten_routes.notes]
    english = catalogue_to_dict(ten_routes, lang="en")
    assert [x["explanation"] for x in english["not_covered"]] == [
        explain(x, "en") for x in ten_routes.left_out
    ]


def test_folder_holds_the_report_and_every_route(ten_routes: Catalogue, tmp_path: Path) -> None:
    folder = tmp_path / "new" / "catalogue"  # created with its parents
    written = write_catalogue(ten_routes, folder, lang="en")
    assert written[:2] == [folder / "README.md", folder / "catalogue.json"]
    assert len(written) == 2 + 3 * len(ten_routes.routes)
    assert all(p.is_file() for p in written)
    assert sorted(p.name for p in (folder / "routes").iterdir()) == sorted(
        p.name for p in written[2:]
    )
    assert (folder / "README.md").read_text("utf-8") == catalogue_to_markdown(ten_routes, lang="en")
    assert json.loads((folder / "catalogue.json").read_text("utf-8")) == catalogue_to_dict(
        ten_routes, lang="en"
    )
    trip = ten_routes.request.trip_request()
    for route in ten_routes.routes:
        files = {ext: folder / path for ext, path in route_files(route).items()}
        assert files["ics"].name == f"{route.number:02d}-{route.id}.ics"
        calendar = icalendar.Calendar.from_ical(files["ics"].read_bytes())
        events = [e for e in calendar.walk("VEVENT")]
        assert len(events) >= len(route.village_ids)
        assert all(e.decoded("dtstart").date() == route.day.date for e in events)
        geojson = json.loads(files["geojson"].read_text("utf-8"))
        assert geojson["type"] == "FeatureCollection"
        assert geojson["features"]
        loaded = read_json(files["json"])
        assert loaded.village_ids == route.village_ids
        assert check_itinerary(loaded, trip) == []


def test_an_existing_folder_keeps_the_files_the_catalogue_does_not_write(
    ten_routes: Catalogue, tmp_path: Path
) -> None:
    (tmp_path / "routes").mkdir()
    (tmp_path / "routes" / "99-old-route.ics").write_text("old", "utf-8")
    (tmp_path / "README.md").write_text("old report", "utf-8")
    write_catalogue(ten_routes, tmp_path)
    assert (tmp_path / "routes" / "99-old-route.ics").read_text("utf-8") == "old"
    assert (tmp_path / "README.md").read_text("utf-8").startswith("# Các tuyến trải nghiệm")
    assert not list(tmp_path.rglob("*.tmp"))  # the atomic writes leave no temporary files


def test_a_folder_that_cannot_be_created_is_an_export_error(
    ten_routes: Catalogue, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    with pytest.raises(ExportError, match="cannot create folder"):
        write_catalogue(ten_routes, blocker / "catalogue")


def test_a_route_file_that_is_a_folder_writes_nothing(
    ten_routes: Catalogue, tmp_path: Path
) -> None:
    # README.md, catalogue.json and the routes before it were written, then ExportError
    first = ten_routes.routes[0]
    blocked = tmp_path / "out" / route_files(first)["json"]
    blocked.mkdir(parents=True)
    with pytest.raises(ExportError, match="it is a folder"):
        write_catalogue(ten_routes, tmp_path / "out", html=True)
    assert [p.relative_to(tmp_path) for p in sorted(tmp_path.rglob("*"))] == [
        Path("out"),
        Path("out/routes"),
        blocked.relative_to(tmp_path),
    ]


def test_a_catalogue_that_fails_before_the_renames_leaves_no_new_folder(
    ten_routes: Catalogue, tmp_path: Path
) -> None:
    def stdout_fails() -> None:
        raise ExportError("cannot write to stdout: No space left on device")

    with pytest.raises(ExportError, match="stdout"):
        write_catalogue(ten_routes, tmp_path / "a" / "b", before_renames=stdout_fails)
    assert list(tmp_path.iterdir()) == []


def test_an_empty_catalogue_still_has_a_report(ten_routes: Catalogue, tmp_path: Path) -> None:
    import dataclasses

    empty = dataclasses.replace(ten_routes, routes=(), notes=(CatalogueNote("no_theme", "x"),))
    text = catalogue_to_markdown(empty, lang="en")
    assert "covers 0 of" in text
    assert "- no village has the theme 'x'" in text
    assert write_catalogue(empty, tmp_path) == [tmp_path / "README.md", tmp_path / "catalogue.json"]
