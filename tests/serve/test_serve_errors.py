"""Bad input on a real server: 422 naming the field, 413 for a large body, never a traceback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

PLAN: dict[str, Any] = {"start": "hoan-kiem-lake", "date": "2026-12-05", "deterministic": True}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"date": "2026-13-05"}, "date"),  # a month that does not exist: the codec's check
        ({"date": 20261205}, "date"),  # a number is not a date: the model's check
        ({"mode": "rocket"}, "mode"),
        ({"pace": "sprint"}, "pace"),
        ({"themes": ["karaoke"]}, "themes"),
        ({"max_stops": 0}, "max_stops"),
        ({"theme_bonus": 0.5}, "theme_bonus"),
        ({"day_start": "18:00", "day_end": "09:00"}, "day_end"),
        ({"lunch": "noon"}, "lunch"),
        ({"lunch": "07:00-13:00/600"}, "lunch"),  # longer than the day: no time for a visit
        ({"lunch": {"earliest": "11:00", "minutes": 0}}, "lunch.LunchWindow.minutes"),
        ({"must": ["bat-trang"], "avoid": ["bat-trang"]}, "avoid"),
        ({"start": "nowhere-at-all"}, "start"),  # an unknown place, found by the worker
        ({"must": ["no-such-village"]}, "must"),
        ({"start": [95.0, 105.0]}, "start"),
        ({"holidays": ["someday"]}, "holidays[0]"),
        ({"time_limit": -1}, "time_limit"),
        ({"deterministic": "yes"}, "deterministic"),
        ({"lang": "fr"}, "lang"),
        ({"colour": "red"}, "colour"),  # an unknown field
    ],
)
def test_bad_field_answers_422_naming_it(
    client: httpx.Client, change: dict[str, Any], field: str
) -> None:
    response = client.post("/v1/plans", json={**PLAN, **change})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["field"].startswith(field.split(".")[0]), problem
    assert "Traceback" not in response.text and "\n" not in problem["detail"]


@pytest.mark.parametrize(
    ("path", "body", "field", "detail"),
    [
        # the rule, not the model's regular expression
        ("/v1/plans", {"holidays": ["x"]}, "holidays[0]", "'x' is not a date like 2026-12-05"),
        ("/v1/plans", {"day_end": "5pm"}, "day_end", "'5pm' is not a time like 08:30"),
        ("/v1/plans", {"must": [" "]}, "must[0]", "must not be blank"),
        # the server's caps (14 days, 30 s, 20 routes), not the models' (60, 3600, 100)
        ("/v1/plans", {"days": 99999999}, "days", "at most 14 days on this server"),
        ("/v1/plans", {"days": 61}, "days", "at most 14 days on this server"),
        ("/v1/plans", {"time_limit": 5000}, "time_limit", "at most 30 seconds on this server"),
        ("/v1/catalogues", {"routes": 150}, "routes", "at most 20 routes on this server"),
        # the field the client sent, not the library's name for it
        ("/v1/catalogues", {"date": "1900-01-01"}, "date", "1900-01-01 is outside the dates"),
    ],
)
def test_a_bad_value_is_told_its_field_and_the_real_rule(
    client: httpx.Client, path: str, body: dict[str, Any], field: str, detail: str
) -> None:
    base = PLAN if path == "/v1/plans" else {"date": "2026-12-05", "deterministic": True}
    response = client.post(path, json={**base, **body})
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["field"] == field, problem
    assert detail in problem["detail"] and "\n" not in problem["detail"], problem
    assert "\\d" not in problem["detail"] and "less than" not in problem["detail"], problem


@pytest.mark.parametrize(("value", "word"), [("nan", "NaN"), ("inf", "infinite")])
def test_a_query_number_that_is_not_finite_is_told_so(
    client: httpx.Client, value: str, word: str
) -> None:
    """Regression: ``within=nan`` was told "should be less than or equal to 1000"."""
    response = client.get("/v1/villages", params={"near": "hoan-kiem-lake", "within": value})
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["field"] == "within"
    assert problem["detail"] == f"within: must be a finite number, not {word}"


def test_both_or_neither_date_and_dates_answer_422_naming_date(client: httpx.Client) -> None:
    for body in ({"start": "hoan-kiem-lake"}, {**PLAN, "dates": ["2026-12-06"]}):
        response = client.post("/v1/plans", json=body)
        assert response.status_code == 422
        assert response.json()["field"] == "date"


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "JSON object"),
        (b"", "JSON object"),
    ],
)
def test_body_that_is_not_a_json_object_answers_422(
    client: httpx.Client, content: bytes, detail: str
) -> None:
    response = client.post(
        "/v1/plans", content=content, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert detail in response.json()["detail"]


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/xml", None],
)
def test_body_not_sent_as_json_answers_415_naming_content_type(
    client: httpx.Client, content_type: str | None
) -> None:
    """A valid JSON object sent as text, a form (curl -d's default) or with no Content-Type:
    415 saying what to send (regression: 422 "the body must be a JSON object")."""
    headers = {} if content_type is None else {"content-type": content_type}
    response = client.post("/v1/plans", content=json.dumps(PLAN).encode(), headers=headers)
    assert response.status_code == 415, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["accept-post"] == "application/json"
    detail = response.json()["detail"]
    assert detail.startswith("Content-Type must be application/json"), detail
    assert (content_type or "none was sent") in detail and "\n" not in detail


@pytest.mark.parametrize(
    "content_type", ["application/json; charset=utf-8", "application/merge-patch+json"]
)
def test_json_media_types_with_parameters_or_suffix_are_read(
    client: httpx.Client, content_type: str
) -> None:
    body = json.dumps({**PLAN, "date": "2026-13-05"}).encode()
    response = client.post("/v1/plans", content=body, headers={"content-type": content_type})
    assert response.status_code == 422, response.text
    assert response.json()["field"] == "date"


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b'{"start": "hoan-kiem-lake\xff", "date": "2026-12-05"}', "the body is not UTF-8 JSON"),
        (b"[" * 4000 + b"]" * 4000, "the body is nested too deep"),  # under the 8 KiB limit
    ],
)
def test_body_that_cannot_be_read_answers_400_saying_why(
    client: httpx.Client, content: bytes, detail: str
) -> None:
    """Regression: FastAPI's own 400 "There was an error parsing the body"."""
    response = client.post(
        "/v1/plans", content=content, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"].startswith(detail)
    assert "\n" not in response.json()["detail"]


def test_body_over_the_limit_answers_413(client: httpx.Client) -> None:
    """The test server allows 8 KiB; the length is refused before the body is read."""
    body = {**PLAN, "must": ["bat-trang"] * 1000}
    response = client.post("/v1/plans", json=body)
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert "8192 bytes" in response.json()["detail"]


def test_chunked_body_over_the_limit_answers_413(client: httpx.Client) -> None:
    """A body without Content-Length is counted as it arrives."""

    def chunks() -> Iterator[bytes]:
        yield b'{"start": "hoan-kiem-lake", "date": "2026-12-05", "must": ['
        for _ in range(1000):
            yield b'"bat-trang", '
        yield b'"bat-trang"]}'

    response = client.post(
        "/v1/plans", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_unknown_path_and_method_answer_problems(client: httpx.Client) -> None:
    missing = client.get("/v1/nothing")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert client.get("/v1/plans").status_code == 405


def test_access_log_has_one_json_line_per_request(client: httpx.Client, server: Any) -> None:
    response = client.get("/v1/health")
    request_id = response.headers["x-request-id"]
    lines = server.wait_for_log(
        lambda line: (
            line["logger"] == "tourplan.serve.access" and line.get("request_id") == request_id
        )
    )
    assert len(lines) == 1
    line = lines[0]
    assert (line["method"], line["path"], line["status"]) == ("GET", "/v1/health", 200)
    assert line["duration_ms"] >= 0 and line["bytes"] == len(response.content)
