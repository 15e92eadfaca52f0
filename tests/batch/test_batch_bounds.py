"""Issue #19 in batches: every record field and option is bounded; a line that cannot be read
(too long, a number or nesting too big for Python) is a ``failed`` result naming the line,
never a traceback, and the batch goes on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import tourplan
from tourplan.batch import plan_many
from tourplan.batch.engine import MAX_WINDOW, MAX_WORKERS
from tourplan.batch.requests import MAX_LINE_CHARS, jobs_from_lines

from .conftest import as_lines, trip_record, write_lines

SCRIPT = Path(sys.executable).parent / "tourplan"
GOOD = json.dumps(trip_record(0, deterministic=True))


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (GOOD[:-1] + ', "party": ' + "9" * 5000 + "}", "number too long"),
        ("[" * 100_000, "nesting too deep"),
        (GOOD[:-1] + ', "notes": "' + "x" * MAX_LINE_CHARS + '"}', "characters"),
    ],
)
def test_a_line_too_big_to_read_is_a_failed_result_naming_it(line: str, words: str) -> None:
    results = list(jobs_from_lines([GOOD, line], source="trips.jsonl"))
    assert isinstance(results[0], tourplan.batch.BatchRequest)
    failed = results[1]
    assert isinstance(failed, tourplan.batch.BatchResult) and failed.status == "failed"
    assert failed.error is not None
    assert failed.error.message.startswith("trips.jsonl, line 2")
    assert words in failed.error.message and "\n" not in failed.error.message
    assert len(failed.error.message) < 200


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("budget", 2**31),
        ("budget", 1e300),
        ("party", 10**30),
        ("days", 10**30),
        ("max_stops", 10**20),
        ("theme_bonus", float("inf")),
        ("time_limit", 1e300),
        ("time_limit", float("nan")),
        ("lunch", {"earliest": "11:00", "latest": "13:00", "minutes": 10**20}),
        ("start", [float("nan"), 105.8]),
    ],
)
def test_a_record_number_out_of_bounds_fails_naming_its_field(field: str, value: Any) -> None:
    line = json.dumps({**trip_record(0), field: value})  # NaN and Infinity as Python writes
    (result,) = jobs_from_lines([line])
    assert isinstance(result, tourplan.batch.BatchResult) and result.error is not None
    assert result.error.field == field, result.error
    assert "\n" not in result.error.message


@pytest.mark.parametrize(
    ("option", "value"),
    [("workers", MAX_WORKERS + 1), ("workers", -1), ("window", 0), ("window", MAX_WINDOW + 1)],
)
def test_plan_many_refuses_unbounded_workers_and_window(option: str, value: int) -> None:
    with pytest.raises(tourplan.DataError) as caught:
        next(plan_many([trip_record(0)], **{option: value}))  # type: ignore[arg-type]
    assert caught.value.field == option


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed")
def test_the_console_script_reads_past_unreadable_lines(tmp_path: Path) -> None:
    lines = [
        *as_lines([trip_record(0, deterministic=True)]),
        '{"id": "big", "party": ' + "9" * 5000 + "}",
        "[" * 100_000,
        *as_lines([trip_record(1, budget=10**40)]),
    ]
    requests = write_lines(tmp_path / "trips.jsonl", lines)
    out = tmp_path / "plans.jsonl"
    done = subprocess.run(
        [str(SCRIPT), "batch", str(requests), "--out", str(out), "--workers", "0"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr  # some lines failed
    assert "Traceback" not in done.stderr
    results = {r["id"]: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    assert results["trip-0"]["status"] == "ok"
    assert "number too long" in results["2"]["error"]["message"]
    assert "nesting too deep" in results["3"]["error"]["message"]
    assert results["trip-1"]["error"]["field"] == "budget"
    assert "4 requests: 1 ok, 0 refused, 3 failed" in done.stdout + done.stderr


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed")
@pytest.mark.parametrize("value", [str(MAX_WORKERS + 1), "100000000000000000000"])
def test_the_console_script_refuses_too_many_workers(tmp_path: Path, value: str) -> None:
    requests = write_lines(tmp_path / "trips.jsonl", as_lines([trip_record(0)]))
    done = subprocess.run(
        [str(SCRIPT), "batch", str(requests), "--out", str(tmp_path / "o.jsonl"),
         "--workers", value],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 2 and "--workers" in lines[0]
    assert not (tmp_path / "o.jsonl").exists()
