"""``POST /v1/catalogues`` answers as ``POST /v1/plans`` does: 406 for a format it cannot give,
strict JSON types, and a lunch object's bad part named as such.

Found on 2026-12-05 by an outside review: ``/v1/catalogues?format=pdf`` and
``Accept: text/calendar`` answered 200 with JSON where a plan answers 406; a catalogue took
``"any_day": "yes"`` and ``"deterministic": "true"`` as true where a plan refuses
``"deterministic": "true"``; and a lunch of ``{"minutes": "60"}`` was told ``lunch: Input
should be a valid string`` (the text shape's complaint, not the object's).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

PLAN: dict[str, Any] = {"start": "hoan-kiem-lake", "date": "2026-12-05", "deterministic": True}
CATALOGUE: dict[str, Any] = {"date": "2026-12-05", "routes": 1, "deterministic": True}


@pytest.mark.parametrize(
    ("query", "accept", "field"),
    [
        ({"format": "pdf"}, None, "format"),
        ({"format": "ics"}, None, "format"),  # a plan's format, not a catalogue's
        ({}, "text/calendar", None),
        ({}, "text/html, application/geo+json;q=0.5", None),
    ],
)
def test_a_catalogue_in_a_format_it_cannot_give_is_406(
    client: httpx.Client, query: dict[str, str], accept: str | None, field: str | None
) -> None:
    headers = {} if accept is None else {"accept": accept}
    response = client.post("/v1/catalogues", json=CATALOGUE, params=query, headers=headers)
    assert response.status_code == 406, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem.get("field") == field, problem
    assert "application/json" in problem["detail"] or "json" in problem["detail"], problem


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        ({"format": "json"}, "text/calendar"),  # the parameter wins, as for plans
        ({}, "text/calendar;q=0.9, application/json;q=0.5"),
        ({}, "*/*"),
    ],
)
def test_a_catalogue_that_may_be_json_is_json(
    client: httpx.Client, query: dict[str, str], accept: str
) -> None:
    response = client.post(
        "/v1/catalogues", json=CATALOGUE, params=query, headers={"accept": accept}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    ("path", "change", "field", "detail"),
    [
        ("/v1/catalogues", {"any_day": "yes"}, "any_day", "must be true or false, got 'yes'"),
        ("/v1/catalogues", {"deterministic": "true"}, "deterministic", "true or false"),
        ("/v1/catalogues", {"any_day": 1}, "any_day", "must be true or false, got 1"),
        ("/v1/catalogues", {"routes": "3"}, "routes", "must be a whole number, got '3'"),
        ("/v1/catalogues", {"time_limit": "2"}, "time_limit", "must be a number, got '2'"),
        ("/v1/plans", {"deterministic": "true"}, "deterministic", "true or false"),
        ("/v1/plans", {"days": "2"}, "days", "must be a whole number, got '2'"),
    ],
)
def test_booleans_and_numbers_are_strict_in_plans_and_catalogues_alike(
    client: httpx.Client, path: str, change: dict[str, Any], field: str, detail: str
) -> None:
    base = PLAN if path == "/v1/plans" else CATALOGUE
    response = client.post(path, json={**base, **change})
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["field"] == field, problem
    assert problem["detail"] == f"{field}: {detail}" or detail in problem["detail"], problem


def test_a_catalogue_still_reads_its_dates_and_times_as_text(client: httpx.Client) -> None:
    body = {**CATALOGUE, "day_start": "09:00", "day_end": "16:00", "any_day": True}
    response = client.post("/v1/catalogues", json=body)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("path", ["/v1/plans", "/v1/catalogues"])
@pytest.mark.parametrize(
    ("minutes", "shown"), [("60", "'60'"), (60.5, "60.5"), (None, "None"), (True, "True")]
)
def test_a_lunch_object_s_minutes_of_the_wrong_type_is_named_lunch_minutes(
    client: httpx.Client, path: str, minutes: object, shown: str
) -> None:
    base = PLAN if path == "/v1/plans" else CATALOGUE
    lunch = {"earliest": "11:00", "latest": "13:00", "minutes": minutes}
    response = client.post(path, json={**base, "lunch": lunch})
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["field"] == "lunch.minutes", problem
    assert problem["detail"] == f"lunch.minutes: must be a whole number, got {shown}", problem
