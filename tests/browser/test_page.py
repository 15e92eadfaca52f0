"""The map pages in headless Chromium, offline: markers, day lines, schedule, console, print.

The default trip (``tourplan route --html``, one Saturday from Hoàn Kiếm Lake) and a 3-day
trip are planned for real, written as pages and opened in Chromium with no network (see
``conftest.py``). Each test checks what a traveller sees against the itinerary itself.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import tourplan
from tourplan.cli import main
from tourplan.export import read_json, write_html
from tourplan.plan import Itinerary, TripRequest
from tourplan.text import day_heading, place_name

SATURDAY = dt.date(2026, 12, 5)
SEARCH = tourplan.SearchParameters(deterministic=True)


@pytest.fixture(scope="module")
def default_trip(tmp_path_factory: pytest.TempPathFactory) -> tuple[Itinerary, Path]:
    """The CLI's default trip, written by ``tourplan route --html`` (and --json to compare)."""
    folder = tmp_path_factory.mktemp("default")
    page, data = folder / "trip.html", folder / "trip.json"
    args = ["route", "--date", SATURDAY.isoformat(), "--deterministic", "--lang", "en"]
    result = CliRunner().invoke(main, [*args, "--html", str(page), "--json", str(data)])
    assert result.exit_code == 0, result.output
    return read_json(data), page


@pytest.fixture(scope="module")
def three_day_trip(tmp_path_factory: pytest.TempPathFactory) -> tuple[Itinerary, Path]:
    """A 3-day trip in Vietnamese, written with :func:`tourplan.export.write_html`."""
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY, days=3)
    itinerary = tourplan.plan_trip(request, search=SEARCH)
    assert tourplan.check_itinerary(itinerary, request) == []
    page = write_html(itinerary, tmp_path_factory.mktemp("three") / "trip.html", lang="vi")
    return itinerary, page


def _open(browser: Any, page: Path) -> None:
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(page.resolve().as_uri())
    browser.execute_script("return document.readyState")


def _count(browser: Any, selector: str) -> int:
    return int(browser.execute_script(f"return document.querySelectorAll('{selector}').length"))


def _console_errors(browser: Any) -> list[str]:
    return [str(entry["message"]) for entry in browser.get_log("browser")]


def _outside_requests(browser: Any) -> list[str]:
    names = browser.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
    )
    return [n for n in names if not n.startswith(("file:", "data:"))]


@pytest.mark.parametrize("trip", ["default_trip", "three_day_trip"])
def test_page_shows_a_marker_per_stop_and_a_line_per_day_offline(
    trip: str, request: pytest.FixtureRequest, browser: Any, artefacts: Path
) -> None:
    itinerary, page = request.getfixturevalue(trip)
    _open(browser, page)
    # a long stay split by lunch is one marker (Day.visit_parts)
    assert _count(browser, ".leaflet-marker-icon .tp-stop") == len(itinerary.visits)
    assert _count(browser, "path.tp-day-line") == len(itinerary.days)
    for number, day in enumerate(itinerary.days, start=1):
        section = f'section.tp-day[data-day="{number}"]'
        shown = browser.execute_script(
            f"return Array.from(document.querySelectorAll('{section} .tp-stop'))"
            ".map(function (m) { return m.textContent; })"
        )
        assert shown == [str(n) for n in range(1, len(day.visits) + 1)]
        # Each day's line is drawn: it has a size on the map.
        box = browser.execute_script(
            f"var p = document.querySelector('{section} path.tp-day-line');"
            "var b = p.getBoundingClientRect(); return [b.width, b.height];"
        )
        assert max(box) > 20
    assert _console_errors(browser) == []
    assert _outside_requests(browser) == []
    browser.save_screenshot(str(artefacts / f"{trip}.png"))


@pytest.mark.parametrize("trip", ["default_trip", "three_day_trip"])
def test_schedule_text_matches_the_itinerary(
    trip: str, request: pytest.FixtureRequest, browser: Any
) -> None:
    itinerary, page = request.getfixturevalue(trip)
    lang = "en" if trip == "default_trip" else "vi"
    _open(browser, page)
    for number, day in enumerate(itinerary.days, start=1):
        text = browser.execute_script(
            f'return document.querySelector(\'section.tp-day[data-day="{number}"] '
            ".tp-schedule').innerText"
        )
        assert day_heading(day, number, lang) in text
        for stop in day.stops:
            assert f"{stop.start:%H:%M}–{stop.end:%H:%M}" in text
            assert place_name(stop.village, lang) in text
        for brk in day.breaks:
            assert f"{brk.start:%H:%M}–{brk.end:%H:%M}" in text
    left_out = browser.execute_script("return document.querySelectorAll('.tp-left-out li').length")
    assert left_out == len(itinerary.left_out)


def test_a_popup_opens_with_the_visit_facts(
    default_trip: tuple[Itinerary, Path], browser: Any
) -> None:
    itinerary, page = default_trip
    _open(browser, page)
    browser.execute_script("document.querySelector('.tp-stop').parentNode.click()")
    text = browser.execute_script("return document.querySelector('.leaflet-popup').innerText")
    stop = itinerary.days[0].stops[0]
    assert f"1. {place_name(stop.village, 'en')}" in text
    assert f"{stop.start:%H:%M}–{stop.end:%H:%M}" in text
    assert "Opening hours" in text and "Position" in text


def test_print_gives_one_page_per_day_then_the_summary(
    three_day_trip: tuple[Itinerary, Path], browser: Any, artefacts: Path
) -> None:
    from pypdf import PdfReader
    from selenium.webdriver.common.print_page_options import PrintOptions

    itinerary, page = three_day_trip
    _open(browser, page)
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7  # A4, cm
    options.margin_top = options.margin_bottom = 1.2
    options.margin_left = options.margin_right = 1.2
    options.background = True
    pdf = base64.b64decode(browser.print_page(options))
    (artefacts / "three_day_trip.pdf").write_bytes(pdf)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    days = len(itinerary.days)
    # one page per day, then the summary; its list of the 92 villages left out (93-village
    # data, issue #18) may run on to another page
    assert days + 1 <= len(pages) <= days + 2
    headings = [day_heading(day, n, "vi") for n, day in enumerate(itinerary.days, start=1)]
    for number, text in enumerate(pages[:days]):
        # each day's page holds its own heading and no other day's
        assert [h for h in headings if h in " ".join(text.split())] == [headings[number]]
    assert "Cả chuyến" in pages[days]
    assert not any(h in " ".join(p.split()) for p in pages[days:] for h in headings)


def test_catalogue_index_shows_every_route(tmp_path: Path, browser: Any, artefacts: Path) -> None:
    out = tmp_path / "catalogue"
    args = ["catalogue", "--routes", "3", "--date", SATURDAY.isoformat(), "--deterministic"]
    result = CliRunner().invoke(main, [*args, "--html", "--lang", "en", "--out", str(out)])
    assert result.exit_code == 0, result.output
    catalogue = __import__("json").loads((out / "catalogue.json").read_text(encoding="utf-8"))
    routes = catalogue["routes"]
    _open(browser, out / "index.html")
    assert _count(browser, "path.tp-day-line") == len(routes)
    assert _count(browser, ".leaflet-marker-icon .tp-stop") == sum(len(r["stops"]) for r in routes)
    assert _count(browser, ".leaflet-control-layers-overlays input") == len(routes) + 1  # + tiles
    links = browser.execute_script(
        "return Array.from(document.querySelectorAll('.tp-routes a'))"
        ".map(function (a) { return a.getAttribute('href'); })"
    )
    assert len(links) == len(routes)
    assert all((out / link).is_file() for link in links)
    assert _console_errors(browser) == []
    assert _outside_requests(browser) == []
    browser.save_screenshot(str(artefacts / "catalogue_index.png"))
    _open(browser, out / links[0])
    assert _count(browser, ".leaflet-marker-icon .tp-stop") == len(routes[0]["stops"])
    assert _console_errors(browser) == []


def test_a_day_without_stops_leaves_every_map_drawn(browser: Any, tmp_path: Path) -> None:
    # Regression: a day without stops fitted its map to one point; Leaflet threw "Invalid
    # LatLng object: (NaN, NaN)" and the later days' maps were never drawn. Here the first
    # day (a Monday) has no stop: the only village is closed on Mondays.
    lab = tourplan.Village(
        "lab",
        "Xưởng gốm",
        "Pottery lab",
        21.05,
        105.84,
        90,
        tourplan.OpeningHours.parse("Tu-Su 09:00-17:00"),
        80,
    )
    monday = dt.date(2026, 12, 7)
    request = TripRequest.for_days("hoan-kiem-lake", monday, days=2)
    itinerary = tourplan.plan_trip(request, tourplan.Villages([lab]), search=SEARCH)
    assert [len(day.stops) for day in itinerary.days] == [0, 1]  # the premise
    page = write_html(itinerary, tmp_path / "trip.html", lang="en")
    _open(browser, page)
    assert _console_errors(browser) == []
    # every day's map is a Leaflet map with its panes, and the second day's stop is shown
    assert _count(browser, ".folium-map.leaflet-container") == len(itinerary.days)
    assert _count(browser, 'section.tp-day[data-day="2"] .tp-stop') == 1
