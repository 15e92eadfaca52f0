"""The trip as one self-contained HTML page: a Leaflet map and the schedule per day, printable.

Each day is a section: its map (folium/Leaflet: the day's numbered stops in the day's colour,
the start and end, lunch, the road path or straight legs as one line) beside its schedule;
then the trip's totals and the villages left out with the reason. Leaflet is inlined and
tiles are an optional layer (see :mod:`tourplan.export._leaflet`), so the page works offline.
Printed, each day takes a page with its map above its schedule; the totals and the villages
left out follow on a last page. Words come from :mod:`tourplan.text`.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from .._io import atomic_write_text
from ..plan import Day, Itinerary
from ..text import Lang, check_lang, explain, generator, place_name, reason_label
from ..text.page import (
    day_heading,
    day_totals,
    page_word,
    position_text,
    schedule_rows,
    trip_totals,
    visit_facts,
)
from ._leaflet import (
    MapPart,
    add_popup,
    day_colour,
    folium_module,
    leaflet_assets,
    new_map,
    numbered_icon,
    popup_html,
    render_map,
)
from .costs import day_costs_html, trip_costs_html

__all__ = ["day_map", "itinerary_to_html", "page_document", "write_html"]

PAGE_CSS = """
html, body { height: auto; width: auto; }
body { font: 15px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1d2330;
  margin: 0; padding: 16px 24px; background: #fafaf7; }
h1 { font-size: 1.5em; margin: 0 0 4px; } h2 { font-size: 1.2em; margin: 0 0 8px; }
.tp-sub { color: #555; margin: 0 0 16px; }
.tp-day { display: flex; flex-wrap: wrap; gap: 20px; margin: 0 0 28px; align-items: flex-start; }
.tp-map { flex: 0 0 auto; width: min(700px, 100%); }
.tp-map .folium-map { width: 100% !important; height: 440px !important;
  border: 1px solid #ccc; border-radius: 6px; background: #e9eef2; box-sizing: border-box; }
.tp-legend { color: #555; font-size: .88em; margin: 6px 0 0; }
.tp-legend .tp-marker { display: inline-block; width: 18px; height: 18px; font-size: 10px;
  line-height: 18px; vertical-align: middle; margin: 0 4px 0 12px; box-shadow: none; }
.tp-legend .tp-marker:first-child { margin-left: 0; }
.tp-schedule { flex: 1 1 320px; min-width: 280px; }
.tp-schedule table { border-collapse: collapse; width: 100%; }
.tp-schedule td { padding: 3px 6px; vertical-align: top; border-bottom: 1px solid #e4e4e0; }
.tp-schedule td.tp-time { white-space: nowrap; font-variant-numeric: tabular-nums; width: 7.5em; }
tr.tp-row-leg td { color: #666; font-size: .92em; }
tr.tp-row-stop td { font-weight: 600; }
tr.tp-row-break td { font-style: italic; }
.tp-num { display: inline-block; min-width: 1.5em; height: 1.5em; border-radius: 50%;
  color: #fff; text-align: center; font-size: .85em; line-height: 1.5em; margin-right: 4px; }
.tp-totals { margin-top: 8px; font-weight: 600; }
.tp-icon { background: none; border: none; }
.tp-marker { width: 26px; height: 26px; border-radius: 50%; color: #fff; font: 700 13px/26px
  system-ui, sans-serif; text-align: center; border: 2px solid #fff; box-sizing: border-box;
  box-shadow: 0 1px 3px rgba(0,0,0,.5); }
.tp-place { border-radius: 4px; background: #222 !important; }
.tp-lunch { outline: 3px solid #f2b705; }
.tp-popup table { border-collapse: collapse; margin-top: 4px; }
.tp-popup th { text-align: left; padding: 1px 8px 1px 0; color: #555; font-weight: 500;
  white-space: nowrap;
  vertical-align: top; }
.tp-popup td { padding: 1px 0; }
.tp-summary ul { padding-left: 1.2em; columns: 2; column-gap: 28px; }
.tp-summary li { break-inside: avoid; margin-bottom: 2px; }
.tp-routes { list-style: none; padding: 0; } .tp-routes li { margin-bottom: 12px; }
.tp-footer { color: #777; font-size: .85em; margin-top: 20px; }
@media print {
  body { padding: 0; background: #fff; font-size: 10.5pt; }
  .tp-day { display: block; break-after: page; page-break-after: always; margin: 0; }
  .tp-map { width: 100%; margin-bottom: 10px; }
  .tp-map .folium-map { height: 105mm !important; }
  .tp-schedule { min-width: 0; }
  .leaflet-control-container { display: none; }
  .tp-note, .tp-footer { display: none; }
  .tp-summary { font-size: 8pt; }
  .tp-summary ul { columns: 3; column-gap: 16px; margin: 0; }
  .tp-why { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
"""The page's own stylesheet: map beside schedule on screen, map above schedule in print."""


def _bounds_of_day(day: Day) -> list[tuple[float, float]]:
    points = [(day.start_place.lat, day.start_place.lon), (day.end_place.lat, day.end_place.lon)]
    points += [(s.village.lat, s.village.lon) for s in day.stops]
    for leg in day.legs:
        points += [(lat, lon) for lon, lat in leg.path]
    return points


def day_line(day: Day) -> list[tuple[float, float]]:
    """The day's path as (lat, lon) points: the road path of each leg, or a straight leg."""
    positions = {day.start_place.id: (day.start_place.lat, day.start_place.lon)}
    positions[day.end_place.id] = (day.end_place.lat, day.end_place.lon)
    positions.update((s.village.id, (s.village.lat, s.village.lon)) for s in day.stops)
    line: list[tuple[float, float]] = []
    for leg in day.legs:
        if len(leg.path) >= 2:
            points = [(lat, lon) for lon, lat in leg.path]
        else:
            points = [positions[leg.origin], positions[leg.destination]]
        line += points if not line or line[-1] != points[0] else points[1:]
    return line


def add_day_layer(fmap: object, day: Day, number: int, lang: Lang, layer_name: str) -> None:
    """Add the day's line, start/end markers and numbered stops to ``fmap`` as one layer."""
    fm = folium_module()
    colour = day_colour(number)
    group = fm.FeatureGroup(name=layer_name, show=True)
    words_lunch = page_word("lunch", lang)
    lunch_at = {b.place: b for b in day.breaks}
    if day.stops:
        fm.PolyLine(
            day_line(day), color=colour, weight=4, opacity=0.85, class_name="tp-day-line"
        ).add_to(group)
    places = [(day.start_place, page_word("start", lang))]
    if day.end_place.id != day.start_place.id:
        places.append((day.end_place, page_word("end", lang)))
    for place, role in places:
        name = place_name(place, lang)
        rows = [(page_word("position", lang), position_text(place, lang))]
        brk = lunch_at.get(place.id)
        css = "tp-place"
        if brk is not None:
            rows.append((words_lunch, f"{brk.start:%H:%M}–{brk.end:%H:%M}"))
            css += " tp-lunch"
        marker = fm.Marker(
            (place.lat, place.lon),
            icon=numbered_icon("⌂", colour, css, f"{role}: {name}"),
        )
        add_popup(marker, popup_html(f"{role}: {name}", rows))
        marker.add_to(group)
    for order, parts in enumerate(day.visit_parts, start=1):  # a split stay: one marker
        village = parts[0].village
        name = place_name(village, lang)
        rows = visit_facts(day, parts, lang)
        brk = lunch_at.get(village.id)
        css = "tp-stop"
        if brk is not None:
            rows.append((words_lunch, f"{brk.start:%H:%M}–{brk.end:%H:%M}"))
            css += " tp-lunch"
        marker = fm.Marker(
            (village.lat, village.lon),
            icon=numbered_icon(str(order), colour, css, f"{order}. {name}"),
        )
        add_popup(marker, popup_html(f"{order}. {name}", rows))
        marker.add_to(group)
    group.add_to(fmap)


def day_map(day: Day, number: int, lang: Lang, *, tiles: bool = False) -> MapPart:
    """The rendered map of one day."""
    fmap = new_map(tiles=tiles, tiles_label=page_word("tiles", lang))
    add_day_layer(fmap, day, number, lang, f"{page_word('day', lang)} {number}")
    return render_map(fmap, _bounds_of_day(day))


def _schedule_html(day: Day, number: int, lang: Lang, party: int | None = None) -> str:
    colour = day_colour(number)
    rows = []
    for row in schedule_rows(day, lang):
        badge = ""
        if row.kind == "stop":
            badge = f'<span class="tp-num" style="background:{colour}">{row.order}</span>'
        rows.append(
            f'<tr class="tp-row-{row.kind}"><td class="tp-time">{html.escape(row.time)}</td>'
            f"<td>{badge}{html.escape(row.text)}</td></tr>"
        )
    totals = html.escape(f"{page_word('totals', lang)}: {day_totals(day, lang)}")
    totals += day_costs_html(day, party, lang)  # experiences and costs (issue #21)
    return f'<table class="tp-rows">{"".join(rows)}</table><p class="tp-totals">{totals}</p>'


def _left_out_html(itinerary: Itinerary, lang: Lang) -> str:
    if not itinerary.left_out:
        return ""
    items = "".join(
        f'<li data-village="{html.escape(x.village.id)}"><b>'
        f"{html.escape(place_name(x.village, lang))}</b> — "
        f"{html.escape(reason_label(x.reason, lang))}"
        f'<span class="tp-why">: {html.escape(explain(x, lang))}</span></li>'
        for x in itinerary.left_out
    )
    heading = f"{page_word('left_out', lang)} ({len(itinerary.left_out)})"
    return f'<h2>{html.escape(heading)}</h2><ul class="tp-left-out">{items}</ul>'


def legend_html(lang: Lang) -> str:
    """The map's legend: what the start/end square and the lunch ring mean."""
    place = html.escape(f"{page_word('start', lang)} / {page_word('end', lang)}")
    lunch = html.escape(page_word("lunch", lang))
    return (
        f'<p class="tp-legend"><span class="tp-marker tp-place">⌂</span>{place}'
        f'<span class="tp-marker tp-lunch" style="background:#888">1</span>{lunch}</p>'
    )


def page_document(*, title: str, subtitle: str, body: str, maps: list[MapPart], lang: Lang) -> str:
    """A whole HTML document around ``body``: inlined Leaflet, the page CSS, the maps' scripts."""
    headers = "\n".join(dict.fromkeys(m.header for m in maps))
    scripts = "\n".join(m.script for m in maps)
    note = html.escape(page_word("offline_note", lang))
    footer = f"{html.escape(page_word('generated', lang))} {html.escape(generator())}"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n{leaflet_assets()}\n{headers}\n"
        f"<style>{PAGE_CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{html.escape(title)}</h1><p class="tp-sub">{html.escape(subtitle)}</p>'
        f'<p class="tp-note tp-sub">{note}</p></header>\n{body}\n'
        f'<p class="tp-footer">{footer}</p>\n'
        f"<script>\n{scripts}\n</script>\n</body>\n</html>\n"
    )


def itinerary_to_html(
    itinerary: Itinerary, *, lang: str = "vi", title: str | None = None, tiles: bool = False
) -> str:
    """The itinerary as one self-contained HTML page (no network needed to show it).

    Parameters
    ----------
    itinerary
        The plan to show.
    lang
        ``"vi"`` (default) or ``"en"`` for every word on the page.
    title
        The page's title; default "Craft village trip" in ``lang``.
    tiles
        Show the OpenStreetMap base map when the page opens. It is always offered as a layer
        to tick; off by default, so an offline page loads nothing from the network.

    Returns
    -------
    str
        The HTML document. Markers carry the classes ``tp-stop`` (one per stop) and
        ``tp-place`` (start/end); each day's line is an SVG path of class ``tp-day-line``.
    """
    chosen = check_lang(lang)
    maps: list[MapPart] = []
    sections = []
    for number, day in enumerate(itinerary.days, start=1):
        part = day_map(day, number, chosen, tiles=tiles)
        maps.append(part)
        heading = html.escape(day_heading(day, number, chosen))
        sections.append(
            f'<section class="tp-day" data-day="{number}" data-date="{day.date.isoformat()}">'
            f'<div class="tp-map">{part.div}{legend_html(chosen)}</div>'
            f'<div class="tp-schedule"><h2>{heading}</h2>'
            f"{_schedule_html(day, number, chosen, itinerary.party)}</div></section>"
        )
    summary = (
        f'<section class="tp-summary"><h2>{html.escape(page_word("trip", chosen))}</h2>'
        f'<p class="tp-totals">{html.escape(trip_totals(itinerary, chosen))}</p>'
        f"{trip_costs_html(itinerary, chosen)}"
        f"{_left_out_html(itinerary, chosen)}</section>"
    )
    page_title = title or page_word("title", chosen)
    return page_document(
        title=page_title,
        subtitle=trip_totals(itinerary, chosen),
        body="\n".join(sections) + "\n" + summary,
        maps=maps,
        lang=chosen,
    )


def write_html(
    itinerary: Itinerary,
    path: str | os.PathLike[str],
    *,
    lang: str = "vi",
    title: str | None = None,
    tiles: bool = False,
) -> Path:
    """Write :func:`itinerary_to_html` to ``path`` atomically.

    Raises
    ------
    ExportError
        When folium is missing or the file cannot be written (an existing file is then left
        unchanged).
    """
    return atomic_write_text(
        path, itinerary_to_html(itinerary, lang=lang, title=title, tiles=tiles)
    )
