"""``tourplan batch``: bad lines explained, summary and exit codes, interrupt and resume."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import tourplan
from tourplan.cli import main
from tourplan.cli.batch import BatchProgress
from tourplan.export import itinerary_from_dict
from tourplan.plan import check_itinerary, trip_request_from_record

from .conftest import as_lines, trip_record, write_lines

SCRIPT = Path(sys.executable).parent / "tourplan"


def _results(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n") or not text, "the results file ends with a partial line"
    return [json.loads(line) for line in text.splitlines()]


def _check_ok_results(results: list[dict[str, Any]], records: dict[str, dict[str, Any]]) -> None:
    for result in results:
        if result["status"] == "ok":
            itinerary = itinerary_from_dict(result["itinerary"])
            assert check_itinerary(itinerary, trip_request_from_record(records[result["id"]])) == []


def test_batch_with_bad_lines_on_a_cluster(tmp_path: Path, cluster: Any) -> None:
    good = [trip_record(i) for i in range(4)]
    lines = [*as_lines(good[:2]), '{"id": "cut", "start": "hoan', *as_lines(good[2:])]
    lines += as_lines([trip_record(9, mode="rocket"), trip_record(10, date="10/12/2026")])
    requests = write_lines(tmp_path / "trips.jsonl", lines)
    out = tmp_path / "plans.jsonl"
    run = CliRunner().invoke(
        main, ["batch", str(requests), "--out", str(out), "--scheduler", cluster.scheduler_address]
    )
    assert run.exit_code == 1, run.output  # some lines failed
    results = _results(out)
    by_id = {r["id"]: r for r in results}
    assert sorted(by_id) == ["3", "trip-0", "trip-1", "trip-10", "trip-2", "trip-3", "trip-9"]
    assert [by_id[r["id"]]["status"] for r in good] == ["ok"] * 4
    _check_ok_results(results, {r["id"]: r for r in good})
    assert by_id["3"]["error"]["message"].startswith("trips.jsonl, line 3, column")
    assert by_id["trip-9"]["error"] | {"message": ""} == {
        "kind": "bad-request",
        "type": "DataError",
        "field": "mode",
        "message": "",
    }
    assert "trips.jsonl, line 7, field 'date'" in by_id["trip-10"]["error"]["message"]
    assert "7 requests: 4 ok, 0 refused, 3 failed" in run.output
    assert "failed: trips.jsonl, line 6, field 'mode'" in run.output


def test_all_ok_exits_zero_and_refused_is_an_answer(tmp_path: Path) -> None:
    records = [
        trip_record(0),
        trip_record(1, day_end="10:00", lunch=None, must=["bat-trang", "van-phuc", "duong-lam"]),
    ]
    requests = write_lines(tmp_path / "trips.jsonl", as_lines(records))
    out = tmp_path / "plans.jsonl"
    run = CliRunner().invoke(main, ["batch", str(requests), "--out", str(out), "--workers", "0"])
    assert run.exit_code == 0, run.output
    assert [r["status"] for r in sorted(_results(out), key=lambda r: r["id"])] == ["ok", "refused"]
    assert "2 requests: 1 ok, 1 refused, 0 failed" in run.output


def test_existing_results_need_resume(tmp_path: Path) -> None:
    requests = write_lines(tmp_path / "trips.jsonl", as_lines([trip_record(0)]))
    out = tmp_path / "plans.jsonl"
    out.write_text('{"id": "trip-0", "status": "ok"}\n', encoding="utf-8")
    run = CliRunner().invoke(main, ["batch", str(requests), "--out", str(out), "--workers", "0"])
    assert run.exit_code == 2
    assert "already exists: pass --resume" in run.output
    resumed = CliRunner().invoke(
        main, ["batch", str(requests), "--out", str(out), "--workers", "0", "--resume"]
    )
    assert resumed.exit_code == 0, resumed.output
    assert "1 requests: 1 ok, 0 refused, 0 failed (1 already done, skipped)" in resumed.output


def test_workers_and_scheduler_are_exclusive(tmp_path: Path) -> None:
    requests = write_lines(tmp_path / "trips.jsonl", as_lines([trip_record(0)]))
    run = CliRunner().invoke(
        main,
        [
            "batch",
            str(requests),
            "--out",
            str(tmp_path / "o.jsonl"),
            "--workers",
            "2",
            "--scheduler",
            "tcp://127.0.0.1:1",
        ],
    )
    assert run.exit_code == 2
    assert "not both" in run.output


def test_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    requests = write_lines(tmp_path / "trips.jsonl", as_lines([trip_record(0)]))
    args = ["batch", str(requests), "--out", str(tmp_path / "o.jsonl")]
    run = CliRunner().invoke(main, [*args, "--scheduler", "tcp://127.0.0.1:1"])
    assert run.exit_code == 2
    assert run.output.startswith("Error: --scheduler: cannot reach the Dask scheduler")
    assert "Traceback" not in run.output
    assert not (tmp_path / "o.jsonl").exists()  # the run never started: no empty file


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed")
def test_interrupted_run_resumes_without_repeating_or_losing_a_request(
    tmp_path: Path, cluster: Any
) -> None:
    records = [trip_record(i) for i in range(8)]
    requests = write_lines(tmp_path / "trips.jsonl", as_lines(records))
    out = tmp_path / "plans.jsonl"
    args = [str(SCRIPT), "batch", str(requests), "--out", str(out)]
    args += ["--scheduler", cluster.scheduler_address]
    first = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        assert first.poll() is None, first.communicate()
        time.sleep(0.05)
    first.send_signal(signal.SIGINT)
    _, stderr = first.communicate(timeout=60)
    assert first.returncode == 130, stderr
    assert "run again with --resume" in stderr
    before = _results(out)
    assert 1 <= len(before) < len(records)

    second = subprocess.run(
        [*args, "--resume"], capture_output=True, text=True, timeout=300, check=False
    )
    assert second.returncode == 0, second.stderr
    results = _results(out)
    assert sorted(r["id"] for r in results) == sorted(r["id"] for r in records)
    assert results[: len(before)] == before
    assert f"({len(before)} already done, skipped)" in second.stderr
    _check_ok_results(results, {r["id"]: r for r in records})


def test_progress_bar_shows_counts_rate_and_time_left() -> None:
    import io

    stream = io.StringIO()
    bar = BatchProgress(4, stream, enabled=True)
    bar.started -= 2.0  # two seconds ago
    bar.update("ok")
    bar.update("failed")
    line = bar.line()
    assert "2/4" in line and "ok 1 refused 0 failed 1" in line
    assert "plans/s" in line and "left" in line
    assert line.startswith("[" + "#" * 12 + "." * 12 + "]")


def test_batch_plans_match_tourplan_route(tmp_path: Path) -> None:
    record = trip_record(0, must=["Bát Tràng"], themes=["ceramics"])
    requests = write_lines(tmp_path / "trips.jsonl", as_lines([record]))
    out = tmp_path / "plans.jsonl"
    run = CliRunner().invoke(main, ["batch", str(requests), "--out", str(out), "--workers", "0"])
    assert run.exit_code == 0, run.output
    route = tmp_path / "route.json"
    args = ["route", "--start", "hoan-kiem-lake", "--date", record["date"], "--mode", "car"]
    args += ["--pace", "normal", "--must", "Bát Tràng", "--theme", "ceramics"]
    args += ["--deterministic", "--json", str(route)]
    single = CliRunner().invoke(main, args)
    assert single.exit_code == 0, single.output
    assert _results(out)[0]["itinerary"] == json.loads(route.read_text(encoding="utf-8"))
    assert tourplan.check_itinerary  # the public checker is the one used above
