"""bench/probe.py run as a user runs it (needs the optional PyVRP of the ``bench`` extra)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "probe.py"
OPERATORS = ("Relocate1", "Swap11", "SwapTails", "InsertOptionalClient", "all")


@pytest.mark.usefixtures("pyvrp_installed")
def test_probe_prints_every_operator_and_a_plan_per_probe(tmp_path: Path) -> None:
    out = tmp_path / "probe.jsonl"
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--seconds", "0.3", "--cpu", "--json", str(out), "c101:1"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    (result,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert result["row"] == "c101:1"
    ours = result["ours"][0]
    assert ours > 0 and result["pyvrp"][0] > 0
    for op in OPERATORS:
        feasible = result[f"ls {op} feasible"]
        # a local search with a prohibitive time-warp penalty keeps the plan feasible and
        # never loses score (the probe re-schedules and validates it; an error exits non-zero)
        assert isinstance(feasible[0], int) and feasible[0] >= ours
    for key in ("pyvrp from ours", "our ls on pyvrp", "our ils from pyvrp"):
        assert result[key][0] > 0
    # PyVRP's plan is a start our search keeps or improves, never loses score from
    assert result["our ls on pyvrp"][0] >= result["pyvrp"][0]
    assert "ls all tw100" in run.stdout
