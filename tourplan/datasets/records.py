"""The village record codec: the standard fields, and rows or dicts to villages and back.

Every file format (CSV, JSON, GeoJSON) and the JSON itinerary export carry villages as records
with the fields of :data:`VILLAGE_FIELDS` (see ``data/README.md``); this module is the one
place that turns such a record into a checked :class:`~tourplan.model.Village` (with errors
naming the source, the row and the field) and a village into a record.
"""

from __future__ import annotations

import contextlib
import difflib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from ..exceptions import DataError
from ..hours import OpeningHours
from ..model import Bounds, Village, check_position, format_months, parse_months

__all__ = [
    "COLUMNS",
    "DEFAULT_INTEREST",
    "DEFAULT_OPENING_HOURS",
    "INT_BOUNDS",
    "MAX_TEXT_CHARS",
    "MULTILINE_FIELDS",
    "REQUIRED",
    "VILLAGE_FIELDS",
    "RowContext",
    "check_columns",
    "check_text",
    "float_field",
    "int_field",
    "optional_int_field",
    "text_field",
    "village_from_record",
    "village_from_row",
    "village_record",
]

DEFAULT_OPENING_HOURS = "Mo-Su 08:00-17:30"
"""Hours assumed for a place whose file gives none: a plain daytime window every day, never
stricter than a place's real hours are likely to be (no invented midday closure). Such values
are marked ``opening_hours_origin = "default"`` (then
:attr:`~tourplan.model.Village.hours_confirmed` is False). The bundled data uses the same
window for its defaults (``data/README.md``)."""

DEFAULT_INTEREST = 50
"""Interest assumed for a village whose file gives none (the middle of the 1-100 scale)."""


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
    ("kind", False),
    ("short_minutes", False),
    ("long_minutes", False),
    ("visit_minutes_source", False),
    ("opening_hours_source", False),
    ("season_months", False),
    ("season_source", False),
    ("active_hours", False),
    ("active_hours_source", False),
    ("fee_vnd", False),
    ("fee_source", False),
    ("status", False),
    ("status_year", False),
    ("status_title", False),
    ("status_source", False),
)
COLUMNS = tuple(name for name, _ in VILLAGE_FIELDS)

MULTILINE_FIELDS = ("notes", "hours_note", "interest_basis")
"""Free-text fields that may span lines (LF and tab allowed); every other text field is one
line without control characters."""

MAX_TEXT_CHARS = 10_000
"""The longest text a field may hold, in characters."""

INT_BOUNDS: dict[str, int] = {
    "visit_minutes": 24 * 60,
    "short_minutes": 24 * 60,
    "long_minutes": 24 * 60,
    "coord_precision_m": 20_000_000,
    "fee_vnd": 1_000_000_000,
}
"""The largest value of each whole-number field (a visit lasts at most a day, 1440 minutes;
any other whole number fits in 32 bits). Signs are the village's to check."""

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)
REQUIRED = tuple(name for name, required in VILLAGE_FIELDS if required)


def check_columns(
    present: Iterable[str],
    source: str,
    known: Sequence[str],
    required: Sequence[str],
    row: int | None,
) -> None:
    """Refuse a record or header whose columns have a near-miss typo or lack a required one.

    Raises
    ------
    DataError
        Naming ``source``, ``row`` and the first unknown-but-close or missing column.
    """
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


class RowContext:
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


def village_from_row(
    row: Mapping[str, Any],
    source: str,
    row_number: int,
    bounds: Bounds | None,
    *,
    lonlat: bool = False,
) -> Village:
    """Build a village from one row or item of a file (numbered ``row_number`` in ``source``).

    Blank optional fields get the documented defaults (:data:`DEFAULT_OPENING_HOURS`,
    :data:`DEFAULT_INTEREST`, ...). With ``bounds``, a position outside the box is refused,
    and named as swapped when the swap would fit (``lonlat``: the file writes longitude
    first, as GeoJSON does).

    Raises
    ------
    DataError
        Naming ``source``, ``row_number`` and the field of the first problem.
    """
    with RowContext(source, row_number):
        for name in REQUIRED:
            if _blank(row.get(name)):
                raise DataError(f"{name} is missing", field=name)
        lat, lon = float_field(row, "lat"), float_field(row, "lon")
        village_id = text_field(row, "id")
        if bounds is not None and not bounds.contains(lat, lon):
            if -90 <= lon <= 90 and bounds.contains(lon, lat):
                order = "[longitude, latitude]" if lonlat else "lat and lon"
                raise DataError(
                    f"position lat={lat}, lon={lon} of {village_id!r} is far outside "
                    f"{bounds.name}; the coordinates look swapped (expected {order})",
                    field="coordinates" if lonlat else "lat",
                )
            check_position(lat, lon)  # off the globe: say which value is out of range
            raise DataError(
                f"position lat={lat}, lon={lon} of {village_id!r} is outside {bounds.name}",
                field="lat" if not bounds.min_lat <= lat <= bounds.max_lat else "lon",
            )
        hours_text = text_field(row, "opening_hours")
        active_text = text_field(row, "active_hours")
        return Village(
            id=village_id,
            name_vi=text_field(row, "name_vi"),
            name_en=text_field(row, "name_en"),
            lat=lat,
            lon=lon,
            visit_minutes=int_field(row, "visit_minutes"),
            opening_hours=_hours(hours_text or DEFAULT_OPENING_HOURS),
            interest=(
                int_field(row, "interest") if not _blank(row.get("interest")) else DEFAULT_INTEREST
            ),
            craft_vi=text_field(row, "craft_vi"),
            craft_en=text_field(row, "craft_en"),
            themes=_themes(row.get("themes")),
            old_district=text_field(row, "old_district"),
            commune_2025=text_field(row, "commune_2025"),
            coord_kind=text_field(row, "coord_kind") or "user",  # type: ignore[arg-type]
            coord_precision_m=optional_int_field(row, "coord_precision_m"),
            coord_source=text_field(row, "coord_source"),
            confidence=text_field(row, "confidence") or "medium",  # type: ignore[arg-type]
            visit_minutes_origin=text_field(row, "visit_minutes_origin") or "source",  # type: ignore[arg-type]
            opening_hours_origin=(
                text_field(row, "opening_hours_origin")  # type: ignore[arg-type]
                or ("source" if hours_text else "default")
            ),
            hours_note=text_field(row, "hours_note"),
            interest_basis=text_field(row, "interest_basis"),
            url=text_field(row, "url"),
            notes=text_field(row, "notes"),
            kind=text_field(row, "kind") or "village",  # type: ignore[arg-type]
            short_minutes=optional_int_field(row, "short_minutes"),
            long_minutes=optional_int_field(row, "long_minutes"),
            visit_minutes_source=text_field(row, "visit_minutes_source"),
            opening_hours_source=text_field(row, "opening_hours_source"),
            season_months=_months(row.get("season_months")),
            season_source=text_field(row, "season_source"),
            active_hours=_hours(active_text, "active_hours") if active_text else None,
            active_hours_source=text_field(row, "active_hours_source"),
            fee_vnd=optional_int_field(row, "fee_vnd"),
            fee_source=text_field(row, "fee_source"),
            status=text_field(row, "status"),  # type: ignore[arg-type]
            status_year=optional_int_field(row, "status_year"),
            status_title=text_field(row, "status_title"),
            status_source=text_field(row, "status_source"),
        )


def _months(value: Any) -> frozenset[int]:
    """``season_months`` as text (``"5-7"``) or, in JSON, a list of month numbers."""
    if _blank(value):
        return frozenset()
    if isinstance(value, str):
        return parse_months(value)
    if isinstance(value, list) and all(
        isinstance(m, int) and not isinstance(m, bool) for m in value
    ):
        return frozenset(value)
    raise DataError(
        f"season_months must be text like '5-7' or a list of months, got {value!r}",
        field="season_months",
    )


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_field(row: Mapping[str, Any], name: str) -> str:
    """The text of field ``name``, stripped ("" when absent); checked where it is born
    (:func:`check_text`; only :data:`MULTILINE_FIELDS` may span lines). A ``url`` must be
    one ``http://`` or ``https://`` address without spaces.

    Raises
    ------
    DataError
        Naming the field, when the value is not text or holds what it may not.
    """
    value = row.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DataError(f"{name} must be text, got {value!r}", field=name)
    text = check_text(value, name, multiline=name in MULTILINE_FIELDS)
    if name == "url" and text and not _URL.fullmatch(text):
        raise DataError(
            f"url must be one http:// or https:// address without spaces, got {text[:80]!r}",
            field=name,
        )
    return text


def check_text(value: str, name: str, *, multiline: bool = False) -> str:
    """``value`` stripped and checked as field ``name``'s text, by a loader or an importer.

    Control characters (CR, LF, NUL, escapes ...) are refused: every exporter (.ics, XML, JSON,
    a terminal) would otherwise carry them or fail on them later; ``multiline`` allows line
    breaks and tabs (CRLF and CR become LF). At most :data:`MAX_TEXT_CHARS` characters.

    Raises
    ------
    DataError
        Naming the field ``name``.
    """
    text = value.strip()
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        bad = _CONTROL.search(text.replace("\n", "").replace("\t", ""))
    else:
        bad = _CONTROL.search(text)
    if bad:
        where = ", ".join(MULTILINE_FIELDS) if name in COLUMNS else ""  # else: a list's cell
        raise DataError(
            f"{name} holds a control character ({bad.group()!r} at position {bad.start() + 1}); "
            + (f"remove it (line breaks are allowed only in {where})" if where else "remove it"),
            field=name,
        )
    if len(text) > MAX_TEXT_CHARS:
        raise DataError(
            f"{name} is {len(text)} characters long, more than the {MAX_TEXT_CHARS} allowed",
            field=name,
        )
    return text


def float_field(row: Mapping[str, Any], name: str) -> float:
    """Field ``name`` as a finite number (text or number); DataError naming the field if not."""
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


def int_field(row: Mapping[str, Any], name: str) -> int:
    """Field ``name`` as a whole number (text or number); DataError naming the field if not."""
    value = row.get(name)
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and len(value) < 40:
        with contextlib.suppress(ValueError):
            number = int(value.strip())
    if number is None:
        raise DataError(f"{name} must be a whole number, got {str(value)[:40]!r}", field=name)
    high = INT_BOUNDS.get(name, 2**31 - 1)
    if not -(2**31) <= number <= high:
        raise DataError(f"{name} must be at most {high}, got {value!r}", field=name)
    return number


def optional_int_field(row: Mapping[str, Any], name: str) -> int | None:
    """Like :func:`int_field`, but None for a blank or absent field."""
    return None if _blank(row.get(name)) else int_field(row, name)


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


def _hours(text: str, field: str = "opening_hours") -> OpeningHours:
    try:
        return OpeningHours.parse(text)
    except DataError as exc:
        raise DataError(exc.reason, field=field) from None


def village_from_record(record: Mapping[str, Any], *, source: str = "record") -> Village:
    """Build a village from a dict with the standard field names (see :func:`village_record`).

    Raises
    ------
    DataError
        Naming ``source`` and the field when a value is missing or invalid.
    """
    check_columns(record, source, COLUMNS, REQUIRED, row=None)
    return village_from_row(record, source, 1, None)


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
        "kind": village.kind,
        "short_minutes": village.short_minutes,
        "long_minutes": village.long_minutes,
        "visit_minutes_source": village.visit_minutes_source,
        "opening_hours_source": village.opening_hours_source,
        "season_months": format_months(village.season_months),
        "season_source": village.season_source,
        "active_hours": "" if village.active_hours is None else str(village.active_hours),
        "active_hours_source": village.active_hours_source,
        "fee_vnd": village.fee_vnd,
        "fee_source": village.fee_source,
        "status": village.status,
        "status_year": village.status_year,
        "status_title": village.status_title,
        "status_source": village.status_source,
    }
