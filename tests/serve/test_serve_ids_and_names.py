"""Ids and place names that are not what they seem, on a real server: 422 naming the field,
never a 500, never a dropped connection, never a plan for another place.

Found on 2026-12-05 by an outside review:

- ``"id": "Hà Nội"`` answered 500 (the id went as is into the ``X-Request-Record-Id`` header,
  which is Latin-1), and ``"id": "a\\r\\nX-Evil: 1"`` or ``"a\\u0000b"`` closed the connection
  without an answer (h11 refused the header);
- ``"start": "hoan\\u0000kiem"`` and ``"must": ["bat\\ttrang"]`` answered 200, read as
  hoan-kiem-lake and bat-trang, where ``tourplan route`` refuses a control character;
- ``"must": ["hoan-kiem-lake"]`` (a start point, not a village) answered 422 blaming
  ``start``, and a catalogue's ``must_include`` blaming ``hub``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

PLAN: dict[str, Any] = {"start": "hoan-kiem-lake", "date": "2026-12-05", "deterministic": True}
CATALOGUE: dict[str, Any] = {"date": "2026-12-05", "routes": 1, "deterministic": True}


@pytest.mark.parametrize(
    "record_id",
    [
        "Hà Nội",  # beyond Latin-1: answered 500
        "trip 50%",  # a % is encoded too, so that every header decodes to its id
        "đi chơi 🏮",
    ],
)
def test_an_id_beyond_ascii_is_sent_percent_encoded(client: httpx.Client, record_id: str) -> None:
    response = client.post("/v1/plans", json={**PLAN, "id": record_id})
    assert response.status_code == 200, response.text
    header = response.headers["x-request-record-id"]
    assert header.isascii() and unquote(header) == record_id


def test_an_ascii_id_is_its_own_header(client: httpx.Client) -> None:
    response = client.post("/v1/plans", json={**PLAN, "id": "sat-car 7"})
    assert response.headers["x-request-record-id"] == "sat-car 7"


@pytest.mark.parametrize(
    "record_id",
    [
        "a\r\nX-Evil: 1",  # closed the connection (h11 LocalProtocolError)
        "a\u0000b",  # the same
        "a\tb",
        "a\u2028b",  # a line separator
        "a\x85b",  # a C1 control (NEL)
    ],
)
def test_an_id_with_a_control_character_is_refused_naming_id(
    client: httpx.Client, record_id: str
) -> None:
    response = client.post("/v1/plans", json={**PLAN, "id": record_id})
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["field"] == "id", problem
    assert problem["detail"] == f"{record_id!r} holds a control character", problem
    assert "x-evil" not in response.headers


@pytest.mark.parametrize(
    ("path", "change", "field"),
    [
        ("/v1/plans", {"start": "hoan\u0000kiem"}, "start"),  # was planned from hoan-kiem-lake
        ("/v1/plans", {"start": "hoan-kiem-lake\n"}, "start"),  # refused where it is, as the CLI
        ("/v1/plans", {"end": "old\u001fquarter"}, "end"),
        ("/v1/plans", {"must": ["bat\ttrang"]}, "must"),  # was planned with Bát Tràng
        ("/v1/plans", {"avoid": "van\u2029phuc"}, "avoid"),
        ("/v1/plans", {"experiences": ["pottery\u007fmaking"]}, "experiences"),
        ("/v1/catalogues", {"hub": "hoan\u0000kiem"}, "hub"),
        ("/v1/catalogues", {"must_include": ["bat\ttrang"]}, "must_include"),
    ],
)
def test_a_place_with_a_control_character_is_refused_naming_its_field(
    client: httpx.Client, path: str, change: dict[str, Any], field: str
) -> None:
    base = PLAN if path == "/v1/plans" else CATALOGUE
    response = client.post(path, json={**base, **change})
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["field"] == field, problem
    assert problem["detail"].endswith("holds a control character"), problem


@pytest.mark.parametrize(
    ("path", "change", "field", "detail"),
    [
        ("/v1/plans", {"must": ["hoan-kiem-lake"]}, "must", "'hoan-kiem-lake'"),
        ("/v1/plans", {"avoid": ["hoan-kiem-lake"]}, "avoid", "'hoan-kiem-lake'"),
        # the same text in another field is not the one to blame
        ("/v1/plans", {"start": "old-quarter", "avoid": ["old-quarter"]}, "avoid", "'old-quarter'"),
        (
            "/v1/plans",
            {"end": "noi-bai-airport", "avoid": ["Noi Bai airport"]},
            "avoid",
            "'Noi Bai airport' (noi-bai-airport)",
        ),
        (
            "/v1/catalogues",
            {"must_include": ["hoan-kiem-lake"]},
            "must_include",
            "'hoan-kiem-lake'",
        ),
    ],
)
def test_a_start_point_named_as_a_village_is_told_so_in_its_field(
    client: httpx.Client, path: str, change: dict[str, Any], field: str, detail: str
) -> None:
    base = PLAN if path == "/v1/plans" else CATALOGUE
    response = client.post(path, json={**base, **change})
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem == {
        "type": "about:blank",
        "title": "Unprocessable Entity",
        "status": 422,
        "detail": f"{detail} is a start point, not a village",
        "field": field,
    }


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/v1/plans", {**PLAN, "must": ["no-such-village"]}, "must"),
        ("/v1/plans", {**PLAN, "start": "nowhere-xyz"}, "start"),
        ("/v1/catalogues", {**CATALOGUE, "hub": "nowhere-xyz"}, "hub"),
        ("/v1/catalogues", {**CATALOGUE, "must_include": ["nowhere-xyz"]}, "must_include"),
    ],
)
def test_an_unknown_place_still_names_its_own_field(
    client: httpx.Client, path: str, body: dict[str, Any], field: str
) -> None:
    response = client.post(path, json=body)
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    assert response.json()["detail"].startswith("no place matches")


# Any text a JSON id may hold but control characters: the header is ASCII, carries no line
# break and gives the id back.
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1))
@settings(max_examples=300)
def test_every_id_header_is_ascii_and_decodes_to_the_id(record_id: str) -> None:
    from tourplan.serve.jobs import record_id_header

    header = record_id_header(record_id)
    assert header.isascii() and header.isprintable()
    assert unquote(header) == record_id
    header.encode("latin-1")  # what the server sends a header as
