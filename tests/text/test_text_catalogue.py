"""A catalogue's words: route names, descriptions, areas and notes in both languages."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tourplan import DataError, SearchParameters, plan_catalogue
from tourplan.catalogue import Area, Catalogue, CatalogueNote, CatalogueRequest
from tourplan.text import (
    area_text,
    craft_name,
    note_text,
    place_name,
    route_description,
    route_name,
)
from tourplan.text.words import THEME_LABELS


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    """Four routes over the bundled villages (deterministic search)."""
    request = CatalogueRequest(date="2026-12-05", routes=4)
    return plan_catalogue(request, search=SearchParameters(deterministic=True, iteration_limit=500))


def test_names_and_descriptions_name_the_villages_and_crafts_in_both_languages(
    catalogue: Catalogue,
) -> None:
    assert catalogue.routes
    for route in catalogue.routes:
        top_vi, top_en = THEME_LABELS[route.themes[0]]
        assert top_vi in route_name(route, "vi").lower()
        assert top_en in route_name(route, "en").lower()
        for stop in route.itinerary.stops:
            v = stop.village
            assert v.name_vi in route_description(route, "vi")
            assert craft_name(v, "vi") in route_description(route, "vi")
            assert place_name(v, "en") in route_description(route, "en")
            assert craft_name(v, "en") in route_description(route, "en")


def test_a_highlight_names_the_village(catalogue: Catalogue) -> None:
    route = catalogue.routes[0]
    village = route.itinerary.stops[0].village
    marked = dataclasses.replace(route, highlight=village.id)
    assert route_name(marked, "vi") == f"{route_name(route, 'vi')}: {village.name_vi}"
    assert route_name(marked, "en").endswith(f": {place_name(village, 'en')}")


@pytest.mark.parametrize(
    ("area", "vi", "en"),
    [
        (Area("across_river"), "bên kia sông Hồng", "across the Red River"),
        (Area("district", district="Gia Lâm"), "ở Gia Lâm", "in Gia Lam"),
        (Area("direction", direction="south_west"), "phía tây nam Hà Nội", "south-west of Hanoi"),
    ],
)
def test_areas(area: Area, vi: str, en: str) -> None:
    assert (area_text(area, "vi"), area_text(area, "en")) == (vi, en)


def test_notes_in_both_languages() -> None:
    short = CatalogueNote(
        "routes_too_short", asked=10, made=3, min_stops=2, day_window=(dt.time(8), dt.time(17))
    )
    assert note_text(short, "en").startswith("asked for 10 routes; only 3 have at least 2 stops")
    assert note_text(short, "en").endswith("within 08:00-17:00")
    assert note_text(short, "vi").startswith("yêu cầu 10 tuyến; chỉ 3 tuyến")
    full = CatalogueNote("villages_exhausted", asked=40, made=4, reachable=8, per_village=1)
    assert "more routes would have to share villages" in note_text(full, "en")
    assert note_text(CatalogueNote("no_theme", theme="x"), "vi") == "không làng nào có chủ đề 'x'"
    with pytest.raises(DataError) as info:
        note_text(full, "fr")  # type: ignore[arg-type]
    assert info.value.field == "lang"
