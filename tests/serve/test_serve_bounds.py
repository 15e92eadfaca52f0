"""Issue #19 on a real server: every number in a body or a query is finite and bounded, and
one out of bounds answers 422 naming its field, before any work is queued."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tourplan.catalogue.request import MAX_ROUTES
from tourplan.plan.request import MAX_TRIP_DAYS
from tourplan.plan.request_record import MAX_TIME_LIMIT
from tourplan.serve.models import MAX_BUDGET

PLAN = '{"start": "hoan-kiem-lake", "date": "2026-12-05", "deterministic": true, %s}'
CATALOGUE = '{"date": "2026-12-05", "deterministic": true, %s}'


def _problem(response: httpx.Response, field: str) -> dict[str, Any]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert problem["field"].split(".")[0].split("[")[0] == field, problem
    assert "Traceback" not in response.text and "\n" not in problem["detail"]
    return problem


@pytest.mark.parametrize(
    ("fragment", "field"),
    [
        (f'"budget": {MAX_BUDGET + 1}', "budget"),
        ('"budget": 1e400', "budget"),
        ('"budget": NaN', "budget"),
        (f'"days": {MAX_TRIP_DAYS + 1}', "days"),
        ('"days": 100000000000000000000', "days"),
        ('"party": 1001', "party"),
        ('"party": Infinity', "party"),
        (f'"time_limit": {MAX_TIME_LIMIT * 2}', "time_limit"),
        ('"time_limit": 1e400', "time_limit"),
        ('"time_limit": NaN', "time_limit"),
        ('"theme_bonus": Infinity', "theme_bonus"),
        ('"theme_bonus": 101', "theme_bonus"),
        ('"max_stops": 101', "max_stops"),
        ('"start": [NaN, 105.85]', "start"),
        ('"start": [21.0, Infinity]', "start"),
        ('"lunch": {"earliest": "11:00", "latest": "13:00", "minutes": 100000000}', "lunch"),
    ],
)
def test_a_plan_body_number_out_of_bounds_answers_422_naming_it(
    client: httpx.Client, fragment: str, field: str
) -> None:
    response = client.post(
        "/v1/plans",
        content=(PLAN % fragment).encode(),
        headers={"content-type": "application/json"},
    )
    _problem(response, field)


@pytest.mark.parametrize(
    ("fragment", "field"),
    [
        (f'"routes": {MAX_ROUTES + 1}', "routes"),
        ('"routes": 1000000000000000000000000', "routes"),
        ('"max_routes_per_village": 101', "max_routes_per_village"),
        ('"min_stops": 101', "min_stops"),
        ('"max_stops": 1e300', "max_stops"),
        ('"time_limit": Infinity', "time_limit"),
        (f'"time_limit": {MAX_TIME_LIMIT + 1}', "time_limit"),
    ],
)
def test_a_catalogue_body_number_out_of_bounds_answers_422_naming_it(
    client: httpx.Client, fragment: str, field: str
) -> None:
    response = client.post(
        "/v1/catalogues",
        content=(CATALOGUE % fragment).encode(),
        headers={"content-type": "application/json"},
    )
    _problem(response, field)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("near=hoan-kiem-lake&within=nan", "within"),
        ("near=hoan-kiem-lake&within=inf", "within"),
        ("near=hoan-kiem-lake&within=1e400", "within"),
        ("near=hoan-kiem-lake&within=0", "within"),
        ("theme=" + "&theme=".join(["ceramics"] * 101), "theme"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_a_query_out_of_bounds_answers_422_naming_it(
    client: httpx.Client, query: str, field: str
) -> None:
    _problem(client.get(f"/v1/villages?{query}"), field)


def test_a_number_too_long_to_read_is_refused_with_one_line(client: httpx.Client) -> None:
    """Python reads at most 4,300 digits of an integer; a longer one is a bad value (422,
    naming the field: tests/serve/test_serve_long_numbers.py)."""
    response = client.post(
        "/v1/plans",
        content=(PLAN % ('"party": ' + "9" * 5000)).encode(),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422, response.text
    assert "Traceback" not in response.text and "\n" not in response.json()["detail"]
    assert response.json()["field"] == "party"


def test_a_format_query_of_any_length_is_refused_with_one_line(client: httpx.Client) -> None:
    response = client.post(
        "/v1/plans?format=" + "x" * 500,
        content=(PLAN % '"lang": "en"').encode(),
        headers={"content-type": "application/json"},
    )
    assert response.status_code in (406, 422), response.text
    assert "\n" not in response.json()["detail"]
