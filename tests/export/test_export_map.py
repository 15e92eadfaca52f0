"""The map page, GPX and KML exports, read back without a browser: structure, words, schema.

The GPX is validated against the GPX 1.1 XML Schema committed in ``tests/export/data``
(see its README); the KML is parsed with lxml. Browser tests are in ``tests/browser``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tourplan.exceptions import DataError, ExportError
from tourplan.export import (
    itinerary_to_gpx,
    itinerary_to_html,
    itinerary_to_kml,
    read_json,
    write_gpx,
    write_html,
    write_kml,
)
from tourplan.export._common import xml_text
from tourplan.plan import Itinerary
from tourplan.text import explain, place_name

GPX_XSD = Path(__file__).parent / "data" / "gpx-1.1.xsd"
GPX = "{http://www.topografix.com/GPX/1/1}"
KML = "{http://www.opengis.net/kml/2.2}"


@pytest.fixture(scope="module")
def gpx_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(GPX_XSD)))


class _Resources(HTMLParser):
    """Every resource a page would load: script src, link href, img src, iframe src."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in {"script", "img", "iframe"} and values.get("src"):
            self.loads.append(str(values["src"]))
        if tag == "link" and values.get("href"):
            self.loads.append(str(values["href"]))


def _popups(page: str) -> list[str]:
    """The HTML of every popup of the page (bound as JSON strings in the map scripts)."""
    found = re.findall(r"\.setContent\((\"(?:[^\"\\]|\\.)*\")\)", page)
    return [json.loads(text) for text in found]


# -- the page -------------------------------------------------------------------------------------


def test_page_loads_nothing_from_outside(itinerary: Itinerary) -> None:
    page = itinerary_to_html(itinerary, lang="en")
    parser = _Resources()
    parser.feed(page)
    assert parser.loads == []
    assert "cdn." not in page and "bootstrap" not in page.lower()
    assert "L.map(" in page and "Leaflet 1.9.4" in page  # Leaflet itself is inlined


def test_page_has_one_stop_marker_per_stop_and_one_line_per_day(itinerary: Itinerary) -> None:
    page = itinerary_to_html(itinerary, lang="en")
    assert page.count('class=\\"tp-marker tp-stop') == len(itinerary.visits)
    assert page.count('"className": "tp-day-line"') == len(itinerary.days)
    assert page.count('class="tp-day"') == len(itinerary.days)


def test_popups_give_times_craft_length_hours_and_precision(itinerary: Itinerary) -> None:
    popups = _popups(itinerary_to_html(itinerary, lang="en"))
    # one per stop and per start/end place (day 1 starts and ends at one place, day 2 not)
    assert len(popups) == len(itinerary.visits) + 1 + 2
    page = "\n".join(popups)
    # Bát Tràng: visit 08:40–10:10, 1 h 30 min, landmark within 150 m; Kim Lan: a wait.
    assert "Visit</th><td>08:40–10:10" in page
    assert "Visit length</th><td>1 h 30 min" in page
    assert "Craft</th><td>Ceramics; blue-glaze porcelain" in page
    assert "Opening hours</th><td>Mon–Fri 08:00–11:30, 13:30–17:00; closed Sat, Sun" in page
    assert "a landmark, within about 150 m" in page
    assert "Wait</th><td>10 min" in page
    assert "Lunch</th><td>11:45–13:05" in page


def test_commune_points_say_approximate_position(
    build_one_stop: Callable[..., Itinerary],
) -> None:
    trip = build_one_stop(name_vi="Làng X")
    day = trip.days[0]
    stop = day.stops[0]
    village = stop.village.__class__(
        **{**stop.village.__dict__, "coord_kind": "commune_centroid", "coord_precision_m": 1500}
    )
    moved = stop.__class__(village, stop.arrival, stop.start, stop.end)
    trip = Itinerary(days=(day.__class__(**{**day.__dict__, "stops": (moved,)}),))
    english = "\n".join(_popups(itinerary_to_html(trip, lang="en")))
    assert "approximate position (centre of the commune), within about 1500 m" in english
    assert "vị trí gần đúng (trung tâm xã)" in "\n".join(_popups(itinerary_to_html(trip)))


def test_schedule_totals_and_left_out_in_both_languages(itinerary: Itinerary) -> None:
    left = itinerary.left_out[0]
    for lang, day_word, lunch in (("en", "Day 1", "Lunch at"), ("vi", "Ngày 1", "Ăn trưa tại")):
        page = itinerary_to_html(itinerary, lang=lang)
        assert day_word in page and lunch in page
        assert place_name(left.village, lang) in page
        assert explain(left, lang) in page
        assert 'lang="' + lang + '"' in page
    assert "08:40–10:10</td><td><span" in itinerary_to_html(itinerary, lang="en")
    assert "2 days: 4 stops" in itinerary_to_html(itinerary, lang="en")


def test_page_refuses_other_languages(itinerary: Itinerary) -> None:
    with pytest.raises(DataError, match="lang"):
        itinerary_to_html(itinerary, lang="fr")


def test_page_escapes_markup_in_names(build_one_stop: Callable[..., Itinerary]) -> None:
    trip = build_one_stop(name_vi="<script>alert(1)</script> & `${x}`")
    page = itinerary_to_html(trip, lang="vi")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in "\n".join(_popups(page))


def test_tiles_are_a_layer_shown_only_when_asked(itinerary: Itinerary) -> None:
    offline = itinerary_to_html(itinerary, lang="en")
    online = itinerary_to_html(itinerary, lang="en", tiles=True)
    assert "tile.openstreetmap.org" in offline  # offered in the layer control ...
    layer = re.compile(r"var (tile_layer_\w+) = L\.tileLayer")
    name = layer.search(offline)
    assert name is not None
    assert f"{name.group(1)}.addTo(" not in offline  # ... but not added until ticked
    name_online = layer.search(online)
    assert name_online is not None and f"{name_online.group(1)}.addTo(" in online


def test_write_html_is_atomic_and_returns_the_path(itinerary: Itinerary, tmp_path: Path) -> None:
    target = write_html(itinerary, tmp_path / "trip.html", lang="en")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["trip.html"]


# -- GPX ------------------------------------------------------------------------------------------


def test_gpx_validates_against_the_gpx_1_1_schema(
    itinerary: Itinerary, gpx_schema: etree.XMLSchema
) -> None:
    document = etree.fromstring(itinerary_to_gpx(itinerary, lang="en").encode())
    gpx_schema.assertValid(document)


def test_gpx_has_a_waypoint_per_stop_with_utc_times_and_a_route_per_day(
    itinerary: Itinerary,
) -> None:
    document = etree.fromstring(itinerary_to_gpx(itinerary, lang="en").encode())
    waypoints = document.findall(f"{GPX}wpt")
    assert len(waypoints) == len(itinerary.visits)
    first = waypoints[0]
    assert first.findtext(f"{GPX}name") == "1.1 Bát Tràng pottery village; ceramics, glazes"
    assert first.findtext(f"{GPX}time") == "2026-03-02T01:40:00Z"  # 08:40 in Hanoi
    assert "Visit length: 1 h 30 min" in (first.findtext(f"{GPX}desc") or "")
    routes = document.findall(f"{GPX}rte")
    assert len(routes) == len(itinerary.days)
    for route, day in zip(routes, itinerary.days, strict=True):
        assert len(route.findall(f"{GPX}rtept")) == len(day.visits) + 2  # start, visits, end


def test_gpx_reads_back_with_gpxpy(itinerary: Itinerary, tmp_path: Path) -> None:
    import gpxpy

    path = write_gpx(itinerary, tmp_path / "trip.gpx", lang="vi")
    parsed = gpxpy.parse(path.read_text(encoding="utf-8"))
    assert [w.name.split(" ", 1)[1] for w in parsed.waypoints] == [
        s.village.name_vi for s in itinerary.stops
    ]
    assert [w.time for w in parsed.waypoints] == [s.start for s in itinerary.stops]


# -- KML ------------------------------------------------------------------------------------------


def test_kml_has_a_folder_per_day_and_placemarks_with_descriptions(
    itinerary: Itinerary, tmp_path: Path
) -> None:
    path = write_kml(itinerary, tmp_path / "trip.kml", lang="en")
    root = etree.parse(str(path)).getroot()
    assert root.tag == f"{KML}kml"
    folders = root.findall(f"{KML}Document/{KML}Folder")
    assert len(folders) == len(itinerary.days)
    for folder, day in zip(folders, itinerary.days, strict=True):
        stops = [
            p for p in folder.findall(f"{KML}Placemark") if p.find(f"{KML}TimeSpan") is not None
        ]
        assert len(stops) == len(day.visits)
        assert all("Opening hours:" in (p.findtext(f"{KML}description") or "") for p in stops)
        lines = folder.findall(f".//{KML}LineString")
        assert len(lines) == 1
    # Day 1's first leg follows the road path: its five points lead the line.
    coords = folders[0].findtext(f".//{KML}LineString/{KML}coordinates") or ""
    assert coords.split()[:2] == ["105.852248,21.028778", "105.8601,21.0222"]


TEXT = st.text(st.characters(codec="utf-8"), max_size=30)


@settings(max_examples=40, deadline=None)
@given(name_vi=TEXT.filter(lambda t: t.strip() != ""), craft=TEXT, hours_note=TEXT)
def test_any_text_gives_valid_gpx_and_kml(
    build_one_stop: Callable[..., Itinerary], name_vi: str, craft: str, hours_note: str
) -> None:
    trip = build_one_stop(name_vi=name_vi, craft=craft, hours_note=hours_note)
    schema = etree.XMLSchema(etree.parse(str(GPX_XSD)))
    schema.assertValid(etree.fromstring(itinerary_to_gpx(trip, lang="vi").encode()))
    kml = etree.fromstring(itinerary_to_kml(trip, lang="vi").encode())
    names = [p.findtext(f"{KML}name") for p in kml.findall(f".//{KML}Placemark")]
    assert len(names) == 3  # the start, the stop and the day's line
    assert names[1] == "1. " + xml_text(trip.stops[0].village.name_vi)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Bát\rTràng\r\n", "Bát\nTràng\n"),  # CR and CRLF read back as LF in any XML parser
        ("a\x00b\x1fc\td", "abc\td"),  # controls XML cannot hold are dropped, tab kept
        ("emoji 🏺", "emoji 🏺"),  # outside the BMP: kept
    ],
)
def test_xml_text_keeps_what_xml_can_hold(text: str, kept: str) -> None:
    assert xml_text(text) == kept


# -- text, the optional extra and the command line ------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(name_vi=TEXT.filter(lambda t: t.strip() != ""), craft=TEXT)
def test_any_name_gives_one_marker_and_an_escaped_popup(
    build_one_stop: Callable[..., Itinerary], name_vi: str, craft: str
) -> None:
    trip = build_one_stop(name_vi=name_vi, craft=craft)
    page = itinerary_to_html(trip, lang="vi")
    assert page.count('class=\\"tp-marker tp-stop') == 1
    name = trip.stops[0].village.name_vi
    assert f"<b>1. {html.escape(name)}</b>" in "\n".join(_popups(page))


@pytest.mark.parametrize(
    ("module", "call"),
    [
        ("folium", lambda trip: itinerary_to_html(trip)),
        ("gpxpy", lambda trip: itinerary_to_gpx(trip)),
    ],
)
def test_missing_map_extra_names_the_extra(
    itinerary: Itinerary,
    monkeypatch: pytest.MonkeyPatch,
    module: str,
    call: Callable[[Itinerary], str],
) -> None:
    import sys

    for name in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(ExportError, match=r"tourplan\[map\]"):
        call(itinerary)


def test_route_command_writes_html_gpx_and_kml(tmp_path: Path, gpx_schema: etree.XMLSchema) -> None:
    from click.testing import CliRunner

    from tourplan.cli import main

    base = ["route", "--date", "2026-12-05", "--days", "2", "--deterministic", "--lang", "en"]
    files = {ext: tmp_path / f"trip.{ext}" for ext in ("html", "kml", "json")}
    result = CliRunner().invoke(
        main,
        [
            *base,
            *("--html", str(files["html"]), "--kml", str(files["kml"])),
            *("--json", str(files["json"]), "--gpx", "-"),
        ],
    )
    assert result.exit_code == 0, result.output
    trip = read_json(files["json"])
    gpx = etree.fromstring(result.stdout.encode())
    gpx_schema.assertValid(gpx)
    visits = sum(len(day.visits) for day in trip.days)  # a split stay is one waypoint
    assert len(gpx.findall(f"{GPX}wpt")) == visits
    assert len(gpx.findall(f"{GPX}rte")) == 2
    kml = etree.parse(str(files["kml"])).getroot()
    assert len(kml.findall(f"{KML}Document/{KML}Folder")) == 2
    page = files["html"].read_text(encoding="utf-8")
    assert page.count('class=\\"tp-marker tp-stop') == visits


def test_route_command_refuses_two_map_outputs_on_stdout() -> None:
    from click.testing import CliRunner

    from tourplan.cli import main

    result = CliRunner().invoke(main, ["route", "--gpx", "-", "--kml", "-"])
    assert result.exit_code == 2
    assert "only one output can go to stdout (-), got --gpx and --kml" in result.output


def test_day_line_follows_the_road_path_then_straight_legs(itinerary: Itinerary) -> None:
    from tourplan.export.html import day_line

    day = itinerary.days[0]
    road = [(lat, lon) for lon, lat in day.legs[0].path]  # Hoàn Kiếm -> Bát Tràng by road
    kim_lan = (day.stops[1].village.lat, day.stops[1].village.lon)
    start = (day.start_place.lat, day.start_place.lon)
    assert day_line(day) == [*road, kim_lan, start]  # then two straight legs, no repeats
    page = itinerary_to_html(itinerary, lang="en")
    line = json.dumps([list(p) for p in day_line(day)], separators=(",", ":"))
    assert line in page.replace("\n", "").replace(" ", "")


def test_catalogue_folder_gets_an_index_and_a_page_gpx_kml_per_route(
    tmp_path: Path, gpx_schema: etree.XMLSchema
) -> None:
    import tourplan
    from tourplan.catalogue import CatalogueRequest
    from tourplan.export import write_catalogue

    catalogue = tourplan.plan_catalogue(
        CatalogueRequest(date="2026-12-05", routes=2),
        search=tourplan.SearchParameters(deterministic=True),
    )
    written = write_catalogue(catalogue, tmp_path, lang="en", html=True, gpx=True, kml=True)
    assert tmp_path / "index.html" in written
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert index.count('"className": "tp-day-line"') == len(catalogue.routes)
    assert index.count('class=\\"tp-marker tp-stop') == sum(
        len(r.village_ids) for r in catalogue.routes
    )
    for route in catalogue.routes:
        stem = next(p for p in written if p.suffix == ".json" and f"-{route.id}" in p.name)
        page = stem.with_suffix(".html")
        assert f'href="routes/{page.name}"' in index
        assert page.read_text(encoding="utf-8").count("tp-day-line") >= 1
        gpx_schema.assertValid(etree.parse(str(stem.with_suffix(".gpx"))))
        kml = etree.parse(str(stem.with_suffix(".kml"))).getroot()
        assert len(kml.findall(f"{KML}Document/{KML}Folder")) == 1
