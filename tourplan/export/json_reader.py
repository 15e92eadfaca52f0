"""Reading itinerary JSON documents: typed access that names the JSON path of each bad value."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast, get_args

from ..datasets import village_from_record
from ..datasets.experiences import experience_from_record
from ..exceptions import DataError
from ..model import Place, Village
from ..plan import (
    HANOI_TZ,
    LENGTHS,
    Break,
    Day,
    Itinerary,
    LeftOut,
    LeftOutReason,
    Leg,
    Stop,
    VisitLength,
)
from ..plan.sessions import Booking

__all__ = ["SCHEMA_VERSION", "TIME_ZONE", "Reader"]

SCHEMA_VERSION = 2
"""Version of the JSON layout written; readers refuse documents with a newer version.

Version 2 writes each left-out village's reason code with the numbers behind it instead of
an ``explanation`` in words, and no ``lang``; version 1 documents are still read (their
``lang`` and ``explanation`` are ignored)."""

TIME_ZONE = "Asia/Ho_Chi_Minh"

_REASONS: tuple[str, ...] = get_args(LeftOutReason)
T = TypeVar("T")


class Reader:
    """Typed access to a parsed document; every error names the JSON path of the bad value."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> DataError:
        return DataError(message, source=self.source, field=where)

    def obj(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, got {_kind(value)}")
        return value

    def get(self, data: Mapping[str, Any], key: str, where: str) -> Any:
        if key not in data:
            raise self.fail(_at(where, key), "is missing")
        return data[key]

    def text(self, data: Mapping[str, Any], key: str, where: str) -> str:
        value = self.get(data, key, where)
        if not isinstance(value, str):
            raise self.fail(_at(where, key), f"expected text, got {_kind(value)}")
        return value

    def number(self, value: Any, where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(where, f"expected a number, got {_kind(value)}")
        if not math.isfinite(value):
            raise self.fail(where, f"expected a finite number, got {value!r}")
        return float(value)

    def array(self, data: Mapping[str, Any], key: str, where: str) -> list[Any]:
        value = self.get(data, key, where)
        if not isinstance(value, list):
            raise self.fail(_at(where, key), f"expected an array, got {_kind(value)}")
        return value

    def items(
        self, data: Mapping[str, Any], key: str, where: str, build: Callable[[Any, str], T]
    ) -> tuple[T, ...]:
        return tuple(
            build(item, f"{_at(where, key)}[{i}]")
            for i, item in enumerate(self.array(data, key, where))
        )

    def datetime(self, data: Mapping[str, Any], key: str, where: str) -> dt.datetime:
        text = self.text(data, key, where)
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            raise self.fail(_at(where, key), f"{text!r} is not an ISO 8601 datetime") from None
        if value.tzinfo is None:
            raise self.fail(_at(where, key), f"{text!r} has no UTC offset")
        return value.astimezone(HANOI_TZ)

    def build(self, where: str, make: Callable[[], T]) -> T:
        """Call ``make``, turning a model's DataError into one that names ``where``."""
        try:
            return make()
        except DataError as exc:
            if exc.source is not None:  # raised by this reader: already names its path
                raise
            field = f"{where}.{exc.field}" if exc.field else where
            raise DataError(exc.reason, source=self.source, field=field) from None

    # -- the parts of an itinerary ------------------------------------------------------------

    def place(self, value: Any, where: str) -> Place:
        data = self.obj(value, where)
        precision = data.get("coord_precision_m")
        if precision is not None and (
            isinstance(precision, bool) or not isinstance(precision, int)
        ):
            raise self.fail(f"{where}.coord_precision_m", "expected a whole number or null")
        return self.build(
            where,
            lambda: Place(
                id=self.text(data, "id", where),
                name=self.text(data, "name", where),
                lat=self.number(self.get(data, "lat", where), f"{where}.lat"),
                lon=self.number(self.get(data, "lon", where), f"{where}.lon"),
                name_en=str(data.get("name_en", "")),
                coord_kind=data.get("coord_kind", "user"),
                coord_precision_m=precision,
                coord_source=str(data.get("coord_source", "")),
                notes=str(data.get("notes", "")),
            ),
        )

    def village(self, value: Any, where: str) -> Village:
        data = self.obj(value, where)
        try:
            village = village_from_record(data)
        except DataError as exc:
            field = f"{where}.{exc.field}" if exc.field else where
            raise DataError(exc.reason, source=self.source, field=field) from None
        return village

    def stop(self, value: Any, where: str) -> Stop:
        data = self.obj(value, where)
        village = self.village(self.get(data, "village", where), f"{where}.village")
        return self.build(
            where,
            lambda: Stop(
                village=village,
                arrival=self.datetime(data, "arrival", where),
                start=self.datetime(data, "start", where),
                end=self.datetime(data, "end", where),
                length=self.length(data, where),
                stop_minutes=self.whole(data, "stop_minutes", where) or 0,
                waits_for_opening=self.flag(data, "waits_for_opening", where),
                longer_offered=self.flag(data, "longer_offered", where),
                booking=self.booking(data, where),
            ),
        )

    def booking(self, data: Mapping[str, Any], where: str) -> Booking | None:
        """A stop's optional booked experience (issue #21)."""
        if data.get("booking") is None:
            return None
        at = f"{where}.booking"
        booked = self.obj(data["booking"], at)
        record = self.obj(self.get(booked, "experience", at), f"{at}.experience")
        experience = self.build(f"{at}.experience", lambda: experience_from_record(record))
        party = self.whole(booked, "party", at)
        return self.build(
            at, lambda: Booking(experience, self.datetime(booked, "start", at), party or 0)
        )

    def length(self, data: Mapping[str, Any], where: str) -> VisitLength:
        """The optional visit length (``typical`` when absent, as in schema 2 documents)."""
        value = data.get("length", "typical")
        if value not in LENGTHS:
            raise self.fail(f"{where}.length", f"expected one of {', '.join(LENGTHS)}")
        return cast(VisitLength, value)

    def flag(self, data: Mapping[str, Any], key: str, where: str) -> bool:
        """An optional true/false value (false when absent)."""
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.{key}", "expected true or false")
        return value

    def leg(self, value: Any, where: str) -> Leg:
        data = self.obj(value, where)
        distance = data.get("distance_m")
        path: list[tuple[float, float]] = []
        for i, point in enumerate(data.get("path", [])):
            at = f"{where}.path[{i}]"
            if not isinstance(point, list) or len(point) != 2:
                raise self.fail(at, "expected a [longitude, latitude] pair")
            path.append((self.number(point[0], at), self.number(point[1], at)))
        return self.build(
            where,
            lambda: Leg(
                origin=self.text(data, "origin", where),
                destination=self.text(data, "destination", where),
                depart=self.datetime(data, "depart", where),
                arrive=self.datetime(data, "arrive", where),
                mode=self.text(data, "mode", where),
                distance_m=None
                if distance is None
                else self.number(distance, f"{where}.distance_m"),
                path=tuple(path),
            ),
        )

    def break_(self, value: Any, where: str) -> Break:
        data = self.obj(value, where)
        return self.build(
            where,
            lambda: Break(
                name=self.text(data, "name", where),
                start=self.datetime(data, "start", where),
                end=self.datetime(data, "end", where),
                place=self.text(data, "place", where),
                on_the_way=self.flag(data, "on_the_way", where),
            ),
        )

    def day(self, value: Any, where: str) -> Day:
        data = self.obj(value, where)
        text = self.text(data, "date", where)
        try:
            date = dt.date.fromisoformat(text)
        except ValueError:
            raise self.fail(f"{where}.date", f"{text!r} is not an ISO 8601 date") from None
        start_place = self.place(self.get(data, "start_place", where), f"{where}.start_place")
        end_place = self.place(self.get(data, "end_place", where), f"{where}.end_place")
        return self.build(
            where,
            lambda: Day(
                date=date,
                start_place=start_place,
                end_place=end_place,
                departure=self.datetime(data, "departure", where),
                arrival=self.datetime(data, "arrival", where),
                stops=self.items(data, "stops", where, self.stop),
                legs=self.items(data, "legs", where, self.leg),
                breaks=self.items(data, "breaks", where, self.break_),
            ),
        )

    def left_out(self, value: Any, where: str) -> LeftOut:
        data = self.obj(value, where)
        reason = self.text(data, "reason", where)
        if reason not in _REASONS:
            raise self.fail(f"{where}.reason", f"{reason!r} is not one of {', '.join(_REASONS)}")
        dates = []
        for i, text in enumerate(data.get("dates", [])):
            try:
                dates.append(dt.date.fromisoformat(text))
            except (TypeError, ValueError):
                raise self.fail(
                    f"{where}.dates[{i}]", f"{text!r} is not an ISO 8601 date"
                ) from None
        window = None
        if "day_start" in data or "day_end" in data:
            try:
                window = (
                    dt.time.fromisoformat(self.text(data, "day_start", where)),
                    dt.time.fromisoformat(self.text(data, "day_end", where)),
                )
            except ValueError:
                raise self.fail(f"{where}.day_start", "expected times like 08:00") from None
        return LeftOut(
            village=self.village(self.get(data, "village", where), f"{where}.village"),
            reason=cast(LeftOutReason, reason),
            dates=tuple(dates),
            visit_minutes=self.whole(data, "visit_minutes", where),
            day_window=window,
            travel_minutes=self.whole(data, "travel_minutes", where),
            onward_minutes=self.whole(data, "onward_minutes", where),
            mode=self.text(data, "mode", where) if "mode" in data else None,
            max_stops=self.whole(data, "max_stops", where),
            min_stops=self.whole(data, "min_stops", where),
        )

    def whole(self, data: Mapping[str, Any], key: str, where: str) -> int | None:
        """An optional whole number."""
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(_at(where, key), f"expected a whole number, got {_kind(value)}")
        return value

    def itinerary(self, value: Any) -> Itinerary:
        data = self.obj(value, "(document)")
        version = self.get(data, "schema_version", "")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise self.fail("schema_version", f"expected a positive whole number, got {version!r}")
        if version > SCHEMA_VERSION:
            raise self.fail(
                "schema_version",
                f"version {version} is newer than this tourplan reads ({SCHEMA_VERSION}); "
                "upgrade tourplan",
            )
        zone = data.get("time_zone", TIME_ZONE)
        if zone != TIME_ZONE:
            raise self.fail("time_zone", f"expected {TIME_ZONE!r}, got {zone!r}")
        notes = self.array(data, "notes", "") if "notes" in data else []
        if not all(isinstance(n, str) for n in notes):
            raise self.fail("notes", "expected an array of text")
        mode = data.get("mode", "car")
        if not isinstance(mode, str):
            raise self.fail("mode", f"expected text, got {_kind(mode)}")
        costs = self.obj(data["costs"], "costs") if data.get("costs") is not None else None
        return Itinerary(
            days=self.items(data, "days", "", self.day),
            left_out=self.items(data, "left_out", "", self.left_out) if "left_out" in data else (),
            mode=mode,
            notes=tuple(notes),
            party=None if costs is None else self.whole(costs, "party", "costs") or 0,
        )


def _at(where: str, key: str) -> str:
    """The JSON path of member ``key`` of the value at ``where`` ("" is the document)."""
    return f"{where}.{key}" if where else key


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "text", bool: "true/false"}
    if value is None:
        return "null"
    return names.get(
        type(value), f"the number {value!r}" if isinstance(value, int | float) else "?"
    )
