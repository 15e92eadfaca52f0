"""Experiences in files: CSV or JSON records to experiences and back, and the bundled ones."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .._io import read_utf8
from ..exceptions import DataError
from ..hours import OpeningHours
from ..model.experience import Experience, Experiences
from .bundled import _data_file
from .csv import csv_rows
from .json import json_load
from .records import RowContext, check_columns, int_field, optional_int_field, text_field

__all__ = [
    "EXPERIENCE_COLUMNS",
    "experience_from_record",
    "experience_record",
    "load_experiences",
    "load_hanoi_experiences",
    "parse_experiences",
]

EXPERIENCE_COLUMNS = (
    "id",
    "place_id",
    "name_vi",
    "name_en",
    "minutes",
    "minutes_origin",
    "sessions",
    "runs",
    "runs_origin",
    "price",
    "currency",
    "min_group",
    "max_group",
    "source",
    "notes",
)
"""The columns of an experiences file, in order (data/README.md describes each)."""

_REQUIRED = ("id", "place_id", "name_vi", "minutes", "price")


def _sessions(value: Any) -> tuple[dt.time, ...]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return ()
    parts = value.split(";") if isinstance(value, str) else value
    if not isinstance(parts, list | tuple) or not all(isinstance(p, str) for p in parts):
        raise DataError(
            f"sessions must be start times like '09:00;14:00', got {value!r}", field="sessions"
        )
    times = []
    for part in parts:
        try:
            times.append(dt.time.fromisoformat(part.strip()))
        except ValueError:
            raise DataError(
                f"{part.strip()!r} is not a time like 09:00", field="sessions"
            ) from None
    return tuple(times)


def experience_from_record(record: Mapping[str, Any]) -> Experience:
    """One experience from a record (a CSV row or a JSON object) with the standard fields.

    Raises
    ------
    DataError
        Naming the field that is missing or wrong.
    """
    for name in _REQUIRED:
        if record.get(name) is None or (
            isinstance(record.get(name), str) and not record[name].strip()
        ):
            raise DataError(f"{name} is missing", field=name)
    runs_text = text_field(record, "runs")
    try:
        runs = OpeningHours.parse(runs_text) if runs_text else None
    except DataError as exc:
        raise DataError(exc.reason, field="runs") from None
    return Experience(
        id=text_field(record, "id"),
        place_id=text_field(record, "place_id"),
        name_vi=text_field(record, "name_vi"),
        name_en=text_field(record, "name_en"),
        minutes=int_field(record, "minutes"),
        price=int_field(record, "price"),
        currency=text_field(record, "currency") or "VND",
        sessions=_sessions(record.get("sessions")),
        runs=runs,
        min_group=optional_int_field(record, "min_group"),
        max_group=optional_int_field(record, "max_group"),
        source=text_field(record, "source"),
        minutes_origin=text_field(record, "minutes_origin") or "default",  # type: ignore[arg-type]
        runs_origin=text_field(record, "runs_origin") or "default",  # type: ignore[arg-type]
        notes=text_field(record, "notes"),
    )


def experience_record(experience: Experience) -> dict[str, Any]:
    """The record of ``experience``: the standard fields as JSON-ready values."""
    e = experience
    return {
        "id": e.id,
        "place_id": e.place_id,
        "name_vi": e.name_vi,
        "name_en": e.name_en,
        "minutes": e.minutes,
        "minutes_origin": e.minutes_origin,
        "sessions": [f"{t:%H:%M}" for t in e.sessions],
        "runs": str(e.runs) if e.runs is not None else None,
        "runs_origin": e.runs_origin,
        "price": e.price,
        "currency": e.currency,
        "min_group": e.min_group,
        "max_group": e.max_group,
        "source": e.source,
        "notes": e.notes,
    }


def parse_experiences(text: str, source: str, *, fmt: str = "csv") -> Experiences:
    """Experiences from the text of a CSV sheet or a JSON document.

    JSON is a list of objects or ``{"experiences": [...]}`` with the CSV's column names as
    keys (``sessions`` may be a list of ``"HH:MM"``).

    Raises
    ------
    DataError
        Naming the file, the row (CSV: spreadsheet row, header = 1; JSON: item number) and
        the field of the first bad value, or an id given twice.
    """
    items: Iterable[tuple[int, Mapping[str, Any]]]
    if fmt == "csv":
        items = csv_rows(text, source, EXPERIENCE_COLUMNS, _REQUIRED)
    elif fmt == "json":
        data = json_load(text, source)
        if isinstance(data, dict) and "experiences" in data:
            data = data["experiences"]
        if not isinstance(data, list):
            raise DataError(
                'expected a list of experiences or {"experiences": [...]}', source=source
            )
        checked = []
        for n, item in enumerate(data, start=1):
            if not isinstance(item, dict):
                raise DataError("each experience must be a JSON object", source=source, row=n)
            check_columns(item, source, EXPERIENCE_COLUMNS, _REQUIRED, row=n)
            checked.append((n, item))
        items = checked
    else:
        raise DataError(f"unknown experiences format {fmt!r}; use csv or json", field="format")
    result: list[Experience] = []
    seen: dict[str, int] = {}
    for row, record in items:
        with RowContext(source, row):
            experience = experience_from_record(record)
            if experience.id in seen:
                raise DataError(
                    f"id {experience.id!r} was already used in row {seen[experience.id]}",
                    field="id",
                )
            seen[experience.id] = row
            result.append(experience)
    return Experiences.of(result)


def load_experiences(path: str | os.PathLike[str]) -> Experiences:
    """Experiences from a ``.csv`` or ``.json`` file (by extension).

    Raises
    ------
    DataError
        For another extension, an unreadable file or a bad row (naming file, row, field).
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".csv", ".json"):
        raise DataError(
            f"experiences must be a .csv or .json file, got {p.name!r}", field="experiences"
        )
    text = read_utf8(p)
    return parse_experiences(text, str(p), fmt=suffix[1:])


def load_hanoi_experiences() -> Experiences:
    """The bundled experiences (``data/experiences.csv``; sources in ``data/README.md``)."""
    return load_experiences(_data_file("experiences.csv"))
