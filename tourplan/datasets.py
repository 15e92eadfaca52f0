"""Loading and saving villages (CSV, JSON, GeoJSON) and the bundled Hanoi dataset.

All three formats carry the same fields (see ``data/README.md``). Loading checks every row
and raises one :class:`~tourplan.exceptions.DataError` naming the file, the row and the field
of the first problem; nothing is returned half-loaded. Saving is atomic.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import math
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal, overload

from ._io import atomic_write_text, read_utf8
from .exceptions import DataError
from .hours import OpeningHours
from .model import THEMES, Place, Village, _check_position
from .names import NameIndex

__all__ = [
    "DEFAULT_OPENING_HOURS",
    "VIETNAM_BOUNDS",
    "VILLAGE_FIELDS",
    "Bounds",
    "Villages",
    "load_hanoi",
    "load_start_points",
    "load_villages",
    "save_villages",
    "village_from_record",
    "village_record",
]

Format = Literal["csv", "json", "geojson"]

DEFAULT_OPENING_HOURS = "Mo-Su 08:00-11:30,13:30-17:00"
"""Hours assumed for a village whose file gives none (a workshop's usual midday closure);
such values are marked ``opening_hours_origin = "default"``."""

DEFAULT_INTEREST = 50
"""Interest assumed for a village whose file gives none (the middle of the 1-100 scale)."""


@dataclass(frozen=True)
class Bounds:
    """A latitude/longitude box used to catch misplaced or swapped coordinates."""

    name: str
    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float

    def contains(self, lat: float, lon: float) -> bool:
        """True when the point lies inside the box."""
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon


VIETNAM_BOUNDS = Bounds("Vietnam", 8.0, 23.5, 102.0, 110.0)
"""Mainland Vietnam's bounding box: villages outside it are refused as misplaced."""

# (column, required) in file order; every format uses these names.
VILLAGE_FIELDS: tuple[tuple[str, bool], ...] = (
    ("id", True),
    ("name_vi", True),
    ("name_en", False),
    ("craft_vi", False),
    ("craft_en", False),
    ("themes", False),
    ("old_district", False),
    ("commune_2025", False),
    ("lat", True),
    ("lon", True),
    ("coord_kind", False),
    ("coord_precision_m", False),
    ("coord_source", False),
    ("confidence", False),
    ("visit_minutes", True),
    ("visit_minutes_origin", False),
    ("opening_hours", False),
    ("opening_hours_origin", False),
    ("hours_note", False),
    ("interest", False),
    ("interest_basis", False),
    ("url", False),
    ("notes", False),
)
_COLUMNS = tuple(name for name, _ in VILLAGE_FIELDS)
_REQUIRED = tuple(name for name, required in VILLAGE_FIELDS if required)
_START_POINT_COLUMNS = (
    "id",
    "name_vi",
    "name_en",
    "kind",
    "lat",
    "lon",
    "coord_kind",
    "coord_precision_m",
    "coord_source",
    "notes",
)


class Villages(Sequence[Village]):
    """An ordered, immutable collection of villages with lookups by id or name.

    Examples
    --------
    >>> villages = load_hanoi()
    >>> villages.get("Bát Tràng").id
    'bat-trang'
    >>> villages.get("bat trang").id
    'bat-trang'
    >>> villages.get("Bat Trang pottery village").id
    'bat-trang'
    """

    def __init__(self, villages: Iterable[Village]) -> None:
        self._items = tuple(villages)
        self._by_id: dict[str, Village] = {}
        for v in self._items:
            if v.id in self._by_id:
                raise DataError(f"duplicate id {v.id!r}", field="id")
            self._by_id[v.id] = v
        self._index = NameIndex(self._items, lambda v: v.id, lambda v: (v.name_vi, v.name_en))

    @overload
    def __getitem__(self, index: int) -> Village: ...
    @overload
    def __getitem__(self, index: slice) -> Villages: ...
    def __getitem__(self, index: int | slice) -> Village | Villages:
        if isinstance(index, slice):
            return Villages(self._items[index])
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Village]:
        return iter(self._items)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return item in self._items

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Villages):
            return self._items == other._items
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items)

    def __repr__(self) -> str:
        return f"Villages({len(self)} villages)"

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids, in order."""
        return tuple(v.id for v in self._items)

    def get(self, query: str) -> Village:
        """The village named by ``query``: an id, a Vietnamese name with or without diacritics,
        or an English name (or a run of words of one).

        Raises
        ------
        UnknownPlaceError
            When nothing matches (the message suggests near names) or when the name is
            ambiguous (the message lists the candidates).
        """
        return self._index.get(query)

    def search(self, query: str) -> Villages:
        """Every village matching ``query`` (see :meth:`get`), possibly none."""
        return Villages(self._index.search(query))

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """Ids of villages whose names are close to ``query``."""
        return self._index.suggest(query, limit)

    def filter(self, predicate: Callable[[Village], bool]) -> Villages:
        """The villages for which ``predicate`` is true, in order."""
        return Villages(v for v in self._items if predicate(v))

    def with_theme(self, *themes: str) -> Villages:
        """The villages tagged with any of ``themes``."""
        unknown = [t for t in themes if t not in THEMES]
        if unknown:
            raise DataError(
                f"unknown theme(s) {', '.join(unknown)}; known themes: {', '.join(THEMES)}",
                field="themes",
            )
        wanted = set(themes)
        return self.filter(lambda v: bool(wanted.intersection(v.themes)))


# -- the bundled data -----------------------------------------------------------------------


def _data_file(name: str) -> Path:
    """Path of a bundled data file: inside the installed wheel, or ``data/`` of a checkout."""
    packaged = resources.files("tourplan") / "_data" / name
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "data" / name
    if checkout.is_file():
        return checkout
    raise DataError(f"bundled data file {name} is missing from this installation")


def load_hanoi() -> Villages:
    """The bundled dataset of Hanoi's craft villages (61 villages, see ``data/README.md``).

    Examples
    --------
    >>> villages = load_hanoi()
    >>> len(villages)
    61
    >>> villages.get("bat-trang").name_vi
    'Làng gốm Bát Tràng'
    """
    return load_villages(_data_file("villages.csv"))


def load_start_points() -> tuple[Place, ...]:
    """The bundled start points: Hoàn Kiếm Lake, the Old Quarter, Nội Bài airport, the station.

    Examples
    --------
    >>> [p.id for p in load_start_points()]
    ['hoan-kiem-lake', 'old-quarter', 'noi-bai-airport', 'hanoi-railway-station']
    """
    path = _data_file("start_points.csv")
    rows = _csv_rows(
        read_utf8(path), str(path), _START_POINT_COLUMNS, ("id", "name_vi", "lat", "lon")
    )
    places = []
    for row_number, row in rows:
        with _RowContext(str(path), row_number):
            places.append(
                Place(
                    id=row["id"],
                    name=row["name_vi"],
                    name_en=row.get("name_en", ""),
                    lat=_float(row, "lat"),
                    lon=_float(row, "lon"),
                    coord_kind=row.get("coord_kind") or "landmark",  # type: ignore[arg-type]
                    coord_precision_m=_optional_int(row, "coord_precision_m"),
                    coord_source=row.get("coord_source", ""),
                    notes=row.get("notes", ""),
                )
            )
    return tuple(places)


# -- loading ------------------------------------------------------------------------------------


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
        header = row 1; the 1-based item or feature for JSON and GeoJSON) and the field.
    """
    source = str(path)
    fmt = format or _format_of(path)
    text = read_utf8(path)
    numbered: list[tuple[int, Mapping[str, Any]]]
    if fmt == "csv":
        numbered = list(_csv_rows(text, source, _COLUMNS, _REQUIRED))
    elif fmt == "json":
        numbered = list(_json_items(text, source))
    elif fmt == "geojson":
        numbered = list(_geojson_items(text, source))
    else:
        raise DataError(f"unknown format {fmt!r}; use csv, json or geojson", source=source)
    if not numbered:
        raise DataError("the file has no villages", source=source)
    villages = []
    first_row: dict[str, int] = {}
    for row_number, row in numbered:
        village = _village(row, source, row_number, bounds, lonlat=fmt == "geojson")
        if village.id in first_row:
            raise DataError(
                f"duplicate id {village.id!r} (first used on row {first_row[village.id]})",
                source=source,
                row=row_number,
                field="id",
            )
        first_row[village.id] = row_number
        villages.append(village)
    return Villages(villages)


def _format_of(path: str | os.PathLike[str]) -> Format:
    suffix = Path(path).suffix.lower()
    formats: dict[str, Format] = {".csv": "csv", ".json": "json", ".geojson": "geojson"}
    if suffix not in formats:
        raise DataError(
            f"cannot tell the format from the extension {suffix or '(none)'!r}; "
            "use .csv, .json or .geojson, or pass format=",
            source=str(path),
        )
    return formats[suffix]


def _check_columns(
    present: Iterable[str],
    source: str,
    known: Sequence[str],
    required: Sequence[str],
    row: int | None,
) -> None:
    present = list(present)
    for name in present:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
            if close:
                raise DataError(
                    f"unknown column {name!r}; did you mean {close[0]!r}?",
                    source=source,
                    row=row,
                    field=name,
                )
    missing = [name for name in required if name not in present]
    if missing:
        raise DataError(
            f"missing required column(s): {', '.join(missing)}",
            source=source,
            row=row,
            field=missing[0],
        )


def _csv_rows(
    text: str, source: str, known: Sequence[str], required: Sequence[str]
) -> list[tuple[int, dict[str, str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise DataError("the file is empty", source=source) from None
    except csv.Error as exc:
        raise DataError(f"not valid CSV: {exc}", source=source, row=1) from None
    if len(set(header)) != len(header):
        dupes = sorted({h for h in header if header.count(h) > 1})
        raise DataError(
            f"column(s) repeated in the header: {', '.join(dupes)}", source=source, row=1
        )
    _check_columns(header, source, known, required, row=1)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        # the spreadsheet row (header = 1), not the text line: a quoted cell may span lines
        for row_number, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise DataError(
                    f"has {len(values)} values but the header has {len(header)} columns",
                    source=source,
                    row=row_number,
                )
            rows.append((row_number, dict(zip(header, values, strict=True))))
    except csv.Error as exc:
        raise DataError(f"not valid CSV: {exc}", source=source, row=reader.line_num) from None
    return rows


def _json_load(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", source=source
        ) from None


def _json_items(text: str, source: str) -> list[tuple[int, dict[str, Any]]]:
    data = _json_load(text, source)
    if isinstance(data, dict) and "villages" in data:
        data = data["villages"]
    if not isinstance(data, list):
        raise DataError('expected a list of villages or {"villages": [...]}', source=source)
    items = []
    for n, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise DataError("each village must be a JSON object", source=source, row=n)
        _check_columns(item, source, _COLUMNS, _REQUIRED, row=n)
        items.append((n, item))
    return items


def _geojson_items(text: str, source: str) -> list[tuple[int, dict[str, Any]]]:
    data = _json_load(text, source)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise DataError('expected a GeoJSON object with "type": "FeatureCollection"', source=source)
    features = data.get("features")
    if not isinstance(features, list):
        raise DataError('a FeatureCollection needs a "features" list', source=source)
    items = []
    for n, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise DataError(
                'each feature must be an object with "type": "Feature"', source=source, row=n
            )
        geometry = feature.get("geometry")
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            raise DataError(
                "each feature needs a Point geometry", source=source, row=n, field="geometry"
            )
        coords = geometry.get("coordinates")
        if (
            not isinstance(coords, list)
            or len(coords) < 2
            or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coords[:2])
        ):
            raise DataError(
                "Point coordinates must be [longitude, latitude] numbers",
                source=source,
                row=n,
                field="coordinates",
            )
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            raise DataError(
                "properties must be an object", source=source, row=n, field="properties"
            )
        for key in ("lat", "lon"):
            if key in props:
                raise DataError(
                    f"put the position in the geometry, not in a {key!r} property",
                    source=source,
                    row=n,
                    field=key,
                )
        _check_columns([*props, "lat", "lon"], source, _COLUMNS, _REQUIRED, row=n)
        item = dict(props)
        item.setdefault("id", feature.get("id"))
        item["lon"], item["lat"] = coords[0], coords[1]
        items.append((n, item))
    return items


class _RowContext:
    """Turn a DataError raised while building one row into one that names the file and row."""

    def __init__(self, source: str, row: int) -> None:
        self.source, self.row = source, row

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> Literal[False]:
        if isinstance(exc, DataError) and exc.source is None:
            raise DataError(exc.reason, source=self.source, row=self.row, field=exc.field) from None
        return False


def _village(
    row: Mapping[str, Any],
    source: str,
    row_number: int,
    bounds: Bounds | None,
    *,
    lonlat: bool = False,
) -> Village:
    with _RowContext(source, row_number):
        for name in _REQUIRED:
            if _blank(row.get(name)):
                raise DataError(f"{name} is missing", field=name)
        lat, lon = _float(row, "lat"), _float(row, "lon")
        village_id = _text(row, "id")
        if bounds is not None and not bounds.contains(lat, lon):
            if -90 <= lon <= 90 and bounds.contains(lon, lat):
                order = "[longitude, latitude]" if lonlat else "lat and lon"
                raise DataError(
                    f"position lat={lat}, lon={lon} of {village_id!r} is far outside "
                    f"{bounds.name}; the coordinates look swapped (expected {order})",
                    field="coordinates" if lonlat else "lat",
                )
            _check_position(lat, lon)  # off the globe: say which value is out of range
            raise DataError(
                f"position lat={lat}, lon={lon} of {village_id!r} is outside {bounds.name}",
                field="lat" if not bounds.min_lat <= lat <= bounds.max_lat else "lon",
            )
        hours_text = _text(row, "opening_hours")
        return Village(
            id=village_id,
            name_vi=_text(row, "name_vi"),
            name_en=_text(row, "name_en"),
            lat=lat,
            lon=lon,
            visit_minutes=_int(row, "visit_minutes"),
            opening_hours=_hours(hours_text or DEFAULT_OPENING_HOURS),
            interest=_int(row, "interest") if not _blank(row.get("interest")) else DEFAULT_INTEREST,
            craft_vi=_text(row, "craft_vi"),
            craft_en=_text(row, "craft_en"),
            themes=_themes(row.get("themes")),
            old_district=_text(row, "old_district"),
            commune_2025=_text(row, "commune_2025"),
            coord_kind=_text(row, "coord_kind") or "user",  # type: ignore[arg-type]
            coord_precision_m=_optional_int(row, "coord_precision_m"),
            coord_source=_text(row, "coord_source"),
            confidence=_text(row, "confidence") or "medium",  # type: ignore[arg-type]
            visit_minutes_origin=_text(row, "visit_minutes_origin") or "source",  # type: ignore[arg-type]
            opening_hours_origin=(
                _text(row, "opening_hours_origin")  # type: ignore[arg-type]
                or ("source" if hours_text else "default")
            ),
            hours_note=_text(row, "hours_note"),
            interest_basis=_text(row, "interest_basis"),
            url=_text(row, "url"),
            notes=_text(row, "notes"),
        )


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(row: Mapping[str, Any], name: str) -> str:
    value = row.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DataError(f"{name} must be text, got {value!r}", field=name)
    return value.strip()


def _float(row: Mapping[str, Any], name: str) -> float:
    value = row.get(name)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise DataError(f"{name} must be a number, got {value!r}", field=name)
    try:
        number = float(value)
    except ValueError:
        raise DataError(f"{name} must be a number, got {value!r}", field=name) from None
    if not math.isfinite(number):
        raise DataError(f"{name} must be a finite number, got {value!r}", field=name)
    return number


def _int(row: Mapping[str, Any], name: str) -> int:
    value = row.get(name)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise DataError(f"{name} must be a whole number, got {value!r}", field=name)


def _optional_int(row: Mapping[str, Any], name: str) -> int | None:
    return None if _blank(row.get(name)) else _int(row, name)


def _themes(value: Any) -> tuple[str, ...]:
    if _blank(value):
        return ()
    if isinstance(value, str):
        parts = [t.strip() for t in value.split(";")]
    elif isinstance(value, list) and all(isinstance(t, str) for t in value):
        parts = [t.strip() for t in value]
    else:
        raise DataError(
            f"themes must be text like 'ceramics;food' or a list, got {value!r}", field="themes"
        )
    return tuple(sorted({t for t in parts if t}))


def _hours(text: str) -> OpeningHours:
    try:
        return OpeningHours.parse(text)
    except DataError as exc:
        raise DataError(exc.reason, field="opening_hours") from None


def village_from_record(record: Mapping[str, Any], *, source: str = "record") -> Village:
    """Build a village from a dict with the standard field names (see :func:`village_record`).

    Raises
    ------
    DataError
        Naming ``source`` and the field when a value is missing or invalid.
    """
    _check_columns(record, source, _COLUMNS, _REQUIRED, row=None)
    return _village(record, source, 1, None)


# -- saving --------------------------------------------------------------------------------------


def village_record(village: Village) -> dict[str, Any]:
    """A village as a plain JSON-ready dict with the standard field names."""
    return {
        "id": village.id,
        "name_vi": village.name_vi,
        "name_en": village.name_en,
        "craft_vi": village.craft_vi,
        "craft_en": village.craft_en,
        "themes": list(village.themes),
        "old_district": village.old_district,
        "commune_2025": village.commune_2025,
        "lat": village.lat,
        "lon": village.lon,
        "coord_kind": village.coord_kind,
        "coord_precision_m": village.coord_precision_m,
        "coord_source": village.coord_source,
        "confidence": village.confidence,
        "visit_minutes": village.visit_minutes,
        "visit_minutes_origin": village.visit_minutes_origin,
        "opening_hours": str(village.opening_hours),
        "opening_hours_origin": village.opening_hours_origin,
        "hours_note": village.hours_note,
        "interest": village.interest,
        "interest_basis": village.interest_basis,
        "url": village.url,
        "notes": village.notes,
    }


def villages_to_csv(villages: Iterable[Village]) -> str:
    """The villages as CSV text with the standard columns."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    # csv quotes only the line terminator's characters, so a bare "\r" in a cell would be
    # written unquoted and read back as a line break: quote every cell of such rows
    quote_all = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(_COLUMNS)
    for village in villages:
        record = village_record(village)
        record["themes"] = ";".join(village.themes)
        record["lat"], record["lon"] = repr(village.lat), repr(village.lon)
        record["coord_precision_m"] = (
            "" if village.coord_precision_m is None else village.coord_precision_m
        )
        values = [record[c] for c in _COLUMNS]
        has_cr = any(isinstance(v, str) and "\r" in v for v in values)
        (quote_all if has_cr else writer).writerow(values)
    return out.getvalue()


def villages_to_json(villages: Iterable[Village]) -> str:
    """The villages as a JSON document ``{"villages": [...]}``."""
    payload = {"villages": [village_record(v) for v in villages]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def villages_to_geojson(villages: Iterable[Village]) -> str:
    """The villages as an RFC 7946 GeoJSON FeatureCollection of Points (longitude first)."""
    features = []
    for village in villages:
        props = village_record(village)
        lat, lon = props.pop("lat"), props.pop("lon")
        features.append(
            {
                "type": "Feature",
                "id": village.id,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": props,
            }
        )
    payload = {"type": "FeatureCollection", "features": features}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def save_villages(
    villages: Iterable[Village], path: str | os.PathLike[str], format: Format | None = None
) -> Path:
    """Save villages as CSV, JSON or GeoJSON (by extension unless ``format`` is given).

    The file is written atomically: on failure, an existing file at ``path`` is untouched.
    Loading the file again gives equal villages.
    """
    fmt = format or _format_of(path)
    writers: dict[str, Callable[[Iterable[Village]], str]] = {
        "csv": villages_to_csv,
        "json": villages_to_json,
        "geojson": villages_to_geojson,
    }
    if fmt not in writers:
        raise DataError(f"unknown format {fmt!r}; use csv, json or geojson", source=str(path))
    return atomic_write_text(path, writers[fmt](villages))
