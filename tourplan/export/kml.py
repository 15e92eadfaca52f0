"""KML 2.2 export: a folder per day with a placemark per stop and the day's line.

Google Earth, Google My Maps, Organic Maps and QGIS open KML. Each day is a ``<Folder>``
named by its date holding the start place, a ``<Placemark>`` per stop (name
``"<order>. <village>"``, a ``<description>`` of the visit's facts, a ``<TimeSpan>`` of the
visit) and a ``<LineString>`` of the day (the road path where known, else straight legs), in
the day's colour. Written with the standard library's ElementTree.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

from .._io import atomic_write_text
from ..plan import Day, Itinerary
from ..text import Lang, check_lang, generator, place_name
from ..text.page import day_heading, day_totals, page_word, position_text, visit_facts
from ._common import iso, round_coord, xml_text
from ._leaflet import day_colour
from .html import day_line

__all__ = ["KML_NAMESPACE", "itinerary_to_kml", "write_kml"]

KML_NAMESPACE = "http://www.opengis.net/kml/2.2"


def _kml_colour(hex_rgb: str) -> str:
    """``#rrggbb`` as KML's ``aabbggrr``, opaque."""
    r, g, b = hex_rgb[1:3], hex_rgb[3:5], hex_rgb[5:7]
    return f"ff{b}{g}{r}"


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag)
    if text is not None:
        element.text = xml_text(text)
    return element


def _point(parent: ET.Element, lat: float, lon: float) -> None:
    point = _sub(parent, "Point")
    _sub(point, "coordinates", f"{round_coord(lon)},{round_coord(lat)}")


def _day_style(document: ET.Element, number: int) -> None:
    style = _sub(document, "Style")
    style.set("id", f"day-{number}")
    icon_style = _sub(style, "IconStyle")
    _sub(icon_style, "color", _kml_colour(day_colour(number)))
    line_style = _sub(style, "LineStyle")
    _sub(line_style, "color", _kml_colour(day_colour(number)))
    _sub(line_style, "width", "4")


def _day_folder(document: ET.Element, day: Day, number: int, lang: Lang) -> None:
    style_id = f"day-{number}"
    folder = _sub(document, "Folder")
    _sub(folder, "name", day_heading(day, number, lang))
    _sub(folder, "description", day_totals(day, lang))
    start = day.start_place
    mark = _sub(folder, "Placemark")
    _sub(mark, "name", f"{page_word('start', lang)}: {place_name(start, lang)}")
    _sub(mark, "description", position_text(start, lang))
    _point(mark, start.lat, start.lon)
    for order, parts in enumerate(day.visit_parts, start=1):  # a split stay: one visit
        village = parts[0].village
        mark = _sub(folder, "Placemark")
        _sub(mark, "name", f"{order}. {place_name(village, lang)}")
        _sub(mark, "description", "\n".join(f"{k}: {v}" for k, v in visit_facts(day, parts, lang)))
        span = _sub(mark, "TimeSpan")
        _sub(span, "begin", iso(parts[0].start))
        _sub(span, "end", iso(parts[-1].end))
        _sub(mark, "styleUrl", f"#{style_id}")
        _point(mark, village.lat, village.lon)
    if day.end_place.id != start.id:
        end = day.end_place
        mark = _sub(folder, "Placemark")
        _sub(mark, "name", f"{page_word('end', lang)}: {place_name(end, lang)}")
        _sub(mark, "description", position_text(end, lang))
        _point(mark, end.lat, end.lon)
    if day.stops:
        mark = _sub(folder, "Placemark")
        _sub(mark, "name", day_heading(day, number, lang))
        _sub(mark, "styleUrl", f"#{style_id}")
        line = _sub(mark, "LineString")
        _sub(line, "tessellate", "1")
        _sub(
            line,
            "coordinates",
            " ".join(f"{round_coord(lon)},{round_coord(lat)}" for lat, lon in day_line(day)),
        )


def itinerary_to_kml(itinerary: Itinerary, *, lang: str = "vi", name: str | None = None) -> str:
    """The itinerary as KML 2.2 text (UTF-8, with an XML declaration).

    Parameters
    ----------
    itinerary
        The plan to export.
    lang
        ``"vi"`` (default) or ``"en"`` for names and descriptions.
    name
        The document's name; default "Craft village trip" in ``lang``.
    """
    chosen = check_lang(lang)
    root = ET.Element("kml", {"xmlns": KML_NAMESPACE})
    document = _sub(root, "Document")
    _sub(document, "name", name or page_word("title", chosen))
    _sub(document, "description", generator())
    for number in range(1, len(itinerary.days) + 1):  # styles come before features
        _day_style(document, number)
    for number, day in enumerate(itinerary.days, start=1):
        _day_folder(document, day, number, chosen)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def write_kml(
    itinerary: Itinerary,
    path: str | os.PathLike[str],
    *,
    lang: str = "vi",
    name: str | None = None,
) -> Path:
    """Write :func:`itinerary_to_kml` to ``path`` atomically.

    Raises
    ------
    ExportError
        When the file cannot be written; an existing file is then left unchanged.
    """
    return atomic_write_text(path, itinerary_to_kml(itinerary, lang=lang, name=name))
