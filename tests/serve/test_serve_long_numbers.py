"""A number too long for Python to read answers 422 naming its field, on a real server.

Regression (2026-12-01): a JSON number of more than 4,300 digits (``sys.get_int_max_str_digits``)
answered 400 "There was an error parsing the body", naming nothing: the body is valid JSON, the
value is what is wrong.
"""

from __future__ import annotations

import json

import httpx
import pytest

BASE = '{"start": "hoan-kiem-lake", "date": "2026-12-05", "deterministic": true, '
HUGE = "9" * 5000


@pytest.mark.parametrize(
    ("tail", "field"),
    [
        (f'"max_stops": {HUGE}}}', "max_stops"),
        (f'"budget": -{HUGE}}}', "budget"),
        (f'"theme_bonus": {HUGE}}}', "theme_bonus"),  # a float field
        (f'"lunch": {{"earliest": "11:00", "minutes": {HUGE}}}}}', "lunch.minutes"),
        (f'"must": ["bat-trang", {HUGE}]}}', "must[1]"),
        (f'"id": {HUGE}}}', "id"),  # a field of several shapes
    ],
)
def test_a_number_too_long_to_read_answers_422_naming_its_field(
    client: httpx.Client, tail: str, field: str
) -> None:
    body = BASE + tail
    json.loads(body.replace(HUGE, "9"))  # the premise: valid JSON
    answer = client.post(
        "/v1/plans", content=body.encode(), headers={"content-type": "application/json"}
    )
    assert answer.status_code == 422, answer.text
    problem = answer.json()
    assert problem["field"] == field
    assert (
        problem["detail"] == f"{field}: a number of 5000 digits, more than the 4300 that are read"
    )
    assert HUGE[:200] not in answer.text


def test_a_number_just_short_of_the_limit_is_read_as_a_number(client: httpx.Client) -> None:
    body = BASE + f'"party": {"9" * 4300}}}'
    answer = client.post(
        "/v1/plans", content=body.encode(), headers={"content-type": "application/json"}
    )
    assert answer.status_code == 422
    assert answer.json()["detail"] == "party: Input should be less than or equal to 1000"
