"""bench/serve.py run as a user runs it: a tiny load, the table out, every request answered."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "serve.py"


@pytest.mark.slow
def test_serve_bench_answers_every_request(tmp_path: Path) -> None:
    out = tmp_path / "rows.json"
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--requests",
            "4",
            "--clients",
            "1,3",
            "--workers",
            "1",
            "--queue",
            "0",
            "--time-limit",
            "0.3",
            "--retry",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = json.loads(out.read_text())["rows"]
    assert [r["clients"] for r in rows] == [1, 3]
    for row in rows:  # retrying clients: every request ends in a plan, none lost
        assert (row["200"], row["errors"], row["lost"]) == (4, 0, 0)
    assert rows[1]["retries"] > 0  # three clients, one solver, no queue: some were refused
    assert "| clients |" in done.stdout
