"""A route catalogue as data (JSON) and as a folder of ready-to-publish files.

:func:`write_catalogue` writes one folder per catalogue::

    README.md             the report (tourplan.text.catalogue_to_markdown)
    catalogue.json        the catalogue as data (catalogue_to_dict)
    routes/01-<id>.ics    each route on the template date, for a calendar
    routes/01-<id>.geojson  ... on a map
    routes/01-<id>.json   ... as a full itinerary (read it back with read_json)

and, when asked (``html=True``, ``gpx=True``, ``kml=True``)::

    index.html            every route on one map, linking each route's page
    routes/01-<id>.html   the route's map page (tourplan.export.write_html)
    routes/01-<id>.gpx    ... for navigation apps (GPX 1.1)
    routes/01-<id>.kml    ... for Google Earth and My Maps (KML 2.2)

Every file is written atomically; files already in the folder that the catalogue does not
write are left alone.
"""

from __future__ import annotations

import json as _json
import os
from pathlib import Path
from typing import Any

from .._io import atomic_write_text
from ..catalogue import Catalogue, Route
from ..exceptions import ExportError
from ..model import Place
from ..text import (
    Lang,
    catalogue_to_markdown,
    check_lang,
    explain,
    generator,
    note_text,
    route_description,
    route_name,
)
from ..text.report import ROUTES_FOLDER, route_files
from ._common import iso
from .geojson import write_geojson
from .gpx import write_gpx
from .html import write_html
from .html_catalogue import catalogue_to_html, route_page_name
from .ical import write_ics
from .json import write_json
from .kml import write_kml

__all__ = ["catalogue_to_dict", "catalogue_to_json", "route_files", "write_catalogue"]

CATALOGUE_VERSION = 1
"""Version of the layout of ``catalogue.json``."""


def _hub_query(hub: object) -> str:
    return hub.id if isinstance(hub, Place) else str(hub)


def _interest_total(catalogue: Catalogue) -> tuple[int, int]:
    covered = set(catalogue.covered)
    villages = list(catalogue.villages)
    return (
        sum(v.interest for v in villages if v.id in covered),
        sum(v.interest for v in villages),
    )


# -- JSON -----------------------------------------------------------------------------------------


def _request_dict(catalogue: Catalogue) -> dict[str, Any]:
    request = catalogue.request
    lunch = request.lunch
    return {
        "date": request.date.isoformat(),
        "hub": _hub_query(request.hub),
        "routes": request.routes,
        "max_routes_per_village": request.max_routes_per_village,
        "min_stops": request.min_stops,
        "max_stops": request.max_stops,
        "any_day": request.any_day,
        "must_include": list(request.must_include),
        "must_themes": list(request.must_themes),
        "day_start": f"{request.day_start:%H:%M}",
        "day_end": f"{request.day_end:%H:%M}",
        "mode": request.mode,
        "lunch": None
        if lunch is None
        else {
            "earliest": f"{lunch.earliest:%H:%M}",
            "latest": f"{lunch.latest:%H:%M}",
            "minutes": lunch.minutes,
        },
        "pace": request.pace,
    }


def _route_dict(route: Route) -> dict[str, Any]:
    day = route.day
    distance = day.distance_m
    return {
        "id": route.id,
        "number": route.number,
        "name_vi": route_name(route, "vi"),
        "name_en": route_name(route, "en"),
        "description_vi": route_description(route, "vi"),
        "description_en": route_description(route, "en"),
        "themes": list(route.themes),
        "stops": list(route.village_ids),
        "interest": route.itinerary.interest,
        "departure": iso(day.departure),
        "arrival": iso(day.arrival),
        "travel_minutes": round(day.travel_time.total_seconds() / 60),
        "visit_minutes": round(day.visit_time.total_seconds() / 60),
        "distance_km": None if distance is None else round(distance / 1000, 2),
        "files": route_files(route),
    }


def catalogue_to_dict(catalogue: Catalogue, *, lang: str = "vi") -> dict[str, Any]:
    """The catalogue as a JSON-ready dict.

    Keys: ``catalogue_version``, ``generator``, ``request`` (the parameters), ``hub``,
    ``routes`` (each with ``id``, ``number``, names and descriptions in both languages,
    ``themes``, ``stops`` as village ids in visiting order, ``interest``, ISO 8601
    ``departure``/``arrival``, ``travel_minutes``, ``visit_minutes``, ``distance_km`` and the
    ``files`` :func:`write_catalogue` writes for it), ``covered`` (village ids),
    ``not_covered`` (``id``, ``name_vi``, ``name_en``, ``reason``, ``explanation``),
    ``overlap`` (village id → number of routes), ``theme_mix`` (theme → stops),
    ``coverage`` (``interest_share`` 0–1, ``interest_covered``, ``interest_total``,
    ``villages_covered``, ``villages_total``) and ``notes``. Explanations and notes are in
    ``lang`` (``"vi"`` or ``"en"``); names and descriptions in both.
    """
    chosen: Lang = check_lang(lang)
    hub = catalogue.hub
    interest_covered, interest_total = _interest_total(catalogue)
    return {
        "catalogue_version": CATALOGUE_VERSION,
        "generator": generator(),
        "request": _request_dict(catalogue),
        "hub": {
            "id": hub.id,
            "name": hub.name,
            "name_en": hub.name_en,
            "lat": hub.lat,
            "lon": hub.lon,
        },
        "routes": [_route_dict(r) for r in catalogue.routes],
        "covered": list(catalogue.covered),
        "not_covered": [
            {
                "id": x.village.id,
                "name_vi": x.village.name_vi,
                "name_en": x.village.name_en,
                "reason": x.reason,
                "explanation": explain(x, chosen),
            }
            for x in catalogue.left_out
        ],
        "overlap": dict(catalogue.overlap),
        "theme_mix": dict(catalogue.theme_mix),
        "coverage": {
            "interest_share": round(catalogue.coverage, 4),
            "interest_covered": interest_covered,
            "interest_total": interest_total,
            "villages_covered": len(catalogue.covered),
            "villages_total": len(catalogue.villages),
        },
        "notes": [note_text(note, chosen) for note in catalogue.notes],
    }


def catalogue_to_json(catalogue: Catalogue, *, lang: str = "vi", indent: int | None = 2) -> str:
    """:func:`catalogue_to_dict` as UTF-8 JSON text (Vietnamese kept as it is)."""
    data = catalogue_to_dict(catalogue, lang=lang)
    return _json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


# -- the folder -----------------------------------------------------------------------------------


def write_catalogue(
    catalogue: Catalogue,
    folder: str | os.PathLike[str],
    *,
    lang: str = "vi",
    html: bool = False,
    gpx: bool = False,
    kml: bool = False,
) -> list[Path]:
    """Write the catalogue as a folder of files, ready to publish.

    Writes ``README.md`` (:func:`~tourplan.text.catalogue_to_markdown` in ``lang``),
    ``catalogue.json`` (:func:`catalogue_to_dict` in ``lang``) and, for each route,
    ``routes/NN-<route id>.ics``,
    ``.geojson`` and ``.json`` (the route's itinerary on the template date, through
    :func:`~tourplan.export.write_ics`, :func:`~tourplan.export.write_geojson` and
    :func:`~tourplan.export.write_json`; names and texts in ``lang``). With ``html``, also
    ``index.html`` (every route on one map, :func:`catalogue_to_html`) and a page per route
    (``routes/NN-<route id>.html``); with ``gpx`` and ``kml``, each route as ``.gpx`` and
    ``.kml``.

    The folder and ``routes/`` are created when missing. Each file is written atomically and
    replaces a file of the same name; other files in the folder (such as routes of an older,
    larger catalogue) are left alone, so write a new catalogue to an empty folder to publish
    exactly its files.

    Returns
    -------
    list[Path]
        The files written: ``README.md``, ``catalogue.json``, then each route's files.

    Raises
    ------
    ExportError
        When the folder cannot be created or a file cannot be written.
    """
    chosen = check_lang(lang)
    root = Path(folder)
    try:
        (root / ROUTES_FOLDER).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create folder {root}: {exc.strerror or exc}") from exc
    written = [
        atomic_write_text(root / "README.md", catalogue_to_markdown(catalogue, lang=chosen)),
        atomic_write_text(root / "catalogue.json", catalogue_to_json(catalogue, lang=chosen)),
    ]
    for route in catalogue.routes:
        files = route_files(route)
        itinerary = route.itinerary
        written.append(write_ics(itinerary, root / files["ics"], lang=chosen))
        written.append(write_geojson(itinerary, root / files["geojson"], lang=chosen))
        written.append(write_json(itinerary, root / files["json"]))
        stem = route_page_name(files).rsplit(".", 1)[0]
        name = route_name(route, chosen)
        if html:
            page = root / route_page_name(files)
            written.append(write_html(itinerary, page, lang=chosen, title=name))
        if gpx:
            written.append(write_gpx(itinerary, root / f"{stem}.gpx", lang=chosen, name=name))
        if kml:
            written.append(write_kml(itinerary, root / f"{stem}.kml", lang=chosen, name=name))
    if html:
        pages = [route_page_name(route_files(route)) for route in catalogue.routes]
        index = catalogue_to_html(catalogue, pages, lang=chosen)
        written.append(atomic_write_text(root / "index.html", index))
    return written
