"""A field that takes several shapes (``start``: a name or ``[lat, lon]``; ``lunch``: text, an
object or null) answers 422 naming the field and what is wrong with the shape sent, never
pydantic's names for the shapes it tried.

Regression: ``{"start": [91, 105.85], ...}`` answered ``start.constrained-str: Input should
be a valid string (and 1 more)``, and a lunch object with ``minutes`` out of bounds
``lunch.nullable[constrained-str]: Input should be a valid string (and 1 more)``.
"""

from __future__ import annotations

import httpx
import pytest

PLAN = '{"date": "2026-12-05", "deterministic": true, %s}'


@pytest.mark.parametrize(
    ("fragment", "field", "says"),
    [
        ('"start": [91, 105.85]', "start[0]", "90"),
        ('"start": [21.0, 181]', "start[1]", "180"),
        ('"start": ""', "start", "at least 1 character"),
        (
            '"lunch": {"earliest": "11:00", "latest": "13:00", "minutes": 100000}',
            "lunch.minutes",
            "",
        ),
        (
            '"lunch": {"earliest": "11:00", "latest": "13:00", "minute": 60}',
            "lunch.minute",
            "unknown",
        ),
    ],
)
def test_a_field_of_several_shapes_names_what_is_wrong(
    client: httpx.Client, fragment: str, field: str, says: str
) -> None:
    if not fragment.startswith('"start"'):
        fragment += ', "start": "hoan-kiem-lake"'
    body = PLAN % fragment
    response = client.post(
        "/v1/plans", content=body.encode(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["field"] == field, problem
    detail = problem["detail"]
    assert detail.startswith(f"{field}: ") and says in detail, problem
    for tag in ("constrained", "nullable", "tuple[", "valid string", "more)"):
        assert tag not in detail, problem
