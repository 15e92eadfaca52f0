"""The API's request bodies as pydantic models: the shape of a plan or catalogue request.

These models check shapes and types (422 naming the field, before any work is queued); the
values are then checked once more, and turned into library values, by the same code every
other entry point uses (``TripRequest`` and ``CatalogueRequest`` raise ``DataError`` naming
the field). ``tests/serve/test_serve_models.py`` checks that :class:`PlanBody` agrees with the
JSON Schema of request records shared with the batch engine.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, model_validator
from pydantic_core import PydanticCustomError

from ..catalogue.request import MAX_ROUTES, MAX_STOPS
from ..model import THEMES
from ..plan.request import MAX_STOPS_PER_DAY, MAX_THEME_BONUS, MAX_TRIP_DAYS
from ..plan.request_record import MAX_TIME_LIMIT
from ..travel import MODES

__all__ = [
    "MAX_BUDGET",
    "PATTERN_WORDS",
    "CatalogueBody",
    "LunchWindow",
    "PlanBody",
    "SearchFields",
]

MAX_BUDGET = 2**31 - 1
"""The largest ``budget`` (đồng), as in request records (``request.schema.json``)."""

_PlaceText = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        description='A known place id or name (with or without diacritics), or "LAT,LON".',
        examples=["hoan-kiem-lake", "Bát Tràng", "21.03,105.85"],
    ),
]
_VillageText = Annotated[str, Field(min_length=1, max_length=200)]
_Theme = Annotated[str, Field(json_schema_extra={"enum": list(THEMES)})]
_Mode = Annotated[
    str,
    Field(
        min_length=1,
        max_length=40,
        description="How to travel: " + ", ".join(MODES) + " (aliases such as taxi accepted).",
    ),
]
_Lunch = Annotated[
    str | None,
    Field(
        max_length=40,
        description='Lunch: start window and length in minutes ("11:00-13:00/60"), or null.',
        examples=["11:00-13:00/60"],
    ),
]


class SearchFields(BaseModel):
    """How long the solver may search and the language of the words in the answer.

    Strict, as :class:`PlanBody`: ``"true"`` is not a boolean nor ``"10"`` a number (a JSON
    body has its types); dates and times, sent as text, are read from it (``strict=False``).
    """

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)

    time_limit: float | None = Field(
        None,
        gt=0,
        le=MAX_TIME_LIMIT,
        description="Seconds the solver may search (default and maximum set by the server).",
    )
    deterministic: bool = Field(
        False, description="The same request gives the same answer (ignores time_limit)."
    )
    lang: Literal["vi", "en"] = Field("vi", description="Language of names and texts.")


_DATE = r"^\s*\d{4}-\d{2}-\d{2}\s*$"
_TIME = r"^\s*\d{2}:\d{2}(:\d{2})?\s*$"
_Date = Annotated[str, Field(pattern=_DATE, json_schema_extra={"format": "date"})]
_Time = Annotated[str, Field(pattern=_TIME, examples=["08:30"])]
_TEXT = r"\S"
_Name = Annotated[str, Field(min_length=1, max_length=200, pattern=_TEXT)]
_Names = _Name | Annotated[list[_Name], Field(max_length=100)]
# A JSON array arrives as a list: the pair is read in lax mode (its numbers stay strict).
_Place = (
    _PlaceText
    | Annotated[
        tuple[Annotated[float, Field(ge=-90, le=90)], Annotated[float, Field(ge=-180, le=180)]],
        Field(strict=False, description="[lat, lon] in degrees (WGS-84)."),
    ]
)


class LunchWindow(BaseModel):
    """Lunch as an object: the start window and the length in minutes."""

    model_config = ConfigDict(extra="forbid", strict=True)

    earliest: _Time = "11:00"
    latest: _Time = "13:00"
    minutes: int = Field(60, ge=1, le=600)


PATTERN_WORDS: dict[str, str] = {
    _DATE: "{value} is not a date like 2026-12-05",
    _TIME: "{value} is not a time like 08:30",
    _TEXT: "must not be blank",
}
"""What a value that does not match each pattern above is told, ``{value}`` the value sent:
the client learns the rule, not a regular expression."""

_DATES_ONE_OF: list[JsonValue] = [
    {"required": ["date"], "not": {"required": ["dates"]}},
    {"required": ["dates"], "not": {"required": ["date"]}},
]


class PlanBody(BaseModel):
    """``POST /v1/plans``: a trip request record (the fields of ``tourplan route``) and options.

    Every field but ``lang`` and ``legs`` is a field of the request record shared with the
    batch engine (``tourplan/plan/request.schema.json``, read by
    :func:`tourplan.plan.trip_request_from_record`); ``lang`` and ``legs`` say how to answer.
    Only ``start`` and ``date`` (or ``dates``) are required.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        allow_inf_nan=False,
        json_schema_extra={"oneOf": _DATES_ONE_OF},
    )

    # An id as a number is not bounded (the record schema's integer); it is only echoed.
    id: Annotated[str, Field(min_length=1, max_length=200, pattern=_TEXT)] | int | None = Field(
        None, description="The request's id (echoed in the X-Request-Record-Id header)."
    )
    start: _Place = Field(description="Where each day starts (route --start).")
    end: _Place | None = Field(None, description="Where each day ends, if not at start.")
    # No default in the schema: a date is required, as 'date' or 'dates' (the oneOf above).
    date: _Date = Field(None, description="The first day of the trip (route --date).")  # type: ignore[assignment]
    dates: _Date | Annotated[list[_Date], Field(min_length=1, max_length=366)] = Field(  # type: ignore[assignment]
        None, description="The days of the trip (route --date, repeated)."
    )
    days: int = Field(
        1, ge=1, le=MAX_TRIP_DAYS, description="Consecutive days from date (route --days)."
    )
    mode: _Mode = "car"
    day_start: _Time = Field("08:00", description="Leave no earlier than, Hanoi time.")
    day_end: _Time = Field("17:30", description="Be back no later than, Hanoi time.")
    lunch: _Lunch | LunchWindow = "11:00-13:00/60"
    must: _Names = Field([], description="Villages (ids or names) that must be visited.")
    avoid: _Names = Field([], description="Villages not to visit.")
    themes: _Theme | Annotated[list[_Theme], Field(max_length=len(THEMES))] = []
    max_stops: int | None = Field(
        None, ge=1, le=MAX_STOPS_PER_DAY, description="At most this many a day."
    )
    pace: Literal["relaxed", "normal", "quick"] = "normal"
    holidays: Annotated[list[_Date], Field(max_length=366)] = []
    theme_bonus: float = Field(1.5, ge=1.0, le=MAX_THEME_BONUS)
    # experiences and budgets (issue #21; docs/experiences.md)
    experiences: _Names = Field([], description="Experiences (ids or names) to book.")
    with_experiences: bool = Field(False, description="Add experiences where they add most.")
    party: int = Field(1, ge=1, le=1000, description="How many people travel.")
    budget: int | None = Field(
        None, ge=0, le=MAX_BUDGET, description="Most đồng on fees and experiences."
    )
    time_limit: float | None = Field(
        None,
        gt=0,
        le=MAX_TIME_LIMIT,
        description="Seconds the solver may search (default and cap: the server's).",
    )
    deterministic: bool = Field(
        False, description="The same request gives the same plan (ignores time_limit)."
    )
    lang: Literal["vi", "en"] = Field("vi", description="Language of the words in .ics/GeoJSON.")
    legs: bool = Field(False, description="In an .ics answer, also an event for each journey.")

    @model_validator(mode="after")
    def _one_kind_of_dates(self) -> PlanBody:
        if ("date" in self.model_fields_set) == ("dates" in self.model_fields_set):
            raise PydanticCustomError(
                "dates", "give the day of the trip as 'date' or a list as 'dates' (one of them)"
            )
        return self

    def record(self) -> dict[str, Any]:
        """The request record (``request.schema.json``): the fields sent, without options."""
        sent = self.model_dump(mode="json", exclude_unset=True, exclude={"lang", "legs"})
        if isinstance(sent.get("start"), tuple | list):
            sent["start"] = list(sent["start"])
        return sent


class CatalogueBody(SearchFields):
    """``POST /v1/catalogues``: K day routes from a hub (the fields of ``tourplan catalogue``)."""

    date: dt.date = Field(strict=False, description="The template day (ISO 8601).")
    hub: _PlaceText = "hoan-kiem-lake"
    routes: int = Field(10, ge=1, le=MAX_ROUTES, description="How many routes to design.")
    max_routes_per_village: int = Field(1, ge=1, le=MAX_ROUTES)
    min_stops: int = Field(2, ge=1, le=MAX_STOPS)
    max_stops: int | None = Field(5, ge=1, le=MAX_STOPS)
    any_day: bool = False
    must_include: list[_VillageText] = Field([], max_length=100)
    must_themes: list[_Theme] = Field([], max_length=len(THEMES))
    day_start: dt.time = Field(dt.time(8, 0), strict=False)
    day_end: dt.time = Field(dt.time(17, 30), strict=False)
    mode: _Mode = "car"
    lunch: _Lunch | LunchWindow = "11:00-13:00/60"
    pace: Literal["relaxed", "normal", "quick"] = "normal"
