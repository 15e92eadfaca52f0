"""Villages in files: the record codec, readers and writers per format, the bundled dataset.

All three formats (CSV, JSON, GeoJSON) carry the same fields (see ``data/README.md``):

* :mod:`.records`: the standard fields and the one codec between a record and a village
  (:func:`village_from_record`, :func:`village_record`), also used by the JSON itinerary export;
* :mod:`.csv`, :mod:`.json`, :mod:`.geojson`: reading and writing each format;
* :mod:`.files`: :func:`load_villages` and :func:`save_villages`, by file extension, and
  :func:`check_villages`, the loader's checks of villages about to be saved;
* :mod:`.bundled`: :func:`load_hanoi` and :func:`load_start_points`, the files in the wheel.
"""

from __future__ import annotations

from .bundled import load_hanoi as load_hanoi
from .bundled import load_start_points as load_start_points
from .csv import villages_to_csv as villages_to_csv
from .files import Format as Format
from .files import check_villages as check_villages
from .files import load_villages as load_villages
from .files import save_villages as save_villages
from .files import villages_format as villages_format
from .geojson import villages_to_geojson as villages_to_geojson
from .json import villages_to_json as villages_to_json
from .records import DEFAULT_OPENING_HOURS as DEFAULT_OPENING_HOURS
from .records import VILLAGE_FIELDS as VILLAGE_FIELDS
from .records import village_from_record as village_from_record
from .records import village_record as village_record

__all__ = [
    "DEFAULT_OPENING_HOURS",
    "VILLAGE_FIELDS",
    "Format",
    "check_villages",
    "load_hanoi",
    "load_start_points",
    "load_villages",
    "save_villages",
    "village_from_record",
    "village_record",
    "villages_format",
    "villages_to_csv",
    "villages_to_geojson",
    "villages_to_json",
]
