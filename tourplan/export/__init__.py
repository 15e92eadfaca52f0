"""Exporters: an itinerary as iCalendar, JSON, GeoJSON, a map page (HTML), GPX and KML.

Words come from :mod:`tourplan.text`; exporters that print words take ``lang=``.

Every ``write_*`` function writes atomically (a temporary file, then a rename), so a failed
export never leaves a truncated file; the ``itinerary_to_*`` functions return the text or bytes
(for printing, or for sending to a server). See ``docs/exports.md``.
"""

from __future__ import annotations

from .catalogue import catalogue_to_dict as catalogue_to_dict
from .catalogue import catalogue_to_json as catalogue_to_json
from .catalogue import write_catalogue as write_catalogue
from .geojson import itinerary_to_geojson as itinerary_to_geojson
from .geojson import itinerary_to_geojson_text as itinerary_to_geojson_text
from .geojson import write_geojson as write_geojson
from .gpx import itinerary_to_gpx as itinerary_to_gpx
from .gpx import write_gpx as write_gpx
from .html import itinerary_to_html as itinerary_to_html
from .html import write_html as write_html
from .html_catalogue import catalogue_to_html as catalogue_to_html
from .ical import event_uid as event_uid
from .ical import itinerary_to_calendar as itinerary_to_calendar
from .ical import itinerary_to_ics as itinerary_to_ics
from .ical import write_ics as write_ics
from .json import SCHEMA_VERSION as SCHEMA_VERSION
from .json import itinerary_from_dict as itinerary_from_dict
from .json import itinerary_from_json as itinerary_from_json
from .json import itinerary_schema as itinerary_schema
from .json import itinerary_to_dict as itinerary_to_dict
from .json import itinerary_to_json as itinerary_to_json
from .json import read_json as read_json
from .json import write_json as write_json
from .kml import itinerary_to_kml as itinerary_to_kml
from .kml import write_kml as write_kml

__all__ = [
    "SCHEMA_VERSION",
    "catalogue_to_dict",
    "catalogue_to_html",
    "catalogue_to_json",
    "event_uid",
    "itinerary_from_dict",
    "itinerary_from_json",
    "itinerary_schema",
    "itinerary_to_calendar",
    "itinerary_to_dict",
    "itinerary_to_geojson",
    "itinerary_to_geojson_text",
    "itinerary_to_gpx",
    "itinerary_to_html",
    "itinerary_to_ics",
    "itinerary_to_json",
    "itinerary_to_kml",
    "read_json",
    "write_catalogue",
    "write_geojson",
    "write_gpx",
    "write_html",
    "write_ics",
    "write_json",
    "write_kml",
]
