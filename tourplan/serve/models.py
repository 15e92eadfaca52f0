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

from pydantic import BaseModel, ConfigDict, Field

from ..model import THEMES
from ..plan import PACE_FACTORS
from ..travel import MODES

__all__ = ["CatalogueBody", "PlanBody", "SearchFields"]

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
    str, Field(json_schema_extra={"enum": sorted(MODES)}, description="How to travel.")
]
_Pace = Annotated[str, Field(json_schema_extra={"enum": list(PACE_FACTORS)})]
_Lunch = Annotated[
    str | None,
    Field(
        max_length=40,
        description='Lunch: start window and length in minutes ("11:00-13:00/60"), or null.',
        examples=["11:00-13:00/60"],
    ),
]


class SearchFields(BaseModel):
    """How long the solver may search and the language of the words in the answer."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    time_limit: float | None = Field(
        None,
        gt=0,
        description="Seconds the solver may search (default and maximum set by the server).",
    )
    deterministic: bool = Field(
        False, description="The same request gives the same answer (ignores time_limit)."
    )
    lang: Literal["vi", "en"] = Field("vi", description="Language of names and texts.")

    def search_options(self) -> dict[str, Any]:
        """The solver and language fields, apart from the request itself."""
        return {
            "time_limit": self.time_limit,
            "deterministic": self.deterministic,
            "lang": self.lang,
        }


class PlanBody(SearchFields):
    """``POST /v1/plans``: a trip request (the fields of ``tourplan route``) and search options.

    The trip fields are the request record shared with the batch engine
    (:mod:`tourplan.plan.request_record`); ``time_limit``, ``deterministic``, ``lang`` and
    ``legs`` say how to search and how to answer.
    """

    start: _PlaceText = "hoan-kiem-lake"
    end: _PlaceText | None = None
    dates: list[dt.date] = Field(
        min_length=1, max_length=366, description="The dates of the trip (ISO 8601)."
    )
    day_start: dt.time = Field(dt.time(8, 0), description="Leave no earlier than (Hanoi time).")
    day_end: dt.time = Field(dt.time(17, 30), description="Be back no later than (Hanoi time).")
    mode: _Mode = "car"
    lunch: _Lunch = "11:00-13:00/60"
    must_visit: list[_VillageText] = Field([], max_length=100)
    avoid: list[_VillageText] = Field([], max_length=100)
    themes: list[_Theme] = Field([], max_length=len(THEMES))
    max_stops_per_day: int | None = Field(None, ge=1, le=100)
    pace: _Pace = "normal"
    holidays: list[dt.date] = Field([], max_length=366)
    theme_bonus: float = Field(1.5, ge=1.0, le=100.0)
    legs: bool = Field(False, description="In an .ics answer, also an event for each journey.")

    def record(self) -> dict[str, Any]:
        """The trip request as a JSON record (the batch engine's format), without options."""
        data = self.model_dump(mode="json", exclude={"time_limit", "deterministic", "lang", "legs"})
        return data


class CatalogueBody(SearchFields):
    """``POST /v1/catalogues``: K day routes from a hub (the fields of ``tourplan catalogue``)."""

    date: dt.date = Field(description="The template day (ISO 8601).")
    hub: _PlaceText = "hoan-kiem-lake"
    routes: int = Field(10, ge=1, le=100, description="How many routes to design.")
    max_routes_per_village: int = Field(1, ge=1, le=100)
    min_stops: int = Field(2, ge=1, le=100)
    max_stops: int | None = Field(5, ge=1, le=100)
    any_day: bool = False
    must_include: list[_VillageText] = Field([], max_length=100)
    must_themes: list[_Theme] = Field([], max_length=len(THEMES))
    day_start: dt.time = dt.time(8, 0)
    day_end: dt.time = dt.time(17, 30)
    mode: _Mode = "car"
    lunch: _Lunch = "11:00-13:00/60"
    pace: _Pace = "normal"

    def record(self) -> dict[str, Any]:
        """The catalogue request as plain JSON values, without options."""
        return self.model_dump(mode="json", exclude={"time_limit", "deterministic", "lang"})
