"""GPX 1.1 export through gpxpy: a waypoint per stop with its times, a route per day.

Navigation and mapping apps (OsmAnd, Organic Maps, Garmin BaseCamp, QGIS) open GPX. Each
stop is a ``<wpt>`` named ``"<day>.<order> <village>"`` whose ``<time>`` is the start of the
visit (UTC, as GPX requires) and whose ``<desc>`` holds the visit's facts from
:func:`tourplan.text.page.visit_facts`; each day is a ``<rte>`` from the start place through
the stops to the end place, each point timed at arrival (departure for the start).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .._io import atomic_write_text
from ..exceptions import ExportError
from ..plan import Itinerary
from ..text import Lang, check_lang, generator, place_name
from ..text.page import day_heading, page_word, visit_facts
from ._common import round_coord, xml_text

__all__ = ["itinerary_to_gpx", "write_gpx"]


def _gpxpy() -> Any:
    try:
        import gpxpy.gpx
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ExportError("GPX export needs gpxpy: pip install 'tourplan[map]'") from exc
    return gpxpy.gpx


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def itinerary_to_gpx(itinerary: Itinerary, *, lang: str = "vi", name: str | None = None) -> str:
    """The itinerary as GPX 1.1 text.

    Parameters
    ----------
    itinerary
        The plan to export.
    lang
        ``"vi"`` (default) or ``"en"`` for names and descriptions.
    name
        The file's name in its metadata; default "Craft village trip" in ``lang``.

    Returns
    -------
    str
        A GPX 1.1 document (``creator`` is ``tourplan <version>``) that validates against the
        GPX 1.1 schema.
    """
    chosen: Lang = check_lang(lang)
    gpx_module = _gpxpy()
    gpx = gpx_module.GPX()
    gpx.creator = generator()
    gpx.name = xml_text(name or page_word("title", chosen))
    for number, day in enumerate(itinerary.days, start=1):
        heading = day_heading(day, number, chosen)
        route = gpx_module.GPXRoute(name=xml_text(heading), number=number)
        start = day.start_place
        route.points.append(
            gpx_module.GPXRoutePoint(
                round_coord(start.lat),
                round_coord(start.lon),
                time=_utc(day.departure),
                name=xml_text(f"{page_word('start', chosen)}: {place_name(start, chosen)}"),
            )
        )
        for order, parts in enumerate(day.visit_parts, start=1):  # a split stay: one visit
            stop = parts[0]
            village = stop.village
            label = xml_text(f"{number}.{order} {place_name(village, chosen)}")
            facts = xml_text("\n".join(f"{k}: {v}" for k, v in visit_facts(day, parts, chosen)))
            gpx.waypoints.append(
                gpx_module.GPXWaypoint(
                    round_coord(village.lat),
                    round_coord(village.lon),
                    time=_utc(stop.start),
                    name=label,
                    description=facts,
                    comment=", ".join(f"{p.start:%H:%M}–{p.end:%H:%M}" for p in parts),
                    type=village.themes[0] if village.themes else None,
                )
            )
            if village.url:
                # gpxpy writes attribute values as given (1.6: an "&" made the file not XML)
                gpx.waypoints[-1].link = escape(xml_text(village.url), {'"': "&quot;"})
                gpx.waypoints[-1].link_text = label
            route.points.append(
                gpx_module.GPXRoutePoint(
                    round_coord(village.lat),
                    round_coord(village.lon),
                    time=_utc(stop.arrival),
                    name=label,
                )
            )
        end = day.end_place
        route.points.append(
            gpx_module.GPXRoutePoint(
                round_coord(end.lat),
                round_coord(end.lon),
                time=_utc(day.back),
                name=xml_text(f"{page_word('end', chosen)}: {place_name(end, chosen)}"),
            )
        )
        gpx.routes.append(route)
    text: str = gpx.to_xml(version="1.1")
    return text


def write_gpx(
    itinerary: Itinerary,
    path: str | os.PathLike[str],
    *,
    lang: str = "vi",
    name: str | None = None,
) -> Path:
    """Write :func:`itinerary_to_gpx` to ``path`` atomically.

    Raises
    ------
    ExportError
        When gpxpy is missing or the file cannot be written (an existing file is then left
        unchanged).
    """
    return atomic_write_text(path, itinerary_to_gpx(itinerary, lang=lang, name=name))
