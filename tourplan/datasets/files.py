"""Loading and saving village files: the format by extension, whole-file checks, atomic saves.

Loading checks every row and raises one :class:`~tourplan.exceptions.DataError` naming the
file, the row and the field of the first problem; nothing is returned half-loaded. Saving is
atomic.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from .._io import atomic_write_text, read_utf8
from ..exceptions import DataError
from ..geodesic import geodesic_m
from ..model import VIETNAM_BOUNDS, Bounds, Village, Villages
from ..names import village_key
from .csv import csv_village_rows, villages_to_csv
from .geojson import geojson_village_items, villages_to_geojson
from .json import json_village_items, villages_to_json
from .records import village_from_row

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_VILLAGES",
    "SAME_PLACE_M",
    "Format",
    "check_villages",
    "load_villages",
    "save_villages",
    "villages_format",
]

Format = Literal["csv", "json", "geojson"]

MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest village file :func:`load_villages` reads (16 MiB; the bundled CSV is 80 KiB)."""

MAX_VILLAGES = 2000
"""The most places a village file may hold: the planner's memory and time grow with the square
of the number of places (a travel matrix), so a bigger file is refused before any work."""

SAME_PLACE_M = 100.0
"""Two places of a file with the same name (see :func:`~tourplan.names.village_key`) closer
than this are one village given twice: a plan could visit it twice, as two stops."""


def load_villages(
    path: str | os.PathLike[str],
    format: Format | None = None,
    *,
    bounds: Bounds | None = VIETNAM_BOUNDS,
) -> Villages:
    """Load villages from a CSV, JSON or GeoJSON file.

    Parameters
    ----------
    path
        The file. Its extension (``.csv``, ``.json``, ``.geojson``) picks the format unless
        ``format`` is given.
    format
        ``"csv"``, ``"json"`` or ``"geojson"``.
    bounds
        Villages outside this box are refused (a swapped latitude/longitude is named as
        such). ``None`` accepts any valid coordinate.

    Returns
    -------
    Villages
        Every village in the file, in file order.

    Raises
    ------
    DataError
        For the first problem found, naming the file, the row (the spreadsheet row for CSV,
        header = row 1; the 1-based item or feature for JSON and GeoJSON) and the field; for
        a file over :data:`MAX_FILE_BYTES`, more than :data:`MAX_VILLAGES` places or JSON
        nested deeper than :data:`~tourplan.datasets.json.MAX_JSON_DEPTH`, before parsing it
        all.
    """
    source = str(path)
    fmt = format or villages_format(path)
    try:
        info = os.stat(path)
    except OSError:
        info = None  # missing or unreadable: read_utf8 says which
    if info is not None and not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        raise DataError("is not a regular file (a device or a pipe?)", source=source)
    size = info.st_size if info is not None else 0
    if size > MAX_FILE_BYTES:
        raise DataError(
            f"the file is {size / 2**20:.1f} MiB, more than the {MAX_FILE_BYTES // 2**20} MiB "
            "a village file may be",
            source=source,
        )
    text = read_utf8(path)
    return Villages(_villages_of_text(text, source, fmt, bounds))


def check_villages(
    villages: Sequence[Village],
    *,
    source: str,
    rows: Sequence[int] | None = None,
    format: Format = "csv",
    bounds: Bounds | None = VIETNAM_BOUNDS,
) -> None:
    """Refuse villages that :func:`load_villages` would refuse once saved as ``format``.

    The villages are written as :func:`save_villages` writes them, in memory, and read back
    with the loader's own code: every field's rules, the file's size, the number of places,
    ids given once and no village twice. Call it before saving, so that a tool never writes a
    file its loader refuses.

    Parameters
    ----------
    villages
        The villages about to be saved, in order.
    source
        What the errors name as the file (for an importer: the list the villages come from).
    rows
        The row of ``source`` each village comes from, for the errors; by default the rows of
        the file that would be written.
    format
        The format they will be saved in.
    bounds
        As for :func:`load_villages`.

    Raises
    ------
    DataError
        For the first problem :func:`load_villages` would find, naming ``source``, the row
        (from ``rows``) and the field.
    """
    if rows is not None and len(rows) != len(villages):
        raise ValueError(f"{len(rows)} rows given for {len(villages)} villages")
    text = _WRITERS[format](villages)
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        raise DataError(
            f"the villages would make a file of {size / 2**20:.1f} MiB, more than the "
            f"{MAX_FILE_BYTES // 2**20} MiB a village file may be",
            source=source,
        )
    _villages_of_text(text, source, format, bounds, rows)


def _villages_of_text(
    text: str,
    source: str,
    fmt: str,
    bounds: Bounds | None,
    rows: Sequence[int] | None = None,
) -> list[Village]:
    """The villages of a file's ``text``, checked as a whole; errors name ``source`` and the
    file's rows, or ``rows`` (one per item, in order) when given."""
    numbered: list[tuple[int, Mapping[str, Any]]]
    if fmt == "csv":
        numbered = list(csv_village_rows(text, source))
    elif fmt == "json":
        numbered = list(json_village_items(text, source))
    elif fmt == "geojson":
        numbered = list(geojson_village_items(text, source))
    else:
        raise DataError(f"unknown format {fmt!r}; use csv, json or geojson", source=source)
    if rows is not None:
        numbered = [(row, item) for row, (_, item) in zip(rows, numbered, strict=True)]
    if not numbered:
        raise DataError("the file has no villages", source=source)
    if len(numbered) > MAX_VILLAGES:
        raise DataError(
            f"the file has {len(numbered)} villages, more than the {MAX_VILLAGES} a plan can "
            "be made over; split it or keep the places you need",
            source=source,
        )
    villages = []
    first_row: dict[str, int] = {}
    for row_number, row in numbered:
        village = village_from_row(row, source, row_number, bounds, lonlat=fmt == "geojson")
        if village.id in first_row:
            raise DataError(
                f"duplicate id {village.id!r} (first used on row {first_row[village.id]})",
                source=source,
                row=row_number,
                field="id",
            )
        first_row[village.id] = row_number
        villages.append(village)
    _refuse_same_village_twice(villages, [number for number, _ in numbered], source)
    return villages


def _refuse_same_village_twice(villages: list[Village], rows: list[int], source: str) -> None:
    """Refuse a place that repeats an earlier one under another id.

    Two places are the same when their Vietnamese names fold alike (diacritics, case and a
    leading "Làng (nghề)" aside) and they lie within :data:`SAME_PLACE_M` of each other.
    Places of one name farther apart are different villages (in different communes), and
    so are two placed at their commune's centroid (``coord_kind`` ``commune_centroid``, as
    ``tourplan villages import`` places villages of one name in one commune, told apart by
    their hamlets): that point is not where either of them is.

    Raises
    ------
    DataError
        Naming the file, the later row and both ids and rows.
    """
    seen: dict[str, list[tuple[Village, int]]] = {}
    for village, row in zip(villages, rows, strict=True):
        same_name = seen.setdefault(village_key(village.name_vi), [])
        for first, first_row in same_name:
            if first.coord_kind == village.coord_kind == "commune_centroid":
                continue
            metres = geodesic_m(first.lat, first.lon, village.lat, village.lon)
            if metres <= SAME_PLACE_M:
                raise DataError(
                    f"{village.id!r} is {first.id!r} of row {first_row} again: the same name "
                    f"{village.name_vi!r}, {metres:.0f} m apart; keep one of them (places "
                    f"of one name more than {SAME_PLACE_M:.0f} m apart are kept as two)",
                    source=source,
                    row=row,
                    field="name_vi",
                )
        same_name.append((village, row))


def save_villages(
    villages: Iterable[Village], path: str | os.PathLike[str], format: Format | None = None
) -> Path:
    """Save villages as CSV, JSON or GeoJSON (by extension unless ``format`` is given).

    The file is written atomically: on failure, an existing file at ``path`` is untouched.
    Loading the file again gives equal villages.
    """
    fmt = format or villages_format(path)
    if fmt not in _WRITERS:
        raise DataError(f"unknown format {fmt!r}; use csv, json or geojson", source=str(path))
    return atomic_write_text(path, _WRITERS[fmt](villages))


_WRITERS: dict[str, Callable[[Iterable[Village]], str]] = {
    "csv": villages_to_csv,
    "json": villages_to_json,
    "geojson": villages_to_geojson,
}


def villages_format(path: str | os.PathLike[str]) -> Format:
    """The format of a village file by its extension (``.csv``, ``.json``, ``.geojson``).

    Raises
    ------
    DataError
        Naming the file, for another extension.
    """
    suffix = Path(path).suffix.lower()
    formats: dict[str, Format] = {".csv": "csv", ".json": "json", ".geojson": "geojson"}
    if suffix not in formats:
        raise DataError(
            f"cannot tell the format from the extension {suffix or '(none)'!r}; "
            "use .csv, .json or .geojson, or pass format=",
            source=str(path),
        )
    return formats[suffix]
