"""Trip requests as JSON records: the fields of ``tourplan route``, read and written with checks.

This module is longer than 450 lines because it is the one codec of a request record: every
field's reader, bound and message, the writer and the schema loader stay together so that the
CLI, batch and HTTP read requests the same way.

One record is one JSON object, as a line of a batch file (``tourplan batch``) or the body of an
HTTP request. Its fields are ``tourplan route``'s options (``start``, ``end``, ``date`` /
``dates`` / ``days``, ``mode``, ``day_start``, ``day_end``, ``lunch``, ``must``, ``avoid``,
``themes``, ``max_stops``, ``pace``, ``holidays``, ``theme_bonus``, ``experiences``,
``with_experiences``, ``party``, ``budget``), the search settings
(``time_limit``, ``deterministic``) and an optional ``id``. ``request.schema.json``, next to
this module, describes them (:func:`trip_request_schema`).

Every bad value raises :class:`~tourplan.exceptions.DataError` naming the record's field (and
the line, when the caller says which line the record came from).
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
from collections.abc import Mapping
from importlib import resources
from typing import Any, cast

from ..exceptions import DataError
from ..model import Place
from ..names import one_line
from ..routing import SearchParameters
from ..travel import get_mode
from .clock import MAX_TIME_LIMIT
from .request import (
    FIRST_DATE,
    LAST_DATE,
    MAX_STOPS_PER_DAY,
    MAX_TRIP_DAYS,
    Lunch,
    PlaceQuery,
    TripRequest,
)
from .trip import DEFAULT_TIME_LIMIT

__all__ = [
    "MAX_TIME_LIMIT",
    "RECORD_FIELDS",
    "RECORD_NAMES",
    "record_id",
    "search_parameters_from_record",
    "trip_request_from_record",
    "trip_request_record",
    "trip_request_schema",
]

RECORD_FIELDS: tuple[str, ...] = (
    "id",
    "start",
    "end",
    "date",
    "dates",
    "days",
    "mode",
    "day_start",
    "day_end",
    "lunch",
    "must",
    "avoid",
    "themes",
    "max_stops",
    "pace",
    "holidays",
    "theme_bonus",
    "experiences",
    "with_experiences",
    "party",
    "budget",
    "time_limit",
    "deterministic",
)
"""Every field a request record may hold (see ``request.schema.json``)."""

RECORD_NAMES: Mapping[str, str] = {
    "must_visit": "must",
    "max_stops_per_day": "max_stops",
    "first_date": "date",
    "lunch.earliest": "lunch",
    "lunch.latest": "lunch",
    "budget_vnd": "budget",
}
""":class:`TripRequest`'s own field names that a record calls otherwise (the library's errors
name the former, a client is told the latter)."""


class _Where:
    """Where a record came from, to put in each error: a source name and a line number."""

    def __init__(self, source: str | None, line: int | None) -> None:
        self.source = source
        self.line = line

    def error(self, message: str, field: str) -> DataError:
        return DataError(message, source=self.source, row=self.line, field=field)


def _checked_record(record: object, where: _Where) -> Mapping[str, Any]:
    if not isinstance(record, Mapping):
        raise DataError(
            f"a request must be a JSON object, got {type(record).__name__}",
            source=where.source,
            row=where.line,
        )
    for key in record:
        if key not in RECORD_FIELDS:
            close = difflib.get_close_matches(str(key), RECORD_FIELDS, n=1)
            hint = (
                f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(RECORD_FIELDS)}"
            )
            raise where.error(f"unknown field{hint}", str(key))
    return cast(Mapping[str, Any], record)


def _text(value: object, name: str, where: _Where, example: str, *, line: bool = False) -> str:
    """The text of a field, stripped; with ``line``, a name or an id, refused if it holds a
    control character anywhere (as ``tourplan route`` refuses it: ``names.one_line``)."""
    if not isinstance(value, str) or not value.strip():
        raise where.error(f"must be text like {example}, got {value!r}", name)
    if line:
        try:
            one_line(value, name)
        except DataError as exc:
            raise where.error(exc.reason, name) from None
    return value.strip()


def _texts(
    value: object, name: str, where: _Where, example: str, *, line: bool = False
) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise where.error(f"must be a list of texts like [{example}], got {value!r}", name)
    return tuple(_text(item, name, where, example, line=line) for item in items)


def _place(value: object, name: str, where: _Where) -> PlaceQuery:
    if isinstance(value, list | tuple):
        if len(value) == 2 and all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value
        ):
            return (float(value[0]), float(value[1]))
        raise where.error(f"a position must be [lat, lon], got {value!r}", name)
    return _text(value, name, where, '"hoan-kiem-lake", "Bát Tràng" or "21.03,105.85"', line=True)


def _whole(value: object, name: str, where: _Where, least: int, most: int = 2**31 - 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
        raise where.error(f"must be a whole number from {least} to {most}, got {value!r}", name)
    return value


def _number(value: object, name: str, where: _Where) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise where.error(f"must be a number, got {value!r}", name)
    if not math.isfinite(value):
        raise where.error(f"must be a finite number, got {value!r}", name)
    return float(value)


def _lunch(value: object, where: _Where) -> Lunch | None:
    if value is None or (isinstance(value, str) and value.strip().lower() == "none"):
        return None
    if isinstance(value, str):
        return Lunch.parse(value.strip())
    if isinstance(value, Mapping):
        unknown = set(value) - {"earliest", "latest", "minutes"}
        if unknown:
            raise where.error(
                f"unknown lunch field(s) {', '.join(sorted(map(str, unknown)))}; "
                "known: earliest, latest, minutes",
                "lunch",
            )
        defaults = Lunch()
        return Lunch(
            _text(value.get("earliest", "11:00"), "lunch", where, '"11:00"'),  # type: ignore[arg-type]
            _text(value.get("latest", "13:00"), "lunch", where, '"13:00"'),  # type: ignore[arg-type]
            _whole(value.get("minutes", defaults.minutes), "lunch", where, 1),
        )
    raise where.error(
        f'must be "11:00-13:00/60" (start window / minutes), "none", null or an object, '
        f"got {value!r}",
        "lunch",
    )


def _dates(record: Mapping[str, Any], where: _Where) -> tuple[dt.date | str, ...]:
    has_date, has_dates = "date" in record, "dates" in record
    if has_date and has_dates:
        raise where.error("give 'date' (with 'days') or 'dates', not both", "dates")
    if not has_date and not has_dates:
        raise where.error("give the day of the trip as 'date' (or a list as 'dates')", "date")
    days = _whole(record.get("days", 1), "days", where, 1, MAX_TRIP_DAYS)
    if has_dates:
        dates = _texts(record["dates"], "dates", where, '"2026-12-05"')
        if not dates:
            raise where.error("give at least one date", "dates")
        if days > 1 and len(dates) > 1:
            raise where.error("give several 'dates' or one 'date' with 'days', not both", "days")
        first: dt.date | str = dates[0]
        if len(dates) > 1:
            return dates
    else:
        first = _text(record["date"], "date", where, '"2026-12-05"')
    try:
        start = dt.date.fromisoformat(str(first))
    except ValueError:
        raise where.error(
            f"{first!r} is not a date like 2026-12-05", "date" if has_date else "dates"
        ) from None
    if not FIRST_DATE <= start <= LAST_DATE - dt.timedelta(days=days - 1):
        raise where.error(
            f"the trip must fall between {FIRST_DATE.isoformat()} and {LAST_DATE.isoformat()}",
            "date" if has_date else "dates",
        )
    return tuple(start + dt.timedelta(days=i) for i in range(days))


def trip_request_from_record(
    record: Mapping[str, Any], *, line: int | None = None, source: str | None = None
) -> TripRequest:
    """Read a :class:`TripRequest` from a JSON record (a decoded JSON object).

    Parameters
    ----------
    record
        The fields of ``request.schema.json``; ``start`` and ``date`` (or ``dates``) are
        required, every other field has ``tourplan route``'s default. The search fields
        (``time_limit``, ``deterministic``) and ``id`` are read by
        :func:`search_parameters_from_record` and :func:`record_id`.
    line
        The 1-based line the record came from (a JSON-lines file), to name in errors.
    source
        The file or other origin of the record, to name in errors.

    Returns
    -------
    TripRequest
        The validated request.

    Raises
    ------
    DataError
        Naming the record's field (and ``source`` and ``line`` when given) for an unknown
        field, a value of the wrong type or a value the request refuses.

    Examples
    --------
    >>> request = trip_request_from_record(
    ...     {"start": "hoan-kiem-lake", "date": "2026-12-05", "days": 2, "must": ["Bát Tràng"]}
    ... )
    >>> [d.isoformat() for d in request.dates], request.must_visit
    (['2026-12-05', '2026-12-06'], ('Bát Tràng',))
    >>> trip_request_from_record({"start": "x", "date": "2026-12-05", "mode": "rocket"}, line=3)
    Traceback (most recent call last):
    ...
    tourplan.exceptions.DataError: row 3, field 'mode': unknown transport mode 'rocket'; ...
    """
    where = _Where(source, line)
    checked = _checked_record(record, where)
    if "start" not in checked:
        raise where.error("give where the day starts (a place id or name, or [lat, lon])", "start")
    try:
        fields: dict[str, Any] = {
            "start": _place(checked["start"], "start", where),
            "dates": _dates(checked, where),
        }
        end = checked.get("end")
        if end is not None:
            fields["end"] = _place(end, "end", where)
        if "mode" in checked:
            fields["mode"] = get_mode(_text(checked["mode"], "mode", where, '"car"')).name
        for name in ("day_start", "day_end"):
            if name in checked:
                fields[name] = _text(checked[name], name, where, '"08:30"')
        if "lunch" in checked:
            fields["lunch"] = _lunch(checked["lunch"], where)
        for name, attribute, example in (
            ("must", "must_visit", '"Bát Tràng"'),
            ("avoid", "avoid", '"van-phuc"'),
            ("themes", "themes", '"ceramics"'),
        ):
            if name in checked:
                names = name != "themes"
                fields[attribute] = _texts(checked[name], name, where, example, line=names)
        fields["themes"] = tuple(t.lower() for t in fields.get("themes", ()))
        if checked.get("max_stops") is not None:
            fields["max_stops_per_day"] = _whole(
                checked["max_stops"], "max_stops", where, 1, MAX_STOPS_PER_DAY
            )
        if "pace" in checked:
            fields["pace"] = _text(checked["pace"], "pace", where, '"normal"').lower()
        if "holidays" in checked:
            holidays = _texts(checked["holidays"], "holidays", where, '"2026-09-02"')
            fields["holidays"] = frozenset(_iso_date(h, "holidays", where) for h in holidays)
        if "theme_bonus" in checked:
            fields["theme_bonus"] = _number(checked["theme_bonus"], "theme_bonus", where)
        fields |= _cost_fields(checked, where)  # experiences and budgets (issue #21)
        return TripRequest(**fields)
    except DataError as exc:  # name the record's field, the line and the source in every error
        field = None if exc.field is None else RECORD_NAMES.get(exc.field, exc.field)
        raise DataError(exc.reason, source=source, row=line, field=field) from None


def _cost_fields(checked: Mapping[str, Any], where: _Where) -> dict[str, Any]:
    """The fields of experiences and budgets (docs/experiences.md) that the record gives."""
    fields: dict[str, Any] = {}
    if "experiences" in checked:
        fields["experiences"] = _texts(
            checked["experiences"], "experiences", where, '"pottery making"', line=True
        )
    if "with_experiences" in checked:
        if not isinstance(checked["with_experiences"], bool):
            raise where.error("must be true or false", "with_experiences")
        fields["with_experiences"] = checked["with_experiences"]
    if "party" in checked:
        fields["party"] = _whole(checked["party"], "party", where, 1)
    if checked.get("budget") is not None:
        fields["budget_vnd"] = _whole(checked["budget"], "budget", where, 0)
    return fields


def _iso_date(text: str, name: str, where: _Where) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise where.error(f"{text!r} is not a date like 2026-12-05", name) from None


def search_parameters_from_record(
    record: Mapping[str, Any], *, line: int | None = None, source: str | None = None
) -> SearchParameters:
    """The search settings of a request record: ``time_limit`` (seconds) and ``deterministic``.

    Parameters
    ----------
    record
        A request record (see :func:`trip_request_from_record`).
    line, source
        Where the record came from, to name in errors.

    Returns
    -------
    SearchParameters
        ``time_limit`` defaults to ``tourplan route``'s 5 s, ``deterministic`` to false.

    Examples
    --------
    >>> search_parameters_from_record({"time_limit": 2, "deterministic": True}).deterministic
    True
    """
    where = _Where(source, line)
    checked = _checked_record(record, where)
    limit = _number(checked.get("time_limit", DEFAULT_TIME_LIMIT), "time_limit", where)
    if not 0 < limit <= MAX_TIME_LIMIT:
        raise where.error(
            f"must be a positive number of seconds, at most {MAX_TIME_LIMIT:g}, got {limit:g}",
            "time_limit",
        )
    deterministic = checked.get("deterministic", False)
    if not isinstance(deterministic, bool):
        raise where.error(f"must be true or false, got {deterministic!r}", "deterministic")
    return SearchParameters(time_limit=limit, deterministic=deterministic)


def record_id(
    record: Mapping[str, Any], *, line: int | None = None, source: str | None = None
) -> str | None:
    """The ``id`` of a request record as text, or ``None`` when it has none.

    Raises
    ------
    DataError
        When the id is neither non-empty text nor a whole number, or holds a control
        character (a result line or an HTTP header carries it).

    Examples
    --------
    >>> record_id({"id": 7}), record_id({"id": "hub-3"}), record_id({})
    ('7', 'hub-3', None)
    """
    where = _Where(source, line)
    if not isinstance(record, Mapping) or "id" not in record:
        return None
    value = record["id"]
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _text(value, "id", where, '"trip-1"', line=True)


def _time(value: dt.time) -> str:
    return value.isoformat() if value.second or value.microsecond else f"{value:%H:%M}"


def _place_record(value: PlaceQuery) -> str | list[float]:
    if isinstance(value, Place):
        return [value.lat, value.lon]
    if isinstance(value, tuple):
        return [float(value[0]), float(value[1])]
    return value


def trip_request_record(
    request: TripRequest,
    search: SearchParameters | None = None,
    *,
    id: str | None = None,
) -> dict[str, Any]:
    """Write a :class:`TripRequest` (and its search settings) as a JSON-ready record.

    :func:`trip_request_from_record` reads it back to an equal request. A start or end given
    as a :class:`~tourplan.model.Place` is written as its ``[lat, lon]``.

    Parameters
    ----------
    request
        The request.
    search
        Its search settings; only ``time_limit`` and ``deterministic`` are written
        (default: ``tourplan route``'s 5 s, not deterministic).
    id
        The record's id, if any.

    Returns
    -------
    dict
        Every field of ``request.schema.json`` but ``date`` and ``days`` (the dates are
        written as the list ``dates``).

    Examples
    --------
    >>> request = TripRequest.for_days("hoan-kiem-lake", "2026-12-05", themes=["ceramics"])
    >>> record = trip_request_record(request, id="t1")
    >>> record["dates"], record["lunch"], record["themes"]
    (['2026-12-05'], '11:00-13:00/60', ['ceramics'])
    >>> trip_request_from_record(record) == request
    True
    """
    search = search or SearchParameters(time_limit=DEFAULT_TIME_LIMIT)
    lunch = request.lunch
    record: dict[str, Any] = {} if id is None else {"id": id}
    record |= {
        "start": _place_record(request.start),
        "end": None if request.end is None else _place_record(request.end),
        "dates": [d.isoformat() for d in request.dates],
        "mode": request.mode,
        "day_start": _time(request.day_start),
        "day_end": _time(request.day_end),
        "lunch": None
        if lunch is None
        else f"{_time(lunch.earliest)}-{_time(lunch.latest)}/{lunch.minutes}",
        "must": list(request.must_visit),
        "avoid": list(request.avoid),
        "themes": list(request.themes),
        "max_stops": request.max_stops_per_day,
        "pace": request.pace,
        "holidays": sorted(d.isoformat() for d in request.holidays),
        "theme_bonus": request.theme_bonus,
        "time_limit": search.time_limit,
        "deterministic": search.deterministic,
    }
    if request.counts_costs:  # experiences and budgets (issue #21)
        record |= {
            "experiences": list(request.experiences),
            "with_experiences": request.with_experiences,
            "party": request.party,
            "budget": request.budget_vnd,
        }
    return record


def trip_request_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a request record, ``request.schema.json``."""
    text = resources.files(__package__).joinpath("request.schema.json").read_text("utf-8")
    return cast(dict[str, Any], json.loads(text))
