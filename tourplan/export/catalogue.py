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

The folder is written all or nothing (every file rendered and checked first, then renamed into
place together); files already in the folder that the catalogue does not write are left alone.
"""

from __future__ import annotations

import json as _json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._io import check_writable, write_all_or_nothing
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
from .geojson import itinerary_to_geojson_text
from .gpx import itinerary_to_gpx
from .html import itinerary_to_html
from .html_catalogue import catalogue_to_html, route_page_name
from .ical import itinerary_to_ics
from .json import itinerary_to_json
from .kml import itinerary_to_kml

__all__ = [
    "catalogue_files",
    "catalogue_to_dict",
    "catalogue_to_json",
    "check_catalogue_folder",
    "route_files",
    "write_catalogue",
]

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


def check_catalogue_folder(folder: str | os.PathLike[str], *, html: bool = False) -> Path:
    """Check, before any work, that a catalogue folder can be written at ``folder``.

    The folder and its ``routes/`` may be missing (they are made) but not be files; its
    ``README.md``, ``catalogue.json`` (and ``index.html`` with ``html``) must not be folders.
    The route files, named after routes not yet designed, are checked by
    :func:`write_catalogue` before it writes anything.

    Returns
    -------
    Path
        ``folder`` as a :class:`~pathlib.Path`.

    Raises
    ------
    ExportError
        Naming what is in the way.
    """
    if not str(folder).strip():
        raise ExportError("cannot write a catalogue to a folder with an empty name")
    root = Path(folder)
    for one in (root, root / ROUTES_FOLDER):
        try:
            mode = one.stat().st_mode
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise ExportError(f"cannot create folder {one}: {exc.strerror or exc}") from None
        if not stat.S_ISDIR(mode):
            raise ExportError(f"cannot create folder {one}: a file of that name is in the way")
    for name in ("README.md", "catalogue.json", *(("index.html",) if html else ())):
        check_writable(root / name, make_folders=True)
    return root


def catalogue_files(
    catalogue: Catalogue,
    *,
    lang: str = "vi",
    html: bool = False,
    gpx: bool = False,
    kml: bool = False,
) -> list[tuple[str, bytes]]:
    """Every file of the catalogue's folder, rendered: its path in the folder and its bytes.

    The files :func:`write_catalogue` writes, in its order (see there).
    """
    chosen = check_lang(lang)
    files: list[tuple[str, bytes]] = [
        ("README.md", catalogue_to_markdown(catalogue, lang=chosen).encode("utf-8")),
        ("catalogue.json", catalogue_to_json(catalogue, lang=chosen).encode("utf-8")),
    ]
    for route in catalogue.routes:
        names = route_files(route)
        itinerary = route.itinerary
        stem = route_page_name(names).rsplit(".", 1)[0]
        name = route_name(route, chosen)
        files.append((names["ics"], itinerary_to_ics(itinerary, lang=chosen)))
        files.append((names["geojson"], _utf8(itinerary_to_geojson_text(itinerary, lang=chosen))))
        files.append((names["json"], _utf8(itinerary_to_json(itinerary))))
        if html:
            page = itinerary_to_html(itinerary, lang=chosen, title=name)
            files.append((route_page_name(names), _utf8(page)))
        if gpx:
            files.append(
                (f"{stem}.gpx", _utf8(itinerary_to_gpx(itinerary, lang=chosen, name=name)))
            )
        if kml:
            files.append(
                (f"{stem}.kml", _utf8(itinerary_to_kml(itinerary, lang=chosen, name=name)))
            )
    if html:
        pages = [route_page_name(route_files(route)) for route in catalogue.routes]
        files.append(("index.html", _utf8(catalogue_to_html(catalogue, pages, lang=chosen))))
    return files


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def write_catalogue(
    catalogue: Catalogue,
    folder: str | os.PathLike[str],
    *,
    lang: str = "vi",
    html: bool = False,
    gpx: bool = False,
    kml: bool = False,
    before_renames: Callable[[], object] | None = None,
) -> list[Path]:
    """Write the catalogue as a folder of files, ready to publish, all or nothing.

    Writes ``README.md`` (:func:`~tourplan.text.catalogue_to_markdown` in ``lang``),
    ``catalogue.json`` (:func:`catalogue_to_dict` in ``lang``) and, for each route,
    ``routes/NN-<route id>.ics``,
    ``.geojson`` and ``.json`` (the route's itinerary on the template date, as
    :func:`~tourplan.export.write_ics`, :func:`~tourplan.export.write_geojson` and
    :func:`~tourplan.export.write_json` write it; names and texts in ``lang``). With ``html``,
    also ``index.html`` (every route on one map, :func:`catalogue_to_html`) and a page per
    route (``routes/NN-<route id>.html``); with ``gpx`` and ``kml``, each route as ``.gpx``
    and ``.kml``.

    Every file is rendered and every path checked before anything is written; the folder
    and ``routes/`` are made when missing; the files go to temporary files, and are renamed
    into place only when all are written (:func:`~tourplan._io.write_all_or_nothing`). On a
    failure no file is replaced and no folder is left made. A file replaces one of the same
    name; other files in the folder (such as routes of an older, larger catalogue) are left
    alone, so write a new catalogue to an empty folder to publish exactly its files.

    Parameters
    ----------
    catalogue
        The catalogue to write.
    folder
        The folder to write into.
    lang
        ``"vi"`` (default) or ``"en"`` for names and texts.
    html, gpx, kml
        Also write the map pages (and ``index.html``), GPX files, KML files.
    before_renames
        Called once every file is ready, before any is renamed into place (the command line
        prints its summary there); what it raises stops the write, leaving nothing behind.

    Returns
    -------
    list[Path]
        The files written: ``README.md``, ``catalogue.json``, then each route's files.

    Raises
    ------
    ExportError
        When the folder cannot be made or a file cannot be written.
    """
    root = check_catalogue_folder(folder, html=html)
    files = catalogue_files(catalogue, lang=lang, html=html, gpx=gpx, kml=kml)
    return write_all_or_nothing(
        [(root / name, data) for name, data in files],
        make_folders=True,
        before_renames=before_renames,
    )
