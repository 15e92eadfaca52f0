"""bench/batch.py run as a user runs it: seeded requests, the table, identical itineraries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tourplan.batch import jobs_from_lines

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "batch.py"


def test_bench_writes_seeded_requests_with_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "trips.jsonl"
    args = [sys.executable, str(SCRIPT), "--requests", "20", "--bad", "3"]
    done = subprocess.run(
        [*args, "--write-requests", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = path.read_text(encoding="utf-8").splitlines()
    again = tmp_path / "again.jsonl"
    subprocess.run([*args, "--write-requests", str(again)], check=True, capture_output=True)
    assert again.read_text(encoding="utf-8").splitlines() == lines  # seeded: the same file
    items = list(jobs_from_lines(lines))
    failed = [item for item in items if type(item).__name__ == "BatchResult"]
    # the cut JSON and the bad mode fail when read; the unknown place only when planned
    assert (len(items), len(failed)) == (23, 2)
    assert "bad-mode" in {item.id for item in failed}
    assert all(
        json.loads(line)["deterministic"] for line in lines if line.startswith('{"id": "trip')
    )


def test_bench_reports_rates_and_checks_every_plan() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--requests", "3", "--only", "0"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "| in-process |" in done.stdout
    assert "itineraries in every configuration: identical" in done.stdout
