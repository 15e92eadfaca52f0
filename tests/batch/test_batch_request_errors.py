"""``tourplan batch``: a request refused when planned names its file, line and field, as one
refused when read does; a requests file may start with a UTF-8 byte-order mark.

Found on 2026-12-05 by review: ``"must": ["atlantis"]`` failed as "line 17: no place
matches ..." (no file, no field, where the HTTP API names ``must``), a must/avoid clash and an
unknown experience left out the file, positions outside Vietnam blamed ``place``, a start in
Hồ Chí Minh City was planned as empty days, and a file saved with a BOM failed its line 1.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tourplan.cli import main

from .conftest import as_lines, trip_record, write_lines


def _run(requests: Path, tmp_path: Path) -> tuple[int, dict[str, dict[str, Any]]]:
    out = tmp_path / "plans.jsonl"
    run = CliRunner().invoke(main, ["batch", str(requests), "--out", str(out), "--workers", "0"])
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return run.exit_code, {r["id"]: r for r in results}


def test_errors_found_when_planning_name_the_file_line_and_field(tmp_path: Path) -> None:
    records = [
        trip_record(0, id="must", must=["atlantis"]),
        trip_record(0, id="clash", must=["bat-trang"], avoid=["Bát Tràng"]),
        trip_record(0, id="exp", experiences=["flying"]),
        trip_record(0, id="origin", start="0,0"),
        trip_record(0, id="pair", end=[0, 0]),
        trip_record(0, id="saigon", start=[10.77, 106.70]),
    ]
    code, by_id = _run(write_lines(tmp_path / "trips.jsonl", as_lines(records)), tmp_path)
    assert code == 1
    expected = {
        "must": (1, "must", "no place matches 'atlantis'"),
        "clash": (2, "avoid", "bat-trang is both a must-visit and a village to avoid"),
        "exp": (3, "experiences", "no experience matches 'flying'"),
        "origin": (4, "start", "position 0, 0 is outside Vietnam"),
        "pair": (5, "end", "position 0, 0 is outside Vietnam"),
        "saigon": (6, "start", "the journey from 10.77, 106.7 to the nearest village"),
    }
    for job, (line, field, words) in expected.items():
        error = by_id[job]["error"]
        assert by_id[job]["status"] == "failed" and error["kind"] == "bad-request", error
        assert error["field"] == field, error
        assert error["message"].startswith(f"trips.jsonl, line {line}, field '{field}': {words}")


def test_a_byte_order_mark_at_the_start_of_the_file_is_not_part_of_line_1(
    tmp_path: Path,
) -> None:
    lines = as_lines([trip_record(0, id="first"), trip_record(1, id="second")])
    requests = tmp_path / "trips.jsonl"
    requests.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8-sig")
    assert requests.read_bytes().startswith(b"\xef\xbb\xbf")
    code, by_id = _run(requests, tmp_path)
    assert code == 0, by_id
    assert {job: r["status"] for job, r in by_id.items()} == {"first": "ok", "second": "ok"}


def test_the_library_reads_past_a_byte_order_mark_too() -> None:
    from tourplan.batch import BatchRequest, jobs_from_lines

    (job,) = jobs_from_lines(["\ufeff" + as_lines([trip_record(0, id="bom")])[0]])
    assert isinstance(job, BatchRequest) and job.id == "bom"


SCRIPT = Path(sys.executable).parent / "tourplan"


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed")
def test_an_id_used_twice_names_the_file_line_and_field(tmp_path: Path) -> None:
    # found on 2026-12-02 by review: "line 2: id 'a' is used twice" named no file, where every
    # other error of a line says "trips.jsonl, line N, field 'F': "
    records = [
        trip_record(0, id="a", date="soon"),  # the first "a" fails when read: still its id
        trip_record(1, id="a"),  # a valid request under a used id
        trip_record(2, id="a", mode="rocket"),  # a bad one under a used id
    ]
    requests = write_lines(tmp_path / "trips.jsonl", as_lines(records))
    out = tmp_path / "plans.jsonl"
    run = subprocess.run(
        [str(SCRIPT), "batch", str(requests), "--out", str(out), "--workers", "0"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    twice = [r["error"] for r in results if r["line"] in (2, 3)]
    for line, error in zip((2, 3), twice, strict=True):
        assert error["field"] == "id"
        assert error["message"] == (
            f"trips.jsonl, line {line}, field 'id': 'a' is used twice (first at line 1); "
            "each request needs its own id"
        )
        assert f"failed: {error['message']}" in run.stderr
