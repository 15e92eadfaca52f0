"""``tourplan batch``: a request refused when planned names its file, line and field, as one
refused when read does.

Found on 2026-12-05 by review: ``"must": ["atlantis"]`` failed as "line 17: no place
matches ..." (no file, no field, where the HTTP API names ``must``), a must/avoid clash and an
unknown experience left out the file, positions outside Vietnam blamed ``place``, a start in
Hồ Chí Minh City was planned as empty days.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
