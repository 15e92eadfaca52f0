"""``tourplan batch``: a line whose id or place holds a control character, or whose village is
a start point, fails naming its own field, as the HTTP API and ``tourplan route`` do.

Found on 2026-12-05 by an outside review: ``"start": "hoan\\u0000kiem"`` and
``"must": ["bat\\ttrang"]`` were planned as hoan-kiem-lake and bat-trang, and
``"must": ["hoan-kiem-lake"]`` failed as "field 'start': no place matches 'hoan-kiem-lake'"
(the start held the same text).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from tourplan.batch import job_from_record
from tourplan.batch.results import BatchResult
from tourplan.cli import main

from .conftest import as_lines, trip_record, write_lines


def _run(requests: Path, tmp_path: Path) -> tuple[int, dict[str, dict[str, Any]]]:
    out = tmp_path / "plans.jsonl"
    run = CliRunner().invoke(main, ["batch", str(requests), "--out", str(out), "--workers", "0"])
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return run.exit_code, {r["id"]: r for r in results}


def test_control_characters_and_start_points_fail_naming_their_field(tmp_path: Path) -> None:
    records = [
        trip_record(0, id="nul", start="hoan\u0000kiem"),
        trip_record(0, id="tab", must=["bat\ttrang"]),
        trip_record(0, id="sep", avoid=["van\u2028phuc"]),
        trip_record(0, id="crlf-id\r\nX: 1"),
        trip_record(0, id="must", must=["hoan-kiem-lake"]),
        trip_record(0, id="avoid", start="old-quarter", avoid=["old-quarter"]),
        trip_record(0, id="end", end="noi-bai-airport", avoid=["noi-bai-airport"]),
        trip_record(0, id="Hà Nội"),  # any other text is an id
    ]
    code, by_id = _run(write_lines(tmp_path / "trips.jsonl", as_lines(records)), tmp_path)
    assert code == 1
    expected = {
        "nul": (1, "start", "'hoan\\x00kiem' holds a control character"),
        "tab": (2, "must", "'bat\\ttrang' holds a control character"),
        "sep": (3, "avoid", "'van\\u2028phuc' holds a control character"),
        "4": (4, "id", "'crlf-id\\r\\nX: 1' holds a control character"),  # its line as its id
        "must": (5, "must", "'hoan-kiem-lake' is a start point, not a village"),
        "avoid": (6, "avoid", "'old-quarter' is a start point, not a village"),
        "end": (7, "avoid", "'noi-bai-airport' is a start point, not a village"),
    }
    for job, (line, field, words) in expected.items():
        error = by_id[job]["error"]
        assert by_id[job]["status"] == "failed" and error["kind"] == "bad-request", error
        assert error["field"] == field, error
        assert error["message"] == f"trips.jsonl, line {line}, field '{field}': {words}", error
    assert by_id["Hà Nội"]["status"] == "ok"


# A control character anywhere in a place or an id: the line fails naming that field, and is
# never read as the place without it.
@given(
    field=st.sampled_from(["start", "end", "must", "avoid", "experiences", "id"]),
    control=st.sampled_from([*map(chr, range(0x20)), "\x7f", "\x85", "\u2028", "\u2029"]),
    at=st.integers(0, 14),
)
def test_a_control_character_anywhere_fails_the_line_naming_the_field(
    field: str, control: str, at: int
) -> None:
    name = "hoan-kiem-lake"
    text = name[:at] + control + name[at:]
    value: object = [text] if field in ("must", "avoid", "experiences") else text
    job = job_from_record(trip_record(0, **{field: value}), index=1, line=1)
    assert isinstance(job, BatchResult) and job.error is not None
    assert job.error.field == field
    assert job.error.message.endswith("holds a control character")
